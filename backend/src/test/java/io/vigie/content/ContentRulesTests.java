package io.vigie.content;

import io.vigie.web.ApiProblems.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Size limits of user text, and the field errors a person reads when they are crossed. */
class ContentRulesTests {

    private final ContentRules rules = bind(Map.of());
    private final UserText text = new UserText();

    private static ContentRules bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("vigie.content", ContentRules.class);
    }

    @Test
    void defaultsAreTheDocumentedLimits() {
        assertThat(rules).isEqualTo(new ContentRules(20_000, 5_000, 200, 30, 50));
    }

    @Test
    void limitsCanBeChangedInConfiguration() {
        ContentRules custom = bind(Map.of("vigie.content.comment-max-length", "800", "vigie.content.max-hashtags", "5"));
        assertThat(custom.commentMaxLength()).isEqualTo(800);
        assertThat(custom.maxHashtags()).isEqualTo(5);
        assertThat(custom.postMaxLength()).isEqualTo(20_000);
    }

    @Test
    void emptyOrBlankTextIsRefused() {
        for (String empty : new String[] {null, "", "   \n\t "}) {
            assertThat(rules.check("body", empty, rules.postMaxLength()))
                    .containsExactly(new FieldError("body", "must not be empty"));
        }
    }

    @Test
    void textOverTheLimitSaysHowLongItIsAndWhatTheLimitIs() {
        assertThat(rules.check("body", "x".repeat(20_345), rules.postMaxLength()))
                .containsExactly(new FieldError("body", "is 20,345 characters long; the limit is 20,000"));
        assertThat(rules.check("title", "t".repeat(201), rules.titleMaxLength()))
                .containsExactly(new FieldError("title", "is 201 characters long; the limit is 200"));
    }

    @Test
    void textExactlyAtTheLimitIsAccepted() {
        assertThat(rules.check("body", "x".repeat(20_000), rules.postMaxLength())).isEmpty();
        assertThat(rules.check("body", "x".repeat(5_000), rules.commentMaxLength())).isEmpty();
        assertThat(rules.check("body", "x".repeat(5_001), rules.commentMaxLength())).hasSize(1);
    }

    @Test
    void upToThirtyHashtagsAreAcceptedAndTheThirtyFirstIsAFieldError() {
        assertThat(rules.checkTags("body", text.render(hashtags(30), Set.of()))).isEmpty();
        assertThat(rules.checkTags("body", text.render(hashtags(31), Set.of())))
                .containsExactly(new FieldError("body", "has 31 hashtags; the limit is 30"));
    }

    @Test
    void upToFiftyMentionsAreAcceptedAndTheFiftyFirstIsAFieldError() {
        Set<String> people = IntStream.rangeClosed(1, 51).mapToObj(i -> "person" + i).collect(Collectors.toSet());
        String fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> "@person" + i).collect(Collectors.joining(" "));
        assertThat(rules.checkTags("body", text.render(fifty, people))).isEmpty();
        assertThat(rules.checkTags("body", text.render(fifty + " @person51", people)))
                .containsExactly(new FieldError("body", "mentions 51 people; the limit is 50"));
    }

    @Test
    void unknownNamesDoNotCountAsMentions() {
        String many = IntStream.rangeClosed(1, 80).mapToObj(i -> "@stranger" + i).collect(Collectors.joining(" "));
        assertThat(rules.checkTags("body", text.render(many, Set.of()))).isEmpty();
    }

    private static String hashtags(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "#tag" + i).collect(Collectors.joining(" "));
    }
}
