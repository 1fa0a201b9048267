package io.vigie.ui.posts;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writing a post in Markdown, into one of the spaces the person may post in, with a preview that
 * the API renders and sanitises exactly as publishing would.
 */
public class Composer extends VerticalLayout {

    static final int MAX_LENGTH = 20_000;

    private final SocialClient social;
    private final TextArea text = new TextArea();
    private final Div preview = new Div();
    private final Select<SpaceSummary> space = new Select<>();
    private final Button publish = new Button();
    private final Tab write = new Tab();
    private final Tab show = new Tab();
    private final Tabs mode = new Tabs(write, show);
    private final PollEditor pollEditor = new PollEditor();
    private final Button pollToggle = new Button();
    private final QuestionTitle questionTitle;
    private final Button questionToggle = new Button();
    private final KudosEditor kudosEditor;
    private final Button kudosToggle = new Button();

    /** @param postable the spaces offered; with only one, the space picker is hidden */
    public Composer(SocialClient social, List<SpaceSummary> postable, Consumer<Post> published) {
        this.social = social;
        this.questionTitle = new QuestionTitle(social);
        this.kudosEditor = new KudosEditor(social);
        addClassName("vigie-composer");
        setPadding(false);
        setSpacing(false);

        write.setLabel(getTranslation("composer.write"));
        write.setId("composer-write");
        show.setLabel(getTranslation("composer.preview"));
        show.setId("composer-preview");
        mode.addClassName("composer-mode");
        mode.addSelectedChangeListener(change -> showPreview(change.getSelectedTab() == show));

        text.setId("composer-text");
        text.setPlaceholder(getTranslation("composer.placeholder"));
        text.setAriaLabel(getTranslation("composer.placeholder"));
        text.setMaxLength(MAX_LENGTH);
        text.setWidthFull();
        text.setMinHeight("6em");
        text.setValueChangeMode(ValueChangeMode.EAGER);
        text.addValueChangeListener(change -> publish.setEnabled(!change.getValue().isBlank() && space.getValue() != null));
        text.setHelperText(getTranslation("composer.markdown-help"));

        preview.setId("composer-preview-body");
        preview.addClassName("composer-preview");
        preview.setVisible(false);

        space.setId("composer-space");
        space.setLabel(getTranslation("composer.space"));
        space.setItems(postable);
        space.setItemLabelGenerator(SpaceSummary::name);
        space.setVisible(postable.size() > 1);
        if (!postable.isEmpty()) {
            space.setValue(postable.getFirst());
        }

        publish.setId("composer-publish");
        publish.setText(getTranslation("composer.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setEnabled(false);
        publish.addClickListener(click -> {
            try {
                Post post = questionTitle.isVisible()
                        ? social.ask(space.getValue().id(), questionTitle.value(), text.getValue())
                        : kudosEditor.isVisible()
                        ? social.giveKudos(space.getValue().id(), kudosEditor.username(), kudosEditor.valueId(), text.getValue())
                        : social.post(space.getValue().id(), text.getValue(), pollEditor.isVisible() ? pollEditor.draft() : null);
                text.clear();
                pollEditor.clear();
                questionTitle.clear();
                kudosEditor.clear();
                showExtra(null);
                mode.setSelectedTab(write);
                published.accept(post);
            } catch (RestClientException e) {
                error(ApiErrors.message(e, getTranslation("composer.failed")));
            }
        });

        // A poll: the text becomes its question.
        pollEditor.setVisible(false);
        pollToggle.setText(getTranslation("poll.add"));
        pollToggle.setId("composer-poll");
        pollToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        pollToggle.addClickListener(click -> showExtra(pollEditor.isVisible() ? null : pollEditor));
        // A question: a title on top, the text gives the details, colleagues answer in the discussion.
        questionTitle.setVisible(false);
        questionToggle.setText(getTranslation("question.ask"));
        questionToggle.setId("composer-question");
        questionToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        questionToggle.addClickListener(click -> showExtra(questionTitle.isVisible() ? null : questionTitle));

        // Kudos: thank a colleague publicly for one of the company's values.
        kudosEditor.setVisible(false);
        kudosToggle.setText(getTranslation("kudos.give"));
        kudosToggle.setId("composer-kudos");
        kudosToggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        kudosToggle.addClickListener(click -> showExtra(kudosEditor.isVisible() ? null : kudosEditor));

        HorizontalLayout actions = new HorizontalLayout(pollToggle, questionToggle, kudosToggle, space, publish);
        actions.setWrap(true);
        actions.setAlignItems(Alignment.BASELINE);
        actions.setWidthFull();
        actions.setJustifyContentMode(JustifyContentMode.END);
        actions.expand(space);
        add(questionTitle, kudosEditor, mode, text, preview, pollEditor, actions);
    }

    /** A post is plain, carries a poll, asks a question or gives kudos: at most one of the extras shows. */
    private void showExtra(com.vaadin.flow.component.Component extra) {
        pollEditor.setVisible(extra == pollEditor);
        questionTitle.setVisible(extra == questionTitle);
        kudosEditor.setVisible(extra == kudosEditor);
        kudosToggle.setText(getTranslation(extra == kudosEditor ? "kudos.cancel" : "kudos.give"));
        pollToggle.setText(getTranslation(extra == pollEditor ? "poll.remove" : "poll.add"));
        questionToggle.setText(getTranslation(extra == questionTitle ? "question.cancel" : "question.ask"));
        text.setPlaceholder(getTranslation(extra == questionTitle ? "question.details" : "composer.placeholder"));
    }

    private void showPreview(boolean on) {
        if (on) {
            preview.removeAll();
            if (text.getValue().isBlank()) {
                preview.setText(getTranslation("composer.preview-empty"));
            } else {
                try {
                    // Sanitised by the API; one root element for Html.
                    preview.add(new Html("<div class=\"post-body\">" + social.preview(text.getValue()).html() + "</div>"));
                } catch (RestClientException e) {
                    error(ApiErrors.message(e, getTranslation("composer.failed")));
                }
            }
        }
        preview.setVisible(on);
        text.setVisible(!on);
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
