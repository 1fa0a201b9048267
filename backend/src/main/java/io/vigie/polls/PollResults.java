package io.vigie.polls;

import io.vigie.notifications.Notifier;
import io.vigie.system.Periodic;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Tells a poll's voters that its results are in once it closes, by hand or at its deadline (a
 * deadline passing is no event, so each instance looks now and then; each poll is claimed once).
 */
@Component
class PollResults {

    private final Polls polls;
    private final Notifier notifier;
    private final TransactionalOperator transaction;
    private final PollsProperties properties;
    private Disposable loop;

    PollResults(Polls polls, Notifier notifier, TransactionalOperator transaction, PollsProperties properties) {
        this.polls = polls;
        this.notifier = notifier;
        this.transaction = transaction;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Periodic.every(properties.resultsEvery(), "polls: telling results", this::tell);
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }

    /** Claims the newly closed polls and notifies, in one transaction: told once, or not at all. */
    Mono<Long> tell() {
        return transaction.transactional(polls.claimClosed()
                .concatMap(closed -> notifier.pollClosed(closed.postId(), closed.byHand()).thenReturn(closed))
                .count());
    }
}
