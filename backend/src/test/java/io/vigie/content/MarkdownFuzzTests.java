package io.vigie.content;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the Markdown renderer (commonmark → our tidying → OWASP sanitizer): whatever the text,
 * rendering finishes and nothing that could run script survives; the plain text stays on one line.
 * 
 */
public class MarkdownFuzzTests {

    private static final UserText TEXT = new UserText();

    /** One input: Jazzer's entry point when fuzzing ({@code ./vigie fuzz}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String markdown = data.consumeRemainingAsString();
        XssCorpusTests.assertInert(markdown, TEXT.render(markdown, Set.of("alice.martin")).html());
        assertThat(TEXT.plainText(markdown)).doesNotContain("\n", "\r", "\t");
    }

    /** The suite replays the kept inputs (and what fuzzing found and was fixed) through the same check. */
    @FuzzTest
    void whateverTheTextTheRenderedHtmlIsInert(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
