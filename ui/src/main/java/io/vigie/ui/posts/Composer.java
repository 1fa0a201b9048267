package io.vigie.ui.posts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientResponseException;

import java.util.List;
import java.util.function.Consumer;

/** Writing a post in Markdown, into one of the spaces the person may post in. */
public class Composer extends VerticalLayout {

    static final int MAX_LENGTH = 20_000;

    private final TextArea text = new TextArea();
    private final Select<SpaceSummary> space = new Select<>();
    private final Button publish = new Button();

    public Composer(SocialClient social, List<SpaceSummary> postable, Consumer<Post> published) {
        addClassName("vigie-composer");
        setPadding(false);

        text.setId("composer-text");
        text.setPlaceholder(getTranslation("composer.placeholder"));
        text.setAriaLabel(getTranslation("composer.placeholder"));
        text.setMaxLength(MAX_LENGTH);
        text.setWidthFull();
        text.setMinHeight("6em");
        text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        text.addValueChangeListener(change -> publish.setEnabled(!change.getValue().isBlank() && space.getValue() != null));
        text.setHelperText(getTranslation("composer.markdown-help"));

        space.setId("composer-space");
        space.setLabel(getTranslation("composer.space"));
        space.setItems(postable);
        space.setItemLabelGenerator(SpaceSummary::name);
        if (!postable.isEmpty()) {
            space.setValue(postable.getFirst());
        }

        publish.setId("composer-publish");
        publish.setText(getTranslation("composer.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setEnabled(false);
        publish.addClickListener(click -> {
            try {
                Post post = social.post(space.getValue().id(), text.getValue());
                text.clear();
                published.accept(post);
            } catch (RestClientResponseException e) {
                Notification.show(getTranslation("composer.failed"), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });

        HorizontalLayout actions = new HorizontalLayout(space, publish);
        actions.setAlignItems(Alignment.BASELINE);
        actions.setWidthFull();
        actions.expand(space);
        add(text, actions);
    }
}
