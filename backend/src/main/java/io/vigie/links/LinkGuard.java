package io.vigie.links;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Decides whether Vigie may fetch a URL: an http(s) URL ({@link WebAddress}), on a standard or
 * allowed port, whose host resolves only to addresses the {@link AddressPolicy} allows. Applied
 * to every redirect hop, and again by the HTTP client's resolver at connection time, so a name
 * that changes its answer between the check and the connection (DNS rebinding) gains nothing.
 */
public class LinkGuard {

    /** Looks a host name up; tests replace it, since this machine has no DNS. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final AddressPolicy policy;
    private final Set<Integer> ports;
    private final Resolver resolver;
    private final Set<String> allowedOrigins;
    private final Set<InetAddress> allowedOriginHosts;

    public LinkGuard(AddressPolicy policy, Set<Integer> allowedPorts, Resolver resolver) {
        this(policy, allowedPorts, resolver, Set.of());
    }

    /**
     * @param allowedOrigins origins fetched although special, such as the demo's own feed on
     *                       loopback ({@code http://127.0.0.1:8081}): an IP literal and one port
     *                       each, so nothing else on that machine becomes reachable
     */
    public LinkGuard(AddressPolicy policy, Set<Integer> allowedPorts, Resolver resolver, Set<String> allowedOrigins) {
        this.policy = policy;
        this.ports = allowedPorts;
        this.resolver = resolver;
        this.allowedOrigins = new java.util.HashSet<>();
        this.allowedOriginHosts = new java.util.HashSet<>();
        for (String origin : allowedOrigins) {
            WebAddress parsed;
            try {
                parsed = WebAddress.parse(origin);
            } catch (WebAddress.Refused refused) {
                throw new IllegalArgumentException("not an origin: " + origin);
            }
            if (parsed.ipLiteral() == null) {
                throw new IllegalArgumentException("an allowed origin names an IP address, not a host name: " + origin);
            }
            this.allowedOrigins.add(origin(parsed));
            this.allowedOriginHosts.add(parsed.ipLiteral());
        }
    }

    private static String origin(WebAddress address) {
        return address.scheme() + "://" + address.host() + ":" + address.effectivePort();
    }

    /** The URL, parsed, if Vigie may fetch it; otherwise the reason it may not. */
    public WebAddress check(String url) throws WebAddress.Refused {
        WebAddress address = WebAddress.parse(url);
        check(address);
        return address;
    }

    public void check(WebAddress address) throws WebAddress.Refused {
        if (allowedOrigins.contains(origin(address))) {
            return;
        }
        List<InetAddress> found = addresses(address.host(), address.ipLiteral());
        int port = address.effectivePort();
        // Any port for an explicitly allowed network (a test server on loopback); standard ones elsewhere.
        if (port != 80 && port != 443 && !ports.contains(port) && !found.stream().allMatch(policy::explicitlyAllowed)) {
            throw new WebAddress.Refused("port " + port + " is not allowed");
        }
    }

    /** The addresses to connect to: all allowed, or a refusal (one bad address refuses the name). */
    public List<InetAddress> addresses(String host, InetAddress literal) throws WebAddress.Refused {
        InetAddress[] found;
        if (literal != null && allowedOriginHosts.contains(literal)) {
            // Only reached through check(), which let this origin's one port through.
            return List.of(literal);
        }
        if (literal != null) {
            found = new InetAddress[] {literal};
        } else {
            if (!host.contains(".") || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".localhost")
                    || host.equals("localhost")) {
                throw new WebAddress.Refused("not a public host name: " + host);
            }
            try {
                found = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new WebAddress.Refused("unknown host " + host);
            }
        }
        for (InetAddress address : found) {
            if (!policy.allows(address)) {
                throw new WebAddress.Refused(host + " is not on the public internet");
            }
        }
        return List.of(found);
    }
}
