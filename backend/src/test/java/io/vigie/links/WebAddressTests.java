package io.vigie.links;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL parsing against the WHATWG URL Standard's own tests (testdata/urls), and canonicalisation. */
class WebAddressTests {

    @Test
    void whatwgHttpCasesParseToTheSameHostAndPortOrAreRefused() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("testdata/urls/urltestdata.json")) {
            cases = JsonMapper.builder().build().readTree(in);
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (JsonNode test : cases) {
            // Where they apply: absolute http(s) URLs (no base), and the parts that decide where a request goes.
            if (!test.isObject() || !test.path("base").isNull() || !test.path("input").isString()) {
                continue;
            }
            String input = test.path("input").asString();
            boolean failure = test.path("failure").asBoolean(false);
            String protocol = test.path("protocol").asString("");
            if (!failure && !protocol.equals("http:") && !protocol.equals("https:")) {
                continue;
            }
            if (failure && !input.strip().toLowerCase().matches("^https?:.*")) {
                continue;
            }
            checked++;
            try {
                WebAddress address = WebAddress.parse(input);
                if (failure) {
                    mismatches.add("accepted a URL the standard rejects: " + input);
                } else {
                    String expectedHost = test.path("hostname").asString().replaceAll("^\\[|]$", "");
                    String host = address.host();
                    String expectedPort = test.path("port").asString();
                    String port = address.port() == -1 ? "" : Integer.toString(address.port());
                    if (!sameHost(host, expectedHost) || !port.equals(expectedPort)) {
                        mismatches.add(input + " -> " + host + ":" + port + ", standard: " + expectedHost + ":" + expectedPort);
                    }
                }
            } catch (WebAddress.Refused refused) {
                if (!failure && !refusedOnPurpose(input, test.path("hostname").asString(), refused)) {
                    mismatches.add("refused a valid URL: " + input + " (" + refused.getMessage() + ")");
                }
            }
        }
        assertThat(checked).isGreaterThan(250);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void canonicalUrlsDropFragmentsTrackingAndDefaultPorts() throws WebAddress.Refused {
        assertThat(Canonical.of(WebAddress.parse(" HTTPS://Example.COM:443/a/./b/../c?utm_source=x&id=7&fbclid=y&gclid=z#top")).href())
                .isEqualTo("https://example.com/a/c?id=7");
        assertThat(Canonical.of(WebAddress.parse("http://example.com:8080?mc_cid=1&utm_medium=mail")).href())
                .isEqualTo("http://example.com:8080/");
        assertThat(Canonical.of(WebAddress.parse("http://example.com\\news\\today?b=2&a=1")).href())
                .isEqualTo("http://example.com/news/today?b=2&a=1");
        assertThat(WebAddress.parse("http://xn--caf-dma.example/").host()).isEqualTo("xn--caf-dma.example");
        assertThat(WebAddress.parse("http://café.example/menu du jour").href()).isEqualTo("http://xn--caf-dma.example/menu%20du%20jour");
    }

    @Test
    void numericHostsAreAddressesAndCredentialsAreRefused() throws Exception {
        assertThat(WebAddress.parse("http://0x7f.1/").ipLiteral()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(WebAddress.parse("http://2130706433/").ipLiteral()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(WebAddress.parse("http://0177.0.0.1/").ipLiteral()).isEqualTo(InetAddress.ofLiteral("127.0.0.1"));
        assertThat(WebAddress.parse("http://[::ffff:7f00:1]/").ipLiteral()).isEqualTo(InetAddress.ofLiteral("::ffff:7f00:1"));
        assertThatThrownBy(() -> WebAddress.parse("http://1.2.3.4.5/")).isInstanceOf(WebAddress.Refused.class);
        assertThatThrownBy(() -> WebAddress.parse("http://good.example@evil.example/")).hasMessageContaining("user name");
        assertThatThrownBy(() -> WebAddress.parse("javascript:alert(1)")).isInstanceOf(WebAddress.Refused.class);
    }

    @Test
    void thePolicyRefusesSpecialAddressesAndIpv4HiddenInIpv6() {
        AddressPolicy policy = new AddressPolicy(List.of());
        for (String blocked : List.of("127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.100.100.200",
                "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "ff02::1", "::ffff:127.0.0.1",
                "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2001:db8::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertThat(policy.allows(InetAddress.ofLiteral(blocked))).as(blocked).isFalse();
        }
        for (String open : List.of("93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "::ffff:1.1.1.1")) {
            assertThat(policy.allows(InetAddress.ofLiteral(open))).as(open).isTrue();
        }
        assertThat(new AddressPolicy(List.of("127.0.0.1/32")).allows(InetAddress.ofLiteral("127.0.0.1"))).isTrue();
    }

    /**
     * Valid URLs Vigie refuses on purpose: any "@" before the host (credentials, even empty ones),
     * host names with empty labels (never a public site), and the IDNA deviation characters, which
     * Java maps differently from browsers.
     */
    private static boolean refusedOnPurpose(String input, String hostname, WebAddress.Refused refused) {
        String message = refused.getMessage();
        return message.contains("user name")
                || (message.contains("invalid host name") && (hostname.contains("..") || hostname.startsWith(".")))
                || message.contains("ambiguous");
    }

    private static boolean sameHost(String ours, String standard) throws WebAddress.Refused {
        if (ours.equals(standard)) {
            return true;
        }
        // IPv6: the same address written differently (the standard compresses, Java may not).
        try {
            return InetAddress.ofLiteral(ours).equals(InetAddress.ofLiteral(standard));
        } catch (IllegalArgumentException notAddresses) {
            return false;
        }
    }
}
