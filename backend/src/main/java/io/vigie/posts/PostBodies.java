package io.vigie.posts;

import io.vigie.content.ContentRules;
import io.vigie.content.UserText;
import io.vigie.people.People;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Checks and renders a post body: limits first, then the people it mentions, then the HTML. */
@Component
class PostBodies {

    private final UserText text;
    private final ContentRules rules;
    private final People people;

    PostBodies(UserText text, ContentRules rules, People people) {
        this.text = text;
        this.rules = rules;
        this.people = people;
    }

    Mono<RenderedBody> render(String field, String markdown) {
        List<ApiProblems.FieldError> problems = rules.check(field, markdown, rules.postMaxLength());
        if (!problems.isEmpty()) {
            return Mono.error(ApiProblems.invalid(problems));
        }
        return people.byUsernames(text.mentionCandidates(markdown))
                .map(person -> person.username().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet())
                // Parsing and sanitising 20,000 characters is CPU work: keep it off the event loop.
                .publishOn(Schedulers.parallel())
                .map(known -> text.render(markdown, known))
                .flatMap(rendered -> {
                    List<ApiProblems.FieldError> tagProblems = rules.checkTags(field, rendered);
                    return tagProblems.isEmpty()
                            ? Mono.just(new RenderedBody(rendered.html(), rendered.hashtags(), rendered.mentions()))
                            : Mono.error(ApiProblems.invalid(tagProblems));
                });
    }

}
