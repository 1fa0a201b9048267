package io.vigie.ideas;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes challenges when their deadline passes. Every instance looks; the close itself happens
 * once (the first update wins), so two instances never announce twice.
 */
@Component
class ChallengeCloser {

    private static final Logger log = LoggerFactory.getLogger(ChallengeCloser.class);

    private final IdeaService ideas;
    private final ChallengesProperties settings;
    private Disposable loop;

    ChallengeCloser(IdeaService ideas, ChallengesProperties settings) {
        this.ideas = ideas;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Flux.interval(settings.closeEvery())
                .onBackpressureDrop()
                .concatMap(tick -> ideas.closeDue().onErrorResume(e -> {
                    log.warn("challenges: closing paused until the next tick: {}", e.toString());
                    return Mono.just(0L);
                }))
                .subscribe();
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
