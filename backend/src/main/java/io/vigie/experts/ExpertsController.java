package io.vigie.experts;

import io.vigie.spaces.Members;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** The expert directory: skills on profiles, endorsements, and who knows about a skill. */
@RestController
class ExpertsController {

    record SkillsRequest(List<String> skills) {}

    private final Members members;
    private final Skills skills;
    private final TransactionalOperator transaction;

    ExpertsController(Members members, Skills skills, TransactionalOperator transaction) {
        this.members = members;
        this.skills = skills;
        this.transaction = transaction;
    }

    @GetMapping("/api/people/{username}/skills")
    Mono<Skills.PersonSkills> skillsOf(@AuthenticationPrincipal Jwt token, @PathVariable String username) {
        return members.reader(token).flatMap(reader -> skills.of(username, reader.personId(), reader.memberOf()));
    }

    /** The signed-in person's own skills, replaced as a whole (30 at most). */
    @PutMapping("/api/me/skills")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> declare(@AuthenticationPrincipal Jwt token, @RequestBody SkillsRequest request) {
        // One transaction: the old skills go and the new come together, or nothing changes.
        return members.signIn(token).flatMap(reader -> transaction.transactional(skills.declare(reader.personId(),
                request.skills() == null ? List.of() : request.skills())));
    }

    @PutMapping("/api/people/{username}/skills/{skill}/endorsement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> endorse(@AuthenticationPrincipal Jwt token, @PathVariable String username, @PathVariable String skill) {
        return members.signIn(token).flatMap(reader -> transaction.transactional(skills.endorse(reader.personId(), username, skill, true)));
    }

    @DeleteMapping("/api/people/{username}/skills/{skill}/endorsement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unendorse(@AuthenticationPrincipal Jwt token, @PathVariable String username, @PathVariable String skill) {
        return members.signIn(token).flatMap(reader -> skills.endorse(reader.personId(), username, skill, false));
    }

    /** Who knows about a skill, best first (declared, endorsed, active on it in spaces the reader may see). */
    @GetMapping("/api/experts")
    Flux<Skills.Expert> experts(@AuthenticationPrincipal Jwt token, @RequestParam String skill) {
        return members.reader(token).flatMapMany(reader -> skills.experts(skill, reader.memberOf(), 20));
    }
}
