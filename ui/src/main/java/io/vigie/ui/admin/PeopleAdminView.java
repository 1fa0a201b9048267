package io.vigie.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.DirectoryClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;

/**
 * Admins: the company's people as Keycloak knows them. Search and pages; roles, department,
 * enabled state and last sign-in; give or take a role, move to another department, disable or
 * enable an account, create one with a temporary password. The API checks the admin role.
 */
@Route(value = "admin/people", layout = MainLayout.class)
@PermitAll
public class PeopleAdminView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PAGE_SIZE = 20;
    private static final List<String> ROLES = List.of("employee", "moderator", "admin", "department-head");

    private final DirectoryClient directory;
    private final TextField search = new TextField();
    private final Div results = new Div();
    private int page;
    private List<String> departmentNames = List.of();

    public PeopleAdminView(DirectoryClient directory) {
        this.directory = directory;
        addClassName("vigie-home");
        search.setId("people-search");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> {
            page = 0;
            renderResults();
        });
        results.setId("people-results");
        results.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("admin.people"));
        search.setPlaceholder(getTranslation("admin.people.search"));
        Button create = new Button(getTranslation("admin.people.create"), click -> openCreate());
        create.setId("person-create");
        HorizontalLayout bar = new HorizontalLayout(search, create);
        bar.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("admin.people")), AdminNav.links(), bar, results);
        try {
            // Read once per visit: every search and page below reuses them.
            departmentNames = directory.departments().stream().map(DirectoryClient.Department::name).toList();
        } catch (RestClientException e) {
            results.removeAll();
            results.add(AdminNav.problem(e));
            return;
        }
        renderResults();
    }

    private void renderResults() {
        results.removeAll();
        DirectoryClient.PeoplePage found;
        try {
            found = directory.people(search.getValue(), page, PAGE_SIZE);
        } catch (RestClientException e) {
            results.add(AdminNav.problem(e));
            return;
        }
        found.people().forEach(person -> results.add(row(person)));
        long from = found.total() == 0 ? 0 : (long) page * PAGE_SIZE + 1;
        long to = (long) page * PAGE_SIZE + found.people().size();
        Span count = new Span(getTranslation("admin.people.count", from, to, found.total()));
        count.setId("people-count");
        Button previous = new Button(getTranslation("admin.previous"), click -> {
            page--;
            renderResults();
        });
        previous.setEnabled(page > 0);
        Button next = new Button(getTranslation("admin.next"), click -> {
            page++;
            renderResults();
        });
        next.setId("people-next");
        next.setEnabled(to < found.total());
        HorizontalLayout pager = new HorizontalLayout(previous, count, next);
        pager.setAlignItems(Alignment.CENTER);
        results.add(pager);
    }

    private Div row(DirectoryClient.Person person) {
        Div row = new Div();
        row.addClassName("admin-person");
        row.setId("person-" + person.username());
        if (!person.enabled()) {
            row.addClassName("disabled");
        }
        Span name = new Span(person.name());
        name.addClassName("admin-person-name");
        Span details = new Span(person.username() + (person.email() == null ? "" : " · " + person.email()));
        details.addClassName("vigie-muted");
        Span state = new Span(person.enabled() ? getTranslation("admin.enabled") : getTranslation("admin.disabled"));
        state.addClassName(person.enabled() ? "admin-enabled" : "admin-disabled");
        Span lastSignIn = new Span(getTranslation("admin.last-sign-in", person.lastSignIn() == null ? getTranslation("admin.never")
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                        .format(person.lastSignIn().atZone(ZoneId.systemDefault()))));
        lastSignIn.addClassName("vigie-muted");

        HorizontalLayout roles = new HorizontalLayout();
        for (String role : ROLES) {
            Checkbox box = new Checkbox(getTranslation("admin.role." + role), person.roles().contains(role));
            box.setId("role-" + person.username() + "-" + role);
            box.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    act(() -> change.getValue() ? directory.grant(person.id(), role) : directory.revoke(person.id(), role));
                }
            });
            roles.add(box);
        }

        Select<String> department = new Select<>();
        department.setId("department-" + person.username());
        department.setItems(departmentNames);
        department.setValue(departmentNames.contains(person.department()) ? person.department() : null);
        department.setPlaceholder(getTranslation("admin.no-department"));
        department.setAriaLabel(getTranslation("admin.department"));
        department.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                act(() -> directory.move(person.id(), change.getValue(), null));
            }
        });

        Button toggle = new Button(person.enabled() ? getTranslation("admin.disable") : getTranslation("admin.enable"),
                click -> {
                    if (person.enabled()) {
                        confirmDisable(person);
                    } else {
                        act(() -> directory.setEnabled(person.id(), true, null));
                    }
                });
        toggle.setId("toggle-" + person.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, person.enabled() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);

        Div who = new Div(name, new Paragraph(details), state, lastSignIn);
        who.addClassName("admin-person-who");
        HorizontalLayout actions = new HorizontalLayout(roles, department, toggle);
        actions.setAlignItems(Alignment.CENTER);
        actions.getStyle().set("flex-wrap", "wrap");
        row.add(who, actions);
        return row;
    }

    /** Disabling says what happens and asks why (the reason goes to the audit log). */
    private void confirmDisable(DirectoryClient.Person person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.disable.title", person.name()));
        TextField reason = new TextField(getTranslation("moderation.reason"));
        reason.setId("disable-reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        Button confirm = new Button(getTranslation("admin.disable"), click -> {
            dialog.close();
            act(() -> directory.setEnabled(person.id(), false, reason.getValue()));
        });
        confirm.setId("disable-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("admin.disable.help")), reason);
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), click -> dialog.close()), confirm);
        dialog.open();
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.people.create"));
        TextField username = new TextField(getTranslation("admin.username"));
        username.setId("new-username");
        TextField firstName = new TextField(getTranslation("admin.first-name"));
        firstName.setId("new-first-name");
        TextField lastName = new TextField(getTranslation("admin.last-name"));
        lastName.setId("new-last-name");
        EmailField email = new EmailField(getTranslation("admin.email"));
        email.setId("new-email");
        Select<String> department = new Select<>();
        department.setId("new-department");
        department.setLabel(getTranslation("admin.department"));
        department.setItems(departmentNames);
        Button create = new Button(getTranslation("admin.people.create"), click -> {
            try {
                DirectoryClient.Created created = directory.create(username.getValue(), firstName.getValue(), lastName.getValue(),
                        email.getValue(), department.getValue());
                dialog.close();
                showPassword(created);
                renderResults();
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("moderation.failed")));
            }
        });
        create.setId("new-person-save");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(username, firstName, lastName, email, department);
        form.setPadding(false);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("admin.cancel"), click -> dialog.close()), create);
        dialog.open();
    }

    /** Shown once: Vigie keeps no copy, and Keycloak asks for a new password at the first sign-in. */
    private void showPassword(DirectoryClient.Created created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.people.created", created.person().username()));
        Span password = new Span(created.temporaryPassword());
        password.setId("temporary-password");
        password.addClassName("admin-password");
        dialog.add(new Paragraph(getTranslation("admin.people.password-help")), password);
        Button done = new Button(getTranslation("admin.done"), click -> dialog.close());
        done.setId("temporary-password-done");
        dialog.getFooter().add(done);
        dialog.open();
    }

    private void act(Supplier<?> call) {
        try {
            call.get();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("moderation.failed")));
        }
        renderResults();
    }
}
