package io.vigie.people;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's own profile. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final PersonRepository people;

    MeController(PersonRepository people) {
        this.people = people;
    }

    /** The first call creates the person's row from their token; later calls refresh it. */
    @GetMapping
    Mono<Person> me(@AuthenticationPrincipal Jwt token) {
        return people.upsert(TokenIdentity.of(token));
    }
}
