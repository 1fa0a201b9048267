package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** One post in a feed: who, where, when, the rendered text, and the votes. */
public class PostCard extends Div {

    private CommentsPanel discussion;
    private final VoteWidget votes;
    private final Button comments;

    public PostCard(SocialClient social, Post post) {
        addClassName("vigie-post");
        getElement().setAttribute("data-post-id", post.id().toString());

        Span author = new Span(post.author().name());
        author.addClassName("post-author");
        Span space = new Span(getTranslation("post.in-space", post.space().name()));
        space.addClassName("post-space");
        Span when = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).format(post.createdAt().toLocalDateTime()));
        when.addClassName("post-time");
        HorizontalLayout header = new HorizontalLayout(author, space, when);
        header.addClassName("post-header");
        if (post.editedAt() != null) {
            Span edited = new Span(getTranslation("post.edited"));
            edited.addClassName("post-edited");
            header.add(edited);
        }
        if (post.pinned()) {
            Span pinned = new Span(getTranslation("post.pinned"));
            pinned.addClassName("post-pinned");
            header.addComponentAsFirst(pinned);
        }

        // The API sanitised this HTML with an allow-list; Html needs exactly one root element.
        Html body = new Html("<div class=\"post-body\">" + post.html() + "</div>");

        comments = new Button(getTranslation("post.comments", post.commentCount()));
        comments.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        comments.addClassName("post-comments");
        comments.addClickListener(click -> {
            if (discussion == null) {
                discussion = new CommentsPanel(social, post.id(),
                        count -> comments.setText(getTranslation("post.comments", count)));
                add(discussion);
            } else {
                discussion.setVisible(!discussion.isVisible());
            }
        });
        votes = new VoteWidget(social, post);
        HorizontalLayout footer = new HorizontalLayout(votes, comments);
        footer.addClassName("post-footer");
        footer.setAlignItems(HorizontalLayout.Alignment.CENTER);

        add(header, body, footer);
    }

    /** Counts changed elsewhere (live update). */
    void showCounts(int score, int commentCount) {
        votes.showScore(score);
        comments.setText(getTranslation("post.comments", commentCount));
    }
}
