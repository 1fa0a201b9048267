package io.vigie.ui.questions;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.FeedList;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

/**
 * Questions from every space the person may see, newest first: those still waiting for an
 * accepted answer (where a colleague can help), or all of them. Questions are asked from the
 * composer ("Ask a question").
 */
@Route(value = "questions", layout = MainLayout.class)
@PermitAll
public class QuestionsView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;
    private final LiveStream live;

    public QuestionsView(PeopleClient people, SocialClient social, LiveStream live) {
        this.people = people;
        this.social = social;
        this.live = live;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("questions.title"));
        H2 title = new H2(getTranslation("questions.title"));
        title.setId("questions-title");
        try {
            // A live event does not say whether a new post is a question: new ones show on the next visit.
            FeedList feed = new FeedList(social, Viewer.load(people, social), live, created -> false);
            Tab unanswered = new Tab(getTranslation("questions.unanswered"));
            unanswered.setId("questions-unanswered");
            Tab all = new Tab(getTranslation("questions.all"));
            all.setId("questions-all");
            Tabs which = new Tabs(unanswered, all);
            which.addSelectedChangeListener(change -> feed.show(cursor ->
                    social.questions(null, change.getSelectedTab() == unanswered, cursor)));
            add(title, which, feed);
            feed.show(cursor -> social.questions(null, true, cursor));
        } catch (RestClientException e) {
            add(title, Pages.unavailable());
        }
    }
}
