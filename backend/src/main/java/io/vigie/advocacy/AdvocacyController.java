package io.vigie.advocacy;

import io.vigie.moderation.AuditLog;
import io.vigie.notifications.Notifier;
import io.vigie.people.People;
import io.vigie.people.Person;
import io.vigie.security.Roles;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The advocacy feed and its items: moderators create and withdraw items (the security rules
 * refuse anyone else first), everyone shares those meant for them and sees what their shares
 * brought; moderators see every sharer's figures.
 */
@RestController
class AdvocacyController {

    record ShareRequest(String network) {}

    /** Figures for one item: totals, by department, by day, and by person (moderators; others get their own row). */
    record Stats(UUID itemId, Advocacy.Counts total, List<Group> departments, List<Group> people, List<Advocacy.Day> days) {}

    /** Shares and clicks of a group: a department, or a person ({@code key} the username). */
    record Group(String key, String name, String department, long shares, long clicks, long uniqueClicks) {}

    private final Advocacy advocacy;
    private final Members members;
    private final People people;
    private final AuditLog audit;
    private final Notifier notifier;
    private final TransactionalOperator transaction;
    private final AdvocacyProperties properties;

    AdvocacyController(Advocacy advocacy, Members members, People people, AuditLog audit, Notifier notifier,
                       TransactionalOperator transaction, AdvocacyProperties properties) {
        this.advocacy = advocacy;
        this.members = members;
        this.people = people;
        this.audit = audit;
        this.notifier = notifier;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** The items on offer to the reader; {@code all=true} (moderators) lists every item, withdrawn and expired too. */
    @GetMapping("/api/advocacy")
    Flux<Advocacy.Item> feed(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "false") boolean all) {
        // The token says who moderates: no need to read the person's memberships.
        return members.signInPerson(token)
                .flatMapMany(person -> advocacy.feed(person.id(), person.department(), all && Roles.moderates(token)));
    }

    @PostMapping("/api/advocacy")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Advocacy.Item> create(@AuthenticationPrincipal Jwt token, @RequestBody Advocacy.Draft draft) {
        // One transaction: the item, its audit entry and its notifications (heard live at commit).
        return members.signIn(token).flatMap(moderator -> transaction.transactional(advocacy.create(moderator.personId(), draft)
                        .flatMap(id -> audit.record(moderator.personId(), "advocacy-create", "advocacy", id.toString(), null)
                                .then(notifier.promoted(moderator.personId(), id))
                                .thenReturn(id)))
                .flatMap(id -> advocacy.item(moderator.personId(), null, true, id, false)));
    }

    @DeleteMapping("/api/advocacy/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(moderator -> advocacy.withdraw(id)
                .flatMap(done -> done ? audit.record(moderator.personId(), "advocacy-withdraw", "advocacy", id.toString(), null)
                        : Mono.error(ApiProblems.notFound("This advocacy item"))));
    }

    /** The reader's tracked link for the item on a network (the same link every time), and where to share it. */
    @PostMapping("/api/advocacy/{id}/shares")
    Mono<Advocacy.Share> share(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody ShareRequest request,
                               ServerHttpRequest http) {
        Network network = Network.of(request.network() == null ? "" : request.network());
        return members.signIn(token).flatMap(reader -> people.byId(reader.personId()))
                .flatMap(person -> offered(person, id).flatMap(item -> advocacy.share(item, person.id(), person.department(), network,
                        linkBase(http))));
    }

    @GetMapping("/api/advocacy/{id}/stats")
    Mono<Stats> stats(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        boolean moderator = Roles.moderates(token);
        return members.signInPerson(token).flatMap(person -> {
            return advocacy.item(person.id(), person.department(), moderator, id, true)
                    .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This advocacy item")))
                    .then(Mono.zip(advocacy.links(id).collectList(), advocacy.days(id).collectList()))
                    .map(found -> {
                        List<Advocacy.LinkCounts> links = found.getT1();
                        List<Group> people = group(links, Advocacy.LinkCounts::username, Advocacy.LinkCounts::name).stream()
                                .filter(group -> moderator || group.key().equals(person.username()))
                                .toList();
                        return new Stats(id, total(links), group(links, link -> Objects.toString(link.department(), ""), link -> null),
                                people, found.getT2());
                    });
        });
    }

    /** The item, if it is on offer to this person now (404 otherwise: withdrawn, expired or for other departments). */
    private Mono<Advocacy.Item> offered(Person person, UUID id) {
        return advocacy.item(person.id(), person.department(), false, id, false)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This advocacy item")));
    }

    private String linkBase(ServerHttpRequest request) {
        if (!properties.linkBase().isBlank()) {
            return properties.linkBase().replaceAll("/+$", "");
        }
        return UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).fragment(null).build().toUriString();
    }

    private static Advocacy.Counts total(List<Advocacy.LinkCounts> links) {
        return new Advocacy.Counts(links.size(), links.stream().mapToLong(Advocacy.LinkCounts::clicks).sum(),
                links.stream().mapToLong(Advocacy.LinkCounts::uniqueClicks).sum());
    }

    /** Links summed by a key, the most clicked first. */
    private static List<Group> group(List<Advocacy.LinkCounts> links, Function<Advocacy.LinkCounts, String> key,
                                     Function<Advocacy.LinkCounts, String> name) {
        Map<String, List<Advocacy.LinkCounts>> byKey = new TreeMap<>();
        links.forEach(link -> byKey.computeIfAbsent(key.apply(link), k -> new java.util.ArrayList<>()).add(link));
        return byKey.entrySet().stream()
                .map(entry -> {
                    Advocacy.LinkCounts first = entry.getValue().getFirst();
                    Advocacy.Counts counts = total(entry.getValue());
                    return new Group(entry.getKey(), name.apply(first), first.department(), counts.shares(), counts.clicks(),
                            counts.uniqueClicks());
                })
                .sorted(Comparator.comparingLong(Group::clicks).reversed().thenComparing(Group::key))
                .toList();
    }
}
