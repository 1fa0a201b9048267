package io.vigie.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The words alone, for search and notifications, and excerpts cut between words. */
class PlainTextTests {

    private final UserText text = new UserText();

    @Test
    void plainTextDropsMarkupAndCollapsesWhitespace() {
        assertThat(text.plainText("# Title\n\n**Hello**   _world_\u00a0 ~~old~~\n\nagain\\\nand again"))
                .isEqualTo("Title Hello world old again and again");
    }

    @Test
    void plainTextKeepsTheWordsOfLinksButNotTheirUrls() {
        assertThat(text.plainText("See [the docs](https://example.org/docs), ![a chart](https://i.example/c.png) and https://example.org"))
                .isEqualTo("See the docs, a chart and https://example.org");
    }

    @Test
    void plainTextKeepsBlocksListItemsAndTableCellsApart() {
        assertThat(text.plainText("- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\nblock\n```\n> quote"))
                .isEqualTo("one two a b 1 2 code block quote");
    }

    @Test
    void plainTextShowsCodeAndRawHtmlAsTheReaderSeesThem() {
        assertThat(text.plainText("Run `mvn test` then <b>stop</b>")).isEqualTo("Run mvn test then <b>stop</b>");
    }

    @Test
    void hashtagsAndMentionsStayAsWritten() {
        assertThat(text.plainText("**#Énergie** with @alice.martin")).isEqualTo("#Énergie with @alice.martin");
    }

    @Test
    void excerptCutsBetweenWordsAndEndsWithAnEllipsis() {
        assertThat(text.excerpt("one two three four five", 12)).isEqualTo("one two…");
        assertThat(text.excerpt("one two three four five", 14)).isEqualTo("one two three…");
    }

    @Test
    void shortTextIsItsOwnExcerpt() {
        assertThat(text.excerpt("**one** two", 7)).isEqualTo("one two");
        assertThat(text.excerpt("", 10)).isEmpty();
    }

    @Test
    void aLongFirstWordIsCutRatherThanDropped() {
        assertThat(text.excerpt("Antidisestablishmentarianism rules", 10)).isEqualTo("Antidises…");
    }

    @Test
    void anExcerptNeverSplitsAnEmoji() {
        String excerpt = text.excerpt("😀😀😀😀😀😀", 4);
        assertThat(excerpt).isEqualTo("😀…");
        assertThat(excerpt.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)).isTrue();
    }

    @Test
    void anExcerptIsNeverLongerThanAsked() {
        String markdown = "Le **fil** d'actualité de la _veille_ collaborative: #Énergie, @alice.martin et 😀 https://example.org";
        for (int max = 1; max <= 120; max++) {
            String excerpt = text.excerpt(markdown, max);
            assertThat(excerpt.length()).as("max %d: %s", max, excerpt).isLessThanOrEqualTo(max);
            assertThat(excerpt).doesNotStartWith(" ").doesNotEndWith(" …");
        }
    }

    @Test
    void anExcerptHoldsAtLeastOneCharacter() {
        assertThatIllegalArgumentException().isThrownBy(() -> text.excerpt("text", 0));
    }
}
