package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.vigie.ui.api.FeedPage;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.function.Function;

/** A feed, one page at a time, with "show more" following the API's cursor. */
public class FeedList extends VerticalLayout {

    private final SocialClient social;
    private final Div items = new Div();
    private final Button more = new Button();
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
        next = null;
        loadNext();
    }

    /** A post this person just wrote goes on top at once, before search has indexed it. */
    public void prepend(Post post) {
        items.getElement().insertChild(0, new PostCard(social, post).getElement());
    }

    private void loadNext() {
        try {
            FeedPage page = source.apply(next);
            page.items().forEach(post -> items.add(new PostCard(social, post)));
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
