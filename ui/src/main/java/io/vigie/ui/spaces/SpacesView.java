package io.vigie.ui.spaces;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Invitation;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.util.List;

/** The space directory: every space one may see, with join, follow and leave, and a form to create one. */
@Route(value = "spaces", layout = MainLayout.class)
@PageTitle("Vigie · Spaces")
@PermitAll
public class SpacesView extends VerticalLayout {

    private final SocialClient social;
    private final Div list = new Div();
    private final Div invitations = new Div();

    public SpacesView(SocialClient social) {
        this.social = social;
        addClassName("vigie-home");
        add(new H2(getTranslation("spaces.title")), invitations, creationForm(), list);
        invitations.setId("my-invitations");
        invitations.setWidthFull();
        list.setId("space-list");
        list.setWidthFull();
        reload();
    }

    private HorizontalLayout creationForm() {
        TextField name = new TextField(getTranslation("spaces.new-name"));
        name.setId("new-space-name");
        name.setMaxLength(80);
        RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("spaces.new-kind"));
        kind.setItems("open", "private");
        kind.setItemLabelGenerator(value -> getTranslation("spaces.kind." + value));
        kind.setValue("open");
        Button create = new Button(getTranslation("spaces.create"), click -> {
            try {
                social.createSpace(name.getValue(), kind.getValue(), "");
                name.clear();
                reload();
            } catch (RestClientResponseException e) {
                Notification.show(getTranslation("spaces.create-failed"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        create.setId("create-space");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, kind, create);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void reload() {
        list.removeAll();
        invitations.removeAll();
        try {
            List<Invitation> pending = social.myInvitations();
            if (!pending.isEmpty()) {
                invitations.add(new H3(getTranslation("spaces.invitations")));
                pending.forEach(invitation -> invitations.add(invitation(invitation)));
            }
            social.spaces().forEach(space -> list.add(card(space)));
        } catch (RestClientException e) {
            list.add(new Paragraph(getTranslation("home.api-unavailable")));
        }
    }

    private Div invitation(Invitation invitation) {
        Div card = new Div(new Paragraph(getTranslation("spaces.invited-by", invitation.invitedByName(), invitation.spaceName())));
        card.addClassName("vigie-post");
        card.getElement().setAttribute("data-space-slug", invitation.spaceSlug());
        card.add(new HorizontalLayout(
                action("spaces.accept", "accept", () -> social.acceptInvitation(invitation.spaceId())),
                action("spaces.decline", "decline", () -> social.declineInvitation(invitation.spaceId()))));
        return card;
    }

    private Div card(SpaceSummary space) {
        Div card = new Div();
        card.addClassName("vigie-post");
        card.getElement().setAttribute("data-space-slug", space.slug());
        if (space.color() != null) {
            card.getStyle().set("border-left", "6px solid " + space.color());
        }
        Anchor name = new Anchor("spaces/" + space.id(), space.name());
        name.addClassName("post-author");
        Span kind = new Span(getTranslation("spaces.kind." + space.kind()));
        kind.addClassName("post-space");
        Span members = new Span(getTranslation("spaces.members", space.members()));
        members.addClassName("post-time");
        HorizontalLayout header = new HorizontalLayout(name, kind, members);
        header.addClassName("post-header");
        card.add(header);
        if (space.description() != null && !space.description().isBlank()) {
            card.add(new Paragraph(space.description()));
        }
        card.add(actions(space));
        return card;
    }

    private HorizontalLayout actions(SpaceSummary space) {
        HorizontalLayout actions = new HorizontalLayout();
        String role = space.myRole();
        if (role != null) {
            Span mine = new Span(getTranslation("spaces.role." + role));
            mine.addClassName("space-role");
            actions.add(mine);
        }
        if ("open".equals(space.kind()) && !space.canPost()) {
            actions.add(action("spaces.join", "join", () -> social.join(space.id())));
        }
        if (role == null) {
            actions.add(action("spaces.follow", "follow", () -> social.follow(space.id())));
        }
        if (role != null && !"department".equals(space.kind()) && !"owner".equals(role)) {
            actions.add(action("spaces.leave", "leave", () -> social.leave(space.id())));
        }
        return actions;
    }

    private Button action(String label, String cssClass, Runnable call) {
        Button button = new Button(getTranslation(label), click -> {
            try {
                call.run();
                reload();
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("spaces.action-failed")));
            }
        });
        button.addClassName("space-" + cssClass);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
