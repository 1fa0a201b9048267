package io.vigie.spaces;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
class MembershipController {

    record Invite(@NotBlank String username) {}

    record Ask(@Size(max = 500) String message) {}

    record Role(@NotNull(message = "must be owner or member") String role) {}

    private final Members members;
    private final MembershipService service;

    MembershipController(Members members, MembershipService service) {
        this.members = members;
        this.service = service;
    }

    @GetMapping("/api/spaces/{id}/members")
    Flux<MembershipRepository.Member> list(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMapMany(reader -> service.members(reader, id));
    }

    @PostMapping("/api/spaces/{id}/invitations")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> invite(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Invite request) {
        return members.signIn(token).flatMap(reader -> service.invite(reader, id, request.username()));
    }

    @GetMapping("/api/me/invitations")
    Flux<MembershipRepository.Invitation> invitations(@AuthenticationPrincipal Jwt token) {
        return members.reader(token).flatMapMany(service::invitations);
    }

    @PostMapping("/api/spaces/{id}/invitations/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> accept(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.accept(reader, id));
    }

    @DeleteMapping("/api/spaces/{id}/invitations/mine")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> decline(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.decline(reader, id));
    }

    /** Always 202: the answer must not tell whether a private space exists. */
    @PostMapping("/api/spaces/{id}/requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> ask(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody(required = false) Ask request) {
        return members.signIn(token).flatMap(reader -> service.request(reader, id, request == null ? null : request.message()));
    }

    @GetMapping("/api/spaces/{id}/requests")
    Flux<MembershipRepository.Request> requests(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMapMany(reader -> service.requests(reader, id));
    }

    @PostMapping("/api/spaces/{id}/requests/{personId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> approve(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID personId) {
        return members.signIn(token).flatMap(reader -> service.approve(reader, id, personId));
    }

    @DeleteMapping("/api/spaces/{id}/requests/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> reject(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID personId) {
        return members.signIn(token).flatMap(reader -> service.reject(reader, id, personId));
    }

    @PutMapping("/api/spaces/{id}/members/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> role(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID personId,
                    @Valid @RequestBody Role request) {
        return members.signIn(token).flatMap(reader -> service.setRole(reader, id, personId, request.role()));
    }

    @DeleteMapping("/api/spaces/{id}/members/{personId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remove(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID personId) {
        return members.signIn(token).flatMap(reader -> service.remove(reader, id, personId));
    }
}
