package io.vigie.ui.advocacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.AdvocacyClient;
import io.vigie.ui.api.ApiErrors;
import org.springframework.web.client.RestClientException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moderators: promote an article or a post for sharing outside. The source is its Vigie address
 * (or id), pasted or filled in from the article page; the texts are suggestions per network.
 */
class AdvocacyDialog extends Dialog {

    /** {@code .../articles/<id>} or {@code .../posts/<id>}, or a bare id (an article's). */
    private static final Pattern SOURCE = Pattern.compile("(?:(articles|posts)/)?([0-9a-fA-F-]{36})\\s*$");

    AdvocacyDialog(AdvocacyClient advocacy, List<String> departments, String source, Consumer<AdvocacyClient.Item> created) {
        setHeaderTitle(getTranslation("advocacy.new"));
        addClassName("advocacy-dialog");
        TextField address = new TextField(getTranslation("advocacy.source"));
        address.setId("advocacy-source");
        address.setHelperText(getTranslation("advocacy.source-help"));
        address.setWidthFull();
        address.setValue(source == null ? "" : source);
        TextField title = new TextField(getTranslation("advocacy.title-field"));
        title.setId("advocacy-title-field");
        title.setHelperText(getTranslation("advocacy.title-help"));
        title.setMaxLength(200);
        title.setWidthFull();
        TextField target = new TextField(getTranslation("advocacy.target"));
        target.setId("advocacy-target");
        target.setHelperText(getTranslation("advocacy.target-help"));
        target.setWidthFull();
        Map<String, TextArea> texts = new LinkedHashMap<>();
        for (String network : List.of("linkedin", "x", "email")) {
            TextArea text = new TextArea(getTranslation("advocacy.text." + network));
            text.setId("advocacy-text-" + network);
            text.setWidthFull();
            text.setMaxLength(network.equals("x") ? 256 : 3000);
            text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            text.setHelperText(getTranslation("advocacy.text-help", text.getMaxLength()));
            texts.put(network, text);
        }
        MultiSelectComboBox<String> targets = new MultiSelectComboBox<>(getTranslation("advocacy.departments"));
        targets.setId("advocacy-departments");
        targets.setItems(departments);
        targets.setHelperText(getTranslation("advocacy.departments-help"));
        targets.setWidthFull();
        DatePicker expires = new DatePicker(getTranslation("advocacy.expires"));
        expires.setId("advocacy-expires");
        expires.setMin(LocalDate.now().plusDays(1));
        expires.setHelperText(getTranslation("advocacy.expires-help"));
        expires.setWidth("min(320px, 100%)");
        Span error = new Span();
        error.setId("advocacy-error");
        error.addClassName("challenge-error");
        Button submit = new Button(getTranslation("advocacy.create"), click -> {
            Matcher matcher = SOURCE.matcher(address.getValue().strip());
            if (!matcher.find()) {
                error.setText(getTranslation("advocacy.source-invalid"));
                return;
            }
            UUID id = UUID.fromString(matcher.group(2));
            boolean post = "posts".equals(matcher.group(1));
            Map<String, String> given = new LinkedHashMap<>();
            texts.forEach((network, text) -> given.put(network, text.getValue()));
            try {
                AdvocacyClient.Item item = advocacy.create(new AdvocacyClient.Draft(post ? null : id, post ? id : null,
                        blankToNull(title.getValue()), blankToNull(target.getValue()), given, new ArrayList<>(targets.getValue()),
                        expires.getValue() == null ? null : expires.getValue().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime()));
                close();
                created.accept(item);
            } catch (RestClientException e) {
                error.setText(ApiErrors.message(e, getTranslation("post.action-failed")));
            }
        });
        submit.setId("advocacy-create");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("post.cancel"), click -> close());
        VerticalLayout form = new VerticalLayout(address, title, target);
        texts.values().forEach(form::add);
        form.add(targets, expires, error);
        form.setPadding(false);
        add(form);
        getFooter().add(cancel, submit);
        setWidth("min(640px, 95vw)");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
