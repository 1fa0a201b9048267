package io.vigie.links;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The IPv4 forms a browser accepts as a host: one to four parts, each decimal, octal (leading 0)
 * or hexadecimal (0x), the last filling the remaining bytes, so {@code 0x7f.1}, {@code 0177.0.0.1}
 * and {@code 2130706433} all mean 127.0.0.1. A host whose last label is a number must be a valid
 * address (WHATWG "ends in a number"), or the URL is refused.
 */
final class Ipv4Numbers {

    private Ipv4Numbers() {}

    static Optional<InetAddress> parse(String host) throws WebAddress.Refused {
        String[] parts = host.split("\\.", -1);
        int count = parts.length;
        if (count > 1 && parts[count - 1].isEmpty()) {
            count--; // one trailing dot is allowed
        }
        String last = parts[count - 1];
        if (!endsInNumber(last)) {
            return Optional.empty();
        }
        if (count > 4) {
            throw new WebAddress.Refused("invalid IPv4 address");
        }
        BigInteger[] numbers = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = number(parts[i]);
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i].compareTo(BigInteger.valueOf(255)) > 0) {
                throw new WebAddress.Refused("invalid IPv4 address");
            }
        }
        BigInteger limit = BigInteger.valueOf(256).pow(5 - count);
        if (numbers[count - 1].compareTo(limit) >= 0) {
            throw new WebAddress.Refused("invalid IPv4 address");
        }
        long value = numbers[count - 1].longValue();
        for (int i = 0; i < count - 1; i++) {
            value += numbers[i].longValue() << (8 * (3 - i));
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean endsInNumber(String label) {
        if (!label.isEmpty() && label.chars().allMatch(Character::isDigit)) {
            return true;
        }
        try {
            number(label);
            return label.startsWith("0x") || label.startsWith("0X");
        } catch (WebAddress.Refused e) {
            return false;
        }
    }

    private static BigInteger number(String part) throws WebAddress.Refused {
        if (part.isEmpty()) {
            throw new WebAddress.Refused("invalid IPv4 address");
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
            if (digits.isEmpty()) {
                return BigInteger.ZERO;
            }
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.startsWith("+") || digits.startsWith("-")) {
            throw new WebAddress.Refused("invalid IPv4 address");
        }
        try {
            return new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new WebAddress.Refused("invalid IPv4 address");
        }
    }
}
