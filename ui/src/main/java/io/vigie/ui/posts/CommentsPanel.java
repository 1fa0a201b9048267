package io.vigie.ui.posts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Comment;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The discussion under a post: comments oldest first, one level of replies, votes, and for each
 * comment the actions the viewer may take (reply; edit for the author; delete for the author,
 * the space's owners and moderators).
 */
class CommentsPanel extends Div {

    private static final int MAX_LENGTH = 5_000;

    private final SocialClient social;
    private final Viewer viewer;
    private final Post post;
    private final IntConsumer countChanged;
    private final java.util.function.Consumer<Post> answerAccepted;
    private final Div thread = new Div();
    private int shown;

    /** @param answerAccepted told the question as it stands after its asker accepts an answer or takes it back */
    CommentsPanel(SocialClient social, Viewer viewer, Post post, IntConsumer countChanged, java.util.function.Consumer<Post> answerAccepted) {
        this.answerAccepted = answerAccepted;
        this.social = social;
        this.viewer = viewer;
        this.post = post;
        this.countChanged = countChanged;
        addClassName("vigie-comments");
        TextArea text = editor("comment-text");
        Button send = new Button(getTranslation("comments.send"), click -> write(text, () -> social.comment(post.id(), null, text.getValue())));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        send.addClassName("comment-send");
        add(thread, text, send);
        reload();
    }

    /** How many live comments are on screen (to tell whether a live count means something new). */
    int shownCount() {
        return shown;
    }

    void reload() {
        thread.removeAll();
        try {
            int count = 0;
            for (Comment comment : social.comments(post.id())) {
                thread.add(render(comment, false));
                count += (comment.deleted() ? 0 : 1) + (int) comment.replies().stream().filter(reply -> !reply.deleted()).count();
            }
            shown = count;
            countChanged.accept(count);
        } catch (RestClientException e) {
            thread.add(new Span(getTranslation("home.api-unavailable")));
        }
    }

    private Div render(Comment comment, boolean reply) {
        Div box = new Div();
        box.addClassName(reply ? "vigie-reply" : "vigie-comment");
        box.getElement().setAttribute("data-comment-id", comment.id().toString());
        Anchor author = new Anchor("people/" + comment.author().username(), comment.author().name());
        author.addClassName("comment-author");
        box.add(author);
        if (comment.accepted()) {
            box.addClassName("accepted");
            Span badge = new Span(getTranslation("question.accepted-answer"));
            badge.addClassName("accepted-badge");
            box.add(badge);
        }
        if (comment.deleted()) {
            Span gone = new Span(getTranslation("comments.deleted"));
            gone.addClassName("comment-deleted");
            box.add(gone);
        } else {
            if (comment.editedAt() != null) {
                Span edited = new Span(getTranslation("post.edited"));
                edited.addClassName("comment-edited");
                box.add(edited);
            }
            // Sanitised by the API; one root element for Html.
            box.add(new Html("<div class=\"comment-body\">" + comment.html() + "</div>"), actions(comment, reply, box));
        }
        comment.replies().forEach(child -> box.add(render(child, true)));
        return box;
    }

    private HorizontalLayout actions(Comment comment, boolean reply, Div box) {
        HorizontalLayout actions = new HorizontalLayout(
                new VoteWidget(comment.score(), comment.myVote(), value -> social.voteComment(comment.id(), value)));
        actions.addClassName("comment-actions");
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        actions.setWrap(true);
        if (!reply) {
            actions.add(small("comments.reply", "comment-reply", () -> openEditor(box, "reply-text", "",
                    text -> () -> social.comment(post.id(), comment.id(), text.getValue()))));
        }
        // On a question, the asker (or an owner) accepts one answer, or takes the acceptance back.
        if (!reply && post.question() && (viewer.wrote(post) || viewer.owns(post.space()))) {
            actions.add(comment.accepted()
                    ? small("question.unaccept", "answer-unaccept", () -> write(null, () -> accept(null)))
                    : small("question.accept", "answer-accept", () -> write(null, () -> accept(comment.id()))));
        }
        boolean mine = viewer.me().id().equals(comment.author().id());
        if (mine) {
            actions.add(small("post.edit", "comment-edit", () -> openEditor(box, "comment-editor", comment.markdown(),
                    text -> () -> social.editComment(comment.id(), text.getValue()))));
        }
        if (!mine) {
            actions.add(small("post.report", "comment-report", () -> ReportDialog.open(social, "comment", comment.id())));
        }
        if (mine || viewer.owns(post.space()) || viewer.moderator()) {
            actions.add(small("post.delete", "comment-delete", () -> write(null, () -> {
                social.deleteComment(comment.id());
                return null;
            })));
        }
        return actions;
    }

    private Post accept(java.util.UUID commentId) {
        Post question = social.acceptAnswer(post.id(), commentId);
        answerAccepted.accept(question);
        return question;
    }

    /** A box under the comment to reply or to edit, sent with the given call. */
    private void openEditor(Div box, String className, String initial,
                            java.util.function.Function<TextArea, Supplier<?>> call) {
        box.getChildren().filter(child -> child.hasClassName("comment-form")).toList().forEach(box::remove);
        TextArea text = editor(className);
        text.setValue(initial == null ? "" : initial);
        Button send = new Button(getTranslation("comments.send"), click -> write(text, call.apply(text)));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        send.addClassName("comment-form-send");
        Div form = new Div(text, send);
        form.addClassName("comment-form");
        box.add(form);
        text.focus();
    }

    private void write(TextArea text, Supplier<?> call) {
        if (text != null && text.getValue().isBlank()) {
            return;
        }
        try {
            call.get();
            if (text != null) {
                text.clear();
            }
            reload();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("comments.failed")), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private TextArea editor(String className) {
        TextArea text = new TextArea();
        text.setPlaceholder(getTranslation("comments.placeholder"));
        text.setAriaLabel(getTranslation("comments.placeholder"));
        text.setMaxLength(MAX_LENGTH);
        text.setWidthFull();
        text.addClassName(className);
        return text;
    }

    private Button small(String label, String className, Runnable run) {
        Button button = new Button(getTranslation(label), click -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        return button;
    }
}
