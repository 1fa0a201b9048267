package io.vigie.ui.kpis;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.KpisClient;
import io.vigie.ui.api.Me;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The KPIs dashboard: admins pick the company or a department, department heads see theirs. A
 * date range for everything; each chart a server-drawn SVG with its CSV file beside it.
 */
@Route(value = "kpis", layout = MainLayout.class)
@PermitAll
public class KpisView extends VerticalLayout implements BeforeEnterObserver {

    private final KpisClient kpis;
    private final PeopleClient people;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<String> department = new Select<>();
    private final Div charts = new Div();
    private boolean admin;
    private boolean departmentsListed;

    public KpisView(KpisClient kpis, PeopleClient people) {
        this.kpis = kpis;
        this.people = people;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        charts.removeAll();
        departmentsListed = false;
        Pages.title(this, getTranslation("kpis.title"));
        H2 title = new H2(getTranslation("kpis.title"));
        title.setId("kpis-title");
        add(title);
        Me me;
        try {
            me = people.me();
        } catch (RestClientException e) {
            add(Pages.unavailable());
            return;
        }
        admin = me.roles().contains("admin");
        if (!admin && !me.roles().contains("department-head")) {
            add(Pages.notFound(getTranslation("kpis.forbidden")));
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from.setLabel(getTranslation("kpis.from"));
        from.setId("kpis-from");
        from.setValue(today.minusDays(29));
        from.setMax(today);
        to.setLabel(getTranslation("kpis.to"));
        to.setId("kpis-to");
        to.setValue(today);
        to.setMax(today);
        department.setLabel(getTranslation("kpis.department"));
        department.setId("kpis-department");
        department.setEmptySelectionAllowed(true);
        department.setEmptySelectionCaption(getTranslation("kpis.company"));
        department.setItemLabelGenerator(value -> value == null ? getTranslation("kpis.company") : value);
        department.setVisible(admin);
        Button show = new Button(getTranslation("kpis.show"), click -> show());
        show.setId("kpis-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, department, show);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        Paragraph help = new Paragraph(admin ? getTranslation("kpis.help-admin")
                : getTranslation("kpis.help-head", me.department() == null ? "" : me.department()));
        charts.setId("kpis-charts");
        charts.addClassName("kpi-grid");
        charts.setWidthFull();
        add(help, filters, charts);
        show();
    }

    private void show() {
        charts.removeAll();
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        String chosen = admin ? department.getValue() : null;
        try {
            KpisClient.Dashboard d = kpis.dashboard(first, last, chosen);
            if (admin && !departmentsListed && chosen == null) {
                departmentsListed = true;
                department.setItems(d.participation().stream().map(KpisClient.Participation::department).toList());
            }
            List<LocalDate> days = d.activity().stream().map(KpisClient.Activity::day).toList();
            charts.add(
                    card("active", getTranslation("kpis.active"), d, figures(
                                    figure(getTranslation("kpis.active-range"), d.active().inRange()),
                                    figure(getTranslation("kpis.active-last-day"), last(d.active().days())),
                                    figure(getTranslation("kpis.active-last-week"), last(d.active().weeks())),
                                    figure(getTranslation("kpis.active-last-month"), last(d.active().months()))),
                            SvgChart.lines(getTranslation("kpis.active-per-day"), d.active().days().stream().map(KpisClient.Point::start).toList(),
                                    series(getTranslation("kpis.people"), d.active().days(), KpisClient.Point::people))),
                    card("activity", getTranslation("kpis.activity"), d, lines(getTranslation("kpis.activity"), days, d.activity(),
                            Map.of("kpis.posts", KpisClient.Activity::posts, "kpis.comments", KpisClient.Activity::comments,
                                    "kpis.votes", KpisClient.Activity::votes, "kpis.shares", KpisClient.Activity::shares),
                            List.of("kpis.posts", "kpis.comments", "kpis.votes", "kpis.shares"))),
                    card("participation", getTranslation("kpis.participation"), d, SvgChart.bars(getTranslation("kpis.participation"),
                            rows(d.participation(), KpisClient.Participation::department, KpisClient.Participation::rate), "%s %%")),
                    card("questions", getTranslation("kpis.ideas-questions"), d, figures(
                            figure(getTranslation("kpis.ideas-submitted"), d.ideas().submitted()),
                            figure(getTranslation("kpis.ideas-selected"), d.ideas().selected()),
                            figure(getTranslation("kpis.questions-asked"), d.questions().asked()),
                            figure(getTranslation("kpis.questions-answered"), d.questions().answeredRate() + " %"),
                            figure(getTranslation("kpis.first-answer"), duration(d.questions().medianHoursToFirstAnswer())))),
                    card("trends", getTranslation("kpis.trends"), d, lines(getTranslation("kpis.trends"),
                                    d.trends().days().stream().map(KpisClient.Engagement::day).toList(), d.trends().days(),
                                    Map.of("kpis.shares", KpisClient.Engagement::shares, "kpis.votes", KpisClient.Engagement::votes,
                                            "kpis.comments", KpisClient.Engagement::comments), List.of("kpis.shares", "kpis.votes", "kpis.comments")),
                            themes(d.trends().themes())),
                    card("advocacy", getTranslation("kpis.advocacy"), d, advocacy(d.advocacy()),
                            lines(getTranslation("kpis.advocacy-per-day"), d.advocacyDays().stream().map(KpisClient.AdvocacyDay::day).toList(),
                                    d.advocacyDays(), Map.of("kpis.shares", KpisClient.AdvocacyDay::shares, "kpis.clicks",
                                            KpisClient.AdvocacyDay::clicks, "kpis.unique-clicks", KpisClient.AdvocacyDay::uniqueClicks),
                                    List.of("kpis.shares", "kpis.clicks", "kpis.unique-clicks"))),
                    card("contributors", getTranslation("kpis.contributors"), d, contributors(d.contributors())));
            Paragraph took = new Paragraph(getTranslation("kpis.took", d.tookMillis()));
            took.addClassName("vigie-muted");
            charts.add(took);
        } catch (HttpClientErrorException.Forbidden e) {
            charts.add(Pages.notFound(getTranslation("kpis.forbidden")));
        } catch (HttpClientErrorException.BadRequest e) {
            charts.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
        } catch (RestClientException e) {
            charts.add(Pages.unavailable());
        }
    }

    /** A chart's card: its title, its content, and its CSV file (two for ideas and questions, and for advocacy). */
    private Div card(String chart, String heading, KpisClient.Dashboard d, Component... content) {
        Div card = new Div();
        card.addClassName("kpi-card");
        card.setId("kpi-" + chart);
        card.add(new H3(heading));
        card.add(content);
        card.add(csv(chart, d, "kpis.csv"));
        if (chart.equals("questions")) {
            card.add(new Span(" · "), csv("ideas", d, "kpis.csv-ideas"));
        }
        if (chart.equals("advocacy")) {
            card.add(new Span(" · "), csv("advocacy-days", d, "kpis.csv-days"));
        }
        return card;
    }

    private Anchor csv(String chart, KpisClient.Dashboard d, String caption) {
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = kpis.csv(chart, d.from(), d.to(), d.department());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "vigie-" + chart + "-" + d.from() + "-" + d.to() + ".csv",
                    "text/csv", bytes.length);
        }), getTranslation(caption));
        csv.setId("kpi-" + chart + "-csv");
        return csv;
    }

    private <T> Component lines(String label, List<LocalDate> days, List<T> rows, Map<String, Function<T, Long>> values, List<String> order) {
        Map<String, List<Long>> series = SvgChart.series();
        for (String key : order) {
            series.put(getTranslation(key), rows.stream().map(values.get(key)).toList());
        }
        return SvgChart.lines(label, days, series);
    }

    private static Map<String, List<Long>> series(String name, List<KpisClient.Point> points, Function<KpisClient.Point, Long> value) {
        Map<String, List<Long>> series = SvgChart.series();
        series.put(name, points.stream().map(value).toList());
        return series;
    }

    private static <T> Map<String, Double> rows(List<T> items, Function<T, String> label, Function<T, Double> value) {
        Map<String, Double> rows = new LinkedHashMap<>();
        items.forEach(item -> rows.put(label.apply(item), value.apply(item)));
        return rows;
    }

    private Component advocacy(List<KpisClient.AdvocacyRow> rows) {
        if (rows.isEmpty()) {
            return new Paragraph(getTranslation("kpis.advocacy-empty"));
        }
        Div part = new Div();
        part.add(SvgChart.bars(getTranslation("kpis.advocacy"), rows(rows,
                row -> row.department().isEmpty() ? getTranslation("kpis.no-department") : row.department(),
                row -> (double) row.clicks()), getTranslation("kpis.clicks-format")));
        for (KpisClient.AdvocacyRow row : rows) {
            Paragraph line = new Paragraph(getTranslation("kpis.advocacy-row",
                    row.department().isEmpty() ? getTranslation("kpis.no-department") : row.department(), row.shares(), row.clicks(),
                    row.uniqueClicks()));
            line.addClassName("kpi-advocacy-row");
            line.getElement().setAttribute("data-department", row.department());
            part.add(line);
        }
        return part;
    }

    private Component themes(List<KpisClient.Theme> themes) {
        Paragraph line = new Paragraph(themes.isEmpty() ? getTranslation("kpis.themes-empty")
                : getTranslation("kpis.themes", String.join(", ", themes.stream().map(t -> "#" + t.theme() + " (" + t.engagements() + ")").toList())));
        line.addClassName("vigie-muted");
        return line;
    }

    private Component contributors(List<KpisClient.Contributor> contributors) {
        if (contributors.isEmpty()) {
            return new Paragraph(getTranslation("kpis.contributors-empty"));
        }
        OrderedList list = new OrderedList();
        for (KpisClient.Contributor contributor : contributors) {
            ListItem item = new ListItem(new Anchor("people/" + contributor.username(), contributor.name()),
                    new Span(" · " + (contributor.department() == null ? "" : contributor.department() + " · ")
                            + getTranslation("kpis.points", contributor.points())));
            list.add(item);
        }
        return list;
    }

    private static Div figures(Component... figures) {
        Div row = new Div(figures);
        row.addClassName("kpi-figures");
        return row;
    }

    private static Div figure(String label, Object value) {
        Div figure = new Div();
        figure.addClassName("kpi-figure");
        figure.getElement().setAttribute("data-label", label);
        figure.getElement().appendChild(new Element("strong").setText(String.valueOf(value)));
        figure.add(new Span(label));
        return figure;
    }

    /** Hours, or minutes under an hour; a dash when nothing was answered. */
    private String duration(Double hours) {
        if (hours == null) {
            return "–";
        }
        return hours < 1 ? getTranslation("kpis.minutes", Math.round(hours * 60)) : getTranslation("kpis.hours", hours);
    }

    private static long last(List<KpisClient.Point> points) {
        return points.isEmpty() ? 0 : points.getLast().people();
    }
}
