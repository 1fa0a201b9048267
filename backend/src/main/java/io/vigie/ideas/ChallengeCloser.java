package io.vigie.ideas;

import io.vigie.system.Periodic;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Closes challenges when their deadline passes. Every instance looks; the close itself happens
 * once (the first update wins), so two instances never announce twice.
 */
@Component
class ChallengeCloser {

    private final IdeaService ideas;
    private final ChallengesProperties settings;
    private Disposable loop;

    ChallengeCloser(IdeaService ideas, ChallengesProperties settings) {
        this.ideas = ideas;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Periodic.every(settings.closeEvery(), "challenges: closing", ideas::closeDue);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
