package io.vigie.live;

import io.vigie.spaces.Members;
import io.vigie.spaces.Reader;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.time.Duration;

/**
 * {@code GET /api/stream}: the signed-in person's live events as Server-Sent Events. New posts in
 * the spaces of their home feed, and changed counts of any post they may read. Their memberships
 * are re-read every few seconds, so leaving a private space stops its events quickly.
 */
@RestController
class LiveStreamController {

    private static final Duration MEMBERSHIP_REFRESH = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Members members;
    private final LiveHub hub;

    LiveStreamController(Members members, LiveHub hub) {
        this.members = members;
        this.hub = hub;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<LiveEvent>> stream(@AuthenticationPrincipal Jwt token) {
        return members.reader(token).flatMapMany(initial -> {
            Flux<Reader> readers = Flux.interval(MEMBERSHIP_REFRESH, MEMBERSHIP_REFRESH)
                    .concatMap(tick -> members.reader(token))
                    .startWith(initial);
            Flux<ServerSentEvent<LiveEvent>> events = hub.events()
                    .withLatestFrom(readers, Tuples::of)
                    .filter(pair -> mayReceive(pair.getT2(), pair.getT1()))
                    .map(Tuple2::getT1)
                    .map(event -> ServerSentEvent.builder(event).event(event.type()).build());
            Flux<ServerSentEvent<LiveEvent>> heartbeat = Flux.interval(HEARTBEAT, HEARTBEAT)
                    .map(tick -> ServerSentEvent.<LiveEvent>builder().comment("keep-alive").build());
            // "connected" tells the client that from now on it misses nothing.
            return Flux.merge(Flux.just(ServerSentEvent.<LiveEvent>builder().comment("connected").build()), events, heartbeat);
        });
    }

    /**
     * The visibility rule for events: private spaces for members only; new posts only where the
     * home feed would show them (the reader's spaces, the people they follow).
     */
    static boolean mayReceive(Reader reader, LiveEvent event) {
        if (LiveEvent.NOTIFICATION.equals(event.type())) {
            return reader.personId().equals(event.personId());
        }
        boolean readable = !"private".equals(event.spaceKind()) || reader.memberOf().contains(event.spaceId());
        if (!readable) {
            return false;
        }
        return !LiveEvent.CREATED.equals(event.type())
                || reader.homeSpaces().contains(event.spaceId())
                || reader.followedPeople().contains(event.authorId());
    }
}
