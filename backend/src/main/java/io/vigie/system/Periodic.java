package io.vigie.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Work that each API instance repeats on a timer (closing due challenges, telling poll results,
 * polling sources, sweeping old data). A tick that is still running makes the next one wait
 * rather than pile up; a failed tick is logged and the loop goes on at the next.
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {}

    /** Starts the loop; dispose of the answer to stop it. {@code what} names it in the log. */
    public static Disposable every(Duration period, String what, Supplier<Mono<?>> work) {
        return Flux.interval(period)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(work).onErrorResume(e -> {
                    log.warn("{}: paused until the next tick: {}", what, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }
}
