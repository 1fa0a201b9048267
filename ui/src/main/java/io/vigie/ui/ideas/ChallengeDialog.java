package io.vigie.ui.ideas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientException;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opening a challenge (space owners and moderators): the question, a deadline, how many ideas
 * win, the criteria with their weights ("Impact: 3", one per line) and the jury's usernames.
 */
class ChallengeDialog extends Dialog {

    ChallengeDialog(IdeasClient ideas, SocialClient social, Consumer<Post> opened) {
        setHeaderTitle(getTranslation("challenge.new"));
        addClassName("challenge-dialog");
        Select<SpaceSummary> space = new Select<>();
        space.setLabel(getTranslation("idea.space"));
        space.setId("challenge-space");
        space.setItemLabelGenerator(SpaceSummary::name);
        List<SpaceSummary> mine = social.spaces().stream().filter(SpaceSummary::canPost).toList();
        space.setItems(mine);
        if (!mine.isEmpty()) {
            space.setValue(mine.getFirst());
        }
        TextField title = new TextField(getTranslation("challenge.title-field"));
        title.setId("challenge-title-field");
        title.setMaxLength(200);
        title.setWidthFull();
        TextArea question = new TextArea(getTranslation("challenge.question"));
        question.setId("challenge-question");
        question.setWidthFull();
        DateTimePicker deadline = new DateTimePicker(getTranslation("challenge.deadline"));
        deadline.setId("challenge-deadline");
        deadline.setValue(LocalDateTime.now().plusWeeks(2).withSecond(0).withNano(0));
        IntegerField winners = new IntegerField(getTranslation("challenge.winners"));
        winners.setId("challenge-winners");
        winners.setMin(1);
        winners.setMax(10);
        winners.setValue(3);
        winners.setStepButtonsVisible(true);
        TextArea criteria = new TextArea(getTranslation("challenge.criteria"));
        criteria.setId("challenge-criteria");
        criteria.setHelperText(getTranslation("challenge.criteria-help"));
        criteria.setValue(getTranslation("challenge.criteria-example"));
        criteria.setWidthFull();
        TextField jury = new TextField(getTranslation("challenge.jury"));
        jury.setId("challenge-jury");
        jury.setHelperText(getTranslation("challenge.jury-help"));
        jury.setWidthFull();
        Span error = new Span();
        error.addClassName("challenge-error");
        Button submit = new Button(getTranslation("challenge.open"), click -> {
            if (space.getValue() == null || deadline.getValue() == null) {
                error.setText(getTranslation("challenge.incomplete"));
                return;
            }
            try {
                Post created = ideas.openChallenge(space.getValue().id(), title.getValue(), question.getValue(),
                        deadline.getValue().atZone(ZoneId.systemDefault()).toOffsetDateTime(),
                        winners.getValue() == null ? 3 : winners.getValue(), criteria(criteria.getValue()),
                        Arrays.stream(jury.getValue().split("[,;\\s]+")).filter(name -> !name.isBlank()).toList());
                close();
                opened.accept(created);
            } catch (IllegalArgumentException e) {
                error.setText(getTranslation("challenge.criteria-help"));
            } catch (RestClientException e) {
                error.setText(ApiErrors.message(e, getTranslation("post.action-failed")));
            }
        });
        submit.setId("challenge-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("post.cancel"), click -> close());
        VerticalLayout form = new VerticalLayout(space, title, question, deadline, winners, criteria, jury, error);
        form.setPadding(false);
        form.setMinWidth("min(32rem, 90vw)");
        add(form);
        getFooter().add(cancel, submit);
    }

    /** "Impact: 3" per line; a line without a weight weighs 1. */
    static List<IdeasClient.CriterionDraft> criteria(String text) {
        List<IdeasClient.CriterionDraft> criteria = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            if (colon < 0) {
                criteria.add(new IdeasClient.CriterionDraft(line.strip(), 1));
            } else {
                criteria.add(new IdeasClient.CriterionDraft(line.substring(0, colon).strip(), Integer.parseInt(line.substring(colon + 1).strip())));
            }
        }
        return criteria;
    }
}
