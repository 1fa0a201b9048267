package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.vigie.ui.api.FeedPage;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A feed, one page at a time, with "show more" following the API's cursor. */
public class FeedList extends VerticalLayout {

    private final SocialClient social;
    private final Div items = new Div();
    private final Button more = new Button();
    private final Map<UUID, PostCard> cards = new HashMap<>();
    private Function<String, FeedPage> source;
    private String next;

    public FeedList(SocialClient social) {
        this.social = social;
        addClassName("vigie-feed");
        setPadding(false);
        items.setId("feed-items");
        items.setWidthFull();
        more.setText(getTranslation("feed.more"));
        more.setId("feed-more");
        more.addClickListener(click -> loadNext());
        add(items, more);
    }

    /** Shows the first page of another feed (for example another order). */
    public void show(Function<String, FeedPage> pages) {
        source = pages;
        items.removeAll();
        cards.clear();
        next = null;
        loadNext();
    }

    /** A post this person just wrote goes on top at once, before search has indexed it. */
    public void prepend(Post post) {
        if (cards.containsKey(post.id())) {
            return;
        }
        items.getChildren().filter(child -> child.hasClassName("feed-empty")).toList().forEach(items::remove);
        PostCard card = new PostCard(social, post);
        cards.put(post.id(), card);
        items.getElement().insertChild(0, card.getElement());
    }

    /** Live: someone voted or commented on a post shown here. */
    public void update(UUID postId, int score, int commentCount) {
        PostCard card = cards.get(postId);
        if (card != null) {
            card.showCounts(score, commentCount);
        }
    }

    /** Live: a post shown here was deleted. */
    public void remove(UUID postId) {
        PostCard card = cards.remove(postId);
        if (card != null) {
            items.remove(card);
        }
    }

    public boolean shows(UUID postId) {
        return cards.containsKey(postId);
    }

    private void loadNext() {
        try {
            FeedPage page = source.apply(next);
            page.items().stream().filter(post -> !cards.containsKey(post.id())).forEach(post -> {
                PostCard card = new PostCard(social, post);
                cards.put(post.id(), card);
                items.add(card);
            });
            next = page.next();
            if (items.getComponentCount() == 0) {
                Paragraph empty = new Paragraph(getTranslation("feed.empty"));
                empty.addClassName("feed-empty");
                items.add(empty);
            }
        } catch (RestClientException e) {
            items.add(new Paragraph(getTranslation("home.api-unavailable")));
            next = null;
        }
        more.setVisible(next != null);
    }
}
