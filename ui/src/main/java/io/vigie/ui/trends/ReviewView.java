package io.vigie.ui.trends;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.Trends;
import io.vigie.ui.api.TrendsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.List;

/**
 * Moderators: company-wide rising articles waiting for a decision (approve, reject), and the
 * trusted sites whose articles need none. Everyone else is told the page is for moderators (the
 * API answers them 403 anyway).
 */
@Route(value = "moderation/trends", layout = MainLayout.class)
@PermitAll
public class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final TrendsClient trends;

    public ReviewView(TrendsClient trends) {
        this.trends = trends;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Pages.title(this, getTranslation("review.title"));
        add(new H2(getTranslation("review.title")));
        try {
            List<Trends.Candidate> queue = trends.reviewQueue();
            Div list = new Div();
            list.setId("review-queue");
            list.setWidthFull();
            if (queue.isEmpty()) {
                list.add(new Paragraph(getTranslation("review.empty")));
            }
            queue.forEach(candidate -> list.add(candidate(candidate)));
            add(new Paragraph(getTranslation("review.help")), list, trustedSites(trends.trustedSites()));
        } catch (HttpClientErrorException.Forbidden e) {
            add(Pages.notFound(getTranslation("review.forbidden")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private Div candidate(Trends.Candidate candidate) {
        Div box = new Div(new TrendList(List.of(candidate.trend()), "trends.empty"));
        box.addClassName("review-candidate");
        box.getElement().setAttribute("data-article-id", candidate.trend().article().id().toString());
        Button approve = new Button(getTranslation("review.approve"), click -> act(() -> trends.decide(candidate.trend().article().id(), true)));
        approve.addClassName("review-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Button reject = new Button(getTranslation("review.reject"), click -> act(() -> trends.decide(candidate.trend().article().id(), false)));
        reject.addClassName("review-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button trust = new Button(getTranslation("review.trust", candidate.host()), click -> act(() -> trends.trust(candidate.host())));
        trust.addClassName("review-trust");
        trust.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        HorizontalLayout actions = new HorizontalLayout(approve, reject, trust);
        actions.setWrap(true);
        box.add(actions);
        return box;
    }

    private Div trustedSites(List<String> sites) {
        Div box = new Div(new H3(getTranslation("review.trusted")));
        box.setId("trusted-sites");
        box.setWidthFull();
        for (String site : sites) {
            Button remove = new Button(getTranslation("review.distrust"), click -> act(() -> trends.distrust(site)));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(new Span(site), remove);
            row.setAlignItems(Alignment.CENTER);
            row.addClassName("trusted-site");
            box.add(row);
        }
        TextField host = new TextField(getTranslation("review.host"));
        host.setId("trusted-host");
        host.setPlaceholder("www.example.com");
        Button add = new Button(getTranslation("review.add"), click -> act(() -> trends.trust(host.getValue())));
        add.setId("trusted-add");
        HorizontalLayout form = new HorizontalLayout(host, add);
        form.setAlignItems(Alignment.BASELINE);
        box.add(form);
        return box;
    }

    private void act(Runnable call) {
        try {
            call.run();
            render();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("review.failed")));
        }
    }
}
