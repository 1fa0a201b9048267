package io.vigie.ui.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.ModerationClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/** Admins: the banned words. A post or comment using one waits for a moderator instead of being published. */
@Route(value = "admin/banned-words", layout = MainLayout.class)
@PermitAll
public class BannedWordsView extends VerticalLayout implements BeforeEnterObserver {

    private final ModerationClient moderation;

    public BannedWordsView(ModerationClient moderation) {
        this.moderation = moderation;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Pages.title(this, getTranslation("banned.title"));
        add(new H2(getTranslation("banned.title")), new Paragraph(getTranslation("banned.help")),
                new Anchor("admin/audit", getTranslation("audit.title")));
        try {
            Div list = new Div();
            list.setId("banned-words");
            for (String word : moderation.bannedWords()) {
                Button remove = new Button(getTranslation("banned.remove"), click -> act(() -> moderation.unban(word)));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                HorizontalLayout row = new HorizontalLayout(new Span(word), remove);
                row.setAlignItems(Alignment.CENTER);
                list.add(row);
            }
            TextField word = new TextField(getTranslation("banned.word"));
            word.setId("banned-word");
            word.setMaxLength(100);
            Button add = new Button(getTranslation("banned.add"), click -> act(() -> moderation.ban(word.getValue())));
            add.setId("banned-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(word, add);
            form.setAlignItems(Alignment.BASELINE);
            add(list, form);
        } catch (HttpClientErrorException.Forbidden e) {
            add(Pages.notFound(getTranslation("audit.forbidden")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private void act(Runnable call) {
        try {
            call.run();
            render();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("moderation.failed")));
        }
    }
}
