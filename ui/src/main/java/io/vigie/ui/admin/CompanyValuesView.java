package io.vigie.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Kudos;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admins: the company's values, the badges kudos carry. Edit labels, add, remove (a removed value
 * is retired: kudos that carry it keep their badge) and save the list at once.
 */
@Route(value = "admin/values", layout = MainLayout.class)
@PermitAll
public class CompanyValuesView extends VerticalLayout implements BeforeEnterObserver {

    private final SocialClient social;
    private final Div rows = new Div();
    private final List<Row> editing = new ArrayList<>();

    /** One value being edited: its id stays, its label and description change. */
    private record Row(String id, TextField label, TextField description, HorizontalLayout layout) {}

    public CompanyValuesView(SocialClient social) {
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("values.title"));
        add(AdminNav.links(), new H2(getTranslation("values.title")), new Paragraph(getTranslation("values.help")));
        try {
            show(social.allCompanyValues());
        } catch (RestClientException e) {
            add(AdminNav.problem(e));
        }
    }

    private void show(List<Kudos.Value> values) {
        rows.removeAll();
        rows.setId("company-values");
        editing.clear();
        values.stream().filter(value -> !value.retired()).forEach(value -> addRow(value.id(), value.label(), value.description()));
        TextField newLabel = new TextField(getTranslation("values.new"));
        newLabel.setId("value-new");
        Button add = new Button(getTranslation("values.add"), click -> {
            String label = newLabel.getValue().strip();
            if (!label.isEmpty()) {
                addRow(idOf(label), label, "");
                newLabel.clear();
            }
        });
        add.setId("value-add");
        Button save = new Button(getTranslation("values.save"), click -> save());
        save.setId("values-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout adding = new HorizontalLayout(newLabel, add);
        adding.setAlignItems(Alignment.BASELINE);
        add(rows, adding, save);
    }

    private void addRow(String id, String label, String description) {
        TextField labelField = new TextField();
        labelField.setValue(label);
        labelField.setMaxLength(60);
        labelField.setAriaLabel(getTranslation("values.label"));
        TextField descriptionField = new TextField();
        descriptionField.setValue(description == null ? "" : description);
        descriptionField.setWidth("24em");
        descriptionField.setAriaLabel(getTranslation("values.description"));
        HorizontalLayout layout = new HorizontalLayout(labelField, descriptionField);
        layout.addClassName("company-value");
        layout.getElement().setAttribute("data-value", id);
        layout.setAlignItems(Alignment.BASELINE);
        Row row = new Row(id, labelField, descriptionField, layout);
        Button remove = new Button(getTranslation("values.remove"), click -> {
            editing.remove(row);
            rows.remove(layout);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        layout.add(remove);
        editing.add(row);
        rows.add(layout);
    }

    private void save() {
        try {
            show(social.replaceCompanyValues(editing.stream()
                    .map(row -> new Kudos.Value(row.id(), row.label().getValue(), row.description().getValue(), false)).toList()));
            Notification.show(getTranslation("values.saved"), 3000, Notification.Position.BOTTOM_START);
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("values.failed")), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** A new value's id from its label: lower-case letters, digits and dashes, as the API wants. */
    private static String idOf(String label) {
        String folded = java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String id = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        id = id.isEmpty() ? "value" : id;
        return id.length() > 40 ? id.substring(0, 40) : id;
    }
}
