package io.vigie.ui.experts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Skills;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.ArrayList;
import java.util.List;

/** Who knows about a skill: declared it, was endorsed for it, writes about it; and a way to ask them. */
@Route(value = "experts", layout = MainLayout.class)
@PermitAll
public class ExpertsView extends VerticalLayout implements BeforeEnterObserver {

    private final PeopleClient people;
    private final SocialClient social;
    private final Div results = new Div();
    private Viewer viewer;

    public ExpertsView(PeopleClient people, SocialClient social) {
        this.people = people;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("experts.title"));
        TextField skill = new TextField();
        skill.setId("experts-skill");
        skill.setPlaceholder(getTranslation("experts.placeholder"));
        skill.setAriaLabel(getTranslation("experts.placeholder"));
        skill.setWidthFull();
        skill.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, key -> find(skill.getValue()));
        Button find = new Button(getTranslation("experts.find"), click -> find(skill.getValue()));
        find.setId("experts-find");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        results.setId("experts-results");
        try {
            viewer = Viewer.load(people, social);
            add(new H2(getTranslation("experts.title")), new Paragraph(getTranslation("experts.help")), skill, find, results);
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private void find(String skill) {
        results.removeAll();
        if (skill.isBlank()) {
            return;
        }
        List<Skills.Expert> experts;
        try {
            experts = people.experts(skill);
        } catch (RestClientException e) {
            results.add(Pages.unavailable());
            return;
        }
        if (experts.isEmpty()) {
            results.add(new Paragraph(getTranslation("experts.none", skill)));
            return;
        }
        for (Skills.Expert expert : experts) {
            Div row = new Div();
            row.addClassName("expert");
            row.getElement().setAttribute("data-username", expert.username());
            Anchor name = new Anchor("people/" + expert.username(), expert.name());
            name.addClassName("expert-name");
            List<String> why = new ArrayList<>();
            if (expert.department() != null) {
                why.add(expert.department());
            }
            if (expert.declared()) {
                why.add(getTranslation("experts.declared"));
            }
            if (expert.endorsements() > 0) {
                why.add(getTranslation("experts.endorsements", expert.endorsements()));
            }
            if (expert.posts() > 0) {
                why.add(getTranslation("experts.posts", expert.posts()));
            }
            Span facts = new Span(String.join(" · ", why));
            facts.addClassName("expert-facts");
            row.add(name, facts);
            if (!expert.username().equals(viewer.me().username())) {
                Button ask = new Button(getTranslation("experts.ask"),
                        click -> AskExpertDialog.open(social, viewer, expert.username(), expert.name()));
                ask.addClassName("expert-ask");
                ask.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                row.add(ask);
            }
            results.add(row);
        }
    }
}
