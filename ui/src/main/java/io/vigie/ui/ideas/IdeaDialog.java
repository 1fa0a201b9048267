package io.vigie.ui.ideas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Proposing an idea: a title, the problem, the proposal and the expected benefit, in a space the
 * person belongs to, or in a challenge's space when it answers one.
 */
class IdeaDialog extends Dialog {

    /** With {@code challengeSpace} and {@code challengeId} set, the idea answers that challenge, in its space. */
    IdeaDialog(IdeasClient ideas, SocialClient social, UUID challengeId, UUID challengeSpace, Consumer<Post> proposed) {
        setHeaderTitle(getTranslation(challengeId == null ? "idea.propose" : "challenge.propose"));
        addClassName("idea-dialog");
        Select<SpaceSummary> space = new Select<>();
        space.setLabel(getTranslation("idea.space"));
        space.setId("idea-space");
        space.setItemLabelGenerator(SpaceSummary::name);
        List<SpaceSummary> mine = social.spaces().stream().filter(SpaceSummary::canPost).toList();
        space.setItems(mine);
        if (challengeSpace != null) {
            mine.stream().filter(s -> s.id().equals(challengeSpace)).findFirst().ifPresent(space::setValue);
            space.setReadOnly(true);
        } else if (!mine.isEmpty()) {
            space.setValue(mine.getFirst());
        }
        TextField title = new TextField(getTranslation("idea.title-field"));
        title.setId("idea-title");
        title.setMaxLength(200);
        title.setWidthFull();
        TextArea problem = area("idea.problem", "idea-problem-field");
        TextArea proposal = area("idea.proposal", "idea-proposal-field");
        TextArea benefit = area("idea.benefit", "idea-benefit-field");
        Span error = new Span();
        error.addClassName("idea-error");
        Button submit = new Button(getTranslation("idea.submit"), click -> {
            if (space.getValue() == null) {
                error.setText(getTranslation(challengeSpace != null ? "challenge.join-first" : "idea.no-space"));
                return;
            }
            try {
                Post created = ideas.propose(space.getValue().id(), title.getValue(), problem.getValue(), proposal.getValue(),
                        benefit.getValue(), challengeId);
                close();
                proposed.accept(created);
            } catch (RestClientException e) {
                error.setText(ApiErrors.message(e, getTranslation("post.action-failed")));
            }
        });
        submit.setId("idea-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("post.cancel"), click -> close());
        VerticalLayout form = new VerticalLayout(space, title, problem, proposal, benefit, error);
        form.setPadding(false);
        form.setMinWidth("min(32rem, 90vw)");
        add(form);
        getFooter().add(cancel, submit);
    }

    private TextArea area(String label, String id) {
        TextArea area = new TextArea(getTranslation(label));
        area.setId(id);
        area.setMaxLength(4000);
        area.setWidthFull();
        area.setMinHeight("5rem");
        return area;
    }
}
