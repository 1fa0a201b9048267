package io.vigie.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTextTests {

    @Test
    void wordsAreOptionalPhrasesAndSignsAreHonoured() {
        QueryText text = QueryText.parse("energy \"wind turbine\" +solar -coal NOT oil");
        assertThat(text.optional()).containsExactly("energy");
        assertThat(text.phrases()).containsExactly("wind turbine");
        assertThat(text.required()).containsExactly("solar");
        assertThat(text.excluded()).containsExactly("coal", "oil");
    }

    @Test
    void andMakesBothSidesRequiredAndOrIsTheDefault() {
        QueryText text = QueryText.parse("kubernetes AND docker OR podman");
        assertThat(text.required()).containsExactly("kubernetes", "docker");
        assertThat(text.optional()).containsExactly("podman");
    }

    @Test
    void anUnclosedQuoteSearchesItsWordsAndBlankInputIsEmpty() {
        assertThat(QueryText.parse("\"half open").optional()).containsExactly("half", "open");
        assertThat(QueryText.parse("   ").isEmpty()).isTrue();
        assertThat(QueryText.parse(null).isEmpty()).isTrue();
        assertThat(QueryText.parse("-only").isEmpty()).isTrue();
    }

    @Test
    void correctionsPickTheNearestMatchedWordAndKeepExactOnes() {
        var candidates = Corrections.markedWords(java.util.List.of("about <mark>kubernetes</mark> and <mark>Réunion</mark>"));
        assertThat(candidates).containsExactlyInAnyOrder("kubernetes", "réunion");
        assertThat(Corrections.correct("kubernets reunion", candidates)).isEqualTo("kubernetes reunion");
        assertThat(Corrections.correct("kubernetes", candidates)).isNull();
        assertThat(Corrections.correct("xyzzy", candidates)).isNull();
        assertThat(Corrections.distance("kitten", "sitting", 5)).isEqualTo(3);
    }
}
