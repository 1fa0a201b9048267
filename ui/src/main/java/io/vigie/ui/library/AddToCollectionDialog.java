package io.vigie.ui.library;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.LibraryClient;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.UUID;

/** Moderators: put a post (a share brings its article) into one of the library's collections, with a note. */
public final class AddToCollectionDialog {

    private AddToCollectionDialog() {}

    public static void open(UUID postId) {
        // The card that offers this is built by hand, not by Spring: ask the session's instantiator for the client.
        LibraryClient library = VaadinService.getCurrent().getInstantiator().getOrCreate(LibraryClient.class);
        Dialog dialog = new Dialog();
        dialog.addClassName("add-to-collection");
        dialog.setHeaderTitle(dialog.getTranslation("library.add-title"));
        List<LibraryClient.Summary> collections;
        try {
            collections = library.collections("");
        } catch (RestClientException e) {
            Notification.show(ApiErrors.message(e, dialog.getTranslation("library.failed")));
            return;
        }
        Select<LibraryClient.Summary> collection = new Select<>();
        collection.setId("add-to-collection-select");
        collection.setLabel(dialog.getTranslation("library.collection"));
        collection.setItems(collections);
        collection.setItemLabelGenerator(LibraryClient.Summary::title);
        if (!collections.isEmpty()) {
            collection.setValue(collections.getFirst());
        }
        TextField note = new TextField(dialog.getTranslation("library.note"));
        note.setId("add-to-collection-note");
        note.setMaxLength(500);
        note.setWidthFull();
        Button add = new Button(dialog.getTranslation("library.add"), click -> {
            if (collection.getValue() == null) {
                return;
            }
            try {
                library.add(collection.getValue().id(), postId, note.getValue());
                dialog.close();
                Notification.show(dialog.getTranslation("library.added", collection.getValue().title()), 3000, Notification.Position.BOTTOM_START);
            } catch (RestClientException e) {
                Notification.show(ApiErrors.message(e, dialog.getTranslation("library.failed")), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add.setId("add-to-collection-send");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(collection, note);
        dialog.getFooter().add(new Button(dialog.getTranslation("post.cancel"), click -> dialog.close()), add);
        dialog.open();
    }
}
