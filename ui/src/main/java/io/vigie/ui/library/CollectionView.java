package io.vigie.ui.library;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.LibraryClient;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.PostCard;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.util.UUID;

/** One collection of the library: its posts, each with the curator's note (only those the person may read). */
@Route(value = "library/:id", layout = MainLayout.class)
@PermitAll
public class CollectionView extends VerticalLayout implements BeforeEnterObserver {

    private final LibraryClient library;
    private final PeopleClient people;
    private final SocialClient social;

    public CollectionView(LibraryClient library, PeopleClient people, SocialClient social) {
        this.library = library;
        this.people = people;
        this.social = social;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            LibraryClient.Collection collection = library.collection(id);
            Viewer viewer = Viewer.load(people, social);
            Pages.title(this, collection.title());
            H2 title = new H2(collection.title());
            title.setId("collection-title");
            add(new Anchor("library", getTranslation("library.title")), title, new Paragraph(collection.description()));
            if (collection.entries().isEmpty()) {
                add(new Paragraph(getTranslation("library.collection-empty")));
            }
            for (LibraryClient.Entry entry : collection.entries()) {
                Div item = new Div();
                item.addClassName("library-item");
                if (!entry.note().isBlank()) {
                    Paragraph note = new Paragraph(entry.note());
                    note.addClassName("library-note");
                    item.add(note);
                }
                item.add(new PostCard(social, viewer, entry.post(), gone -> item.setVisible(false)));
                if (viewer.moderator()) {
                    Button remove = new Button(getTranslation("library.remove"), click -> {
                        library.remove(id, entry.post().id());
                        item.setVisible(false);
                    });
                    remove.addClassName("library-remove");
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    item.add(remove);
                }
                add(item);
            }
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("library.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }
}
