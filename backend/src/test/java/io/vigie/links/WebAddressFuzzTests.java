package io.vigie.links;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the URL parser and canonicaliser: any text is either refused with a reason or becomes
 * an http(s) address with a host, whose written form reads back to itself, and whose canonical
 * form is stable (canonicalising twice changes nothing), so one article never gets two URLs.
 */
public class WebAddressFuzzTests {

    /** One input: Jazzer's entry point when fuzzing ({@code ./vigie fuzz}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        WebAddress address;
        try {
            address = WebAddress.parse(input);
        } catch (WebAddress.Refused refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(address.scheme()).isIn("http", "https");
        assertThat(address.host()).isNotBlank();
        String href = address.href();
        assertThat(reparse(href, input).href()).as("written form of %s", input).isEqualTo(href);
        String canonical = Canonical.of(address).href();
        assertThat(Canonical.of(reparse(canonical, input)).href()).as("canonical form of %s", input).isEqualTo(canonical);
    }

    /** Our own output must always parse again: a refusal here is a bug, said with both texts. */
    private static WebAddress reparse(String written, String input) {
        try {
            return WebAddress.parse(written);
        } catch (WebAddress.Refused refused) {
            throw new AssertionError("%s was accepted as %s, which is refused: %s".formatted(
                    input.codePoints().mapToObj(c -> c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : Character.toString(c))
                            .collect(java.util.stream.Collectors.joining()), written, refused.getMessage()));
        }
    }

    /** The suite replays the kept inputs (and what fuzzing found and was fixed) through the same check. */
    @FuzzTest
    void anAddressIsRefusedOrReadsBackToItselfAndItsCanonicalFormIsStable(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
