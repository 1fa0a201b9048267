package io.vigie.ui.posts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.UUID;

/** Asks why, then reports a post or a comment to the moderators. */
final class ReportDialog {

    private ReportDialog() {}

    static void open(SocialClient social, String type, UUID id) {
        UI ui = UI.getCurrent();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(ui.getTranslation("report.title"));
        TextArea reason = new TextArea(ui.getTranslation("report.reason"));
        reason.setId("report-reason");
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setRequired(true);
        Button send = new Button(ui.getTranslation("report.send"), click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(ui.getTranslation("report.reason-needed"));
                return;
            }
            try {
                social.report(type, id, reason.getValue().strip());
                dialog.close();
                Notification.show(ui.getTranslation("report.sent"), 5000, Notification.Position.MIDDLE);
            } catch (RestClientException e) {
                reason.setInvalid(true);
                reason.setErrorMessage(ApiErrors.message(e, ui.getTranslation("report.failed")));
            }
        });
        send.setId("report-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(ui.getTranslation("post.cancel"), click -> dialog.close()), send);
        dialog.open();
    }
}
