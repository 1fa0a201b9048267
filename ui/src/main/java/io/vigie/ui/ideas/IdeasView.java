package io.vigie.ui.ideas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.List;

/** The idea box: every idea the person may read, by status, best voted or newest first; and a way to propose one. */
@Route(value = "ideas", layout = MainLayout.class)
@PermitAll
public class IdeasView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> STATUSES = List.of("submitted", "under_review", "selected", "in_progress", "done", "declined");

    private final IdeasClient ideas;
    private final SocialClient social;
    private final Div list = new Div();

    public IdeasView(IdeasClient ideas, SocialClient social) {
        this.ideas = ideas;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("ideas.title"));
        H2 title = new H2(getTranslation("ideas.title"));
        title.setId("ideas-title");
        Select<String> status = new Select<>();
        status.setId("ideas-status");
        status.setAriaLabel(getTranslation("ideas.status-filter"));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("ideas.all-statuses"));
        status.setItems(STATUSES);
        status.setItemLabelGenerator(value -> value == null ? getTranslation("ideas.all-statuses") : getTranslation("idea.status." + value));
        Select<String> sort = new Select<>();
        sort.setId("ideas-sort");
        sort.setAriaLabel(getTranslation("ideas.sort"));
        sort.setItems("top", "new");
        sort.setItemLabelGenerator(value -> getTranslation("ideas.sort." + value));
        sort.setValue("top");
        status.addValueChangeListener(change -> show(change.getValue(), sort.getValue()));
        sort.addValueChangeListener(change -> show(status.getValue(), change.getValue()));
        Button propose = new Button(getTranslation("idea.propose"), VaadinIcon.LIGHTBULB.create(), click ->
                new IdeaDialog(ideas, social, null, null, created -> getUI().ifPresent(ui -> ui.navigate("posts/" + created.id()))).open());
        propose.setId("idea-propose");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor challenges = new Anchor("challenges", getTranslation("challenges.title"));
        challenges.setId("ideas-challenges");
        HorizontalLayout tools = new HorizontalLayout(propose, status, sort, challenges);
        tools.setAlignItems(Alignment.BASELINE);
        tools.setWrap(true);
        list.setId("ideas-list");
        add(title, new Paragraph(getTranslation("ideas.help")), tools, list);
        show(null, "top");
    }

    private void show(String status, String sort) {
        list.removeAll();
        try {
            List<IdeasClient.IdeaSummary> found = ideas.ideas(status, sort);
            if (found.isEmpty()) {
                list.add(new Paragraph(getTranslation("ideas.empty")));
            }
            found.forEach(idea -> list.add(row(idea)));
        } catch (RestClientException e) {
            list.add(Pages.unavailable());
        }
    }

    /** An idea in the list: its title, status, votes, space and author. */
    static Div row(IdeasClient.IdeaSummary idea) {
        Div row = new Div();
        row.addClassName("idea-row");
        row.getElement().setAttribute("data-idea-id", idea.id().toString());
        Anchor title = new Anchor("posts/" + idea.id(), idea.title());
        title.addClassName("idea-row-title");
        Span score = new Span(row.getTranslation("ideas.votes", idea.score()));
        score.addClassName("idea-row-score");
        Span where = new Span(row.getTranslation("ideas.by", idea.author().name(), idea.spaceName()));
        where.addClassName("idea-row-where");
        row.add(IdeaPanel.statusBadge(idea.status()), title, score, where);
        return row;
    }
}
