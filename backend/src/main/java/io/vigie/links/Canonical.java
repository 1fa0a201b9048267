package io.vigie.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One article per canonical URL: the scheme and host are already normalised by
 * {@link WebAddress} (case, default port, dot segments, encoding); here the fragment goes, and so
 * do the parameters that only track who clicked where (utm_*, fbclid, gclid, mc_cid, ...). The
 * remaining parameters keep their order: some sites read them in order.
 */
public final class Canonical {

    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
            "mc_cid", "mc_eid", "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
            "vero_id", "vero_conv", "ref_src", "ref_url", "s_cid", "sc_cid", "srsltid", "spm", "scm", "cmpid", "wickedid");

    private Canonical() {}

    public static WebAddress of(WebAddress address) {
        return address.withoutFragment().withQuery(cleanQuery(address.query()));
    }

    static String cleanQuery(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !name.startsWith("pk_") && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    /**
     * The lower-case host of a stored address ("" if unreadable): trusted sites are matched on it,
     * and it names an article's site when the page gave no name.
     */
    public static String hostOf(String url) {
        try {
            String host = url == null ? null : java.net.URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException unreadable) {
            return "";
        }
    }
}
