package io.vigie.links;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches a shared page, and nothing else: every hop (at most five redirects) is checked by the
 * {@link LinkGuard}, and the HTTP client's own DNS resolver checks the addresses it connects to,
 * so a name that answers differently the second time (DNS rebinding) is still refused. Only
 * text/html (or, for watch sources, RSS and Atom), at most {@code maxBytes} (after decompression), within the timeouts, and at most
 * {@code perHostPerMinute} requests to one host. Blocking: call it off the event loop.
 */
public class SafeFetcher implements AutoCloseable {

    /** A page fetched: where it ended up (after redirects), its bytes and declared charset. */
    public record Page(WebAddress url, List<WebAddress> redirects, String contentType, Charset charset, byte[] body) {}

    /**
     * A feed fetched with a conditional GET: {@code page} is null when the server answered 304
     * (nothing new); {@code etag} and {@code lastModified} are the validators for the next time.
     */
    public record Feed(Page page, String etag, String lastModified) {

        public boolean notModified() {
            return page == null;
        }
    }

    /** What a fetch accepts: a web page for previews, a feed for watch sources. */
    private enum Kind {
        PAGE("text/html,application/xhtml+xml;q=0.9", List.of("text/html", "application/xhtml+xml")),
        FEED("application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8",
                List.of("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"));

        final String accept;
        final List<String> types;

        Kind(String accept, List<String> types) {
            this.accept = accept;
            this.types = types;
        }
    }

    /** The outcome of one hop: a redirect, a page, or "not modified". */
    private sealed interface Hop permits Redirect, Fetched, Unchanged {}

    private record Redirect(WebAddress to) implements Hop {}

    private record Fetched(Page page, String etag, String lastModified) implements Hop {}

    private record Unchanged(String etag, String lastModified) implements Hop {}

    /** Limits of one fetcher. */
    public record Limits(int maxRedirects, int maxBytes, Duration connectTimeout, Duration responseTimeout, int perHostPerMinute) {
        public static Limits standard() {
            return new Limits(5, 2 * 1024 * 1024, Duration.ofSeconds(3), Duration.ofSeconds(8), 30);
        }
    }

    private final LinkGuard guard;
    private final Limits limits;
    private final Clock clock;
    private final CloseableHttpClient http;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public SafeFetcher(LinkGuard guard, Limits limits, Clock clock) {
        this.guard = guard;
        this.limits = limits;
        this.clock = clock;
        DnsResolver checkedResolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                InetAddress literal = null;
                try {
                    literal = InetAddress.ofLiteral(bare);
                } catch (IllegalArgumentException notALiteral) {
                    // a name: the guard resolves and checks it
                }
                try {
                    return guard.addresses(bare.toLowerCase(Locale.ROOT), literal).toArray(InetAddress[]::new);
                } catch (WebAddress.Refused refused) {
                    throw new UnknownHostException(refused.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedResolver)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(limits.connectTimeout()))
                                .setSocketTimeout(Timeout.of(limits.responseTimeout()))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false) // each hop is checked here instead
                        .setResponseTimeout(Timeout.of(limits.responseTimeout()))
                        .build())
                .setUserAgent("Vigie link preview")
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** A web page (text/html), for a link's preview. */
    public Page fetch(String url) throws WebAddress.Refused {
        return fetch(url, Kind.PAGE, null, null).page();
    }

    /** An RSS or Atom feed, with the validators of the last fetch (null for none): a 304 gives no page. */
    public Feed fetchFeed(String url, String etag, String lastModified) throws WebAddress.Refused {
        return fetch(url, Kind.FEED, etag, lastModified);
    }

    private Feed fetch(String url, Kind kind, String etag, String lastModified) throws WebAddress.Refused {
        WebAddress current = guard.check(url);
        List<WebAddress> hops = new ArrayList<>();
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            admit(current.host());
            HttpGet get = new HttpGet(current.withoutFragment().href());
            get.setHeader("Accept", kind.accept);
            if (etag != null) {
                get.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.setHeader("If-Modified-Since", lastModified);
            }
            try {
                WebAddress from = current;
                Hop result = http.execute(get, response -> handle(from, kind, response));
                switch (result) {
                    case Fetched fetched -> {
                        Page page = fetched.page();
                        return new Feed(new Page(page.url(), List.copyOf(hops), page.contentType(), page.charset(), page.body()),
                                fetched.etag(), fetched.lastModified());
                    }
                    case Unchanged unchanged -> {
                        return new Feed(null, unchanged.etag() != null ? unchanged.etag() : etag,
                                unchanged.lastModified() != null ? unchanged.lastModified() : lastModified);
                    }
                    case Redirect redirect -> {
                        hops.add(current);
                        current = redirect.to();
                    }
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof RefusedIO refused) {
                    throw new WebAddress.Refused(refused.getMessage());
                }
                throw new WebAddress.Refused("the site could not be read: " + e.getCause().getMessage());
            } catch (RefusedIO refused) {
                throw new WebAddress.Refused(refused.getMessage());
            } catch (IOException e) {
                throw new WebAddress.Refused("the site could not be read: " + e.getMessage());
            }
        }
        throw new WebAddress.Refused("too many redirects");
    }

    /** A redirect's next address (checked), the page itself, or "not modified". */
    private Hop handle(WebAddress from, Kind kind, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new RefusedIO("a redirect without a destination");
            }
            try {
                String next = URI.create(from.href()).resolve(location.getValue().strip()).toString();
                return new Redirect(guard.check(next));
            } catch (IllegalArgumentException e) {
                throw new RefusedIO("a redirect to an invalid address");
            } catch (WebAddress.Refused refused) {
                throw new RefusedIO("a redirect to a refused address: " + refused.getMessage());
            }
        }
        if (status == 304) {
            return new Unchanged(header(response, "ETag"), header(response, "Last-Modified"));
        }
        if (status != 200) {
            throw new RefusedIO("the site answered " + status);
        }
        HttpEntity entity = response.getEntity();
        ContentType type = entity == null || entity.getContentType() == null ? null : ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        if (!kind.types.contains(mime)) {
            String what = kind == Kind.PAGE ? "not a web page (" : "not an RSS or Atom feed (";
            throw new RefusedIO(what + (mime.isEmpty() ? "no content type" : mime) + ")");
        }
        return new Fetched(new Page(from, List.of(), mime, type.getCharset(), read(entity.getContent())),
                header(response, "ETag"), header(response, "Last-Modified"));
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > limits.maxBytes()) {
                throw new RefusedIO("the page is larger than " + limits.maxBytes() / 1024 + " KiB");
            }
        }
        return out.toByteArray();
    }

    /** At most {@code perHostPerMinute} requests to one host: a sliding window per host. */
    private void admit(String host) throws WebAddress.Refused {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(host, h -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minusSeconds(60))) {
                times.pollFirst();
            }
            if (times.size() >= limits.perHostPerMinute()) {
                throw new WebAddress.Refused("too many requests to " + host + " in the last minute; try again shortly");
            }
            times.addLast(now);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** A refusal raised inside the client's response handler, which may only throw IOException. */
    private static final class RefusedIO extends IOException {
        RefusedIO(String message) {
            super(message);
        }
    }
}
