package io.vigie.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.Me;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The home page: who you are, as the API knows you. Later issues add the feeds here. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Vigie")
@PermitAll
public class HomeView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(HomeView.class);

    public HomeView(PeopleClient people) {
        addClassName("vigie-home");
        try {
            show(people.me());
        } catch (RestClientException e) {
            log.warn("the API did not answer /api/me: {}", e.toString());
            Paragraph error = new Paragraph(getTranslation("home.api-unavailable"));
            error.setId("api-error");
            error.addClassName("vigie-error");
            add(error);
        }
    }

    private void show(Me me) {
        H2 welcome = new H2(getTranslation("home.welcome", me.displayName()));
        welcome.setId("welcome");

        Div card = new Div();
        card.addClassName("vigie-card");
        card.add(line("home.department", me.department() == null ? getTranslation("home.no-department") : me.department(), "department"),
                line("home.roles", String.join(", ", me.roles()), "roles"),
                line("home.email", me.email() == null ? "" : me.email(), "email"),
                line("home.member-since", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale()).format(me.createdAt()), "member-since"));
        add(welcome, card);
    }

    private Paragraph line(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("vigie-label");
        Span text = new Span(value);
        text.setId(id);
        return new Paragraph(label, text);
    }
}
