package io.vigie.points;

import io.vigie.moderation.AuditLog;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Points, badges and leaderboards: everyone reads the leaderboards and colleagues' badges (except
 * of people who opted out); each person chooses to take part; admins set the points.
 */
@RestController
class PointsController {

    /** The leaderboards of a period: people, departments by points per person, and the reader's own standing. */
    record Leaderboards(String period, String department, List<Points.Leader> people, List<Points.DepartmentStanding> departments,
                        Points.Standing me) {}

    /** What a profile shows; {@code visible} false (and nothing else) when its person opted out and someone else asks. */
    record ProfileAchievements(boolean visible, Long points, Long pointsThisMonth, java.util.Map<String, Long> contributions,
                               List<Points.Earned> badges) {}

    record OptOut(Boolean optOut) {}

    record RulesRequest(List<Points.Rule> rules) {}

    static final int LEADERS = 20;

    private final Members members;
    private final Points points;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    PointsController(Members members, Points points, AuditLog audit, TransactionalOperator transaction) {
        this.members = members;
        this.points = points;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/api/leaderboards")
    Mono<Leaderboards> leaderboards(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "month") String period,
                                    @RequestParam(required = false) String department) {
        String only = department == null || department.isBlank() ? null : department.strip();
        return Mono.fromCallable(() -> Points.since(period))
                .then(members.reader(token))
                .flatMap(reader -> points.board(period).map(board -> new Leaderboards(period, only,
                        Points.leaders(board, only, LEADERS), Points.departments(board), Points.standing(board, reader.personId()))));
    }

    @GetMapping("/api/people/{username}/achievements")
    Mono<ProfileAchievements> achievements(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return members.reader(token).flatMap(reader -> points.person(username)
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This person")))
                .flatMap(person -> {
                    if (person.getValue() && !person.getKey().equals(reader.personId())) {
                        return Mono.just(new ProfileAchievements(false, null, null, null, List.of()));
                    }
                    return points.achievements(person.getKey(), Points.since("month"))
                            .map(mine -> new ProfileAchievements(true, mine.points(), mine.pointsSince(), mine.contributions(), mine.badges()));
                }));
    }

    @GetMapping("/api/me/leaderboard")
    Mono<OptOut> myChoice(@AuthenticationPrincipal Jwt token) {
        return members.signIn(token).flatMap(reader -> points.optedOut(reader.personId())).map(OptOut::new);
    }

    /** Opting out takes one off every leaderboard and keeps one's points and badges to oneself. */
    @PutMapping("/api/me/leaderboard")
    Mono<OptOut> choose(@AuthenticationPrincipal Jwt token, @RequestBody OptOut choice) {
        if (choice.optOut() == null) {
            return Mono.error(ApiProblems.invalid("optOut", "must be true or false"));
        }
        return members.signIn(token).flatMap(reader -> points.optOut(reader.personId(), choice.optOut()))
                .doOnSuccess(done -> points.forget())
                .thenReturn(choice);
    }

    @GetMapping("/api/admin/points")
    Flux<Points.Rule> rules() {
        return points.rules();
    }

    /** Admins: the points each kind of contribution earns; past contributions count at the new rate at once. */
    @PutMapping("/api/admin/points")
    Flux<Points.Rule> setRules(@AuthenticationPrincipal Jwt token, @RequestBody RulesRequest request) {
        if (request.rules() == null || request.rules().isEmpty()) {
            return Flux.error(ApiProblems.invalid("rules", "give at least one kind and its points"));
        }
        String summary = request.rules().stream().map(rule -> rule == null ? "?" : rule.kind() + "=" + rule.points())
                .collect(Collectors.joining(", "));
        return members.signIn(token)
                .flatMap(admin -> transaction.transactional(points.setRules(request.rules())
                        .then(audit.record(admin.personId(), "point-rules", "settings", "point-rules", summary))))
                .doOnSuccess(done -> points.forget())
                .thenMany(points.rules());
    }
}
