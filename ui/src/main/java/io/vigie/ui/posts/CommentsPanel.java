package io.vigie.ui.posts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.vigie.ui.api.Comment;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.UUID;
import java.util.function.IntConsumer;

/** The discussion under a post: comments oldest first, their replies, and a box to add one. */
class CommentsPanel extends Div {

    private final SocialClient social;
    private final UUID postId;
    private final IntConsumer countChanged;
    private final Div thread = new Div();

    CommentsPanel(SocialClient social, UUID postId, IntConsumer countChanged) {
        this.social = social;
        this.postId = postId;
        this.countChanged = countChanged;
        addClassName("vigie-comments");
        TextArea text = new TextArea();
        text.setPlaceholder(getTranslation("comments.placeholder"));
        text.setAriaLabel(getTranslation("comments.placeholder"));
        text.setMaxLength(5_000);
        text.setWidthFull();
        text.addClassName("comment-text");
        Button send = new Button(getTranslation("comments.send"), click -> {
            if (text.getValue().isBlank()) {
                return;
            }
            try {
                social.comment(postId, null, text.getValue());
                text.clear();
                reload();
            } catch (RestClientException e) {
                Notification.show(getTranslation("comments.failed"));
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        send.addClassName("comment-send");
        add(thread, text, send);
        reload();
    }

    private void reload() {
        thread.removeAll();
        try {
            var comments = social.comments(postId);
            int count = 0;
            for (Comment comment : comments) {
                thread.add(render(comment, false));
                count += (comment.deleted() ? 0 : 1) + comment.replies().size();
            }
            countChanged.accept(count);
        } catch (RestClientException e) {
            thread.add(new Span(getTranslation("home.api-unavailable")));
        }
    }

    private Div render(Comment comment, boolean reply) {
        Div box = new Div();
        box.addClassName(reply ? "vigie-reply" : "vigie-comment");
        Span author = new Span(comment.author().name());
        author.addClassName("comment-author");
        box.add(author);
        if (comment.deleted()) {
            Span gone = new Span(getTranslation("comments.deleted"));
            gone.addClassName("comment-deleted");
            box.add(gone);
        } else {
            // Sanitised by the API; one root element for Html.
            box.add(new Html("<div class=\"comment-body\">" + comment.html() + "</div>"));
        }
        comment.replies().forEach(child -> box.add(render(child, true)));
        return box;
    }
}
