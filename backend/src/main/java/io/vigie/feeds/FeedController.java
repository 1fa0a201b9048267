package io.vigie.feeds;

import io.vigie.content.Hashtags;
import io.vigie.spaces.Members;
import io.vigie.spaces.SpaceService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/** The feeds: ?order=relevant|latest, ?cursor= from the previous page's "next", ?size=. */
@RestController
class FeedController {

    private final Members members;
    private final SpaceService spaces;
    private final FeedService feeds;

    FeedController(Members members, SpaceService spaces, FeedService feeds) {
        this.members = members;
        this.spaces = spaces;
        this.feeds = feeds;
    }

    /** Posts from the spaces the reader belongs to or follows, and from the people they follow. */
    @GetMapping("/api/feed")
    Mono<FeedPage> home(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String order,
                        @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        FeedOrder feedOrder = FeedOrder.parse(order);
        return members.reader(token).flatMap(reader -> feeds.page(reader,
                new FeedService.Scope.Home(List.copyOf(reader.homeSpaces()), List.copyOf(reader.followedPeople())), feedOrder, cursor, size));
    }

    /** A space's posts, pinned first in the latest order; 404 for a space the reader may not see. */
    @GetMapping("/api/spaces/{id}/posts")
    Mono<FeedPage> space(@AuthenticationPrincipal Jwt token, @PathVariable UUID id, @RequestParam(required = false) String order,
                         @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        FeedOrder feedOrder = order == null ? FeedOrder.LATEST : FeedOrder.parse(order);
        return members.reader(token).flatMap(reader -> spaces.visibleSpace(reader, id)
                .then(feeds.page(reader, new FeedService.Scope.InSpace(id), feedOrder, cursor, size)));
    }

    /** What one person posted, limited to what the reader may see. */
    @GetMapping("/api/people/{username}/posts")
    Mono<FeedPage> person(@AuthenticationPrincipal Jwt token, @PathVariable String username,
                          @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return members.reader(token).flatMap(reader -> feeds.page(reader,
                new FeedService.Scope.ByAuthor(username), FeedOrder.LATEST, cursor, size));
    }

    /**
     * Questions, newest first: of one space ({@code space}, 404 if the reader may not see it) or of
     * every space the reader may see; {@code unanswered=true} keeps those with no accepted answer.
     */
    @GetMapping("/api/questions")
    Mono<FeedPage> questions(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) UUID space,
                             @RequestParam(defaultValue = "false") boolean unanswered,
                             @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        return members.reader(token).flatMap(reader -> (space == null ? Mono.empty() : spaces.visibleSpace(reader, space))
                .then(feeds.page(reader, new FeedService.Scope.Questions(space, unanswered), FeedOrder.LATEST, cursor, size)));
    }

    /** Questions like the one being typed ({@code q}: its title so far), to read before asking again. */
    @GetMapping("/api/questions/similar")
    Mono<List<FeedService.SimilarQuestion>> similarQuestions(@AuthenticationPrincipal Jwt token, @RequestParam String q,
                                                             @RequestParam(defaultValue = "5") int size) {
        return members.reader(token).flatMap(reader -> feeds.similarQuestions(reader, q, size));
    }

    /** Posts with a hashtag, limited to what the reader may see. */
    @GetMapping("/api/tags/{tag}/posts")
    Mono<FeedPage> tag(@AuthenticationPrincipal Jwt token, @PathVariable String tag, @RequestParam(required = false) String order,
                       @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        FeedOrder feedOrder = order == null ? FeedOrder.LATEST : FeedOrder.parse(order);
        return members.reader(token).flatMap(reader -> feeds.page(reader,
                new FeedService.Scope.Tagged(Hashtags.normalise(tag)), feedOrder, cursor, size));
    }
}
