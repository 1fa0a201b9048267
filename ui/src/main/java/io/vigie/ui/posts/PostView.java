package io.vigie.ui.posts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SearchClient;
import io.vigie.ui.api.SearchResults;
import org.springframework.web.util.HtmlUtils;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.spaces.SpaceView;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;

/** One post with its discussion open: where a link to a post, or a notification, leads. */
@Route(value = "posts/:postId", layout = MainLayout.class)
@PermitAll
public class PostView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;
    private final SearchClient search;

    public PostView(PeopleClient people, SocialClient social, SearchClient search) {
        this.people = people;
        this.social = social;
        this.search = search;
        addClassName("vigie-home");
    }

    /** "Related": what search finds like this post, among what the reader may read; nothing if search is away. */
    private void showRelated(UUID id) {
        try {
            List<SearchResults.Item> related = search.related(id);
            if (related.isEmpty()) {
                return;
            }
            Div box = new Div(new H3(getTranslation("post.related")));
            box.setId("related");
            box.addClassName("vigie-card");
            related.forEach(item -> {
                String path = HtmlUtils.htmlEscape(item.url().startsWith("/") ? item.url().substring(1) : item.url());
                // Escaped by the API, with <mark> tags only; one root element for Html.
                box.add(new Html("<a class=\"related-item\" href=\"" + path + "\">" + (item.snippet() == null ? "" : item.snippet()) + "</a>"));
            });
            add(box);
        } catch (RestClientException e) {
            // Related items are a bonus: the post and its discussion are already on the page.
        }
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
            showRelated(id);
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("post.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
