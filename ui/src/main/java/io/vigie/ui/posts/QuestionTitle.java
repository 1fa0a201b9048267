package io.vigie.ui.posts;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.vigie.ui.api.SimilarQuestion;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.List;

/**
 * The title of a question being asked, and, as it is typed, the questions already asked that look
 * like it: the answer may be there already.
 */
class QuestionTitle extends VerticalLayout {

    static final int MAX_LENGTH = 200;

    private final SocialClient social;
    private final TextField title = new TextField();
    private final Div similar = new Div();

    QuestionTitle(SocialClient social) {
        this.social = social;
        addClassName("question-title-editor");
        setPadding(false);
        setSpacing(false);
        title.setId("composer-question-title");
        title.setLabel(getTranslation("question.title"));
        title.setPlaceholder(getTranslation("question.title-placeholder"));
        title.setMaxLength(MAX_LENGTH);
        title.setWidthFull();
        // Asked once the person pauses typing, not on every key.
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.setValueChangeTimeout(400);
        title.addValueChangeListener(change -> suggest(change.getValue()));
        similar.addClassName("similar-questions");
        similar.setVisible(false);
        add(title, similar);
    }

    String value() {
        return title.getValue();
    }

    void clear() {
        title.clear();
        similar.removeAll();
        similar.setVisible(false);
    }

    private void suggest(String text) {
        similar.removeAll();
        List<SimilarQuestion> found;
        try {
            found = text.strip().length() < 3 ? List.of() : social.similarQuestions(text);
        } catch (RestClientException e) {
            found = List.of();   // a suggestion is a help, never a reason to stop someone asking
        }
        similar.setVisible(!found.isEmpty());
        if (found.isEmpty()) {
            return;
        }
        similar.add(new Span(getTranslation("question.similar")));
        for (SimilarQuestion question : found) {
            Div row = new Div();
            row.addClassName("similar-question");
            Anchor link = new Anchor("posts/" + question.id(), question.title());
            link.setTarget("_blank");
            Span facts = new Span(" · " + question.space().name() + " · " + getTranslation("question.answers", question.answers())
                    + (question.answered() ? " · " + getTranslation("question.answered") : ""));
            facts.addClassName("similar-question-facts");
            row.add(link, facts);
            similar.add(row);
        }
    }
}
