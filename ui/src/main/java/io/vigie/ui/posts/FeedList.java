package io.vigie.ui.posts;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.vigie.ui.api.FeedPage;
import io.vigie.ui.api.LiveEvent;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.api.Notifications;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A feed, one page at a time, with "show more" following the API's cursor. While it is on screen
 * it follows the live stream: new posts that belong here go on top, counts and deletions update in
 * place, and the bell hears about new notifications, all without reloading.
 */
public class FeedList extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(FeedList.class);

    private final SocialClient social;
    private final Viewer viewer;
    private final LiveStream live;
    private final Predicate<LiveEvent> newPostsHere;
    private final Div items = new Div();
    private final Button more = new Button();
    private final Map<UUID, PostCard> cards = new HashMap<>();
    /** Posts shown whose live updates need the post read again (polls, ideas); read by the stream's thread. */
    private final java.util.Set<UUID> withLiveParts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Function<String, FeedPage> source;
    private String next;
    private AutoCloseable following;

    /**
     * @param newPostsHere which live "post created" events belong in this feed (the stream only
     *                     sends those of the person's home feed)
     */
    public FeedList(SocialClient social, Viewer viewer, LiveStream live, Predicate<LiveEvent> newPostsHere) {
        this.social = social;
        this.viewer = viewer;
        this.live = live;
        this.newPostsHere = newPostsHere;
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
        PostCard card = card(post);
        items.getElement().insertChild(0, card.getElement());
    }

    /** Live: someone voted or commented on a post shown here. */
    public void update(UUID postId, int score, int commentCount, Post fresh) {
        PostCard card = cards.get(postId);
        if (card != null) {
            card.showCounts(score, commentCount, fresh);
        }
    }

    /** A post shown here was deleted (here, or elsewhere and announced live). */
    public void remove(UUID postId) {
        PostCard card = cards.remove(postId);
        if (card != null) {
            items.remove(card);
        }
    }

    public boolean shows(UUID postId) {
        return cards.containsKey(postId);
    }

    private PostCard card(Post post) {
        PostCard card = new PostCard(social, viewer, post, this::remove);
        cards.put(post.id(), card);
        if (PostCard.showsLiveParts(post)) {
            withLiveParts.add(post.id());
        }
        return card;
    }

    private void loadNext() {
        try {
            FeedPage page = source.apply(next);
            page.items().stream().filter(post -> !cards.containsKey(post.id())).forEach(post -> items.add(card(post)));
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

    @Override
    protected void onAttach(AttachEvent attach) {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null || following != null) {
            return;
        }
        UI ui = attach.getUI();
        following = live.follow(person, event -> {
            try {
                if (event.notification()) {
                    Notifications notifications = live.notifications(person);
                    ui.access(() -> {
                        MainLayout layout = findAncestor(MainLayout.class);
                        if (layout != null) {
                            layout.bell().show(notifications);
                        }
                    });
                } else if (event.created()) {
                    if (newPostsHere.test(event)) {
                        Post post = live.post(person, event.postId());
                        ui.access(() -> prepend(post));
                    }
                } else if (event.deleted()) {
                    ui.access(() -> remove(event.postId()));
                } else {
                    // Read here, off the UI lock, with the person's own token (a push thread has no request).
                    Post fresh = withLiveParts.contains(event.postId()) ? live.post(person, event.postId()) : null;
                    ui.access(() -> update(event.postId(), event.upvotes() - event.downvotes(), event.commentCount(), fresh));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("live event {} not shown: {}", event.type(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
}
