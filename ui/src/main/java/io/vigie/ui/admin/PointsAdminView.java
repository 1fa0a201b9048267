package io.vigie.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.PointsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admins: the points each kind of contribution earns (past contributions count at the new rate at once). */
@Route(value = "admin/points", layout = MainLayout.class)
@PermitAll
public class PointsAdminView extends VerticalLayout implements BeforeEnterObserver {

    private final PointsClient points;

    public PointsAdminView(PointsClient points) {
        this.points = points;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("points-admin.title"));
        add(AdminNav.links(), new H2(getTranslation("points-admin.title")), new Paragraph(getTranslation("points-admin.help")));
        List<PointsClient.Rule> rules;
        try {
            rules = points.rules();
        } catch (RestClientException e) {
            add(AdminNav.problem(e));
            return;
        }
        Map<String, IntegerField> fields = new LinkedHashMap<>();
        for (PointsClient.Rule rule : rules) {
            IntegerField field = new IntegerField(getTranslation("points-admin.kind." + rule.kind()));
            field.setId("points-" + rule.kind());
            field.setMin(0);
            field.setMax(1000);
            field.setStepButtonsVisible(true);
            field.setValue(rule.points());
            fields.put(rule.kind(), field);
            add(field);
        }
        Button save = new Button(getTranslation("points-admin.save"), click -> {
            List<PointsClient.Rule> wanted = new ArrayList<>();
            fields.forEach((kind, field) -> wanted.add(new PointsClient.Rule(kind, field.getValue())));
            try {
                points.setRules(wanted);
                Notification.show(getTranslation("points-admin.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("post.action-failed")), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("points-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
    }
}
