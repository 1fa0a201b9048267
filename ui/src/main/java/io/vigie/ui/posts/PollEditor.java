package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.vigie.ui.api.Poll;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The poll part of the composer: 2 to 10 choices, several answers or one, anonymous or not, an optional deadline. */
class PollEditor extends VerticalLayout {

    static final int MAX_OPTIONS = 10;

    private final VerticalLayout options = new VerticalLayout();
    private final List<TextField> fields = new ArrayList<>();
    private final Button addOption = new Button();
    private final Checkbox multiple = new Checkbox();
    private final Checkbox anonymous = new Checkbox();
    private final DateTimePicker deadline = new DateTimePicker();

    PollEditor() {
        addClassName("poll-editor");
        setPadding(false);
        setSpacing(false);
        options.setPadding(false);
        options.setSpacing(false);
        addOption.setText(getTranslation("poll.add-option"));
        addOption.setIcon(VaadinIcon.PLUS.create());
        addOption.addClassName("poll-add-option");
        addOption.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addOption.addClickListener(click -> addField());
        multiple.setLabel(getTranslation("poll.multiple"));
        multiple.addClassName("poll-multiple");
        anonymous.setLabel(getTranslation("poll.anonymous-option"));
        anonymous.addClassName("poll-anonymous");
        deadline.setLabel(getTranslation("poll.deadline"));
        deadline.addClassName("poll-deadline");
        deadline.setMin(LocalDateTime.now());
        addField();
        addField();
        HorizontalLayout settings = new HorizontalLayout(multiple, anonymous, deadline);
        settings.setAlignItems(Alignment.BASELINE);
        settings.setWrap(true);
        add(options, addOption, settings);
    }

    private void addField() {
        TextField field = new TextField();
        field.addClassName("poll-option-field");
        field.setPlaceholder(getTranslation("poll.option", fields.size() + 1));
        field.setAriaLabel(getTranslation("poll.option", fields.size() + 1));
        field.setMaxLength(200);
        field.setWidthFull();
        fields.add(field);
        options.add(field);
        addOption.setEnabled(fields.size() < MAX_OPTIONS);
    }

    /** The poll as written; blank choices are left out (the API says what is missing). */
    Poll.Draft draft() {
        List<String> written = fields.stream().map(TextField::getValue).filter(value -> !value.isBlank()).toList();
        return new Poll.Draft(written, multiple.getValue(), anonymous.getValue(),
                deadline.getValue() == null ? null : deadline.getValue().atZone(ZoneId.systemDefault()).toOffsetDateTime());
    }

    void clear() {
        fields.forEach(TextField::clear);
        multiple.clear();
        anonymous.clear();
        deadline.clear();
    }
}
