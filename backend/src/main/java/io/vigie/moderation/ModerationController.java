package io.vigie.moderation;

import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import io.vigie.web.Csv;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

@RestController
class ModerationController {

    record Report(@NotNull String type, @NotNull UUID id, @NotBlank @Size(max = 500) String reason) {}

    record Decision(@Size(max = 1000) String reason, Integer days) {}

    record Word(@NotBlank @Size(max = 100) String word) {}

    private final Members members;
    private final ModerationService moderation;
    private final AuditLog audit;
    private final BannedWords bannedWords;

    ModerationController(Members members, ModerationService moderation, AuditLog audit, BannedWords bannedWords) {
        this.members = members;
        this.moderation = moderation;
        this.audit = audit;
        this.bannedWords = bannedWords;
    }

    /** Admins: the banned words (a write using one is held for review). */
    @GetMapping("/api/admin/banned-words")
    Flux<String> bannedWords() {
        return bannedWords.list();
    }

    @PostMapping("/api/admin/banned-words")
    Mono<Map<String, String>> ban(@AuthenticationPrincipal Jwt token, @Valid @RequestBody Word word) {
        if (BannedWords.fold(word.word()).isEmpty()) {
            return Mono.error(ApiProblems.invalid("word", "must contain letters or digits"));
        }
        return members.signIn(token).flatMap(reader -> bannedWords.add(word.word(), reader.personId())).map(folded -> Map.of("word", folded));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/admin/banned-words/{word}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unban(@AuthenticationPrincipal Jwt token, @PathVariable String word) {
        return members.reader(token).flatMap(reader -> bannedWords.remove(word, reader.personId()))
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(ApiProblems.notFound("This word")));
    }

    /** Anyone: report a post (a share included) or a comment they can read. */
    @PostMapping("/api/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> report(@AuthenticationPrincipal Jwt token, @Valid @RequestBody Report report) {
        return members.signIn(token).flatMap(reader -> moderation.report(reader, report.type(), report.id(), report.reason().strip()));
    }

    /** Moderators: reported items, most reported first, with reasons and reporters. */
    @GetMapping("/api/moderation/queue")
    Flux<ModerationService.QueueItem> queue(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "50") int size) {
        return members.reader(token).flatMapMany(reader -> moderation.queue(reader, size));
    }

    /** Moderators: hide, restore, delete, lock, unlock, warn or suspend (the author, for {@code days}). */
    @PostMapping("/api/moderation/{type}/{id}/{action}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> act(@AuthenticationPrincipal Jwt token, @PathVariable String type, @PathVariable UUID id, @PathVariable String action,
                   @Valid @RequestBody(required = false) Decision decision) {
        if (!ModerationService.TYPES.contains(type)) {
            return Mono.error(ApiProblems.invalid("type", "must be post or comment"));
        }
        Decision given = decision == null ? new Decision(null, null) : decision;
        return members.reader(token).flatMap(reader -> moderation.act(reader, type, id, action, given.reason(), given.days()));
    }

    /** Admins (the /api/admin/** rule): search the audit log. */
    @GetMapping("/api/admin/audit")
    Flux<AuditLog.Entry> audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                               @RequestParam(required = false) String q, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int size) {
        return audit.search(blankToNull(actor), blankToNull(action), blankToNull(q), instant("from", from), instant("to", to),
                Math.clamp(size, 1, 5000));
    }

    /** Admins: the same entries as CSV (RFC 4180 quoting), for a spreadsheet. */
    @GetMapping("/api/admin/audit.csv")
    Mono<ResponseEntity<String>> auditCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                          @RequestParam(required = false) String q, @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        return audit.search(blankToNull(actor), blankToNull(action), blankToNull(q), instant("from", from), instant("to", to), 100_000)
                .map(entry -> Csv.row(entry.at().toString(), entry.actorName(), entry.action(), entry.targetType(),
                        entry.targetId(), entry.reason()))
                .reduce(new StringBuilder("at,actor,action,target_type,target_id,reason\r\n"), StringBuilder::append)
                .map(csv -> Csv.attachment(csv.toString(), "vigie-audit.csv"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid(field, "must be an instant such as 2026-12-01T00:00:00Z");
        }
    }
}
