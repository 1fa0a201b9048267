package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.vigie.ui.api.VoteResult;
import org.springframework.web.client.RestClientException;

import java.util.function.IntFunction;

/**
 * Up and down votes with the score between them, for a post or a comment; a second click on the
 * same arrow takes the vote back.
 */
public class VoteWidget extends HorizontalLayout {

    private final IntFunction<VoteResult> voting;
    private final Button up = new Button(VaadinIcon.ARROW_UP.create());
    private final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
    private final Span score = new Span();
    private int myVote;

    /** @param voting sends a vote (1, -1, or 0 to take it back) and answers the new counts */
    public VoteWidget(int initialScore, int initialVote, IntFunction<VoteResult> voting) {
        this.voting = voting;
        addClassName("vigie-votes");
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        up.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        down.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        up.setAriaLabel(getTranslation("post.vote-up"));
        down.setAriaLabel(getTranslation("post.vote-down"));
        up.addClassName("vote-up");
        down.addClassName("vote-down");
        score.addClassName("vote-score");
        up.addClickListener(click -> vote(1));
        down.addClickListener(click -> vote(-1));
        show(initialScore, initialVote);
        add(up, score, down);
    }

    private void vote(int value) {
        try {
            VoteResult result = voting.apply(myVote == value ? 0 : value);
            show(result.score(), result.myVote());
        } catch (RestClientException e) {
            Notification.show(getTranslation("post.vote-failed"));
        }
    }

    /** Someone else voted: the score changes, this person's own vote does not. */
    void showScore(int newScore) {
        score.setText(Integer.toString(newScore));
    }

    void show(int newScore, int newMyVote) {
        myVote = newMyVote;
        score.setText(Integer.toString(newScore));
        up.getElement().setAttribute("aria-pressed", Boolean.toString(myVote == 1));
        down.getElement().setAttribute("aria-pressed", Boolean.toString(myVote == -1));
        up.getElement().getClassList().set("voted", myVote == 1);
        down.getElement().getClassList().set("voted", myVote == -1);
    }
}
