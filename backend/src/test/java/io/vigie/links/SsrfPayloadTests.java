package io.vigie.links;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every payload of the SSRF corpus (testdata/ssrf, from PayloadsAllTheThings and SecLists) is
 * refused. Names resolve to the address their source documents (localtest.me → ::1, nip.io names →
 * 127.0.0.1, a rebinding name → both answers); other names do not resolve, as on this machine.
 */
class SsrfPayloadTests {

    @Test
    void everyPayloadOfTheCorpusIsRefused() throws IOException {
        LinkGuard guard = new LinkGuard(new AddressPolicy(List.of()), Set.of(), documentedAnswers());
        List<String> payloads = lines("testdata/ssrf/ssrf-urls.txt");
        assertThat(payloads).hasSize(218);
        List<String> accepted = new ArrayList<>();
        for (String payload : payloads) {
            try {
                WebAddress address = guard.check(payload);
                accepted.add(payload + " -> " + address.href());
            } catch (WebAddress.Refused expected) {
                // refused, as it must be
            }
        }
        assertThat(accepted).as("payloads that got through").isEmpty();
    }

    @Test
    void aPublicAddressOnAStandardPortPasses() throws WebAddress.Refused {
        LinkGuard guard = new LinkGuard(new AddressPolicy(List.of()), Set.of(), host -> {
            if (host.equals("news.example.org")) {
                return new InetAddress[] {InetAddress.ofLiteral("93.184.215.14")};
            }
            throw new UnknownHostException(host);
        });
        assertThat(guard.check("https://News.Example.org/a/b?x=1").href()).isEqualTo("https://news.example.org/a/b?x=1");
        assertThat(guard.check("http://93.184.215.14/").host()).isEqualTo("93.184.215.14");
        assertThatThrownBy(() -> guard.check("https://news.example.org:8443/")).hasMessageContaining("port");
        assertThatThrownBy(() -> guard.check("ftp://news.example.org/")).hasMessageContaining("http");
    }

    /** The answers the corpus' sources give for its names (its "note" column), when they name an address. */
    private static LinkGuard.Resolver documentedAnswers() throws IOException {
        Map<String, List<InetAddress>> answers = new HashMap<>();
        for (String line : lines("testdata/ssrf/ssrf-urls.tsv").subList(1, 219)) {
            String[] columns = line.split("\t", -1);
            String payload = columns[0];
            String note = columns[2];
            String host = payload.replaceFirst("^[a-z]+://", "").replaceFirst("[/:?#].*$", "").toLowerCase();
            List<InetAddress> addresses = new ArrayList<>();
            for (String word : note.split("[\\s/,()]+")) {
                try {
                    if (word.matches("[0-9a-fA-F:.]+") && (word.contains(".") || word.contains(":")) && word.length() > 2) {
                        addresses.add(InetAddress.ofLiteral(word));
                    }
                } catch (IllegalArgumentException notAnAddress) {
                    // words of the note that are not addresses
                }
            }
            if (!addresses.isEmpty()) {
                answers.put(host, addresses);
            }
        }
        return host -> {
            List<InetAddress> found = answers.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found.toArray(InetAddress[]::new);
        };
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = SsrfPayloadTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
