package io.vigie.profiles;

import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.function.BiFunction;
import java.util.UUID;

/** Profiles by username, and following people (PUT and DELETE are idempotent). */
@RestController
class ProfileController {

    private final Members members;
    private final FollowRepository follows;

    ProfileController(Members members, FollowRepository follows) {
        this.members = members;
        this.follows = follows;
    }

    @GetMapping("/api/people/{username}")
    Mono<Profile> profile(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return members.reader(token).flatMap(reader -> profileOf(reader, username));
    }

    @PutMapping("/api/people/{username}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> follow(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return change(token, username, (reader, profile) -> {
            if (profile.me()) {
                return Mono.error(ApiProblems.invalid("username", "you cannot follow yourself"));
            }
            return follows.follow(reader, profile.id());
        });
    }

    @DeleteMapping("/api/people/{username}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unfollow(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return change(token, username, (reader, profile) -> follows.unfollow(reader, profile.id()));
    }

    private Mono<Void> change(Jwt token, String username, BiFunction<UUID, Profile, Mono<Void>> action) {
        return members.signIn(token).flatMap(reader -> profileOf(reader, username)
                .flatMap(profile -> action.apply(reader.personId(), profile)));
    }

    private Mono<Profile> profileOf(Reader reader, String username) {
        return follows.profile(username, reader.personId())
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This person")));
    }
}
