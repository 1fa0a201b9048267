package io.vigie.ui.ideas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.Post;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an idea or a challenge shows on its card, above the text: the title, an idea's status,
 * problem and benefit, with follow and (for reviewers) the next step; a challenge's deadline and a
 * link to its page.
 */
public class IdeaPanel extends Div {

    /** Statuses shown as good news. */
    private static final Set<String> ADVANCING = Set.of("selected", "in_progress", "done");

    private final transient IdeasClient ideas;
    private final Post post;
    private final Consumer<Post> changed;

    /**
     * {@code body} is the post's rendered text, placed where it reads (an idea's proposal between
     * its problem and its benefit); {@code changed} receives the post after a change of status, to
     * redraw the card.
     */
    public IdeaPanel(Post post, com.vaadin.flow.component.Component body, Consumer<Post> changed) {
        this.ideas = VaadinService.getCurrent().getInstantiator().getOrCreate(IdeasClient.class);
        this.post = post;
        this.changed = changed;
        addClassName(post.idea() != null ? "idea-panel" : "challenge-panel");
        Anchor title = new Anchor(post.challenge() != null ? "challenges/" + post.id() : "posts/" + post.id(), post.title());
        title.addClassName(post.idea() != null ? "idea-title" : "challenge-title");
        Span label = new Span(getTranslation(post.idea() != null ? "idea.label" : "challenge.label"));
        label.addClassName("idea-label");
        Div heading = new Div(label, title);
        heading.addClassName("idea-heading");
        add(heading);
        if (post.idea() != null) {
            idea(post.idea(), heading, body);
        } else if (post.challenge() != null) {
            challenge(post.challenge(), heading, body);
        }
    }

    private void idea(Post.Idea idea, Div heading, com.vaadin.flow.component.Component body) {
        heading.add(statusBadge(idea.status()));
        if (idea.challenge() != null) {
            Anchor challenge = new Anchor("challenges/" + idea.challenge().id(), getTranslation("idea.for-challenge", idea.challenge().title()));
            challenge.addClassName("idea-challenge");
            add(challenge);
        }
        Span proposal = new Span(getTranslation("idea.proposal"));
        proposal.addClassName("idea-section-label");
        add(section("idea.problem", idea.problem(), "idea-problem"), proposal, body, section("idea.benefit", idea.benefit(), "idea-benefit"));
        if (idea.declineReason() != null) {
            add(section("idea.declined-because", idea.declineReason(), "idea-decline-reason"));
        }
        Button follow = new Button(getTranslation(idea.following() ? "idea.unfollow" : "idea.follow"),
                (idea.following() ? VaadinIcon.BELL_SLASH : VaadinIcon.BELL).create());
        follow.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        follow.addClassName("idea-follow");
        follow.addClickListener(click -> act(() -> {
            ideas.follow(post.id(), !idea.following());
            changed.accept(null);
        }));
        HorizontalLayout actions = new HorizontalLayout(follow);
        actions.addClassName("idea-actions");
        actions.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        actions.setWrap(true);
        // The API lists the moves this reader may make (none unless they review ideas here).
        List<String> next = idea.next();
        if (!next.isEmpty()) {
            Select<String> status = new Select<>();
            status.addClassName("idea-next-status");
            status.setAriaLabel(getTranslation("idea.move"));
            status.setPlaceholder(getTranslation("idea.move"));
            status.setItems(next);
            status.setItemLabelGenerator(value -> getTranslation("idea.status." + value));
            TextField reason = new TextField();
            reason.addClassName("idea-reason");
            reason.setPlaceholder(getTranslation("idea.reason"));
            reason.setMaxLength(1000);
            reason.setVisible(false);
            status.addValueChangeListener(change -> reason.setVisible("declined".equals(change.getValue())));
            Button apply = new Button(getTranslation("idea.apply"), click -> {
                if (status.getValue() == null) {
                    return;
                }
                act(() -> changed.accept(ideas.move(post.id(), status.getValue(),
                        "declined".equals(status.getValue()) ? reason.getValue() : null)));
            });
            apply.addThemeVariants(ButtonVariant.LUMO_SMALL);
            apply.addClassName("idea-apply");
            actions.add(status, reason, apply);
        }
        add(actions);
    }

    private void challenge(Post.Challenge challenge, Div heading, com.vaadin.flow.component.Component body) {
        Span state = new Span(challenge.closed() ? getTranslation("challenge.closed")
                : getTranslation("challenge.closes", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                        .format(challenge.deadline().atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime())));
        state.addClassName(challenge.closed() ? "challenge-closed" : "challenge-open");
        heading.add(state);
        Span ideasCount = new Span(getTranslation("challenge.ideas", challenge.ideas()));
        ideasCount.addClassName("challenge-idea-count");
        Anchor open = new Anchor("challenges/" + post.id(), getTranslation("challenge.open-page"));
        open.addClassName("challenge-link");
        HorizontalLayout line = new HorizontalLayout(ideasCount, open);
        line.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(body, line);
    }

    /** An idea's status as a badge. */
    static Span statusBadge(String status) {
        Span badge = new Span();
        badge.setText(badge.getTranslation("idea.status." + status));
        badge.addClassName("idea-status");
        badge.getElement().setAttribute("data-status", status);
        badge.getElement().getThemeList().add("badge" + (ADVANCING.contains(status) ? " success" : "declined".equals(status) ? " error" : ""));
        return badge;
    }

    private Div section(String labelKey, String text, String className) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("idea-section-label");
        // Plain text from the API, escaped by Vaadin.
        Paragraph body = new Paragraph(text);
        Div section = new Div(label, body);
        section.addClassName(className);
        return section;
    }

    private void act(Runnable call) {
        try {
            call.run();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("post.action-failed")), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
