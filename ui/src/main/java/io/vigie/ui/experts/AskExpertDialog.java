package io.vigie.ui.experts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.posts.Viewer;
import org.springframework.web.client.RestClientException;

/**
 * "Ask an expert": a question addressed to one person. It is an ordinary question, in a space the
 * asker chooses (colleagues may answer too), whose text mentions the expert, who is notified.
 */
public final class AskExpertDialog {

    private AskExpertDialog() {}

    public static void open(SocialClient social, Viewer viewer, String username, String name) {
        Dialog dialog = new Dialog();
        dialog.addClassName("ask-expert");
        dialog.setHeaderTitle(dialog.getTranslation("experts.ask-title", name));
        TextField title = new TextField(dialog.getTranslation("question.title"));
        title.setId("ask-expert-title");
        title.setMaxLength(200);
        title.setWidthFull();
        TextArea details = new TextArea(dialog.getTranslation("question.details"));
        details.setId("ask-expert-details");
        details.setWidthFull();
        Select<SpaceSummary> space = new Select<>();
        space.setLabel(dialog.getTranslation("composer.space"));
        space.setItems(viewer.postable());
        space.setItemLabelGenerator(SpaceSummary::name);
        if (!viewer.postable().isEmpty()) {
            space.setValue(viewer.postable().getFirst());
        }
        Button ask = new Button(dialog.getTranslation("experts.ask-send"), click -> {
            try {
                Post question = social.ask(space.getValue().id(), title.getValue(), "@" + username + " " + details.getValue());
                dialog.close();
                dialog.getUI().ifPresent(ui -> ui.navigate("posts/" + question.id()));
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, dialog.getTranslation("composer.failed")), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        ask.setId("ask-expert-send");
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(title, details, space);
        dialog.getFooter().add(new Button(dialog.getTranslation("post.cancel"), click -> dialog.close()), ask);
        dialog.open();
    }
}
