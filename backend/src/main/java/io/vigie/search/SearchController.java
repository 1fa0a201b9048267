package io.vigie.search;

import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/search}: one box over everything the caller may read. Filters repeat
 * ({@code type=post&type=comment}); dates are days ({@code 2026-11-01}) or instants; {@code to}
 * is inclusive for a day.
 */
@RestController
class SearchController {

    private static final int MAX_QUERY_LENGTH = 500;
    private static final List<String> TYPES = List.of("post", "comment", "space", "person", "collection");

    private final Members members;
    private final SearchService search;

    SearchController(Members members, SearchService search) {
        this.members = members;
        this.search = search;
    }

    @GetMapping("/api/search")
    Mono<SearchResults> search(@AuthenticationPrincipal Jwt token,
                               @RequestParam(required = false) String q,
                               @RequestParam(name = "type", required = false) List<String> types,
                               @RequestParam(name = "space", required = false) List<String> spaces,
                               @RequestParam(name = "author", required = false) List<String> authors,
                               @RequestParam(name = "department", required = false) List<String> departments,
                               @RequestParam(name = "tag", required = false) List<String> tags,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(required = false) String sort,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Integer size) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw ApiProblems.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> typeList = orEmpty(types);
        typeList.stream().filter(type -> !TYPES.contains(type)).findFirst().ifPresent(type -> {
            throw ApiProblems.invalid("type", "must be one of " + String.join(", ", TYPES));
        });
        SearchFilters filters = new SearchFilters(typeList, orEmpty(spaces), orEmpty(authors), orEmpty(departments),
                orEmpty(tags).stream().map(io.vigie.content.Hashtags::normalise).toList(),
                instant("from", from, false), instant("to", to, true));
        SearchService.Sort order = SearchService.Sort.parse(sort);
        return members.reader(token).flatMap(reader -> search.search(reader, q, filters, order, cursor, size));
    }

    /** Suggestions while typing: people, spaces, tags. */
    @GetMapping("/api/search/suggest")
    Mono<SearchService.Suggestions> suggest(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String q) {
        if (q != null && q.length() > 100) {
            throw ApiProblems.invalid("q", "must be at most 100 characters");
        }
        return members.reader(token).flatMap(reader -> search.suggest(reader, q));
    }

    /** Posts and comments like this item; 404 when the caller may not read it. */
    @GetMapping("/api/search/related/{id}")
    Mono<List<SearchResults.Item>> related(@AuthenticationPrincipal Jwt token, @PathVariable UUID id,
                                          @RequestParam(required = false, defaultValue = "5") int size) {
        return members.reader(token).flatMap(reader -> search.related(reader, id, size));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** A day (the start of it, or for {@code to} the start of the next) or an instant. */
    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid(field, "must be a day like 2026-11-01 or an instant like 2026-11-01T09:00:00Z");
        }
    }
}
