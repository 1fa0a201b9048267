package io.vigie.kudos;

import io.vigie.moderation.AuditLog;
import io.vigie.posts.PostService;
import io.vigie.posts.PostView;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The company's values (everyone reads them to give kudos; admins edit them) and the kudos a
 * person received, for their profile. Kudos themselves are given as posts
 * ({@code kind: "kudos"}).
 */
@RestController
class KudosController {

    static final int MAX_VALUES = 20;
    private static final int LATEST = 20;

    record ValuesRequest(List<ValueRequest> values) {}

    /** One value as an admin sends it (whether it is retired follows from the list). */
    record ValueRequest(String id, String label, String description) {}

    /** A person's kudos received, as the reader may see them. */
    record ReceivedView(List<Kudos.ValueCount> values, List<PostView> latest) {}

    private final Members members;
    private final Kudos kudos;
    private final PostService posts;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    KudosController(Members members, Kudos kudos, PostService posts, AuditLog audit, TransactionalOperator transaction) {
        this.members = members;
        this.kudos = kudos;
        this.posts = posts;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/company-values")
    Flux<CompanyValue> values() {
        return kudos.values(false);
    }

    @GetMapping("/api/admin/company-values")
    Flux<CompanyValue> allValues() {
        return kudos.values(true);
    }

    /** Admins: the values offered, in order; those left out are retired (kudos keep their badge). */
    @PutMapping("/api/admin/company-values")
    Flux<CompanyValue> replace(@AuthenticationPrincipal Jwt token, @RequestBody ValuesRequest request) {
        List<ValueRequest> wanted = request.values() == null ? List.of() : request.values();
        if (wanted.isEmpty() || wanted.size() > MAX_VALUES) {
            return Flux.error(ApiProblems.invalid("values", "must hold 1 to " + MAX_VALUES + " values"));
        }
        Set<String> ids = new HashSet<>();
        for (ValueRequest value : wanted) {
            if (value.id() == null || !value.id().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                return Flux.error(ApiProblems.invalid("values", "an id is lower-case letters, digits and dashes (40 at most): "
                        + value.id()));
            }
            if (value.label() == null || value.label().isBlank() || value.label().strip().length() > 60) {
                return Flux.error(ApiProblems.invalid("values", "the label of " + value.id() + " must be 1 to 60 characters"));
            }
            if (!ids.add(value.id())) {
                return Flux.error(ApiProblems.invalid("values", value.id() + " is there twice"));
            }
        }
        List<CompanyValue> cleaned = wanted.stream()
                .map(value -> new CompanyValue(value.id(), value.label().strip(), value.description() == null ? "" : value.description().strip(), false))
                .toList();
        return members.signIn(token)
                .flatMap(admin -> transaction.transactional(kudos.replaceValues(cleaned)
                        .then(audit.record(admin.personId(), "company-values", "settings", "company-values", String.join(", ", ids)))))
                .thenMany(kudos.values(true));
    }

    @GetMapping("/api/people/{username}/kudos")
    Mono<ReceivedView> received(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return members.reader(token).flatMap(reader -> kudos.received(username, reader.memberOf(), LATEST)
                .flatMap(received -> Flux.fromIterable(received.latest())
                        .concatMap(id -> posts.view(reader, id).onErrorResume(e -> Mono.empty()))
                        .collectList()
                        .map(latest -> new ReceivedView(received.values(), latest))));
    }
}
