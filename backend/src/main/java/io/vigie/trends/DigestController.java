package io.vigie.trends;

import io.vigie.spaces.Members;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

@RestController
class DigestController {

    private final Members members;
    private final DigestService digests;
    private final Clock clock = Clock.systemUTC();

    DigestController(Members members, DigestService digests) {
        this.members = members;
        this.digests = digests;
    }

    @GetMapping("/api/spaces/{id}/digest")
    Mono<DigestService.Digest> digest(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                      @RequestParam(defaultValue = "0") int weeksAgo) {
        return members.reader(token).flatMap(reader -> digests.digest(reader, id, weeksAgo, clock.instant()));
    }

    /** The caller's personal Atom address for this space's digest (the same one until revoked). */
    @PostMapping("/api/spaces/{id}/digest/feed")
    Mono<Map<String, String>> feed(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> digests.feedToken(reader, id))
                .map(feedToken -> Map.of("path", "/feeds/digest/" + feedToken + ".atom"));
    }

    @DeleteMapping("/api/spaces/{id}/digest/feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> digests.revoke(reader, id));
    }

    /** Public (a feed reader has no session): the token is the credential. */
    @GetMapping("/feeds/digest/{feedToken}.atom")
    Mono<ResponseEntity<String>> atom(@PathVariable String feedToken) {
        return digests.atom(feedToken, clock.instant())
                .map(xml -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml; charset=utf-8")).body(xml));
    }
}
