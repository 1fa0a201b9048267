package io.vigie.live;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * This instance's end of the event bus: one dedicated PostgreSQL connection that LISTENs, and a
 * multicast of the events to every open stream on this instance. The connection is re-opened
 * with backoff if PostgreSQL restarts.
 */
@Component
public class LiveHub {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final ConnectionFactory connections;
    private final JsonMapper json;
    // Slow subscribers lose events rather than slowing everyone: a live view can always reload.
    private final Sinks.Many<LiveEvent> events = Sinks.many().multicast().directBestEffort();
    private Disposable listening;

    LiveHub(ConnectionFactory connections, JsonMapper json) {
        this.connections = connections;
        this.json = json;
    }

    /** Every event of the network, from every API instance; filter before showing it to anyone. */
    public Flux<LiveEvent> events() {
        return events.asFlux();
    }

    @EventListener(ApplicationReadyEvent.class)
    void listen() {
        listening = Flux.usingWhen(Mono.from(connections.create()),
                        connection -> postgres(connection)
                                .createStatement("LISTEN " + LiveEvents.CHANNEL).execute()
                                .flatMap(result -> result.getRowsUpdated())
                                .thenMany(postgres(connection).getNotifications()),
                        Connection::close)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10))
                        .transientErrors(true)
                        .doBeforeRetry(signal -> log.warn("live events: reconnecting to PostgreSQL: {}", signal.failure().toString())))
                .repeat() // a closed connection completes the flux: open another
                .subscribe(notification -> {
                    if (notification.getParameter() != null) {
                        emit(notification.getParameter());
                    }
                });
    }

    private void emit(String payload) {
        try {
            events.tryEmitNext(json.readValue(payload, LiveEvent.class));
        } catch (RuntimeException e) {
            log.warn("live events: ignoring an unreadable notification: {}", e.toString());
        }
    }

    /** The pool hands out wrapped connections; LISTEN needs the driver's own. */
    private static PostgresqlConnection postgres(Connection connection) {
        Connection current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped
                && wrapped.unwrap() instanceof Connection inner) {
            current = inner;
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("live events need a PostgreSQL connection, got " + connection.getClass());
    }

    @PreDestroy
    void stop() {
        if (listening != null) {
            listening.dispose();
        }
    }
}
