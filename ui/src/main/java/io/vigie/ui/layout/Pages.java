package io.vigie.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;

/** What every page shows the same way: its title, "not found", "the service is unavailable". */
public final class Pages {

    private Pages() {}

    public static void title(Component page, String subject) {
        page.getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent()))
                .ifPresent(ui -> ui.getPage().setTitle("Vigie · " + subject));
    }

    /** Also what a private space shows an outsider: existence must not leak. */
    public static Paragraph notFound(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId("not-found");
        paragraph.addClassName("vigie-error");
        return paragraph;
    }

    public static Paragraph unavailable() {
        Paragraph paragraph = new Paragraph(UI.getCurrent().getTranslation("home.api-unavailable"));
        paragraph.setId("api-error");
        paragraph.addClassName("vigie-error");
        return paragraph;
    }
}
