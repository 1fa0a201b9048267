package io.vigie.ui.watch;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.api.Watch;
import io.vigie.ui.api.WatchClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A space's watch: the inbox of items its sources found (members promote one into a share, or
 * dismiss it), and its sources with their health (owners add, check now and remove them).
 */
@Route(value = "spaces/:spaceId/watch", layout = MainLayout.class)
@PermitAll
public class WatchView extends VerticalLayout implements BeforeEnterObserver {

    private final WatchClient watch;
    private final SocialClient social;
    private UUID spaceId;
    private String status = "new";

    public WatchView(WatchClient watch, SocialClient social) {
        this.watch = watch;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            spaceId = UUID.fromString(event.getRouteParameters().get("spaceId").orElse(""));
        } catch (IllegalArgumentException e) {
            spaceId = null;
        }
        render();
    }

    private void render() {
        removeAll();
        if (spaceId == null) {
            add(Pages.notFound(getTranslation("space.not-found")));
            return;
        }
        try {
            SpaceSummary space = social.space(spaceId);
            Pages.title(this, getTranslation("watch.title") + " · " + space.name());
            add(new H2(getTranslation("watch.title") + " · " + space.name()),
                    new HorizontalLayout(new Anchor("spaces/" + spaceId, getTranslation("trends.open-space")),
                            new Anchor("trends?space=" + spaceId, getTranslation("trends.title"))));
            if (!space.canPost()) {
                add(new Paragraph(getTranslation("watch.members-only")));
                return;
            }
            add(inbox(), sources("owner".equals(space.myRole())));
        } catch (HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("space.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private Div inbox() {
        Div box = new Div();
        box.setId("watch-inbox");
        box.setWidthFull();
        Select<String> show = new Select<>();
        show.setId("inbox-status");
        show.setLabel(getTranslation("watch.inbox"));
        show.setItems("new", "promoted", "dismissed");
        show.setItemLabelGenerator(s -> getTranslation("watch.status." + s));
        show.setValue(status);
        show.addValueChangeListener(change -> {
            status = change.getValue();
            render();
        });
        box.add(show);
        List<Watch.Item> items = watch.inbox(spaceId, status);
        if (items.isEmpty()) {
            box.add(new Paragraph(getTranslation("watch.inbox-empty")));
        }
        items.forEach(item -> box.add(item(item)));
        return box;
    }

    private Div item(Watch.Item item) {
        Div card = new Div();
        card.addClassName("vigie-post");
        card.addClassName("inbox-item");
        card.getElement().setAttribute("data-item-id", item.id().toString());
        Anchor title = new Anchor(item.url(), item.title() == null || item.title().isBlank() ? item.url() : item.title(), AnchorTarget.BLANK);
        title.getElement().setAttribute("rel", "noopener noreferrer nofollow");
        title.addClassName("inbox-title");
        card.add(title);
        StringBuilder facts = new StringBuilder(item.sourceTitle() == null ? "" : item.sourceTitle());
        if (item.publishedAt() != null) {
            facts.append(facts.isEmpty() ? "" : " · ").append(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).format(item.publishedAt().atZone(ZoneId.systemDefault())));
        }
        Span source = new Span(facts.toString());
        source.addClassName("article-site");
        card.add(new Paragraph(source));
        if (item.summary() != null && !item.summary().isBlank()) {
            card.add(new Paragraph(item.summary()));
        }
        if ("new".equals(item.status())) {
            Button promote = new Button(getTranslation("watch.promote"), click -> promote(item));
            promote.addClassName("inbox-promote");
            promote.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button dismiss = new Button(getTranslation("watch.dismiss"), click -> act(() -> watch.dismiss(item.id())));
            dismiss.addClassName("inbox-dismiss");
            dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL);
            card.add(new HorizontalLayout(promote, dismiss));
        } else if (item.postId() != null) {
            card.add(new Anchor("posts/" + item.postId(), getTranslation("watch.see-share")));
        }
        return card;
    }

    /** Promoting shares the item's page (fetched safely, like any share) with an optional comment and themes. */
    private void promote(Watch.Item item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("watch.promote"));
        TextArea comment = new TextArea(getTranslation("share.comment"));
        comment.setId("promote-comment");
        comment.setWidthFull();
        comment.setMaxLength(5000);
        TextField tags = new TextField(getTranslation("share.tags"));
        tags.setId("promote-tags");
        tags.setWidthFull();
        tags.setHelperText(getTranslation("share.tags-help"));
        Button share = new Button(getTranslation("share.share"), click -> {
            try {
                List<String> themes = Arrays.stream(tags.getValue().split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
                watch.promote(item.id(), comment.getValue(), themes);
                dialog.close();
                render();
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("share.failed")));
            }
        });
        share.setId("promote-submit");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(comment, tags));
        dialog.getFooter().add(new Button(getTranslation("post.cancel"), click -> dialog.close()), share);
        dialog.open();
    }

    private Div sources(boolean owner) {
        Div box = new Div(new H3(getTranslation("watch.sources")));
        box.setId("watch-sources");
        box.setWidthFull();
        for (Watch.Source source : watch.sources(spaceId)) {
            Div row = new Div();
            row.addClassName("watch-source");
            Span title = new Span(source.title() == null ? source.url() : source.title());
            title.addClassName("source-title");
            Span url = new Span(source.url());
            url.addClassName("article-site");
            row.add(new Paragraph(title, url));
            if (source.lastError() != null) {
                Span error = new Span(getTranslation("watch.source-error", source.failures(), source.lastError()));
                error.addClassName("vigie-error");
                error.addClassName("source-error");
                row.add(new Paragraph(error));
            } else if (source.lastSuccessAt() != null) {
                row.add(new Paragraph(new Span(getTranslation("watch.source-ok", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                        .withLocale(getLocale()).format(source.lastSuccessAt().atZone(ZoneId.systemDefault()))))));
            }
            if (owner) {
                Button check = new Button(getTranslation("watch.check"), click -> act(() -> watch.pollNow(source.id())));
                check.addClassName("source-check");
                check.addThemeVariants(ButtonVariant.LUMO_SMALL);
                Button remove = new Button(getTranslation("watch.remove"), click -> act(() -> watch.remove(source.id())));
                remove.addClassName("source-remove");
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                row.add(new HorizontalLayout(check, remove));
            }
            box.add(row);
        }
        if (owner) {
            TextField url = new TextField(getTranslation("watch.feed-url"));
            url.setId("source-url");
            url.setWidthFull();
            url.setPlaceholder("https://www.example.com/feed.xml");
            Button add = new Button(getTranslation("watch.add"), click -> {
                try {
                    watch.add(spaceId, url.getValue().strip());
                    render();
                } catch (RestClientException e) {
                    url.setInvalid(true);
                    url.setErrorMessage(ApiErrors.message(e, getTranslation("watch.add-failed")));
                }
            });
            add.setId("source-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(url, add);
            form.setWidthFull();
            form.setAlignItems(Alignment.BASELINE);
            box.add(form);
        }
        return box;
    }

    private void act(Runnable call) {
        try {
            call.run();
            render();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("watch.failed")));
        }
    }
}
