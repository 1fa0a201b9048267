package io.vigie.ui.trends;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.vigie.ui.api.Trends;

import java.util.List;

/** A list of trending articles: title (to the article's page), site, why it trends, and its curve. */
public class TrendList extends Div {

    public TrendList(List<Trends.ArticleTrend> trends, String emptyKey) {
        addClassName("trend-list");
        if (trends.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(emptyKey));
            empty.addClassName("trend-empty");
            add(empty);
            return;
        }
        int rank = 1;
        for (Trends.ArticleTrend trend : trends) {
            add(item(rank++, trend));
        }
    }

    private Component item(int rank, Trends.ArticleTrend trend) {
        Div item = new Div();
        item.addClassName("trend-item");
        item.getElement().setAttribute("data-article-id", trend.article().id().toString());
        Span position = new Span(Integer.toString(rank));
        position.addClassName("trend-rank");
        Div text = new Div();
        text.addClassName("trend-text");
        String title = trend.article().title() == null || trend.article().title().isBlank() ? trend.article().url() : trend.article().title();
        Anchor link = new Anchor("articles/" + trend.article().id(), title);
        link.addClassName("trend-title");
        text.add(link);
        if (trend.article().siteName() != null && !trend.article().siteName().isBlank()) {
            Span site = new Span(trend.article().siteName());
            site.addClassName("article-site");
            text.add(site);
        }
        Span reason = new Span(reason(this, trend.reason()));
        reason.addClassName("trend-reason");
        text.add(reason);
        item.add(position, text);
        if (!trend.curve().isEmpty()) {
            item.add(ActivityChart.sparkline(trend.curve(), getTranslation("trends.curve")));
        }
        return item;
    }

    /** "12 people from 4 departments in the last 6 hours", in the reader's language. */
    static String reason(Component in, Trends.Reason reason) {
        return reason.hoursAgo() == 0
                ? in.getTranslation("trends.reason.now", reason.people(), reason.departments(), reason.windowHours())
                : in.getTranslation("trends.reason.ago", reason.people(), reason.departments(), reason.windowHours(), reason.hoursAgo());
    }
}
