package io.vigie.ui.posts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.spaces.SpaceView;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.UUID;

/** One post with its discussion open: where a link to a post, or a notification, leads. */
@Route(value = "posts/:postId", layout = MainLayout.class)
@PermitAll
public class PostView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;

    public PostView(PeopleClient people, SocialClient social) {
        this.people = people;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("postId").orElse(""));
            Post post = social.post(id);
            Pages.title(this, post.author().name());
            PostCard card = new PostCard(social, Viewer.load(people, social), post,
                    deleted -> UI.getCurrent().navigate(SpaceView.class, SpaceView.parameters(post.space().id())));
            card.openDiscussion();
            add(card);
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("post.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
