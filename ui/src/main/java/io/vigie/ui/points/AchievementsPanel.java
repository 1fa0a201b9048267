package io.vigie.ui.points;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.vigie.ui.api.PointsClient;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** A profile's points and badges (each with when it was earned), or nothing if its person keeps them private. */
public class AchievementsPanel extends Div {

    public AchievementsPanel(PointsClient.Achievements achievements) {
        setId("profile-achievements");
        addClassName("profile-achievements");
        if (!achievements.visible()) {
            setVisible(false);
            return;
        }
        add(new H3(getTranslation("achievements.title")));
        Paragraph total = new Paragraph(getTranslation("achievements.points", achievements.points(), achievements.pointsThisMonth()));
        total.setId("achievements-points");
        add(total);
        Div badges = new Div();
        badges.addClassName("achievement-badges");
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        for (PointsClient.Earned earned : achievements.badges()) {
            Span badge = new Span(getTranslation("badge." + earned.id()));
            badge.addClassName("achievement-badge");
            badge.getElement().setAttribute("data-badge", earned.id());
            badge.getElement().setAttribute("title", getTranslation("badge." + earned.id() + ".why") + " · "
                    + format.format(earned.earnedAt().toLocalDate()));
            badges.add(badge);
        }
        if (achievements.badges().isEmpty()) {
            badges.add(new Span(getTranslation("achievements.none")));
        }
        add(badges, new Anchor("leaderboard", getTranslation("leaderboard.title")));
    }
}
