package io.vigie.advocacy;

import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;

/** The UTM parameters a tracked link adds to its target, so the target's analytics name the campaign. */
final class Utm {

    private Utm() {}

    /**
     * The target with {@code utm_source} (the network), {@code utm_medium=advocacy},
     * {@code utm_campaign} and {@code utm_content} (the sharer's department), replacing any it had.
     * The target was checked and stored encoded, so only the values added here are encoded.
     */
    static URI add(String target, String network, String campaign, String department) {
        return UriComponentsBuilder.fromUri(URI.create(target))
                .replaceQueryParam("utm_source", network)
                .replaceQueryParam("utm_medium", "advocacy")
                .replaceQueryParam("utm_campaign", slug(campaign))
                .replaceQueryParam("utm_content", department == null ? "none" : slug(department))
                .build(true)
                .toUri();
    }

    /** Lower-case ASCII letters, digits and dashes: "R&D Île-de-France" is "r-d-ile-de-france". */
    static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
