package io.vigie.ui.posts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One post: who, where, when, the rendered text, the votes, the discussion, and the actions the
 * viewer may take on it (edit for the author; delete for the author, owners and moderators; pin
 * for owners).
 */
public class PostCard extends Div {

    private final SocialClient social;
    private final Viewer viewer;
    private final Consumer<UUID> deleted;
    private Post post;
    private CommentsPanel discussion;
    private VoteWidget votes;
    private Button comments;
    private Div questionHeading;
    private PollWidget pollWidget;
    private io.vigie.ui.ideas.IdeaPanel ideaPanel;

    public PostCard(SocialClient social, Viewer viewer, Post post, Consumer<UUID> deleted) {
        this.social = social;
        this.viewer = viewer;
        this.deleted = deleted;
        addClassName("vigie-post");
        getElement().setAttribute("data-post-id", post.id().toString());
        render(post);
    }

    /** Whether a live update needs the post itself: a poll's counts or an idea's status are not in the event. */
    public static boolean showsLiveParts(Post post) {
        return post.poll() != null || post.idea() != null || post.challenge() != null;
    }

    public UUID postId() {
        return post.id();
    }

    /** Opens the comments at once (the post's own page). */
    public void openDiscussion() {
        if (discussion == null) {
            toggleDiscussion();
        }
    }

    /**
     * Counts changed elsewhere (live update); an open discussion reloads to show new comments. A
     * poll's counts and an idea's status come with the post only ({@code fresh}, read for cards
     * that show one, else null): those parts are drawn again in place (not the whole card, which
     * may hold a comment being written).
     */
    void showCounts(int score, int commentCount, Post fresh) {
        if (fresh != null) {
            if (pollWidget != null && fresh.poll() != null) {
                PollWidget redrawn = new PollWidget(social, fresh.id(), fresh.poll(), viewer.mayDelete(fresh));
                replace(pollWidget, redrawn);
                pollWidget = redrawn;
            }
            if (ideaPanel != null) {
                io.vigie.ui.ideas.IdeaPanel old = ideaPanel;
                replace(old, ideaPanel(fresh));
            }
        }
        votes.showScore(score);
        comments.setText(getTranslation("post.comments", commentCount));
        if (discussion != null && discussion.isVisible() && discussion.shownCount() != commentCount) {
            discussion.reload();
        }
    }

    private void render(Post shown) {
        post = shown;
        removeAll();
        discussion = null;
        getElement().getClassList().set("pinned", post.pinned());
        // The API sanitised this HTML with an allow-list; Html needs exactly one root element.
        Html body = new Html("<div class=\"post-body\">" + post.html() + "</div>");
        add(header());
        if (post.question()) {
            add(questionHeading());
        }
        ideaPanel = null;
        pollWidget = null;
        boolean ideaOrChallenge = post.idea() != null || post.challenge() != null;
        if (ideaOrChallenge) {
            add(ideaPanel(post));
        }
        if (post.kudos() != null) {
            add(kudosBanner(post.kudos()));
        }
        if (!ideaOrChallenge) {
            add(body);
        }
        if (post.poll() != null) {
            pollWidget = new PollWidget(social, post.id(), post.poll(), viewer.mayDelete(post));
            add(pollWidget);
        }
        if (post.article() != null) {
            add(articleCard(post.article()));
            // A sharer's themes are not in their comment's text: list them.
            if (!post.hashtags().isEmpty()) {
                HorizontalLayout themes = new HorizontalLayout();
                themes.addClassName("post-themes");
                themes.setWrap(true);
                post.hashtags().forEach(tag -> themes.add(new Anchor("tags/" + tag, "#" + tag)));
                add(themes);
            }
        }
        add(footer());
    }

    private HorizontalLayout header() {
        Anchor author = new Anchor("people/" + post.author().username(), post.author().name());
        author.addClassName("post-author");
        Anchor space = new Anchor("spaces/" + post.space().id(), post.space().name());
        space.addClassName("post-space");
        Anchor when = new Anchor("posts/" + post.id(), DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).format(post.createdAt().toLocalDateTime()));
        when.addClassName("post-time");
        HorizontalLayout header = new HorizontalLayout(author, new Span(getTranslation("post.in")), space, when);
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
        return header;
    }

    /** Kudos: the colleague thanked and the company value, above the message. */
    private Div kudosBanner(io.vigie.ui.api.Kudos kudos) {
        Div banner = new Div();
        banner.addClassName("kudos-banner");
        banner.getElement().setAttribute("data-value", kudos.value());
        Anchor to = new Anchor("people/" + kudos.to().username(), kudos.to().name());
        to.addClassName("kudos-to");
        Span value = new Span(kudos.valueLabel());
        value.addClassName("kudos-value");
        banner.add(VaadinIcon.TROPHY.create(), new Span(getTranslation("kudos.thanks")), to, value);
        return banner;
    }

    /** An idea's or a challenge's panel; after a change of status it hands back the post (null: read it again). */
    private io.vigie.ui.ideas.IdeaPanel ideaPanel(Post shown) {
        // The panel holds the text too, where it reads (an idea's proposal between problem and benefit).
        Html body = new Html("<div class=\"post-body\">" + shown.html() + "</div>");
        ideaPanel = new io.vigie.ui.ideas.IdeaPanel(shown, body, changed -> {
            try {
                render(changed != null ? changed : social.post(post.id()));
            } catch (RestClientException e) {
                failed(e, "post.action-failed");
            }
        });
        return ideaPanel;
    }

    /** After an answer was accepted (or no longer is) in the open discussion: the heading says so at once. */
    private void showAnswered(Post question) {
        Div old = questionHeading;
        post = question;
        if (old != null) {
            replace(old, questionHeading());
        }
    }

    /** A question's title, and whether an answer was accepted. */
    private Div questionHeading() {
        Div heading = new Div();
        questionHeading = heading;
        heading.addClassName("question-heading");
        Anchor title = new Anchor("posts/" + post.id(), post.title());
        title.addClassName("question-title");
        Span state = new Span(getTranslation(post.acceptedAnswerId() != null ? "question.answered" : "question.unanswered"));
        state.addClassName(post.acceptedAnswerId() != null ? "question-answered" : "question-unanswered");
        heading.add(new Span(getTranslation("question.label")), title, state);
        return heading;
    }

    /** A share's article: its title opens the article's page (shares, discussion, related), the address opens the site. */
    private static Div articleCard(Post.ArticleCard article) {
        Div card = new Div();
        card.addClassName("post-article");
        Anchor title = new Anchor("articles/" + article.id(), article.title() == null || article.title().isBlank() ? article.url() : article.title());
        title.addClassName("post-article-title");
        card.add(title);
        if (article.siteName() != null && !article.siteName().isBlank()) {
            Span site = new Span(article.siteName());
            site.addClassName("article-site");
            card.add(site);
        }
        if (article.description() != null && !article.description().isBlank()) {
            Span description = new Span(article.description());
            description.addClassName("post-article-description");
            card.add(description);
        }
        return card;
    }

    private HorizontalLayout footer() {
        comments = new Button(getTranslation("post.comments", post.commentCount()));
        comments.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        comments.addClassName("post-comments");
        comments.addClickListener(click -> toggleDiscussion());
        votes = new VoteWidget(post.score(), post.myVote(), value -> social.vote(post.id(), value));
        HorizontalLayout footer = new HorizontalLayout(votes, comments);
        footer.addClassName("post-footer");
        footer.setAlignItems(HorizontalLayout.Alignment.CENTER);
        footer.setWrap(true);
        if (viewer.mayEdit(post)) {
            footer.add(action("post.edit", "post-edit", VaadinIcon.EDIT, this::edit));
        }
        if (viewer.mayPin(post)) {
            footer.add(action(post.pinned() ? "post.unpin" : "post.pin", "post-pin", VaadinIcon.PIN, this::togglePin));
        }
        if (viewer.mayDelete(post)) {
            footer.add(action("post.delete", "post-delete", VaadinIcon.TRASH, this::confirmDelete));
        }
        if (viewer.moderator()) {
            footer.add(action("library.add-action", "post-library", VaadinIcon.BOOK,
                    () -> io.vigie.ui.library.AddToCollectionDialog.open(post.id())));
            // Only what colleagues can read may go outside (the API refuses the rest anyway).
            if (viewer.spaces().stream().anyMatch(space -> space.id().equals(post.space().id()) && !"private".equals(space.kind()))) {
                footer.add(action("post.promote", "post-promote", VaadinIcon.SHARE,
                        () -> getUI().ifPresent(ui -> ui.navigate("advocacy", com.vaadin.flow.router.QueryParameters.of("post",
                                post.id().toString())))));
            }
        }
        if (!post.author().id().equals(viewer.me().id())) {
            footer.add(action("post.report", "post-report", VaadinIcon.FLAG_O, () -> ReportDialog.open(social, "post", post.id())));
        }
        return footer;
    }

    private void toggleDiscussion() {
        if (discussion == null) {
            discussion = new CommentsPanel(social, viewer, post, count -> comments.setText(getTranslation("post.comments", count)),
                    this::showAnswered);
            add(discussion);
        } else {
            discussion.setVisible(!discussion.isVisible());
        }
    }

    /** The body becomes an editor of the stored Markdown (the feed only carries HTML). */
    private void edit() {
        Post stored;
        try {
            stored = social.post(post.id());
        } catch (RestClientException e) {
            failed(e, "post.action-failed");
            return;
        }
        TextArea text = new TextArea();
        text.addClassName("post-editor");
        text.setWidthFull();
        text.setMaxLength(Composer.MAX_LENGTH);
        text.setValue(stored.markdown() == null ? "" : stored.markdown());
        Button save = new Button(getTranslation("post.save"), click -> {
            try {
                render(social.edit(post.id(), text.getValue()));
            } catch (RestClientException e) {
                failed(e, "post.action-failed");
            }
        });
        save.addClassName("post-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button cancel = new Button(getTranslation("post.cancel"), click -> render(post));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        removeAll();
        add(header(), text, new HorizontalLayout(save, cancel));
        text.focus();
    }

    private void togglePin() {
        try {
            render(social.pin(post.id(), !post.pinned()));
        } catch (RestClientException e) {
            failed(e, "post.action-failed");
        }
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("post.delete-title"), getTranslation("post.delete-text"),
                getTranslation("post.delete"), confirm -> {
            try {
                social.delete(post.id());
                deleted.accept(post.id());
            } catch (RestClientException e) {
                failed(e, "post.action-failed");
            }
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("post.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private Button action(String label, String className, VaadinIcon icon, Runnable run) {
        Button button = new Button(getTranslation(label), icon.create(), click -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        return button;
    }

    private void failed(RestClientException error, String fallbackKey) {
        Notification.show(ApiErrors.message(error, getTranslation(fallbackKey)), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
