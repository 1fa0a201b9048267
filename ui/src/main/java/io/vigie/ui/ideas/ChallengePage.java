package io.vigie.ui.ideas;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.IdeasClient;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.PostCard;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One challenge: its question and deadline, the criteria and the jury, the ideas submitted with
 * the employees' votes; for a juror, a private score sheet; for the sponsor, the close; once
 * closed, the ranking (with totals for the jury and the sponsor only, as the API gives them).
 */
@Route(value = "challenges/:id", layout = MainLayout.class)
@PermitAll
public class ChallengePage extends VerticalLayout implements BeforeEnterObserver {

    private final IdeasClient ideas;
    private final PeopleClient people;
    private final SocialClient social;
    private UUID id;

    public ChallengePage(IdeasClient ideas, PeopleClient people, SocialClient social) {
        this.ideas = ideas;
        this.people = people;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            show();
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            removeAll();
            add(Pages.notFound(getTranslation("challenge.not-found")));
        } catch (RestClientException e) {
            removeAll();
            add(Pages.unavailable());
        }
    }

    private void show() {
        removeAll();
        IdeasClient.ChallengeDetail detail = ideas.challenge(id);
        Post post = detail.challenge();
        Post.Challenge challenge = post.challenge();
        Viewer viewer = Viewer.load(people, social);
        Pages.title(this, post.title());
        add(new Anchor("challenges", getTranslation("challenges.title")));
        PostCard card = new PostCard(social, viewer, post, gone -> getUI().ifPresent(ui -> ui.navigate("challenges")));
        card.setWidthFull();
        add(card);

        Div rules = new Div();
        rules.addClassName("challenge-rules");
        rules.add(new H3(getTranslation("challenge.criteria")));
        challenge.criteria().forEach(criterion -> {
            Span line = new Span(getTranslation("challenge.criterion", criterion.label(), criterion.weight()));
            line.addClassName("challenge-criterion");
            rules.add(line);
        });
        Paragraph jury = new Paragraph(getTranslation("challenge.jury-list",
                challenge.jury().stream().map(Post.Person::name).collect(Collectors.joining(", ")), challenge.winners()));
        jury.addClassName("challenge-jury");
        rules.add(jury);
        add(rules);

        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        if (!challenge.closed()) {
            Button propose = new Button(getTranslation("challenge.propose"), VaadinIcon.LIGHTBULB.create(), click ->
                    new IdeaDialog(ideas, social, id, post.space().id(), created -> show()).open());
            propose.setId("challenge-propose");
            propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(propose);
        }
        if (detail.mayClose() && !challenge.closed()) {
            Button close = new Button(getTranslation("challenge.close"), VaadinIcon.FLAG_CHECKERED.create(), click -> confirmClose());
            close.setId("challenge-close");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(close);
        }
        add(actions);

        if (!detail.ranking().isEmpty()) {
            add(ranking(detail.ranking()));
        }
        H3 entries = new H3(getTranslation("challenge.ideas", detail.ideas().size()));
        add(entries);
        Div list = new Div();
        list.setId("challenge-ideas");
        if (detail.ideas().isEmpty()) {
            list.add(new Paragraph(getTranslation("challenge.no-ideas")));
        }
        detail.ideas().forEach(idea -> list.add(IdeasView.row(idea)));
        add(list);

        if (challenge.juror() || challenge.sponsor()) {
            add(scoreSheet(detail, challenge, viewer));
        }
    }

    private Div ranking(List<IdeasClient.Place> places) {
        Div ranking = new Div();
        ranking.setId("challenge-ranking");
        ranking.add(new H3(getTranslation("challenge.ranking")));
        for (IdeasClient.Place place : places) {
            Div row = new Div();
            row.addClassName("challenge-place");
            row.getElement().setAttribute("data-idea-id", place.ideaId().toString());
            Span rank = new Span(place.rank() + ".");
            rank.addClassName("challenge-rank");
            Anchor title = new Anchor("posts/" + place.ideaId(), place.title());
            row.add(rank, title, new Span(place.author().name()));
            if (place.winner()) {
                Span winner = new Span(VaadinIcon.TROPHY.create(), new Span(getTranslation("challenge.winner")));
                winner.addClassName("challenge-winner");
                row.add(winner);
            }
            if (place.total() != null) {
                Span total = new Span(getTranslation("challenge.total", place.total().stripTrailingZeros().toPlainString()));
                total.addClassName("challenge-total");
                row.add(total);
            }
            ranking.add(row);
        }
        return ranking;
    }

    /**
     * A juror's private sheet: a 0–10 field per idea and criterion, prefilled with their own scores,
     * saved per idea. The sponsor (and, after close, the jury) sees every juror's scores instead.
     */
    private Div scoreSheet(IdeasClient.ChallengeDetail detail, Post.Challenge challenge, Viewer viewer) {
        Div sheet = new Div();
        sheet.setId("challenge-scores");
        sheet.add(new H3(getTranslation("challenge.scores")));
        Paragraph privacy = new Paragraph(getTranslation("challenge.scores-private"));
        privacy.addClassName("challenge-scores-private");
        sheet.add(privacy);
        IdeasClient.JuryScores scores;
        try {
            scores = ideas.scores(id);
        } catch (RestClientException e) {
            sheet.add(new Paragraph(ApiErrors.message(e, getTranslation("post.action-failed"))));
            return sheet;
        }
        String me = viewer.me().username();
        boolean scoring = challenge.juror() && !challenge.closed();
        for (IdeasClient.IdeaSummary idea : detail.ideas()) {
            Div row = new Div();
            row.addClassName("score-row");
            row.getElement().setAttribute("data-idea-id", idea.id().toString());
            row.add(new Span(idea.title()));
            List<IdeasClient.Score> ofIdea = scores.scores().stream().filter(score -> score.ideaId().equals(idea.id())).toList();
            if (scoring && !idea.author().username().equals(me)) {
                Map<UUID, IntegerField> fields = new HashMap<>();
                HorizontalLayout inputs = new HorizontalLayout();
                inputs.setWrap(true);
                for (Post.Criterion criterion : scores.criteria()) {
                    IntegerField field = new IntegerField(criterion.label());
                    field.addClassName("score-field");
                    field.setMin(0);
                    field.setMax(10);
                    field.setStepButtonsVisible(true);
                    field.setWidth("8rem");
                    ofIdea.stream().filter(score -> score.criterionId().equals(criterion.id()) && score.juror().username().equals(me))
                            .findFirst().ifPresent(score -> field.setValue(score.score()));
                    fields.put(criterion.id(), field);
                    inputs.add(field);
                }
                Button save = new Button(getTranslation("challenge.save-scores"), click -> {
                    Map<UUID, Integer> given = new HashMap<>();
                    fields.forEach((criterion, field) -> {
                        if (field.getValue() != null) {
                            given.put(criterion, field.getValue());
                        }
                    });
                    try {
                        ideas.score(id, idea.id(), given);
                        Notification.show(getTranslation("challenge.scores-saved"), 3000, Notification.Position.BOTTOM_START)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (RestClientException e) {
                        Notification.show(ApiErrors.message(e, getTranslation("post.action-failed")), 5000, Notification.Position.MIDDLE)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                save.addClassName("score-save");
                save.addThemeVariants(ButtonVariant.LUMO_SMALL);
                inputs.add(save);
                inputs.setAlignItems(Alignment.BASELINE);
                row.add(inputs);
            } else {
                ofIdea.forEach(score -> {
                    String criterion = scores.criteria().stream().filter(c -> c.id().equals(score.criterionId())).map(Post.Criterion::label)
                            .findFirst().orElse("");
                    Span given = new Span(getTranslation("challenge.score-given", score.juror().name(), criterion, score.score()));
                    given.addClassName("score-given");
                    row.add(given);
                });
            }
            sheet.add(row);
        }
        return sheet;
    }

    private void confirmClose() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("challenge.close"), getTranslation("challenge.close-text"),
                getTranslation("challenge.close"), confirm -> {
            try {
                ideas.close(id);
                show();
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("post.action-failed")), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("post.cancel"));
        dialog.open();
    }
}
