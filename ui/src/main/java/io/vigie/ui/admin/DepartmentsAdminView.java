package io.vigie.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import io.vigie.ui.api.DirectoryClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

/**
 * Admins: the departments (Keycloak groups). A new one gets its space; a renamed one keeps its
 * space under the new name; only an empty one can be removed, and its space stays.
 */
@Route(value = "admin/departments", layout = MainLayout.class)
@PermitAll
public class DepartmentsAdminView extends VerticalLayout implements BeforeEnterObserver {

    private final DirectoryClient directory;

    public DepartmentsAdminView(DirectoryClient directory) {
        this.directory = directory;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        Pages.title(this, getTranslation("admin.departments"));
        add(new H2(getTranslation("admin.departments")), AdminNav.links(), new Paragraph(getTranslation("admin.departments.help")));
        Div list = new Div();
        list.setId("departments");
        list.setWidthFull();
        try {
            for (DirectoryClient.Department department : directory.departments()) {
                list.add(row(department));
            }
        } catch (RestClientException e) {
            add(AdminNav.problem(e));
            return;
        }
        TextField name = new TextField(getTranslation("admin.departments.name"));
        name.setId("department-name");
        name.setMaxLength(60);
        Button create = new Button(getTranslation("admin.departments.create"), click -> act(() -> directory.createDepartment(name.getValue())));
        create.setId("department-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(Alignment.BASELINE);
        add(list, form);
    }

    private Div row(DirectoryClient.Department department) {
        Div row = new Div();
        row.addClassName("admin-department");
        row.setId("department-" + department.id());
        Anchor space = new Anchor("spaces/" + department.spaceId(), department.name());
        Span members = new Span(getTranslation("admin.departments.members", department.members()));
        members.addClassName("vigie-muted");
        TextField rename = new TextField();
        rename.setValue(department.name());
        rename.setMaxLength(60);
        rename.setAriaLabel(getTranslation("admin.departments.name"));
        Button save = new Button(getTranslation("admin.departments.rename"), click -> act(() -> directory.renameDepartment(department.id(), rename.getValue())));
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button remove = new Button(getTranslation("admin.departments.remove"), click -> act(() -> {
            directory.removeDepartment(department.id());
            return null;
        }));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setEnabled(department.members() == 0);
        HorizontalLayout line = new HorizontalLayout(space, members, rename, save, remove);
        line.setAlignItems(Alignment.BASELINE);
        line.getStyle().set("flex-wrap", "wrap");
        row.add(line);
        return row;
    }

    private void act(java.util.function.Supplier<?> call) {
        try {
            call.get();
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, getTranslation("moderation.failed")));
        }
        render();
    }
}
