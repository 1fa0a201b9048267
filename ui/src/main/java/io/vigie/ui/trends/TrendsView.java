package io.vigie.ui.trends;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;
import io.vigie.ui.api.Trends;
import io.vigie.ui.api.TrendsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trends page: rising, top, new and topics, company-wide or for one space (a space's trend
 * board). Every choice is in the address (?tab=&space=&period=), so a board can be bookmarked.
 */
@Route(value = "trends", layout = MainLayout.class)
@PermitAll
public class TrendsView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> TABS = List.of("rising", "top", "new", "topics");
    private static final List<String> PERIODS = List.of("day", "week", "month");

    private final TrendsClient trends;
    private final SocialClient social;

    public TrendsView(TrendsClient trends, SocialClient social) {
        this.trends = trends;
        this.social = social;
        addClassName("vigie-home");
    }

    /** The address of a board. */
    public static QueryParameters parameters(String tab, UUID space, String period) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("tab", List.of(tab));
        if (space != null) {
            values.put("space", List.of(space.toString()));
        }
        if (period != null) {
            values.put("period", List.of(period));
        }
        return new QueryParameters(values);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String tab = first(query, "tab", "rising");
        String period = first(query, "period", "week");
        UUID space;
        try {
            String value = first(query, "space", null);
            space = value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            add(Pages.notFound(getTranslation("trends.space-not-found")));
            return;
        }
        if (!TABS.contains(tab)) {
            tab = "rising";
        }
        if (!PERIODS.contains(period)) {
            period = "week";
        }
        Pages.title(this, getTranslation("trends.title"));
        H2 title = new H2(getTranslation("trends.title"));
        add(title);
        try {
            add(controls(tab, space, period));
            add(content(tab, space, period));
        } catch (HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("trends.space-not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private HorizontalLayout controls(String tab, UUID space, String period) {
        List<SpaceSummary> spaces = social.spaces();
        Select<UUID> scope = new Select<>();
        scope.setId("trends-scope");
        scope.setLabel(getTranslation("trends.scope"));
        scope.setEmptySelectionAllowed(true);
        scope.setEmptySelectionCaption(getTranslation("trends.company"));
        scope.setItems(spaces.stream().map(SpaceSummary::id).toList());
        scope.setItemLabelGenerator(id -> id == null ? getTranslation("trends.company")
                : spaces.stream().filter(s -> s.id().equals(id)).map(SpaceSummary::name).findFirst().orElse(id.toString()));
        scope.setValue(space);
        scope.addValueChangeListener(change -> go(tab, change.getValue(), period));

        Tabs tabs = new Tabs();
        tabs.setId("trends-tabs");
        Tab selected = null;
        for (String name : TABS) {
            Tab item = new Tab(getTranslation("trends.tab." + name));
            item.setId("trends-tab-" + name);
            tabs.add(item);
            if (name.equals(tab)) {
                selected = item;
            }
        }
        tabs.setSelectedTab(selected);
        tabs.addSelectedChangeListener(change -> go(TABS.get(tabs.indexOf(change.getSelectedTab())), space, period));

        HorizontalLayout controls = new HorizontalLayout(scope, tabs);
        controls.setWrap(true);
        controls.setAlignItems(Alignment.END);
        if (tab.equals("top")) {
            Select<String> periods = new Select<>();
            periods.setId("trends-period");
            periods.setLabel(getTranslation("trends.period"));
            periods.setItems(PERIODS);
            periods.setItemLabelGenerator(p -> getTranslation("trends.period." + p));
            periods.setValue(period);
            periods.addValueChangeListener(change -> go(tab, space, change.getValue()));
            controls.add(periods);
        }
        if (space != null) {
            HorizontalLayout links = new HorizontalLayout(
                    new Anchor("spaces/" + space, getTranslation("trends.open-space")),
                    new Anchor("spaces/" + space + "/digest", getTranslation("digest.title")),
                    new Anchor("spaces/" + space + "/watch", getTranslation("watch.title")));
            links.setWrap(true);
            controls.add(links);
        }
        return controls;
    }

    private Div content(String tab, UUID space, String period) {
        Div content = new Div();
        content.setId("trends-content");
        content.setWidthFull();
        if (space == null && !tab.equals("topics") && !tab.equals("new")) {
            Paragraph note = new Paragraph(getTranslation("trends.company-note"));
            note.addClassName("trend-note");
            content.add(note);
        }
        switch (tab) {
            case "top" -> content.add(new TrendList(trends.trends("top", space, period), "trends.empty"));
            case "new" -> content.add(new TrendList(trends.trends("new", space, null), "trends.empty"));
            case "topics" -> content.add(topics(trends.topics(space), space));
            default -> content.add(new TrendList(trends.trends("rising", space, null), "trends.empty-rising"));
        }
        return content;
    }

    private Div topics(Trends.Topics topics, UUID space) {
        Div box = new Div();
        box.add(new H3(getTranslation("trends.topics.rising")));
        box.add(topicList(topics.rising(), space, "topics-rising"));
        box.add(new H3(getTranslation("trends.topics.significant")));
        box.add(topicList(topics.significant(), space, "topics-significant"));
        return box;
    }

    private Div topicList(List<Trends.TopicTrend> topics, UUID space, String id) {
        Div list = new Div();
        list.setId(id);
        list.addClassName("topic-list");
        if (topics.isEmpty()) {
            list.add(new Paragraph(getTranslation("trends.topics.empty")));
        }
        for (Trends.TopicTrend topic : topics) {
            Anchor link = new Anchor("trends/topics/" + topic.topic() + (space == null ? "" : "?space=" + space), "#" + topic.topic());
            link.addClassName("topic-link");
            Div item = new Div(link, new com.vaadin.flow.component.html.Span(TrendList.reason(this, topic.reason())));
            item.addClassName("topic-item");
            list.add(item);
        }
        return list;
    }

    private void go(String tab, UUID space, String period) {
        getUI().ifPresent(ui -> ui.navigate(TrendsView.class, parameters(tab, space, tab.equals("top") ? period : null)));
    }

    private static String first(Map<String, List<String>> query, String name, String otherwise) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? otherwise : values.getFirst();
    }
}
