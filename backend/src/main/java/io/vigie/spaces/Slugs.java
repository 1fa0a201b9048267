package io.vigie.spaces;

import java.text.Normalizer;
import java.util.Locale;

/** URL names for spaces: "R&D" → "r-d", "Équipe Produit" → "equipe-produit". */
final class Slugs {

    private Slugs() {}

    static String of(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "space" : slug;
    }
}
