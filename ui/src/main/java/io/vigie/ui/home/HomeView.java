package io.vigie.ui.home;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.api.Me;
import io.vigie.ui.api.Notifications;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.posts.Composer;
import io.vigie.ui.posts.FeedList;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClientException;

import java.io.IOException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** The home page: who you are, the composer, and the home feed (relevant or latest). */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Vigie")
@PermitAll
public class HomeView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HomeView.class);

    private final LiveStream live;
    private FeedList feed;
    private AutoCloseable following;

    public HomeView(PeopleClient people, SocialClient social, LiveStream live) {
        this.live = live;
        addClassName("vigie-home");
        try {
            showProfile(people.me());
            showFeed(social);
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
        card.add(line("home.department", me.department() == null ? getTranslation("home.no-department") : me.department(), "department"),
                line("home.roles", String.join(", ", me.roles()), "roles"),
                line("home.email", me.email() == null ? "" : me.email(), "email"),
                line("home.member-since", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale()).format(me.createdAt()), "member-since"));
        add(welcome, card);
    }

    private void showFeed(SocialClient social) {
        // The person's department space first: where most of their posts go.
        List<SpaceSummary> postable = social.spaces().stream().filter(SpaceSummary::canPost)
                .sorted(java.util.Comparator.comparing((SpaceSummary space) -> !"department".equals(space.kind())))
                .toList();
        feed = new FeedList(social);
        Composer composer = new Composer(social, postable, feed::prepend);

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

    /** While the page is open, changes made by others arrive through push, without reloading. */
    @Override
    protected void onAttach(AttachEvent attach) {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (feed == null || person == null) {
            return;
        }
        UI ui = attach.getUI();
        following = live.follow(person, event -> {
            if (event.notification()) {
                try {
                    Notifications notifications = live.notifications(person);
                    ui.access(() -> getParent().filter(MainLayout.class::isInstance).map(MainLayout.class::cast)
                            .ifPresent(layout -> layout.bell().show(notifications)));
                } catch (IOException | RuntimeException e) {
                    log.debug("live notification not shown: {}", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (event.created()) {
                try {
                    Post post = live.post(person, event.postId());
                    ui.access(() -> feed.prepend(post));
                } catch (IOException | RuntimeException e) {
                    log.debug("live post {} not shown: {}", event.postId(), e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (event.deleted()) {
                ui.access(() -> feed.remove(event.postId()));
            } else {
                ui.access(() -> feed.update(event.postId(), event.upvotes() - event.downvotes(), event.commentCount()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (following != null) {
            try {
                following.close();
            } catch (Exception e) {
                log.debug("live stream not closed cleanly: {}", e.toString());
            }
            following = null;
        }
    }

    private Paragraph line(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("vigie-label");
        Span text = new Span(value);
        text.setId(id);
        return new Paragraph(label, text);
    }
}
