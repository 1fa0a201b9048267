package io.vigie.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.vigie.ui.api.ArticleClient;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.articles.ShareDialog;
import io.vigie.ui.api.Me;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.posts.Composer;
import io.vigie.ui.posts.FeedList;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The home page: who you are, the composer, and the home feed (relevant or latest), live. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Vigie")
@PermitAll
public class HomeView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HomeView.class);

    public HomeView(PeopleClient people, SocialClient social, LiveStream live, ArticleClient articles) {
        addClassName("vigie-home");
        try {
            Viewer viewer = Viewer.load(people, social);
            showProfile(viewer.me());
            Button shareLink = new Button(getTranslation("share.open"), VaadinIcon.LINK.create(),
                    click -> new ShareDialog(articles, viewer.postable()).open());
            shareLink.setId("share-link");
            add(shareLink);
            showFeed(social, viewer, live);
        } catch (RestClientException e) {
            log.warn("the API did not answer: {}", e.toString());
            Paragraph error = new Paragraph(getTranslation("home.api-unavailable"));
            error.setId("api-error");
            error.addClassName("vigie-error");
            add(error);
        }
    }

    private void showProfile(Me me) {
        H2 welcome = new H2(getTranslation("home.welcome", me.displayName()));
        welcome.setId("welcome");

        Div card = new Div();
        card.addClassName("vigie-card");
        Anchor profile = new Anchor("people/" + me.username(), getTranslation("home.my-profile"));
        profile.setId("my-profile");
        Anchor leaderboard = new Anchor("leaderboard", getTranslation("leaderboard.title"));
        leaderboard.setId("my-leaderboard");
        card.add(line("home.department", me.department() == null ? getTranslation("home.no-department") : me.department(), "department"),
                line("home.roles", String.join(", ", me.roles()), "roles"),
                line("home.email", me.email() == null ? "" : me.email(), "email"),
                line("home.member-since", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale()).format(me.createdAt()), "member-since"),
                new Paragraph(profile, new Span(" · "), leaderboard));
        add(welcome, card);
    }

    private void showFeed(SocialClient social, Viewer viewer, LiveStream live) {
        // The live stream sends "post created" only for the home feed: every one belongs here.
        FeedList feed = new FeedList(social, viewer, live, event -> true);
        Composer composer = new Composer(social, viewer.postable(), feed::prepend);

        Tab relevant = new Tab(getTranslation("feed.relevant"));
        relevant.setId("feed-relevant");
        Tab latest = new Tab(getTranslation("feed.latest"));
        latest.setId("feed-latest");
        Tabs orders = new Tabs(relevant, latest);
        orders.addSelectedChangeListener(change -> feed.show(cursor ->
                social.homeFeed(change.getSelectedTab() == latest ? "latest" : "relevant", cursor)));

        add(composer, orders, feed);
        feed.show(cursor -> social.homeFeed("relevant", cursor));
    }

    private Paragraph line(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("vigie-label");
        Span text = new Span(value);
        text.setId(id);
        return new Paragraph(label, text);
    }
}
