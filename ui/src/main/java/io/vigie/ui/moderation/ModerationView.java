package io.vigie.ui.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Moderation;
import io.vigie.ui.api.ModerationClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.List;

/**
 * Moderators: reported posts and comments, the most reported first, with who reported them and
 * why, and the acts: hide or restore, delete, lock a discussion, warn or suspend the author.
 * Everyone else is told the page is for moderators (the API answers them 403 anyway).
 */
@Route(value = "moderation", layout = MainLayout.class)
@PermitAll
public class ModerationView extends VerticalLayout implements BeforeEnterObserver {

    private final ModerationClient moderation;

    public ModerationView(ModerationClient moderation) {
        this.moderation = moderation;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Pages.title(this, getTranslation("moderation.title"));
        add(new H2(getTranslation("moderation.title")), new Anchor("moderation/trends", getTranslation("review.title")));
        try {
            List<Moderation.QueueItem> queue = moderation.queue();
            Div list = new Div();
            list.setId("moderation-queue");
            list.setWidthFull();
            if (queue.isEmpty()) {
                list.add(new Paragraph(getTranslation("moderation.empty")));
            }
            queue.forEach(item -> list.add(item(item)));
            add(list);
        } catch (HttpClientErrorException.Forbidden e) {
            add(Pages.notFound(getTranslation("moderation.forbidden")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private Div item(Moderation.QueueItem item) {
        Div card = new Div();
        card.addClassName("vigie-post");
        card.addClassName("moderation-item");
        card.getElement().setAttribute("data-id", item.id().toString());
        Span what = new Span(getTranslation("moderation.what." + item.type(), item.authorName(), item.spaceName()));
        Span count = new Span(getTranslation("moderation.reports", item.reports()));
        count.addClassName("moderation-count");
        HorizontalLayout header = new HorizontalLayout(what, count);
        header.setWrap(true);
        if (item.hidden()) {
            Span hidden = new Span(getTranslation("moderation.hidden"));
            hidden.addClassName("moderation-hidden");
            header.add(hidden);
        }
        if (item.locked()) {
            header.add(new Span(getTranslation("moderation.locked")));
        }
        card.add(header);
        Paragraph text = new Paragraph(item.text());
        text.addClassName("moderation-text");
        card.add(text);
        Div reasons = new Div();
        reasons.addClassName("moderation-reasons");
        for (int i = 0; i < item.reasons().size(); i++) {
            reasons.add(new Paragraph(item.reporters().get(i) + " : " + item.reasons().get(i)));
        }
        card.add(reasons, new Anchor("posts/" + item.postId(), getTranslation("moderation.open")));
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.add(button(item, item.hidden() ? "restore" : "hide", false));
        actions.add(button(item, "delete", false));
        if (item.type().equals("post")) {
            actions.add(button(item, item.locked() ? "unlock" : "lock", false));
        }
        actions.add(button(item, "warn", true), button(item, "suspend", true));
        card.add(actions);
        return card;
    }

    /** Every act asks for a reason (required for warnings and suspensions: the author reads it). */
    private Button button(Moderation.QueueItem item, String action, boolean reasonRequired) {
        Button button = new Button(getTranslation("moderation.action." + action), click -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("moderation.action." + action));
            TextArea reason = new TextArea(getTranslation("moderation.reason"));
            reason.setId("moderation-reason");
            reason.setWidthFull();
            reason.setMaxLength(1000);
            IntegerField days = new IntegerField(getTranslation("moderation.days"));
            days.setId("moderation-days");
            days.setMin(1);
            days.setMax(365);
            days.setValue(7);
            days.setVisible(action.equals("suspend"));
            Button confirm = new Button(getTranslation("moderation.confirm"), go -> {
                if (reasonRequired && reason.getValue().isBlank()) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation("moderation.reason-needed"));
                    return;
                }
                try {
                    moderation.act(item.type(), item.id(), action, reason.getValue(), action.equals("suspend") ? days.getValue() : null);
                    dialog.close();
                    render();
                } catch (RestClientException e) {
                    Notification.show(ApiErrors.message(e, getTranslation("moderation.failed")));
                }
            });
            confirm.setId("moderation-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.add(new VerticalLayout(reason, days));
            dialog.getFooter().add(new Button(getTranslation("post.cancel"), cancel -> dialog.close()), confirm);
            dialog.open();
        });
        button.addClassName("moderation-" + action);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (action.equals("delete") || action.equals("suspend")) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }
}
