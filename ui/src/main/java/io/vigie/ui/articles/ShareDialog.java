package io.vigie.ui.articles;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Article;
import io.vigie.ui.api.ArticleClient;
import io.vigie.ui.api.SpaceSummary;
import org.springframework.web.client.RestClientException;

import java.util.Arrays;
import java.util.List;

/**
 * Sharing a link: paste it, see its preview as the API reads it (safely, and under its canonical
 * URL), add a comment and tags, pick the space, share; the article's page opens.
 */
public class ShareDialog extends Dialog {

    private final ArticleClient articles;
    private final TextField url = new TextField();
    private final Div preview = new Div();
    private final Button share = new Button();

    public ShareDialog(ArticleClient articles, List<SpaceSummary> postable) {
        this.articles = articles;
        setHeaderTitle(getTranslation("share.title"));
        setId("share-dialog");
        setWidth("min(36rem, 95vw)");

        url.setId("share-url");
        url.setLabel(getTranslation("share.url"));
        url.setPlaceholder("https://");
        url.setWidthFull();
        url.setMaxLength(2048);
        url.setValueChangeMode(ValueChangeMode.LAZY);
        url.setValueChangeTimeout(400);
        url.addValueChangeListener(change -> showPreview(change.getValue()));

        preview.setId("share-preview");
        preview.addClassName("share-preview");

        TextArea comment = new TextArea(getTranslation("share.comment"));
        comment.setId("share-comment");
        comment.setWidthFull();
        comment.setMaxLength(5000);
        TextField tags = new TextField(getTranslation("share.tags"));
        tags.setId("share-tags");
        tags.setWidthFull();
        tags.setHelperText(getTranslation("share.tags-help"));
        Select<SpaceSummary> space = new Select<>();
        space.setId("share-space");
        space.setLabel(getTranslation("composer.space"));
        space.setItems(postable);
        space.setItemLabelGenerator(SpaceSummary::name);
        space.setWidthFull();
        if (!postable.isEmpty()) {
            space.setValue(postable.getFirst());
        }

        share.setText(getTranslation("share.share"));
        share.setId("share-submit");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.setEnabled(false);
        share.addClickListener(click -> {
            try {
                List<String> tagList = Arrays.stream(tags.getValue().split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
                Article article = articles.share(space.getValue().id(), url.getValue().strip(), comment.getValue(), tagList);
                close();
                UI.getCurrent().navigate("articles/" + article.id());
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("share.failed")), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        Button cancel = new Button(getTranslation("post.cancel"), click -> close());
        VerticalLayout body = new VerticalLayout(url, preview, comment, tags, space);
        body.setPadding(false);
        add(body);
        getFooter().add(cancel, share);
    }

    private void showPreview(String text) {
        preview.removeAll();
        share.setEnabled(false);
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            Article.Preview found = articles.preview(text.strip());
            preview.add(ArticleView.card(found.title(), found.siteName(), found.description(), found.image(), found.url()));
            share.setEnabled(true);
        } catch (RestClientException e) {
            Paragraph refused = new Paragraph(ApiErrors.message(e, getTranslation("share.failed")));
            refused.setId("share-refused");
            refused.addClassName("vigie-error");
            preview.add(refused);
        }
    }
}
