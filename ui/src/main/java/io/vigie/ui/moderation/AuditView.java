package io.vigie.ui.moderation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.vigie.ui.api.Moderation;
import io.vigie.ui.api.ModerationClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Admins: the audit log, filtered by who, what and free text, and exported as CSV. */
@Route(value = "admin/audit", layout = MainLayout.class)
@PermitAll
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private final ModerationClient moderation;
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final TextField text = new TextField();
    private final Grid<Moderation.AuditEntry> entries = new Grid<>();

    public AuditView(ModerationClient moderation) {
        this.moderation = moderation;
        addClassName("vigie-home");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("audit.title"));
        add(new H2(getTranslation("audit.title")), new Anchor("admin/banned-words", getTranslation("banned.title")));
        actor.setLabel(getTranslation("audit.actor"));
        actor.setId("audit-actor");
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        text.setLabel(getTranslation("audit.text"));
        text.setId("audit-text");
        Button search = new Button(getTranslation("audit.search"), click -> load());
        search.setId("audit-search");
        Anchor csv = new Anchor(DownloadHandler.fromInputStream(download -> {
            byte[] bytes = moderation.auditCsv(actor.getValue(), action.getValue(), text.getValue());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "vigie-audit.csv", "text/csv", bytes.length);
        }), getTranslation("audit.csv"));
        csv.setId("audit-csv");
        HorizontalLayout filters = new HorizontalLayout(actor, action, text, search, csv);
        filters.setWrap(true);
        filters.setAlignItems(Alignment.BASELINE);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale());
        entries.removeAllColumns();
        entries.setId("audit-entries");
        entries.addColumn(e -> when.format(e.at().atZone(ZoneId.systemDefault()))).setHeader(getTranslation("audit.at")).setAutoWidth(true);
        entries.addColumn(Moderation.AuditEntry::actorName).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        entries.addColumn(Moderation.AuditEntry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        entries.addColumn(e -> e.targetType() + " " + e.targetId()).setHeader(getTranslation("audit.target"));
        entries.addColumn(Moderation.AuditEntry::reason).setHeader(getTranslation("audit.reason"));
        add(filters, entries);
        load();
    }

    private void load() {
        try {
            entries.setItems(moderation.audit(actor.getValue(), action.getValue(), text.getValue()));
        } catch (HttpClientErrorException.Forbidden e) {
            removeAll();
            add(Pages.notFound(getTranslation("audit.forbidden")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
