package io.vigie.content;

import java.text.Normalizer;
import java.util.Locale;

/** "#Énergie" and "#energie" are one tag: stored lower-cased and without accents. */
public final class Hashtags {

    private Hashtags() {}

    public static String normalise(String tag) {
        String withoutHash = tag.startsWith("#") ? tag.substring(1) : tag;
        // NFKD also folds look-alikes such as full-width letters and ligatures ("ｅｎｅｒｇｉｅ", "ﬁnance").
        return Normalizer.normalize(withoutHash, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }
}
