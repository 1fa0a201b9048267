package io.vigie.trends;

import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.spaces.SpaceService;
import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
class TrendsController {

    record Decision(@NotNull Boolean approved) {}

    record Site(@NotBlank @Size(max = 253) String host) {}

    record Settings(@Min(1) @Max(720) Integer halfLifeHours) {}

    private final Members members;
    private final TrendsService trends;
    private final TrendsRepository repository;
    private final SpaceService spaces;
    private final Clock clock;
    private final io.vigie.moderation.AuditLog audit;
    private final TrendsCache cache;

    TrendsController(Members members, TrendsService trends, TrendsRepository repository, SpaceService spaces,
                     io.vigie.moderation.AuditLog audit, TrendsCache cache) {
        this.audit = audit;
        this.cache = cache;
        this.members = members;
        this.trends = trends;
        this.repository = repository;
        this.spaces = spaces;
        this.clock = Clock.systemUTC();
    }

    /** Rising, top or new articles, company-wide or in one space. */
    @GetMapping("/api/trends")
    Mono<List<TrendViews.ArticleTrend>> trends(@AuthenticationPrincipal Jwt token,
                                               @RequestParam(defaultValue = "rising") String tab,
                                               @RequestParam(required = false) UUID space,
                                               @RequestParam(defaultValue = "week") String period) {
        TrendsService.Scope scope = new TrendsService.Scope(space);
        String chosen = tab.strip().toLowerCase(Locale.ROOT);
        if (!List.of("rising", "top", "new").contains(chosen)) {
            return Mono.error(ApiProblems.invalid("tab", "must be rising, top or new"));
        }
        TrendsService.Period length = chosen.equals("top") ? TrendsService.Period.parse(period) : null;
        TrendsCache.Key key = new TrendsCache.Key(chosen, space, length == null ? null : length.name());
        return allowed(token, scope).then(cache.get(key, reader -> switch (chosen) {
            case "rising" -> trends.rising(reader, scope, clock.instant());
            case "top" -> trends.top(reader, scope, length, clock.instant());
            default -> trends.fresh(reader, scope, clock.instant());
        }));
    }

    @GetMapping("/api/trends/topics")
    Mono<TrendViews.Topics> topics(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID space) {
        TrendsService.Scope scope = new TrendsService.Scope(space);
        return allowed(token, scope).then(cache.get(new TrendsCache.Key("topics", space, null),
                reader -> trends.topics(reader, scope, clock.instant())));
    }

    /** The caller may see the scope (a space they may not see is a 404, as everywhere); the lists are the scope's. */
    private Mono<Void> allowed(Jwt token, TrendsService.Scope scope) {
        return members.reader(token).flatMap(reader -> scope.company() ? Mono.empty() : spaces.visibleSpace(reader, scope.spaceId()).then());
    }

    @GetMapping("/api/trends/topics/{topic}")
    Mono<TrendViews.Topic> topic(@AuthenticationPrincipal Jwt token, @PathVariable String topic, @RequestParam(required = false) UUID space) {
        return members.reader(token).flatMap(reader -> trends.topic(reader, new TrendsService.Scope(space), topic, clock.instant()));
    }

    /** Moderators: company-wide rising articles waiting for a decision. */
    @GetMapping("/api/trends/review")
    Mono<List<TrendViews.Candidate>> reviewQueue(@AuthenticationPrincipal Jwt token) {
        return moderator(token).flatMap(reader -> trends.reviewQueue(reader, clock.instant()));
    }

    @PutMapping("/api/trends/review/{articleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> decide(@AuthenticationPrincipal Jwt token, @PathVariable UUID articleId, @Valid @RequestBody Decision decision) {
        return moderator(token).flatMap(reader -> repository.decide(articleId, decision.approved(), reader.personId())
                .flatMap(found -> found
                        ? audit.record(reader.personId(), decision.approved() ? "approve-trend" : "reject-trend", "article", articleId.toString(), "")
                        : Mono.<Void>error(ApiProblems.notFound("This article"))))
                .doOnSuccess(done -> cache.clear());
    }

    /** Moderators: sites whose articles trend company-wide without review. */
    @GetMapping("/api/trends/trusted-sites")
    Mono<List<String>> trustedSites(@AuthenticationPrincipal Jwt token) {
        return moderator(token).flatMap(reader -> repository.trustedSiteList().collectList());
    }

    @PostMapping("/api/trends/trusted-sites")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> trust(@AuthenticationPrincipal Jwt token, @Valid @RequestBody Site site) {
        String host = site.host().strip().toLowerCase(Locale.ROOT);
        if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            return Mono.error(ApiProblems.invalid("host", "must be a host name such as www.example.com"));
        }
        return moderator(token).flatMap(reader -> repository.trust(host, reader.personId())
                .then(audit.record(reader.personId(), "trust-site", "site", host, "")))
                .doOnSuccess(done -> cache.clear());
    }

    @DeleteMapping("/api/trends/trusted-sites/{host}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> distrust(@AuthenticationPrincipal Jwt token, @PathVariable String host) {
        String site = host.toLowerCase(Locale.ROOT);
        return moderator(token).flatMap(reader -> repository.distrust(site)
                .flatMap(found -> found ? audit.record(reader.personId(), "distrust-site", "site", site, "")
                        : Mono.<Void>error(ApiProblems.notFound("This site"))))
                .doOnSuccess(done -> cache.clear());
    }

    /** Owners: how long a rising article keeps its peak in their space (null: the company default). */
    @PutMapping("/api/spaces/{id}/trend-settings")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> settings(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Settings settings) {
        return members.reader(token)
                .flatMap(reader -> spaces.visibleSpace(reader, id)
                        .filter(space -> reader.owns(space.id()))
                        .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the space's owners change its trend settings."))))
                .flatMap(space -> repository.setHalfLife(id, settings.halfLifeHours()))
                .doOnSuccess(done -> cache.clear());
    }

    private Mono<Reader> moderator(Jwt token) {
        return members.reader(token).filter(Reader::moderator)
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only moderators review trends.")));
    }
}
