package io.vigie.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** The admin console's own links, and how its pages say that something is out of reach. */
final class AdminNav {

    private AdminNav() {}

    static Nav links() {
        UI ui = UI.getCurrent();
        Nav nav = new Nav(
                new Anchor("admin/people", ui.getTranslation("admin.people")),
                new Anchor("admin/departments", ui.getTranslation("admin.departments")),
                new Anchor("spaces", ui.getTranslation("nav.spaces")),
                new Anchor("admin/banned-words", ui.getTranslation("banned.title")),
                new Anchor("admin/values", ui.getTranslation("values.title")),
                new Anchor("admin/points", ui.getTranslation("points-admin.title")),
                new Anchor("admin/audit", ui.getTranslation("audit.title")),
                new Anchor("admin/settings", ui.getTranslation("admin.settings")));
        nav.addClassName("admin-nav");
        return nav;
    }

    /**
     * What a page shows instead of its content: the admin-only notice, Keycloak's unavailability
     * as the API words it (503: the rest of Vigie works), or that the API is unreachable.
     */
    static Paragraph problem(RestClientException error) {
        UI ui = UI.getCurrent();
        String text;
        if (error instanceof RestClientResponseException response && response.getStatusCode().value() == HttpStatus.FORBIDDEN.value()) {
            text = ui.getTranslation("audit.forbidden");
        } else if (error instanceof RestClientResponseException response && response.getStatusCode().is5xxServerError()) {
            text = io.vigie.ui.api.ApiErrors.message(error, ui.getTranslation("admin.directory-unavailable"));
        } else {
            text = ui.getTranslation("home.api-unavailable");
        }
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId("admin-error");
        paragraph.addClassName("vigie-error");
        return paragraph;
    }
}
