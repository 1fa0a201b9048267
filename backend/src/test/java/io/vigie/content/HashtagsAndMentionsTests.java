package io.vigie.content;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** #hashtags and @mentions: what counts as one, how it is stored, and the HTML it becomes. */
class HashtagsAndMentionsTests {

    private static final Set<String> KNOWN = Set.of("alice.martin", "bruno.petit");

    private final UserText text = new UserText();

    private UserText.Rendered render(String markdown) {
        return text.render(markdown, KNOWN);
    }

    private static Document dom(UserText.Rendered rendered) {
        return Jsoup.parseBodyFragment(rendered.html());
    }

    @Test
    void aHashtagIsStoredFoldedButShownAsWritten() {
        UserText.Rendered rendered = render("Vive l'#Énergie!");
        assertThat(rendered.hashtags()).containsExactly("energie");
        Element tag = dom(rendered).selectFirst("a.hashtag");
        assertThat(tag.attr("href")).isEqualTo("/tags/energie");
        assertThat(tag.text()).isEqualTo("#Énergie");
        assertThat(tag.attributes().size()).as("no target, no rel on our own links").isEqualTo(2);
    }

    @Test
    void spellingsOfOneTagCountOnce() {
        // Precomposed É, decomposed E + U+0301, capitals and full-width letters are the same tag.
        UserText.Rendered rendered = render("#Énergie #E\u0301nergie #ENERGIE #energie #ｅｎｅｒｇｉｅ #Straße");
        assertThat(rendered.hashtags()).containsExactly("energie", "straße");
        assertThat(dom(rendered).select("a.hashtag")).hasSize(6);
        assertThat(Hashtags.normalise("#Énergie")).isEqualTo(Hashtags.normalise("energie"));
    }

    @Test
    void aHashtagStartsWithALetterAndRunsTwoToFiftyCharacters() {
        String fifty = "a".repeat(50);
        String fiftyOne = "b".repeat(51);
        UserText.Rendered rendered = render("#a #2024 #_x #-x #ok #日本 #énergie-verte_2 #" + fifty + " #" + fiftyOne);
        assertThat(rendered.hashtags()).containsExactly("ok", "日本", "energie-verte_2", fifty);
        assertThat(dom(rendered).text()).contains("#a", "#2024", "#" + fiftyOne);
    }

    @Test
    void aHashtagNeedsSomethingOtherThanAWordBeforeIt() {
        UserText.Rendered rendered = render("C# and F#, a#b, issue&#35;12, x/#frag, (#yes) «#oui» **#bold**");
        assertThat(rendered.hashtags()).containsExactly("yes", "oui", "bold");
    }

    @Test
    void aTrailingHyphenIsPunctuationNotPartOfTheTag() {
        UserText.Rendered rendered = render("#climat- and more");
        assertThat(rendered.hashtags()).containsExactly("climat");
        assertThat(dom(rendered).text()).isEqualTo("#climat- and more");
    }

    @Test
    void hashtagsInCodeUrlsAndLinkTextAreIgnored() {
        UserText.Rendered rendered = render("""
                `#inline` and [#linked](https://example.org/#anchor) and https://example.org/#autolinked
                www.example.com/#www and <https://example.org/?tag=#angle>

                ```
                #fenced
                ```

                    #indented
                """);
        assertThat(rendered.hashtags()).isEmpty();
        assertThat(dom(rendered).select("a.hashtag")).isEmpty();
    }

    @Test
    void hashtagsAreFoundInHeadingsListsQuotesAndTables() {
        UserText.Rendered rendered = render("# #titre\n\n- #liste\n\n> #citation\n\n| #cellule |\n|---|\n| #corps |");
        assertThat(rendered.hashtags()).containsExactly("titre", "liste", "citation", "cellule", "corps");
    }

    @Test
    void aKnownPersonBecomesAProfileLink() {
        UserText.Rendered rendered = render("Thanks @Alice.Martin!");
        assertThat(rendered.mentions()).containsExactly("alice.martin");
        Element mention = dom(rendered).selectFirst("a.mention");
        assertThat(mention.attr("href")).isEqualTo("/people/alice.martin");
        assertThat(mention.text()).isEqualTo("@Alice.Martin");
        assertThat(dom(rendered).text()).isEqualTo("Thanks @Alice.Martin!");
    }

    @Test
    void anUnknownNameStaysPlainText() {
        UserText.Rendered rendered = render("Hello @nobody and @alice");
        assertThat(rendered.mentions()).isEmpty();
        assertThat(dom(rendered).select("a")).isEmpty();
        assertThat(dom(rendered).text()).isEqualTo("Hello @nobody and @alice");
    }

    @Test
    void sentencePunctuationIsNotPartOfAUsername() {
        UserText.Rendered rendered = render("Ask @alice.martin. Or @bruno.petit-, or (@alice.martin), @bruno.petit's call.");
        assertThat(rendered.mentions()).containsExactly("alice.martin", "bruno.petit");
        assertThat(dom(rendered).select("a.mention")).extracting(Element::text)
                .containsExactly("@alice.martin", "@bruno.petit", "@alice.martin", "@bruno.petit");
    }

    @Test
    void mentionsAreNotFoundInEmailsCodeOrUrls() {
        UserText.Rendered rendered = render("""
                mail bob@alice.martin or alice.martin@vigie.example, `@alice.martin`,
                https://example.org/@alice.martin, [@alice.martin](https://example.org) and x.@bruno.petit

                ```
                @bruno.petit
                ```
                """);
        assertThat(rendered.mentions()).isEmpty();
        assertThat(dom(rendered).select("a.mention")).isEmpty();
    }

    @Test
    void mentionCandidatesAreTheNamesToLookUpLowerCasedAndOnce() {
        assertThat(text.mentionCandidates("hi @Bruno.Petit, @bruno.petit and @X; not x@y.z nor `@code`"))
                .containsExactly("bruno.petit", "x");
    }

    @Test
    void knownUsernamesMatchWhateverTheirCase() {
        UserText.Rendered rendered = text.render("@alice.martin", Set.of("Alice.Martin"));
        assertThat(rendered.mentions()).containsExactly("alice.martin");
    }

    @Test
    void hashtagsAndMentionsAreListedInOrderOfAppearance() {
        UserText.Rendered rendered = render("#zeta @bruno.petit #alpha @alice.martin #zeta");
        assertThat(rendered.hashtags()).containsExactly("zeta", "alpha");
        assertThat(rendered.mentions()).containsExactly("bruno.petit", "alice.martin");
    }
}
