package io.vigie.ideas;

import io.vigie.posts.PostView;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
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

import java.util.Map;
import java.util.UUID;

/**
 * The idea box and challenges. Ideas and challenges are written as posts
 * ({@code POST /api/spaces/{id}/posts} with kind "idea" or "challenge"); here are their
 * lifecycle, lists, the jury's scoring and the close.
 */
@RestController
class IdeasController {

    record Move(String status, String reason) {}

    record Scoring(Map<UUID, Integer> scores) {}

    static final int PAGE = 30;

    private final Members members;
    private final IdeaService ideas;

    IdeasController(Members members, IdeaService ideas) {
        this.members = members;
        this.ideas = ideas;
    }

    /** Ideas the reader may read, best voted first ({@code sort=new}: newest first). */
    @GetMapping("/api/ideas")
    Flux<Ideas.Summary> ideas(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String status,
                              @RequestParam(required = false) UUID space, @RequestParam(required = false) UUID challenge,
                              @RequestParam(defaultValue = "top") String sort, @RequestParam(defaultValue = "0") int page) {
        if (!sort.equals("top") && !sort.equals("new")) {
            return Flux.error(ApiProblems.invalid("sort", "must be top or new"));
        }
        if (page < 0 || page > 1000) {
            return Flux.error(ApiProblems.invalid("page", "must be between 0 and 1000"));
        }
        return members.reader(token).flatMapMany(reader -> ideas.list(reader, blankToNull(status), space, challenge,
                sort.equals("new"), PAGE, page * PAGE));
    }

    @GetMapping("/api/ideas/{id}/history")
    Flux<Ideas.Event> history(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMapMany(reader -> ideas.history(reader, id));
    }

    @PutMapping("/api/ideas/{id}/status")
    Mono<PostView> move(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestBody Move move) {
        return members.reader(token).flatMap(reader -> ideas.move(reader, id, move.status(), move.reason()));
    }

    @PutMapping("/api/ideas/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> follow(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> ideas.follow(reader, id, true));
    }

    @DeleteMapping("/api/ideas/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unfollow(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> ideas.follow(reader, id, false));
    }

    /** Open challenges by nearest deadline, or ({@code state=closed}) closed ones, newest first. */
    @GetMapping("/api/challenges")
    Flux<Challenges.Summary> challenges(@AuthenticationPrincipal Jwt token, @RequestParam(defaultValue = "open") String state) {
        if (!state.equals("open") && !state.equals("closed")) {
            return Flux.error(ApiProblems.invalid("state", "must be open or closed"));
        }
        return members.reader(token).flatMapMany(reader -> ideas.challenges(reader, state.equals("closed")));
    }

    @GetMapping("/api/challenges/{id}")
    Mono<ChallengeDetail> challenge(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> ideas.detail(reader, id));
    }

    @GetMapping("/api/challenges/{id}/scores")
    Mono<JuryScores> scores(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> ideas.scores(reader, id));
    }

    @PutMapping("/api/challenges/{id}/scores/{ideaId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> score(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @PathVariable UUID ideaId,
                     @RequestBody Scoring scoring) {
        return members.reader(token).flatMap(reader -> ideas.score(reader, id, ideaId, scoring.scores()));
    }

    @PostMapping("/api/challenges/{id}/close")
    Mono<ChallengeDetail> close(@AuthenticationPrincipal Jwt token, @PathVariable UUID id) {
        return members.reader(token).flatMap(reader -> ideas.closeNow(reader, id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
