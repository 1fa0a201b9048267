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
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Challenges: the open ones by nearest deadline, the closed ones newest first, and a way to open one. */
@Route(value = "challenges", layout = MainLayout.class)
@PermitAll
public class ChallengesView extends VerticalLayout implements BeforeEnterObserver {

    private final IdeasClient ideas;
    private final SocialClient social;
    private final Div list = new Div();

    public ChallengesView(IdeasClient ideas, SocialClient social) {
        this.ideas = ideas;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("challenges.title"));
        H2 title = new H2(getTranslation("challenges.title"));
        title.setId("challenges-title");
        Tab open = new Tab(getTranslation("challenges.open"));
        open.setId("challenges-open");
        Tab closed = new Tab(getTranslation("challenges.closed"));
        closed.setId("challenges-closed");
        Tabs which = new Tabs(open, closed);
        which.addSelectedChangeListener(change -> show(change.getSelectedTab() == closed));
        Button create = new Button(getTranslation("challenge.new"), VaadinIcon.FLAG_CHECKERED.create(), click ->
                new ChallengeDialog(ideas, social, created -> getUI().ifPresent(ui -> ui.navigate("challenges/" + created.id()))).open());
        create.setId("challenge-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor back = new Anchor("ideas", getTranslation("ideas.title"));
        HorizontalLayout tools = new HorizontalLayout(create, back);
        tools.setAlignItems(Alignment.BASELINE);
        list.setId("challenges-list");
        add(title, new Paragraph(getTranslation("challenges.help")), tools, which, list);
        show(false);
    }

    private void show(boolean closed) {
        list.removeAll();
        try {
            var found = ideas.challenges(closed);
            if (found.isEmpty()) {
                list.add(new Paragraph(getTranslation(closed ? "challenges.none-closed" : "challenges.none-open")));
            }
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
            for (IdeasClient.ChallengeSummary challenge : found) {
                Div row = new Div();
                row.addClassName("challenge-row");
                row.getElement().setAttribute("data-challenge-id", challenge.id().toString());
                Anchor name = new Anchor("challenges/" + challenge.id(), challenge.title());
                name.addClassName("challenge-row-title");
                Span when = new Span(getTranslation(closed ? "challenge.closed" : "challenge.closes",
                        format.format(challenge.deadline().atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime())));
                Span count = new Span(getTranslation("challenge.ideas", challenge.ideas()));
                Span where = new Span(getTranslation("ideas.by", challenge.sponsor().name(), challenge.spaceName()));
                row.add(name, when, count, where);
                list.add(row);
            }
        } catch (RestClientException e) {
            list.add(Pages.unavailable());
        }
    }
}
