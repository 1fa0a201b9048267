package io.vigie.content;

import io.vigie.people.People;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks and renders what a person wrote (a post, a comment): the length limit first, then the
 * people it mentions, then the sanitised HTML. Bad input becomes a 400 with a field error.
 */
@Component
public class TextRendering {

    private final UserText text;
    private final ContentRules rules;
    private final People people;

    TextRendering(UserText text, ContentRules rules, People people) {
        this.text = text;
        this.rules = rules;
        this.people = people;
    }

    public Mono<UserText.Rendered> post(String field, String markdown) {
        return render(field, markdown, rules.postMaxLength());
    }

    public Mono<UserText.Rendered> comment(String field, String markdown) {
        return render(field, markdown, rules.commentMaxLength());
    }

    private Mono<UserText.Rendered> render(String field, String markdown, int maxLength) {
        List<ApiProblems.FieldError> problems = rules.check(field, markdown, maxLength);
        if (!problems.isEmpty()) {
            return Mono.error(ApiProblems.invalid(problems));
        }
        return people.byUsernames(text.mentionCandidates(markdown).stream()
                        // A text full of @words must not become a huge lookup: only the first ones are looked up.
                        .limit(rules.maxMentions() + 1L)
                        .toList())
                .map(person -> person.username().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet())
                // Parsing and sanitising thousands of characters is CPU work: keep it off the event loop.
                .publishOn(Schedulers.parallel())
                .map(known -> text.render(markdown, known))
                .flatMap(rendered -> {
                    List<ApiProblems.FieldError> tagProblems = rules.checkTags(field, rendered);
                    return tagProblems.isEmpty() ? Mono.just(rendered) : Mono.error(ApiProblems.invalid(tagProblems));
                });
    }
}
