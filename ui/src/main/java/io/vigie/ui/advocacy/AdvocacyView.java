package io.vigie.ui.advocacy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.AdvocacyClient;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Me;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.kpis.SvgChart;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The advocacy feed: what the company asks its people to share outside, each with a suggested
 * text per network. One click makes the person's tracked link and opens the network's share page;
 * the link stays on the card to copy. Moderators promote items, withdraw them and read who
 * shared and what it brought.
 */
@Route(value = "advocacy", layout = MainLayout.class)
@PermitAll
public class AdvocacyView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> NETWORKS = List.of("linkedin", "x", "email");

    private final AdvocacyClient advocacy;
    private final PeopleClient people;
    private final SocialClient social;
    private final Div items = new Div();
    private boolean moderator;
    private boolean everything;

    public AdvocacyView(AdvocacyClient advocacy, PeopleClient people, SocialClient social) {
        this.advocacy = advocacy;
        this.people = people;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        items.removeAll();
        Pages.title(this, getTranslation("advocacy.title"));
        H2 title = new H2(getTranslation("advocacy.title"));
        title.setId("advocacy-title");
        add(title, new Paragraph(getTranslation("advocacy.help")));
        Me me;
        try {
            me = people.me();
        } catch (RestClientException e) {
            add(Pages.unavailable());
            return;
        }
        moderator = me.roles().contains("moderator") || me.roles().contains("admin");
        items.setId("advocacy-items");
        items.setWidthFull();
        if (moderator) {
            Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
            String source = query.containsKey("article") ? "articles/" + query.get("article").getFirst()
                    : query.containsKey("post") ? "posts/" + query.get("post").getFirst() : null;
            Button create = new Button(getTranslation("advocacy.new"), VaadinIcon.PLUS.create(), click -> openDialog(null));
            create.setId("advocacy-new");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Checkbox all = new Checkbox(getTranslation("advocacy.show-all"), everything);
            all.setId("advocacy-show-all");
            all.addValueChangeListener(change -> {
                everything = change.getValue();
                show();
            });
            HorizontalLayout tools = new HorizontalLayout(create, all);
            tools.setAlignItems(FlexComponent.Alignment.CENTER);
            add(tools);
            if (source != null) {
                openDialog(source);
            }
        }
        add(items);
        show();
    }

    private void openDialog(String source) {
        List<String> departments;
        try {
            departments = social.spaces().stream().map(SpaceSummary::department).filter(Objects::nonNull).sorted().toList();
        } catch (RestClientException e) {
            departments = List.of();
        }
        new AdvocacyDialog(advocacy, departments, source, created -> show()).open();
    }

    private void show() {
        items.removeAll();
        try {
            List<AdvocacyClient.Item> feed = advocacy.feed(everything);
            if (feed.isEmpty()) {
                Paragraph empty = new Paragraph(getTranslation("advocacy.empty"));
                empty.setId("advocacy-empty");
                items.add(empty);
            }
            feed.forEach(item -> items.add(card(item)));
        } catch (RestClientException e) {
            items.add(Pages.unavailable());
        }
    }

    private Div card(AdvocacyClient.Item item) {
        Div card = new Div();
        card.addClassName("advocacy-item");
        card.setId("advocacy-item-" + item.id());
        Anchor target = new Anchor(item.targetUrl(), item.title());
        target.setTarget(AnchorTarget.BLANK);
        target.getElement().setAttribute("rel", "noopener noreferrer");
        H3 heading = new H3(target);
        Span about = new Span(getTranslation("advocacy.about", item.site(), item.createdBy()));
        about.addClassName("vigie-muted");
        card.add(heading, about);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        if (!item.departments().isEmpty() || item.expiresAt() != null || !item.live() || item.expired()) {
            StringBuilder notes = new StringBuilder();
            if (!item.departments().isEmpty()) {
                notes.append(getTranslation("advocacy.for", String.join(", ", item.departments()))).append(" · ");
            }
            if (item.expiresAt() != null) {
                notes.append(getTranslation("advocacy.until", date.format(item.expiresAt().atZoneSameInstant(ZoneId.systemDefault()))))
                        .append(" · ");
            }
            if (!item.live()) {
                notes.append(getTranslation("advocacy.withdrawn")).append(" · ");
            } else if (item.expired()) {
                notes.append(getTranslation("advocacy.expired")).append(" · ");
            }
            Paragraph note = new Paragraph(notes.substring(0, notes.length() - 3));
            note.addClassName("vigie-muted");
            card.add(note);
        }
        String suggestion = item.texts().getOrDefault("linkedin", "");
        if (!suggestion.isBlank()) {
            Paragraph text = new Paragraph(suggestion);
            text.addClassName("advocacy-text");
            card.add(text);
        }
        Div result = new Div();
        result.addClassName("advocacy-result");
        if (item.live() && !item.expired()) {
            HorizontalLayout buttons = new HorizontalLayout();
            buttons.setWrap(true);
            for (String network : NETWORKS) {
                Button share = new Button(getTranslation("advocacy.share." + network), click -> share(item, network, result));
                share.setId("advocacy-share-" + network + "-" + item.id());
                share.addClassName("advocacy-share-" + network);
                buttons.add(share);
            }
            card.add(buttons);
        }
        card.add(result);
        Paragraph counts = new Paragraph(getTranslation("advocacy.counts", item.sharers(), item.clicks()) + (item.myNetworks().isEmpty() ? ""
                : " · " + getTranslation("advocacy.mine", String.join(", ", item.myNetworks().stream()
                .map(n -> getTranslation("advocacy.network." + n)).toList()), item.myClicks(), item.myUniqueClicks())));
        counts.addClassName("advocacy-counts");
        counts.addClassName("vigie-muted");
        card.add(counts);
        Div figures = new Div();
        figures.addClassName("advocacy-figures");
        Button details = new Button(getTranslation("advocacy.figures"), click -> figures(item, figures));
        details.addClassName("advocacy-figures-button");
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(details);
        if (moderator && item.live()) {
            Button withdraw = new Button(getTranslation("advocacy.withdraw"), click -> {
                try {
                    advocacy.withdraw(item.id());
                    show();
                } catch (RestClientException e) {
                    result.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
                }
            });
            withdraw.addClassName("advocacy-withdraw");
            withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            actions.add(withdraw);
        }
        card.add(actions, figures);
        return card;
    }

    /** Makes (or finds) the person's tracked link, opens the network's share page, and leaves the link to copy. */
    private void share(AdvocacyClient.Item item, String network, Div result) {
        result.removeAll();
        try {
            AdvocacyClient.Share share = advocacy.share(item.id(), network);
            // Still within the click's user activation, so browsers let the page open (the anchor below is the fallback).
            getUI().ifPresent(ui -> ui.getPage().open(share.shareUrl(), network.equals("email") ? "_self" : "_blank"));
            TextField link = new TextField(getTranslation("advocacy.your-link"));
            link.addClassName("advocacy-link");
            link.setReadOnly(true);
            link.setValue(share.link());
            link.setWidth("min(420px, 100%)");
            Button copy = new Button(getTranslation("advocacy.copy"), VaadinIcon.COPY.create(),
                    click -> link.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", share.link()));
            copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Anchor open = new Anchor(share.shareUrl(), getTranslation("advocacy.open." + network));
            open.setTarget(AnchorTarget.BLANK);
            open.getElement().setAttribute("rel", "noopener noreferrer");
            open.addClassName("advocacy-open");
            HorizontalLayout row = new HorizontalLayout(link, copy, open);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            result.add(row);
            String text = item.texts().getOrDefault(network, "");
            if (!text.isBlank() && !network.equals("x")) {
                Paragraph hint = new Paragraph(getTranslation("advocacy.paste", text));
                hint.addClassName("vigie-muted");
                result.add(hint);
            }
        } catch (RestClientException e) {
            result.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
        }
    }

    /** Shares and clicks of the item: by department, by day, and by person (each person sees their own row). */
    private void figures(AdvocacyClient.Item item, Div figures) {
        figures.removeAll();
        try {
            AdvocacyClient.Stats stats = advocacy.stats(item.id());
            Paragraph total = new Paragraph(getTranslation("advocacy.total", stats.total().shares(), stats.total().clicks(),
                    stats.total().uniqueClicks()));
            total.addClassName("advocacy-total");
            figures.add(total);
            if (!stats.days().isEmpty()) {
                // Every day from the first share to today, quiet days included.
                Map<LocalDate, AdvocacyClient.Day> byDay = new HashMap<>();
                stats.days().forEach(day -> byDay.put(day.day(), day));
                LocalDate last = LocalDate.now(ZoneOffset.UTC);
                List<AdvocacyClient.Day> days = new ArrayList<>();
                for (LocalDate day = stats.days().getFirst().day(); !day.isAfter(last); day = day.plusDays(1)) {
                    days.add(byDay.getOrDefault(day, new AdvocacyClient.Day(day, 0, 0, 0)));
                }
                Map<String, List<Long>> series = SvgChart.series();
                series.put(getTranslation("kpis.shares"), days.stream().map(AdvocacyClient.Day::shares).toList());
                series.put(getTranslation("advocacy.clicks"), days.stream().map(AdvocacyClient.Day::clicks).toList());
                figures.add(SvgChart.lines(getTranslation("advocacy.per-day"), days.stream().map(AdvocacyClient.Day::day).toList(), series));
            }
            figures.add(new H4(getTranslation("advocacy.by-department")));
            stats.departments().forEach(group -> figures.add(row(group.key().isEmpty() ? getTranslation("kpis.no-department") : group.key(),
                    group, "advocacy-department")));
            if (!stats.people().isEmpty()) {
                figures.add(new H4(getTranslation(moderator ? "advocacy.by-person" : "advocacy.yours")));
                stats.people().forEach(group -> figures.add(row(group.name(), group, "advocacy-person")));
            }
        } catch (RestClientException e) {
            figures.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
        }
    }

    private Paragraph row(String label, AdvocacyClient.Group group, String className) {
        Paragraph row = new Paragraph(getTranslation("advocacy.row", label, group.shares(), group.clicks(), group.uniqueClicks()));
        row.addClassName(className);
        row.getElement().setAttribute("data-key", group.key());
        return row;
    }
}
