package io.vigie.spaces;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

@RestController
@RequestMapping("/api/spaces")
class SpaceController {

    /** A space as the directory shows it to one reader. */
    record SpaceView(UUID id, String slug, String name, String description, String kind, String department,
                     String color, long members, String myRole) {
        static SpaceView of(SpaceRepository.Listed listed) {
            Space s = listed.space();
            return new SpaceView(s.id(), s.slug(), s.name(), s.description(), s.kind().value(), s.department(), s.color(),
                    listed.members(), listed.role());
        }
    }

    private final Members members;
    private final SpaceService service;

    SpaceController(Members members, SpaceService service) {
        this.members = members;
        this.service = service;
    }

    @GetMapping
    Flux<SpaceView> directory(@AuthenticationPrincipal Jwt token) {
        return members.reader(token).flatMapMany(service::directory).map(SpaceView::of);
    }

    @GetMapping("/{id}")
    Mono<SpaceView> space(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> service.listed(reader, id)).map(SpaceView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Space> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody SpaceRequests.Create request) {
        return members.signIn(token).flatMap(reader -> service.create(reader, request));
    }

    @PutMapping("/{id}")
    Mono<Space> update(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody SpaceRequests.Update request) {
        return members.signIn(token).flatMap(reader -> service.update(reader, id, request));
    }

    @PostMapping("/{id}/join")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> join(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.join(reader, id));
    }

    @PostMapping("/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> follow(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.follow(reader, id));
    }

    @DeleteMapping("/{id}/membership")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> leave(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.signIn(token).flatMap(reader -> service.leave(reader, id));
    }
}
