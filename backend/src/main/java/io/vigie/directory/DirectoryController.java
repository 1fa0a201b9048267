package io.vigie.directory;

import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.function.Function;

/**
 * The admin console's people and departments (admins only: {@code /api/admin/**} asks for the
 * admin role). Ids are Keycloak's.
 */
@RestController
class DirectoryController {

    /** Keycloak's default username policy, lower-cased: letters, digits, dot, dash, underscore. */
    record NewPerson(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{2,50}", message = "must be 2 to 50 letters, digits, dots, dashes or underscores") String username,
                     @NotBlank @Size(max = 100) String firstName,
                     @NotBlank @Size(max = 100) String lastName,
                     @NotBlank @Email @Size(max = 200) String email,
                     @Size(max = 60) String department,
                     @Size(min = 8, max = 100) String temporaryPassword) {}

    record DepartmentName(@NotBlank @Size(max = 60) @Pattern(regexp = "[^/]+", message = "must not contain a slash") String name) {}

    record Move(@NotBlank @Size(max = 60) String department, @Size(max = 1000) String reason) {}

    record Reason(@Size(max = 1000) String reason) {}

    private static final Reason NO_REASON = new Reason(null);

    private final Members members;
    private final DirectoryService directory;

    DirectoryController(Members members, DirectoryService directory) {
        this.members = members;
        this.directory = directory;
    }

    @GetMapping("/api/admin/people")
    Mono<DirectoryService.PeoplePage> people(@RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            return Mono.error(ApiProblems.invalid("page", "must be between 0 and 10000"));
        }
        if (size < 1 || size > 100) {
            return Mono.error(ApiProblems.invalid("size", "must be between 1 and 100"));
        }
        if (q != null && q.length() > 100) {
            return Mono.error(ApiProblems.invalid("q", "must be at most 100 characters"));
        }
        return directory.people(q, page, size);
    }

    @GetMapping("/api/admin/people/{id}")
    Mono<DirectoryService.PersonEntry> person(@PathVariable UUID id) {
        return directory.person(id.toString());
    }

    /** Creates the account with a temporary password, shown once in the answer; Keycloak asks for a new one at the first sign-in. */
    @PostMapping("/api/admin/people")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DirectoryService.Created> create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody NewPerson person) {
        return as(token, actor -> directory.create(actor, person));
    }

    @PutMapping("/api/admin/people/{id}/roles/{role}")
    Mono<DirectoryService.PersonEntry> grant(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable String role) {
        return as(token, actor -> directory.grant(actor, id.toString(), role));
    }

    @DeleteMapping("/api/admin/people/{id}/roles/{role}")
    Mono<DirectoryService.PersonEntry> revoke(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable String role) {
        return as(token, actor -> directory.revoke(actor, id.toString(), role));
    }

    @PutMapping("/api/admin/people/{id}/department")
    Mono<DirectoryService.PersonEntry> move(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @Valid @RequestBody Move move) {
        return as(token, actor -> directory.move(actor, id.toString(), move.department(), move.reason()));
    }

    @PostMapping("/api/admin/people/{id}/disable")
    Mono<DirectoryService.PersonEntry> disable(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                               @Valid @RequestBody(required = false) Reason reason) {
        return as(token, actor -> directory.disable(actor, id.toString(), orNone(reason).reason()));
    }

    @PostMapping("/api/admin/people/{id}/enable")
    Mono<DirectoryService.PersonEntry> enable(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                              @Valid @RequestBody(required = false) Reason reason) {
        return as(token, actor -> directory.enable(actor, id.toString(), orNone(reason).reason()));
    }

    @GetMapping("/api/admin/departments")
    Flux<DirectoryService.DepartmentEntry> departments() {
        return directory.departments();
    }

    /** A new department; its space is created with it. (A removal's reason, if any, comes as {@code ?reason=}.) */
    @PostMapping("/api/admin/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DirectoryService.DepartmentEntry> createDepartment(@AuthenticationPrincipal Jwt token, @Valid @RequestBody DepartmentName department) {
        return as(token, actor -> directory.createDepartment(actor, department.name()));
    }

    @PutMapping("/api/admin/departments/{id}")
    Mono<DirectoryService.DepartmentEntry> renameDepartment(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                                            @Valid @RequestBody DepartmentName department) {
        return as(token, actor -> directory.renameDepartment(actor, id.toString(), department.name()));
    }

    @DeleteMapping("/api/admin/departments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removeDepartment(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                @RequestParam(required = false) String reason) {
        if (reason != null && reason.length() > 1000) {
            return Mono.error(ApiProblems.invalid("reason", "must be at most 1000 characters"));
        }
        return as(token, actor -> directory.removeDepartment(actor, id.toString(), reason));
    }

    private <T> Mono<T> as(Jwt token, Function<UUID, Mono<T>> action) {
        return members.signIn(token).map(Reader::personId).flatMap(action);
    }

    private static Reason orNone(Reason reason) {
        return reason == null ? NO_REASON : reason;
    }
}
