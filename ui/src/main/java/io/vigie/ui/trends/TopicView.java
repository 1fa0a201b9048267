package io.vigie.ui.trends;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.Trends;
import io.vigie.ui.api.TrendsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;

/** One theme: its activity over the last month (distinct people a day), and its most engaged-with articles. */
@Route(value = "trends/topics/:topic", layout = MainLayout.class)
@PermitAll
public class TopicView extends VerticalLayout implements BeforeEnterObserver {

    private final TrendsClient trends;

    public TopicView(TrendsClient trends) {
        this.trends = trends;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String name = event.getRouteParameters().get("topic").orElse("");
        List<String> spaceParameter = event.getLocation().getQueryParameters().getParameters().getOrDefault("space", List.of());
        try {
            UUID space = spaceParameter.isEmpty() ? null : UUID.fromString(spaceParameter.getFirst());
            Trends.Topic topic = trends.topic(name, space);
            Pages.title(this, "#" + topic.topic());
            H2 title = new H2("#" + topic.topic());
            title.setId("topic-title");
            add(title, new Anchor("trends?tab=topics" + (space == null ? "" : "&space=" + space), getTranslation("trends.back")));
            long people = topic.curve().stream().mapToLong(Trends.Point::people).sum();
            String label = getTranslation("topic.chart", people);
            add(new H3(getTranslation("topic.activity")), ActivityChart.chart(topic.curve(), label), new Paragraph(label));
            add(new H3(getTranslation("topic.articles")), new TrendList(topic.articles(), "trends.empty"));
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("trends.space-not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
