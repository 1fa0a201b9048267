package io.vigie.ui.library;

import com.vaadin.flow.component.Key;
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
import io.vigie.ui.api.LibraryClient;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;

/**
 * The inspiration library: themed collections that moderators curate, searched by their title and
 * description. Moderators create collections here and add posts from the posts' own cards.
 */
@Route(value = "library", layout = MainLayout.class)
@PermitAll
public class LibraryView extends VerticalLayout implements BeforeEnterObserver {

    private final LibraryClient library;
    private final PeopleClient people;
    private final Div list = new Div();

    public LibraryView(LibraryClient library, PeopleClient people) {
        this.library = library;
        this.people = people;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Pages.title(this, getTranslation("library.title"));
        TextField search = new TextField();
        search.setId("library-search");
        search.setPlaceholder(getTranslation("library.search"));
        search.setAriaLabel(getTranslation("library.search"));
        search.setWidthFull();
        search.addKeyPressListener(Key.ENTER, key -> show(search.getValue()));
        list.setId("library-collections");
        add(new H2(getTranslation("library.title")), new Paragraph(getTranslation("library.help")), search, list);
        try {
            if (people.me().roles().stream().anyMatch(role -> role.equals("moderator") || role.equals("admin"))) {
                add(createForm());
            }
            show("");
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private void show(String query) {
        list.removeAll();
        try {
            var collections = library.collections(query);
            if (collections.isEmpty()) {
                list.add(new Paragraph(getTranslation("library.empty")));
            }
            for (LibraryClient.Summary collection : collections) {
                Div card = new Div();
                card.addClassName("library-collection");
                Anchor title = new Anchor("library/" + collection.id(), collection.title());
                title.addClassName("library-collection-title");
                Span count = new Span(getTranslation("library.items", collection.items()));
                count.addClassName("library-collection-count");
                card.add(title, count, new Paragraph(collection.description()));
                list.add(card);
            }
        } catch (RestClientException e) {
            list.add(Pages.unavailable());
        }
    }

    private HorizontalLayout createForm() {
        TextField title = new TextField(getTranslation("library.new-title"));
        title.setId("library-new-title");
        title.setMaxLength(120);
        TextField description = new TextField(getTranslation("library.new-description"));
        description.setId("library-new-description");
        description.setMaxLength(2000);
        description.setWidth("24em");
        Button create = new Button(getTranslation("library.create"), click -> {
            try {
                library.create(title.getValue(), description.getValue());
                title.clear();
                description.clear();
                show("");
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, getTranslation("library.failed")));
            }
        });
        create.setId("library-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(title, description, create);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }
}
