package io.vigie.ui.spaces;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.ArticleClient;
import io.vigie.ui.articles.ShareDialog;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.Composer;
import io.vigie.ui.posts.FeedList;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;

/**
 * A space's page: what it is, join/follow/leave, the composer for members, its feed (pinned posts
 * first), and for owners the settings, members, invitations and requests. A private space shows an
 * outsider the same page as a space that does not exist, with a way to ask for access.
 */
@Route(value = "spaces/:spaceId", layout = MainLayout.class)
@PermitAll
public class SpaceView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;
    private final LiveStream live;
    private final ArticleClient articles;
    private UUID spaceId;

    public SpaceView(PeopleClient people, SocialClient social, LiveStream live, ArticleClient articles) {
        this.people = people;
        this.social = social;
        this.live = live;
        this.articles = articles;
        addClassName("vigie-home");
    }

    public static RouteParameters parameters(UUID spaceId) {
        return new RouteParameters("spaceId", spaceId.toString());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            spaceId = UUID.fromString(event.getRouteParameters().get("spaceId").orElse(""));
        } catch (IllegalArgumentException e) {
            spaceId = null;
        }
        render();
    }

    private void render() {
        removeAll();
        if (spaceId == null) {
            add(Pages.notFound(getTranslation("space.not-found")));
            return;
        }
        try {
            SpaceSummary space = social.space(spaceId);
            Viewer viewer = Viewer.load(people, social);
            Pages.title(this, space.name());
            add(header(space));
            if ("owner".equals(space.myRole())) {
                add(new SpaceSettings(social, space, this::render));
            }
            FeedList feed = new FeedList(social, viewer, live, created -> spaceId.equals(created.spaceId()));
            if (space.canPost()) {
                Button shareLink = new Button(getTranslation("share.open"), VaadinIcon.LINK.create(),
                        click -> new ShareDialog(articles, List.of(space)).open());
                shareLink.setId("share-link");
                add(new Composer(social, List.of(space), feed::prepend), shareLink);
            }
            Tab latest = new Tab(getTranslation("feed.latest"));
            latest.setId("feed-latest");
            Tab relevant = new Tab(getTranslation("feed.relevant"));
            relevant.setId("feed-relevant");
            Tabs orders = new Tabs(latest, relevant);
            orders.addSelectedChangeListener(change -> feed.show(cursor ->
                    social.spaceFeed(spaceId, change.getSelectedTab() == relevant ? "relevant" : "latest", cursor)));
            add(orders, feed);
            feed.show(cursor -> social.spaceFeed(spaceId, "latest", cursor));
        } catch (HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("space.not-found")), askForAccess());
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private Div header(SpaceSummary space) {
        H2 name = new H2(space.name());
        name.setId("space-name");
        Div card = new Div(name);
        card.addClassName("vigie-card");
        if (space.color() != null) {
            card.getStyle().set("border-left", "6px solid " + space.color());
        }
        Span kind = new Span(getTranslation("spaces.kind." + space.kind()));
        kind.setId("space-kind");
        Span members = new Span(getTranslation("spaces.members", space.members()));
        Paragraph facts = new Paragraph(kind, members);
        if (space.myRole() != null) {
            Span role = new Span(getTranslation("spaces.role." + space.myRole()));
            role.setId("space-my-role");
            facts.add(role);
        }
        card.add(facts);
        if (space.description() != null && !space.description().isBlank()) {
            Paragraph description = new Paragraph(space.description());
            description.setId("space-description");
            card.add(description);
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if ("open".equals(space.kind()) && !space.canPost()) {
            actions.add(action("spaces.join", "space-join", () -> social.join(space.id())));
        }
        if (space.myRole() == null) {
            actions.add(action("spaces.follow", "space-follow", () -> social.follow(space.id())));
        }
        if (space.myRole() != null && !"department".equals(space.kind()) && !"owner".equals(space.myRole())) {
            actions.add(action("spaces.leave", "space-leave", () -> social.leave(space.id())));
        }
        card.add(actions);
        // The space's trend-watch: its trend board, its weekly digest, its watch inbox and sources.
        HorizontalLayout watch = new HorizontalLayout(
                link("space.trends", "space-trends", "trends?space=" + space.id()),
                link("space.digest", "space-digest", "spaces/" + space.id() + "/digest"));
        if (space.canPost()) {
            watch.add(link("space.watch", "space-watch", "spaces/" + space.id() + "/watch"));
        }
        watch.setWrap(true);
        watch.addClassName("space-links");
        card.add(watch);
        return card;
    }

    /** The same answer whether the space is private or does not exist: the API replies 202 either way. */
    private Div askForAccess() {
        TextField message = new TextField(getTranslation("space.request-message"));
        message.setId("request-message");
        message.setMaxLength(500);
        message.setWidthFull();
        Button ask = new Button(getTranslation("space.request"), click -> {
            try {
                social.askToJoin(spaceId, message.getValue());
                message.clear();
                Notification.show(getTranslation("space.request-sent"), 5000, Notification.Position.MIDDLE);
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("spaces.action-failed")));
            }
        });
        ask.setId("request-access");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div box = new Div(new Paragraph(getTranslation("space.request-help")), message, ask);
        box.addClassName("vigie-card");
        return box;
    }

    private com.vaadin.flow.component.html.Anchor link(String label, String id, String href) {
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(href, getTranslation(label));
        link.setId(id);
        return link;
    }

    private Button action(String label, String id, Runnable call) {
        Button button = new Button(getTranslation(label), click -> {
            try {
                call.run();
                render();
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("spaces.action-failed")));
            }
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
