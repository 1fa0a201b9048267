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

    public LinkGuard(AddressPolicy policy, Set<Integer> allowedPorts, Resolver resolver) {
        this.policy = policy;
        this.ports = allowedPorts;
        this.resolver = resolver;
    }

    /** The URL, parsed, if Vigie may fetch it; otherwise the reason it may not. */
    public WebAddress check(String url) throws WebAddress.Refused {
        WebAddress address = WebAddress.parse(url);
        check(address);
        return address;
    }

    public void check(WebAddress address) throws WebAddress.Refused {
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
