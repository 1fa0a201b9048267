package io.vigie.ui.posts;

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
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

/** Every post with a hashtag that the reader may see, latest or most relevant first. */
@Route(value = "tags/:tag", layout = MainLayout.class)
@PermitAll
public class TagView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;
    private final LiveStream live;

    public TagView(PeopleClient people, SocialClient social, LiveStream live) {
        this.people = people;
        this.social = social;
        this.live = live;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String tag = event.getRouteParameters().get("tag").orElse("");
        Pages.title(this, "#" + tag);
        H2 title = new H2("#" + tag);
        title.setId("tag-title");
        try {
            // A live event carries no hashtags: new posts appear here on the next visit.
            FeedList feed = new FeedList(social, Viewer.load(people, social), live, created -> false);
            Tab latest = new Tab(getTranslation("feed.latest"));
            Tab relevant = new Tab(getTranslation("feed.relevant"));
            Tabs orders = new Tabs(latest, relevant);
            orders.addSelectedChangeListener(change -> feed.show(cursor ->
                    social.tagFeed(tag, change.getSelectedTab() == relevant ? "relevant" : "latest", cursor)));
            add(title, orders, feed);
            feed.show(cursor -> social.tagFeed(tag, "latest", cursor));
        } catch (RestClientException e) {
            add(title, Pages.unavailable());
        }
    }
}
