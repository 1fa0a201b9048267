package io.vigie.advocacy;

import io.vigie.web.ApiProblems;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The networks an item is shared on, and their public share addresses (no API, no app to install). */
enum Network {
    LINKEDIN, X, EMAIL;

    /** X counts any link as 23 characters out of 280: the suggested text leaves room for it. */
    static final int X_TEXT_MAX = 256;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Network of(String id) {
        for (Network network : values()) {
            if (network.id().equals(id)) {
                return network;
            }
        }
        throw ApiProblems.invalid("network", "must be one of " + Arrays.stream(values()).map(Network::id).collect(Collectors.joining(", ")));
    }

    /** Where the person's browser goes to share {@code link} with {@code text}. */
    String shareUrl(String link, String title, String text) {
        return switch (this) {
            // LinkedIn's share page takes the address only; the person pastes the suggested text.
            case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(link);
            case X -> "https://x.com/intent/post?text=" + encode(text) + "&url=" + encode(link);
            case EMAIL -> "mailto:?subject=" + encode(title) + "&body=" + encode(text.isBlank() ? link : text + "\n\n" + link);
        };
    }

    /** Percent-encoding of everything but unreserved characters, which mail clients read too (a space is %20, never +). */
    static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }
}
