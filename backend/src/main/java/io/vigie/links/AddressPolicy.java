package io.vigie.links;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which IP addresses Vigie may connect to when it fetches a link: the public internet only. Every
 * special-purpose range of IANA's IPv4 and IPv6 registries is refused (loopback, private, shared
 * CGNAT, link-local and cloud metadata, multicast, documentation, benchmarking, reserved,
 * broadcast), and so is any IPv4 address hidden in an IPv6 one (mapped, compatible, NAT64, 6to4,
 * Teredo). An explicit allow-list (tests serving pages on loopback) comes first.
 */
public final class AddressPolicy {

    private static final List<Cidr> BLOCKED = List.of(
            // IPv4 (RFC 6890 and the IANA special-purpose registry)
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"),
            Cidr.parse("192.31.196.0/24"), Cidr.parse("192.52.193.0/24"), Cidr.parse("192.88.99.0/24"), Cidr.parse("192.168.0.0/16"),
            Cidr.parse("192.175.48.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"),
            Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            // IPv6
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("64:ff9b:1::/48"), Cidr.parse("100::/64"),
            Cidr.parse("2001::/23"), Cidr.parse("2001:db8::/32"), Cidr.parse("3fff::/20"), Cidr.parse("5f00::/16"),
            Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"));

    private final List<Cidr> allowed;

    /** @param allowedNetworks CIDRs allowed even though special (for tests on loopback); empty in production */
    public AddressPolicy(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** On the explicit allow-list (tests only). */
    public boolean explicitlyAllowed(InetAddress address) {
        return allowed.stream().anyMatch(cidr -> cidr.contains(address));
    }

    public boolean allows(InetAddress address) {
        if (allowed.stream().anyMatch(cidr -> cidr.contains(address))) {
            return true;
        }
        if (BLOCKED.stream().anyMatch(cidr -> cidr.contains(address))) {
            return false;
        }
        InetAddress embedded = embeddedIpv4(address);
        return embedded == null || allows(embedded);
    }

    /** An IPv4 address carried inside an IPv6 one, by the transition mechanisms that route to it. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        try {
            boolean zeros80 = allZero(b, 0, 10);
            if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}); // ::ffff:a.b.c.d, ::a.b.c.d
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}); // NAT64 64:ff9b::/96
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
            }
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A network in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = InetAddress.ofLiteral(text.substring(0, slash));
            return new Cidr(address.getAddress(), Integer.parseInt(text.substring(slash + 1)));
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = candidate.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

}
