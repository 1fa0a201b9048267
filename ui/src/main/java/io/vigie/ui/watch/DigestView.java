package io.vigie.ui.watch;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiProperties;
import io.vigie.ui.api.Trends;
import io.vigie.ui.api.TrendsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.trends.TrendList;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;
import java.util.stream.IntStream;

/** A space's weekly digest: its most engaged-with articles of a week, and a personal Atom address for feed readers. */
@Route(value = "spaces/:spaceId/digest", layout = MainLayout.class)
@PermitAll
public class DigestView extends VerticalLayout implements BeforeEnterObserver {

    private final TrendsClient trends;
    private final ApiProperties api;
    private UUID spaceId;
    private int weeksAgo;

    public DigestView(TrendsClient trends, ApiProperties api) {
        this.trends = trends;
        this.api = api;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            spaceId = UUID.fromString(event.getRouteParameters().get("spaceId").orElse(""));
        } catch (IllegalArgumentException e) {
            spaceId = null;
        }
        weeksAgo = 0;
        render();
    }

    private void render() {
        removeAll();
        if (spaceId == null) {
            add(Pages.notFound(getTranslation("space.not-found")));
            return;
        }
        try {
            Trends.Digest digest = trends.digest(spaceId, weeksAgo);
            Pages.title(this, getTranslation("digest.title") + " · " + digest.spaceName());
            DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
            add(new H2(getTranslation("digest.title") + " · " + digest.spaceName()),
                    new Anchor("spaces/" + spaceId, getTranslation("trends.open-space")));
            Select<Integer> week = new Select<>();
            week.setId("digest-week");
            week.setLabel(getTranslation("digest.week"));
            week.setItems(IntStream.rangeClosed(0, 8).boxed().toList());
            week.setItemLabelGenerator(n -> n == 0 ? getTranslation("digest.this-week") : getTranslation("digest.weeks-ago", n));
            week.setValue(weeksAgo);
            week.addValueChangeListener(change -> {
                weeksAgo = change.getValue();
                render();
            });
            Paragraph range = new Paragraph(getTranslation("digest.range",
                    date.format(digest.from().atZone(ZoneId.systemDefault())), date.format(digest.to().atZone(ZoneId.systemDefault()))));
            Button feed = new Button(getTranslation("digest.feed"), click -> showFeed());
            feed.setId("digest-feed");
            HorizontalLayout controls = new HorizontalLayout(week, feed);
            controls.setAlignItems(Alignment.END);
            controls.setWrap(true);
            TrendList list = new TrendList(digest.articles(), "digest.empty");
            list.setId("digest-articles");
            add(controls, range, list);
        } catch (HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("space.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    /** The personal address, to paste into a feed reader; it reads with this person's rights. */
    private void showFeed() {
        try {
            String path = trends.digestFeedPath(spaceId);
            String base = api.url().toString().replaceAll("/$", "");
            TextField address = new TextField(getTranslation("digest.feed-address"));
            address.setId("digest-feed-url");
            address.setReadOnly(true);
            address.setWidthFull();
            address.setValue(base + path);
            address.setHelperText(getTranslation("digest.feed-help"));
            add(address);
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
