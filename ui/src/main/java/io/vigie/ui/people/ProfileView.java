package io.vigie.ui.people;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.LiveStream;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Profile;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.FeedList;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** A colleague's page: who they are, follow or unfollow, and what they posted that the reader may see. */
@Route(value = "people/:username", layout = MainLayout.class)
@PermitAll
public class ProfileView extends VerticalLayout implements BeforeEnterObserver {

    private final io.vigie.ui.api.PointsClient points;
    private final PeopleClient people;
    private final SocialClient social;
    private final LiveStream live;
    private final Div header = new Div();

    public ProfileView(PeopleClient people, SocialClient social, LiveStream live, io.vigie.ui.api.PointsClient points) {
        this.points = points;
        this.people = people;
        this.social = social;
        this.live = live;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String username = event.getRouteParameters().get("username").orElse("");
        try {
            Profile profile = people.profile(username);
            Viewer viewer = Viewer.load(people, social);
            Pages.title(this, profile.displayName());
            add(header);
            showCard(profile);
            add(skills(profile, viewer));
            add(kudosReceived(profile.username(), viewer));
            add(new io.vigie.ui.points.AchievementsPanel(points.achievements(profile.username())));
            FeedList feed = new FeedList(social, viewer, live, created -> profile.id().equals(created.authorId()));
            add(feed);
            feed.show(cursor -> social.personFeed(profile.username(), cursor));
        } catch (HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("profile.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    /**
     * Skills: declared ones with their endorsements (a colleague endorses, the person edits their
     * own), the subjects they write about ("active on"), and a way to ask them a question.
     */
    private Div skills(Profile profile, Viewer viewer) {
        Div section = new Div();
        section.setId("profile-skills");
        section.addClassName("profile-skills");
        io.vigie.ui.api.Skills skills = people.skills(profile.username());
        section.add(new com.vaadin.flow.component.html.H3(getTranslation("skills.title")));
        Div chips = new Div();
        chips.addClassName("skill-chips");
        for (io.vigie.ui.api.Skills.Declared skill : skills.declared()) {
            Span chip = new Span(skill.label() + (skill.endorsements() > 0 ? " · " + skill.endorsements() : ""));
            chip.addClassName("skill-chip");
            chip.getElement().setAttribute("data-skill", skill.skill());
            chips.add(chip);
            if (!profile.me()) {
                com.vaadin.flow.component.button.Button endorse = new com.vaadin.flow.component.button.Button(
                        getTranslation(skill.endorsedByMe() ? "skills.endorsed" : "skills.endorse"), click -> {
                    try {
                        people.endorse(profile.username(), skill.skill(), !skill.endorsedByMe());
                        section.getElement().removeFromParent();
                        addComponentAtIndex(1, skills(profile, viewer));
                    } catch (org.springframework.web.client.RestClientException e) {
                        com.vaadin.flow.component.notification.Notification.show(
                                io.vigie.ui.api.ApiErrors.message(e, getTranslation("skills.failed")));
                    }
                });
                endorse.addClassName("skill-endorse");
                endorse.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY,
                        com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                chips.add(endorse);
            }
        }
        if (skills.declared().isEmpty()) {
            chips.add(new Span(getTranslation("skills.none")));
        }
        section.add(chips);
        if (profile.me()) {
            com.vaadin.flow.component.textfield.TextField edit = new com.vaadin.flow.component.textfield.TextField(getTranslation("skills.edit"));
            edit.setId("skills-edit");
            edit.setWidthFull();
            edit.setHelperText(getTranslation("skills.edit-help"));
            edit.setValue(String.join(", ", skills.declared().stream().map(io.vigie.ui.api.Skills.Declared::label).toList()));
            com.vaadin.flow.component.button.Button save = new com.vaadin.flow.component.button.Button(getTranslation("skills.save"), click -> {
                try {
                    people.declareSkills(java.util.Arrays.stream(edit.getValue().split(",")).map(String::strip)
                            .filter(text -> !text.isEmpty()).toList());
                    section.getElement().removeFromParent();
                    addComponentAtIndex(1, skills(profile, viewer));
                } catch (org.springframework.web.client.RestClientException e) {
                    com.vaadin.flow.component.notification.Notification.show(
                            io.vigie.ui.api.ApiErrors.message(e, getTranslation("skills.failed")));
                }
            });
            save.setId("skills-save");
            section.add(edit, save);
        } else {
            com.vaadin.flow.component.button.Button ask = new com.vaadin.flow.component.button.Button(getTranslation("experts.ask"),
                    click -> io.vigie.ui.experts.AskExpertDialog.open(social, viewer, profile.username(), profile.displayName()));
            ask.setId("profile-ask");
            section.add(ask);
        }
        if (!skills.activeOn().isEmpty()) {
            Div active = new Div();
            active.addClassName("skill-active");
            active.add(new Span(getTranslation("skills.active-on")));
            skills.activeOn().forEach(tag -> active.add(new Anchor("tags/" + tag.tag(), "#" + tag.tag())));
            section.add(active);
        }
        return section;
    }

    /** The kudos this person received (what the viewer may see): a badge per value with its count, the latest three. */
    private Div kudosReceived(String username, Viewer viewer) {
        Div section = new Div();
        section.setId("profile-kudos");
        section.addClassName("profile-kudos");
        io.vigie.ui.api.Kudos.Received received = social.kudosReceived(username);
        if (received.values().isEmpty()) {
            section.setVisible(false);
            return section;
        }
        section.add(new com.vaadin.flow.component.html.H3(getTranslation("kudos.received")));
        Div badges = new Div();
        badges.addClassName("kudos-badges");
        received.values().forEach(value -> {
            Span badge = new Span(value.label() + " × " + value.count());
            badge.addClassName("kudos-badge");
            badge.getElement().setAttribute("data-value", value.value());
            badges.add(badge);
        });
        section.add(badges);
        received.latest().stream().limit(3).forEach(post -> section.add(new io.vigie.ui.posts.PostCard(social, viewer, post, gone -> { })));
        return section;
    }

    private void showCard(Profile profile) {
        header.removeAll();
        header.add(card(profile));
    }

    private Div card(Profile profile) {
        H2 name = new H2(profile.displayName());
        name.setId("profile-name");
        Div card = new Div(name);
        card.addClassName("vigie-card");
        card.add(new Paragraph(new Span("@" + profile.username()),
                new Span(profile.department() == null ? getTranslation("home.no-department") : profile.department())));
        Span followers = new Span(getTranslation("profile.followers", profile.followers()));
        followers.setId("profile-followers");
        Span following = new Span(getTranslation("profile.following", profile.following()));
        Span since = new Span(getTranslation("profile.since", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(getLocale()).format(profile.memberSince())));
        card.add(new Paragraph(followers, following, since));
        if (!profile.me()) {
            Button follow = new Button(getTranslation(profile.followedByMe() ? "profile.unfollow" : "profile.follow"));
            follow.setId("profile-follow");
            follow.addThemeVariants(profile.followedByMe() ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
            follow.addClickListener(click -> {
                try {
                    people.follow(profile.username(), !profile.followedByMe());
                    showCard(people.profile(profile.username()));
                } catch (RestClientException e) {
                    Notification.show(ApiErrors.message(e, getTranslation("spaces.action-failed")));
                }
            });
            card.add(follow);
        }
        return card;
    }
}
