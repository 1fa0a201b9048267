package io.vigie.links;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An http(s) URL as a browser would read it (the WHATWG URL Standard's rules for special
 * schemes: stray whitespace, backslashes, numeric IPv4 forms such as {@code 0x7f.1} or
 * {@code 2130706433}, internationalised names), or a refusal. Vigie is stricter than a browser in
 * one way: a URL with a user name or password is refused, since sharing one is never needed and
 * {@code http://good.example@evil.example} is a classic trick.
 *
 * @param host  the ASCII host, lower-case; an IP literal for addresses (IPv6 without brackets)
 * @param port  the explicit port, or -1 for the scheme's default
 * @param path  the path, percent-encoded, starting with "/"
 * @param query the query without "?", percent-encoded, or null
 * @param ipLiteral the address when the host is an IP address
 */
public record WebAddress(String scheme, String host, int port, String path, String query, String fragment,
                         InetAddress ipLiteral) {

    /** Why a text is not a URL Vigie will follow. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private static final String FORBIDDEN_HOST = "\u0000\t\n\r #/:<>?@[\\]^|%";

    public static WebAddress parse(String input) throws Refused {
        if (input == null) {
            throw new Refused("no URL");
        }
        String text = strip(input).replaceAll("[\\t\\n\\r]", "");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new Refused("not an absolute URL");
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https links can be shared");
        }
        int at = colon + 1;
        while (at < text.length() && (text.charAt(at) == '/' || text.charAt(at) == '\\')) {
            at++;
        }
        int end = at;
        while (end < text.length() && "/\\?#".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String authority = text.substring(at, end);
        if (authority.contains("@")) {
            throw new Refused("links with a user name or password are not accepted");
        }
        String rest = text.substring(end);
        String hostText = authority;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new Refused("unclosed IPv6 address");
            }
            hostText = authority.substring(0, close + 1);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new Refused("invalid host");
                }
                portText = after.substring(1);
            }
        } else {
            int portColon = authority.lastIndexOf(':');
            if (portColon >= 0) {
                hostText = authority.substring(0, portColon);
                portText = authority.substring(portColon + 1);
            }
        }
        int port = port(portText, scheme);
        HostParse host = host(hostText);

        String path = "/";
        String query = null;
        String fragment = null;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = encode(rest.substring(question + 1), "%!$&'()*+,;=:@/?-._~");
            rest = rest.substring(0, question);
        }
        if (!rest.isEmpty()) {
            path = normalisePath(encode(rest.replace('\\', '/'), "%!$&'()*+,;=:@/-._~"));
        }
        return new WebAddress(scheme, host.name(), port, path, query, fragment, host.address().orElse(null));
    }

    public int effectivePort() {
        return port != -1 ? port : scheme.equals("https") ? 443 : 80;
    }

    /** The URL in its canonical text form (no default port). */
    public String href() {
        StringBuilder href = new StringBuilder(scheme).append("://")
                .append(ipLiteral != null && ipLiteral.getAddress().length == 16 ? "[" + host + "]" : host);
        if (port != -1) {
            href.append(':').append(port);
        }
        href.append(path);
        if (query != null) {
            href.append('?').append(query);
        }
        if (fragment != null) {
            href.append('#').append(fragment);
        }
        return href.toString();
    }

    public WebAddress withQuery(String newQuery) {
        return new WebAddress(scheme, host, port, path, newQuery, fragment, ipLiteral);
    }

    public WebAddress withoutFragment() {
        return new WebAddress(scheme, host, port, path, query, null, ipLiteral);
    }

    /** Same scheme, host and port: what "same origin" means for rel=canonical and og:url. */
    public boolean sameOrigin(WebAddress other) {
        return scheme.equals(other.scheme) && host.equals(other.host) && effectivePort() == other.effectivePort();
    }

    private record HostParse(String name, Optional<InetAddress> address) {}

    private static HostParse host(String text) throws Refused {
        if (text.isEmpty()) {
            throw new Refused("no host");
        }
        if (text.startsWith("[")) {
            try {
                InetAddress address = InetAddress.ofLiteral(text.substring(1, text.length() - 1));
                return new HostParse(address.getHostAddress().toLowerCase(Locale.ROOT), Optional.of(address));
            } catch (IllegalArgumentException e) {
                throw new Refused("invalid IPv6 address");
            }
        }
        String decoded = percentDecode(text);
        // Browsers keep ß, ς and the zero-width joiners (UTS 46 non-transitional); Java's IDNA 2003 maps them
        // away ("faß" → "fass"), which would fetch another host than the one shared. Refused rather than guessed.
        if (decoded.chars().anyMatch(c -> c == 'ß' || c == 'ς' || c == 0x200C || c == 0x200D)) {
            throw new Refused("ambiguous international host name");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Refused("invalid host name");
        }
        if (ascii.isEmpty() || ascii.chars().anyMatch(c -> c < 0x20 || c == 0x7f || FORBIDDEN_HOST.indexOf(c) >= 0 || c > 0x7e)
                || !isStable(ascii)) {
            throw new Refused("invalid host name");
        }
        Optional<InetAddress> ipv4 = Ipv4Numbers.parse(ascii);
        if (ipv4.isPresent()) {
            return new HostParse(ipv4.get().getHostAddress(), ipv4);
        }
        return new HostParse(ascii, Optional.empty());
    }

    /**
     * Whether the ASCII host reads back as itself. Mapping can produce what the mapping itself
     * refuses: U+FE30 becomes "..", so "t\uFE30" would give the host "t.." with empty labels
     * (found by fuzzing: {@code WebAddressFuzzTests}). Such a host is refused now, not later.
     */
    private static boolean isStable(String ascii) {
        try {
            return IDN.toASCII(ascii, IDN.ALLOW_UNASSIGNED).equalsIgnoreCase(ascii);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(String text, String scheme) throws Refused {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (!text.chars().allMatch(Character::isDigit) || text.length() > 5) {
            throw new Refused("invalid port");
        }
        int port = Integer.parseInt(text);
        if (port > 65535) {
            throw new Refused("invalid port");
        }
        int standard = scheme.equals("https") ? 443 : 80;
        return port == standard ? -1 : port;
    }

    /** Removes "." and ".." segments, as browsers do before sending a request. */
    private static String normalisePath(String path) {
        String[] segments = path.split("/", -1);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..") || segment.equalsIgnoreCase("%2e%2e") || segment.equalsIgnoreCase(".%2e")
                    || segment.equalsIgnoreCase("%2e.")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.add("");
                }
            } else if (segment.equals(".") || segment.equalsIgnoreCase("%2e")) {
                if (last) {
                    out.add("");
                }
            } else {
                out.add(segment);
            }
        }
        return "/" + String.join("/", out);
    }

    /** Percent-encodes UTF-8 bytes of everything but ASCII letters, digits and the given characters. */
    private static String encode(String text, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 0x80 && keep.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** Leading and trailing C0 controls and spaces go, as in a browser's address bar. */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= 0x20) {
            end--;
        }
        return text.substring(start, end);
    }
}
