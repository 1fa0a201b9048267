package io.vigie.me;

import io.vigie.people.Person;
import io.vigie.spaces.Members;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's own profile; calling it is what "signing in" means to the API. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final Members members;

    MeController(Members members) {
        this.members = members;
    }

    /**
     * The first call creates the person's row from their token; later calls refresh it. Each call
     * also keeps their department space membership in line with their department claim.
     */
    @GetMapping
    Mono<Person> me(@AuthenticationPrincipal Jwt token) {
        return members.signInPerson(token);
    }
}
