package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Poll;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A post's poll: the choices and a Vote button until the person has voted; then (and for
 * everyone once the poll has closed) the results as bars, with their own choice marked. The
 * person may change their vote until the poll closes; its author, the space's owners and
 * moderators may close it.
 */
class PollWidget extends Div {

    private final SocialClient social;
    private final UUID postId;
    private final boolean mayClose;
    private Poll poll;
    private boolean choosing;

    PollWidget(SocialClient social, UUID postId, Poll poll, boolean mayClose) {
        this.social = social;
        this.postId = postId;
        this.mayClose = mayClose;
        addClassName("post-poll");
        show(poll);
    }

    private void show(Poll shown) {
        poll = shown;
        choosing = !poll.closed() && poll.myChoices().isEmpty();
        render();
    }

    private void render() {
        removeAll();
        if (choosing) {
            add(choices());
        } else if (poll.resultsVisible()) {
            poll.options().forEach(option -> add(bar(option)));
        }
        add(footer());
    }

    private Div choices() {
        Div form = new Div();
        form.addClassName("poll-choices");
        List<Integer> positions = poll.options().stream().map(Poll.Option::position).toList();
        Button vote = new Button(getTranslation("poll.vote"));
        vote.addClassName("poll-vote");
        vote.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        if (poll.multiple()) {
            CheckboxGroup<Integer> group = new CheckboxGroup<>();
            group.setItems(positions);
            group.setItemLabelGenerator(position -> poll.options().get(position).label());
            group.setValue(new java.util.HashSet<>(poll.myChoices()));
            group.addClassName("poll-options");
            vote.addClickListener(click -> cast(new ArrayList<>(group.getValue())));
            form.add(group, vote);
        } else {
            RadioButtonGroup<Integer> group = new RadioButtonGroup<>();
            group.setItems(positions);
            group.setItemLabelGenerator(position -> poll.options().get(position).label());
            if (!poll.myChoices().isEmpty()) {
                group.setValue(poll.myChoices().getFirst());
            }
            group.addClassName("poll-options");
            vote.addClickListener(click -> cast(group.getValue() == null ? List.of() : List.of(group.getValue())));
            form.add(group, vote);
        }
        return form;
    }

    /** One option's result: its label, a bar as wide as its share of the voters, the count. */
    private Div bar(Poll.Option option) {
        long votes = option.votes() == null ? 0 : option.votes();
        long percent = poll.voters() == 0 ? 0 : Math.round(100.0 * votes / poll.voters());
        Div row = new Div();
        row.addClassName("poll-result");
        row.getElement().setAttribute("data-position", Integer.toString(option.position()));
        if (poll.myChoices().contains(option.position())) {
            row.addClassName("mine");
        }
        Div fill = new Div();
        fill.addClassName("poll-bar");
        fill.getStyle().set("width", percent + "%");
        Span label = new Span(option.label());
        label.addClassName("poll-label");
        Span count = new Span(getTranslation("poll.count", votes, percent));
        count.addClassName("poll-count");
        row.add(fill, label, count);
        return row;
    }

    private HorizontalLayout footer() {
        List<String> facts = new ArrayList<>();
        facts.add(getTranslation("poll.voters", poll.voters()));
        if (poll.anonymous()) {
            facts.add(getTranslation("poll.anonymous"));
        }
        if (poll.closed()) {
            facts.add(getTranslation("poll.closed"));
        } else if (poll.closesAt() != null) {
            facts.add(getTranslation("poll.closes", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale() == null ? Locale.getDefault() : getLocale())
                    .format(poll.closesAt().atZoneSameInstant(java.time.ZoneId.systemDefault()))));
        } else if (!choosing && poll.myChoices().isEmpty()) {
            facts.add(getTranslation("poll.not-voted"));
        }
        Span meta = new Span(String.join(" · ", facts));
        meta.addClassName("poll-meta");
        HorizontalLayout footer = new HorizontalLayout(meta);
        footer.addClassName("poll-footer");
        footer.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        footer.setWrap(true);
        if (!poll.closed() && !choosing && !poll.myChoices().isEmpty()) {
            footer.add(small("poll.change", "poll-change", () -> {
                choosing = true;
                render();
            }));
            footer.add(small("poll.withdraw", "poll-withdraw", () -> cast(List.of())));
        }
        if (!poll.anonymous() && poll.resultsVisible() && poll.voters() > 0) {
            footer.add(small("poll.who", "poll-who", this::showVoters));
        }
        if (mayClose && !poll.closed()) {
            footer.add(small("poll.close", "poll-close", () -> act(() -> social.closePoll(postId))));
        }
        return footer;
    }

    private void cast(List<Integer> choices) {
        if (choosing && choices.isEmpty()) {
            Notification.show(getTranslation("poll.choose"), 3000, Notification.Position.MIDDLE);
            return;
        }
        act(() -> social.ballot(postId, choices));
    }

    private void act(java.util.function.Supplier<Poll> call) {
        try {
            show(call.get());
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("poll.failed")), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showVoters() {
        Poll.Voters voters;
        try {
            voters = social.pollVoters(postId);
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("poll.failed")), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Dialog dialog = new Dialog();
        dialog.addClassName("poll-voters");
        dialog.setHeaderTitle(getTranslation("poll.who"));
        for (Poll.OptionVoters option : voters.options()) {
            dialog.add(new H4(option.label()));
            Div people = new Div();
            option.people().forEach(person -> people.add(new com.vaadin.flow.component.html.Anchor("people/" + person.username(), person.name()),
                    new Span(" ")));
            if (option.people().isEmpty()) {
                people.add(new Span("—"));
            }
            dialog.add(people);
        }
        dialog.getFooter().add(new Button(getTranslation("poll.done"), click -> dialog.close()));
        dialog.open();
    }

    private Button small(String label, String className, Runnable run) {
        Button button = new Button(getTranslation(label), click -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName(className);
        return button;
    }
}
