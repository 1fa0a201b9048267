package io.vigie.ui.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import io.vigie.ui.api.Notifications;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

/** The bell in the header: unread count, and the latest notifications in a popover. */
public class NotificationBell extends Div {

    private final SocialClient social;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span badge = new Span();
    private final Div list = new Div();
    private Popover popover;

    NotificationBell(SocialClient social) {
        this.social = social;
        addClassName("vigie-bell");
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel(getTranslation("notifications.title"));
        badge.setId("notification-count");
        badge.addClassName("bell-badge");
        list.addClassName("notification-list");

        Button readAll = new Button(getTranslation("notifications.read-all"), click -> {
            social.markNotificationsRead();
            refresh();
        });
        readAll.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        popover = new Popover();
        popover.setTarget(bell);
        popover.add(list, readAll);
        popover.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                refresh();
            }
        });
        add(bell, badge);
        refresh();
    }

    /** Reloads the count and the list, in a request (opening the popover, marking read). */
    public void refresh() {
        try {
            show(social.notifications());
        } catch (RestClientException e) {
            badge.setVisible(false);
        }
    }

    /** Shows notifications fetched elsewhere (a live update, which has no request to call the API with). */
    public void show(Notifications notifications) {
        badge.setText(notifications.unread() == 0 ? "" : Long.toString(notifications.unread()));
        badge.setVisible(notifications.unread() > 0);
        list.removeAll();
        if (notifications.items().isEmpty()) {
            list.add(new Span(getTranslation("notifications.none")));
        }
        notifications.items().forEach(item -> {
            Div line = new Div(new Span(describe(item)));
            line.addClassName("notification");
            line.getClassNames().set("unread", !item.read());
            String target = "advocacy".equals(item.kind()) ? "advocacy"
                    : item.postId() != null ? "posts/" + item.postId() : item.spaceId() != null ? "spaces/" + item.spaceId() : null;
            if (target != null) {
                // Opening a notification marks it read and goes to what it is about.
                line.addClassName("notification-link");
                line.addClickListener(click -> {
                    try {
                        social.markNotificationRead(item.id());
                    } catch (RestClientException e) {
                        // Still go there: the count refreshes on the next visit.
                    }
                    popover.close();
                    getUI().ifPresent(ui -> ui.navigate(target));
                    refresh();
                });
            }
            list.add(line);
        });
    }

    private String describe(Notifications.Item item) {
        String actor = item.actorName() == null ? "" : item.actorName();
        // An idea's notification carries its new status: named in the reader's language.
        String detail = "idea".equals(item.kind()) ? getTranslation("idea.status." + item.detail()) : item.detail();
        return getTranslation("notifications." + item.kind(), actor, detail);
    }
}
