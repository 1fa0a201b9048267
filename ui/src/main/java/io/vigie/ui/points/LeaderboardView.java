package io.vigie.ui.points;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.PointsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.List;

/**
 * Leaderboards of the week, the month or all time: people (of the company or one department) and
 * departments by points per person, so a small team can lead; where the reader stands, and the
 * choice to keep out.
 */
@Route(value = "leaderboard", layout = MainLayout.class)
@PermitAll
public class LeaderboardView extends VerticalLayout implements BeforeEnterObserver {

    private static final List<String> PERIODS = List.of("week", "month", "all");

    private final PointsClient points;
    private final Div boards = new Div();
    private final Select<String> department = new Select<>();
    private String period = "month";
    private boolean departmentsListed;

    public LeaderboardView(PointsClient points) {
        this.points = points;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        departmentsListed = false;
        Pages.title(this, getTranslation("leaderboard.title"));
        H2 title = new H2(getTranslation("leaderboard.title"));
        title.setId("leaderboard-title");
        Tabs periods = new Tabs();
        for (String each : PERIODS) {
            Tab tab = new Tab(getTranslation("leaderboard.period." + each));
            tab.setId("leaderboard-" + each);
            periods.add(tab);
        }
        periods.setSelectedIndex(PERIODS.indexOf(period));
        periods.addSelectedChangeListener(change -> {
            period = PERIODS.get(periods.getSelectedIndex());
            show();
        });
        department.setId("leaderboard-department");
        department.setAriaLabel(getTranslation("leaderboard.department"));
        department.setEmptySelectionAllowed(true);
        department.setEmptySelectionCaption(getTranslation("leaderboard.company"));
        department.setItemLabelGenerator(value -> value == null ? getTranslation("leaderboard.company") : value);
        department.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                show();
            }
        });
        Checkbox optOut = new Checkbox(getTranslation("leaderboard.opt-out"));
        optOut.setId("leaderboard-opt-out");
        boards.setId("leaderboards");
        add(title, new Paragraph(getTranslation("leaderboard.help")), new HorizontalLayout(periods, department), boards, optOut);
        try {
            optOut.setValue(points.optedOut());
            optOut.addValueChangeListener(change -> {
                try {
                    points.optOut(change.getValue());
                    show();
                } catch (RestClientException e) {
                    boards.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
                }
            });
            show();
        } catch (RestClientException e) {
            boards.add(Pages.unavailable());
        }
    }

    private void show() {
        boards.removeAll();
        try {
            PointsClient.Leaderboards board = points.leaderboards(period, department.getValue());
            if (!departmentsListed) {
                departmentsListed = true;
                department.setItems(board.departments().stream().map(PointsClient.DepartmentStanding::department).sorted().toList());
            }
            Paragraph me = new Paragraph(board.me().rank() == null
                    ? getTranslation("leaderboard.me-unranked", board.me().points())
                    : getTranslation("leaderboard.me", board.me().points(), board.me().rank()));
            me.setId("leaderboard-me");
            boards.add(me);

            Div people = new Div();
            people.setId("leaderboard-people");
            people.add(new H3(getTranslation(board.department() == null ? "leaderboard.people" : "leaderboard.people-of", board.department())));
            if (board.people().isEmpty()) {
                people.add(new Paragraph(getTranslation("leaderboard.empty")));
            }
            for (PointsClient.Leader leader : board.people()) {
                Div row = row(leader.rank(), new Anchor("people/" + leader.username(), leader.name()),
                        new Span(leader.department() == null ? "" : leader.department()),
                        new Span(getTranslation("leaderboard.points", leader.points())));
                row.getElement().setAttribute("data-username", leader.username());
                people.add(row);
            }
            Div departments = new Div();
            departments.setId("leaderboard-departments");
            departments.add(new H3(getTranslation("leaderboard.departments")));
            for (PointsClient.DepartmentStanding standing : board.departments()) {
                Div row = row(standing.rank(), new Span(standing.department()),
                        new Span(getTranslation("leaderboard.per-person", standing.perPerson().toPlainString())),
                        new Span(getTranslation("leaderboard.department-detail", standing.points(), standing.people())));
                row.getElement().setAttribute("data-department", standing.department());
                departments.add(row);
            }
            boards.add(people, departments);
        } catch (RestClientException e) {
            boards.add(Pages.unavailable());
        }
    }

    private static Div row(int rank, com.vaadin.flow.component.Component... parts) {
        Div row = new Div();
        row.addClassName("leaderboard-row");
        Span place = new Span(rank + ".");
        place.addClassName("leaderboard-rank");
        row.add(place);
        row.add(parts);
        return row;
    }
}
