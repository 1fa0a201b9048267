package io.vigie.ui.admin;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.SettingsClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.util.Map;

/**
 * Admins: whether the API reaches PostgreSQL and Elasticsearch, and the settings it runs with
 * (moderation threshold, write limits, feed and trend tuning). They are read from the
 * configuration at start; the page says so rather than pretend they change here.
 */
@Route(value = "admin/settings", layout = MainLayout.class)
@PermitAll
public class SettingsAdminView extends VerticalLayout implements BeforeEnterObserver {

    private final SettingsClient settings;

    public SettingsAdminView(SettingsClient settings) {
        this.settings = settings;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("admin.settings"));
        add(new H2(getTranslation("admin.settings")), AdminNav.links());
        try {
            Map<String, Object> status = settings.status();
            Map<String, Object> inForce = settings.settings();
            DescriptionList health = list(status);
            health.setId("admin-status");
            add(new H3(getTranslation("admin.settings.status")), health,
                    new H3(getTranslation("admin.settings.in-force")), new Paragraph(getTranslation("admin.settings.help")));
            DescriptionList all = list(inForce);
            all.setId("admin-settings");
            add(all);
        } catch (RestClientException e) {
            add(AdminNav.problem(e));
        }
    }

    /** Nested settings as "moderation.autoHideReports  3" lines. */
    private static DescriptionList list(Map<String, Object> values) {
        DescriptionList list = new DescriptionList();
        list.addClassName("admin-settings");
        add(list, "", values);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static void add(DescriptionList list, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                add(list, name, (Map<String, Object>) nested);
            } else {
                list.add(new DescriptionList.Term(name), new DescriptionList.Description(String.valueOf(value)));
            }
        });
    }
}
