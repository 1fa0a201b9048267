package io.vigie.search;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the search box's parser: any text parses (no exception reaches the user), every term
 * it keeps is a non-blank piece of what was typed, and a text without letters or digits asks for
 * nothing.
 */
public class QueryTextFuzzTests {

    /** One input: Jazzer's entry point when fuzzing ({@code ./vigie fuzz}). */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        QueryText query = QueryText.parse(input);
        List<String> terms = Stream.of(query.optional(), query.required(), query.excluded(), query.phrases())
                .flatMap(List::stream).toList();
        for (String term : terms) {
            assertThat(term).isNotBlank();
            for (String word : term.split("\\s+")) {
                assertThat(input).as("term %s from %s", word, input).contains(word);
            }
        }
        if (input.codePoints().noneMatch(Character::isLetterOrDigit)) {
            assertThat(query.optional()).as(input).isEmpty();
            assertThat(query.required()).as(input).isEmpty();
        }
    }

    /** The suite replays the kept inputs (and what fuzzing found and was fixed) through the same check. */
    @FuzzTest
    void anyTextParsesIntoTermsTakenFromIt(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }
}
