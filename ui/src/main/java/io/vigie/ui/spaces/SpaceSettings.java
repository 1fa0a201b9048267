package io.vigie.ui.spaces;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.JoinRequest;
import io.vigie.ui.api.Member;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientException;

/**
 * What an owner manages, folded away under the space's header: name, description and who may read
 * it; members and their roles; invitations; requests to join.
 */
class SpaceSettings extends Details {

    /** The colours an owner picks from: readable on white, distinct from each other. */
    private static final java.util.Map<String, String> PALETTE = palette();

    private final SocialClient social;
    private final SpaceSummary space;
    private final Runnable changed;

    SpaceSettings(SocialClient social, SpaceSummary space, Runnable changed) {
        this.social = social;
        this.space = space;
        this.changed = changed;
        setSummaryText(getTranslation("space.manage"));
        setId("space-manage");
        addClassName("vigie-card");
        VerticalLayout content = new VerticalLayout(details(), invitations());
        content.setPadding(false);
        if ("private".equals(space.kind())) {
            content.add(requests());
        }
        content.add(members());
        add(content);
    }

    private VerticalLayout details() {
        TextField name = new TextField(getTranslation("space.name"));
        name.setId("space-edit-name");
        name.setValue(space.name());
        name.setMaxLength(80);
        name.setWidthFull();
        TextArea description = new TextArea(getTranslation("space.description"));
        description.setId("space-edit-description");
        description.setValue(space.description() == null ? "" : space.description());
        description.setMaxLength(2000);
        description.setWidthFull();
        RadioButtonGroup<String> kind = new RadioButtonGroup<>(getTranslation("spaces.new-kind"));
        kind.setId("space-edit-kind");
        kind.setItems("open", "private");
        kind.setItemLabelGenerator(value -> getTranslation("spaces.kind." + value));
        boolean department = "department".equals(space.kind());
        kind.setVisible(!department);
        if (!department) {
            kind.setValue(space.kind());
        }
        Select<String> color = new Select<>();
        color.setId("space-edit-color");
        color.setLabel(getTranslation("space.color"));
        color.setItems(PALETTE.keySet());
        color.setItemLabelGenerator(key -> getTranslation("space.color." + key));
        color.setValue(PALETTE.entrySet().stream().filter(entry -> entry.getValue().equalsIgnoreCase(String.valueOf(space.color())))
                .map(java.util.Map.Entry::getKey).findFirst().orElse("none"));
        Button save = new Button(getTranslation("space.save"), click -> run(() ->
                social.updateSpace(space.id(), name.getValue(), description.getValue(), department ? "department" : kind.getValue(),
                        "none".equals(color.getValue()) ? null : PALETTE.get(color.getValue()))));
        save.setId("space-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        VerticalLayout form = new VerticalLayout(name, description, kind, color, save);
        form.setPadding(false);
        return form;
    }

    private static java.util.Map<String, String> palette() {
        java.util.Map<String, String> colors = new java.util.LinkedHashMap<>();
        colors.put("none", "");
        colors.put("blue", "#1a73e8");
        colors.put("green", "#0b8043");
        colors.put("orange", "#e37400");
        colors.put("red", "#d93025");
        colors.put("purple", "#8430ce");
        colors.put("teal", "#007b83");
        colors.put("grey", "#5f6368");
        return java.util.Collections.unmodifiableMap(colors);
    }

    private HorizontalLayout invitations() {
        TextField username = new TextField(getTranslation("space.invite-username"));
        username.setId("invite-username");
        Button invite = new Button(getTranslation("space.invite"), click -> {
            try {
                social.invite(space.id(), username.getValue().strip());
                username.clear();
                Notification.show(getTranslation("space.invited"));
            } catch (RestClientException e) {
                failed(e);
            }
        });
        invite.setId("invite");
        invite.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout form = new HorizontalLayout(username, invite);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Div requests() {
        Div list = new Div(new H4(getTranslation("space.requests")));
        list.setId("space-requests");
        try {
            var pending = social.requests(space.id());
            if (pending.isEmpty()) {
                list.add(new Span(getTranslation("space.no-requests")));
            }
            for (JoinRequest request : pending) {
                Span who = new Span(request.name() + (request.message() == null || request.message().isBlank()
                        ? "" : " — " + request.message()));
                Button approve = small("space.approve", "request-approve", () -> social.approve(space.id(), request.personId()));
                Button reject = small("space.reject", "request-reject", () -> social.reject(space.id(), request.personId()));
                HorizontalLayout line = new HorizontalLayout(who, approve, reject);
                line.setAlignItems(FlexComponent.Alignment.CENTER);
                line.setWrap(true);
                line.getElement().setAttribute("data-username", request.username());
                list.add(line);
            }
        } catch (RestClientException e) {
            list.add(new Span(getTranslation("home.api-unavailable")));
        }
        return list;
    }

    private Div members() {
        Div list = new Div(new H4(getTranslation("space.members")));
        list.setId("space-members");
        try {
            for (Member member : social.members(space.id())) {
                Span who = new Span(member.name());
                who.addClassName("member-name");
                HorizontalLayout line = new HorizontalLayout(who);
                line.setAlignItems(FlexComponent.Alignment.CENTER);
                line.setWrap(true);
                line.getElement().setAttribute("data-username", member.username());
                if ("follower".equals(member.role()) || "department".equals(space.kind())) {
                    line.add(new Span(getTranslation("spaces.role." + member.role())));
                } else {
                    Select<String> role = new Select<>();
                    role.setItems("owner", "member");
                    role.setItemLabelGenerator(value -> getTranslation("space.role." + value));
                    role.setValue(member.role());
                    role.addClassName("member-role");
                    role.setAriaLabel(getTranslation("space.role"));
                    role.addValueChangeListener(change -> {
                        if (change.isFromClient()) {
                            run(() -> social.setRole(space.id(), member.personId(), change.getValue()));
                        }
                    });
                    line.add(role, small("space.remove", "member-remove", () -> social.removeMember(space.id(), member.personId())));
                }
                list.add(line);
            }
        } catch (RestClientException e) {
            list.add(new Span(getTranslation("home.api-unavailable")));
        }
        return list;
    }

    private Button small(String label, String className, Runnable call) {
        Button button = new Button(getTranslation(label), click -> run(call));
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    /** Every change redraws the page, so what is shown is what the API now holds. */
    private void run(Runnable call) {
        try {
            call.run();
            changed.run();
        } catch (RestClientException e) {
            failed(e);
        }
    }

    private void failed(RestClientException e) {
        Notification.show(ApiErrors.message(e, getTranslation("spaces.action-failed")), 5000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
