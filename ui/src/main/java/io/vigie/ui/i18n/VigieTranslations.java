package io.vigie.ui.i18n;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * English and French, from {@code vaadin-i18n/translations*.properties}. English comes first: it is
 * the language for browsers that ask for neither (Vaadin falls back to the first locale listed).
 */
@Component
public class VigieTranslations extends DefaultI18NProvider {

    public VigieTranslations() {
        super(List.of(Locale.ENGLISH, Locale.FRENCH));
    }
}
