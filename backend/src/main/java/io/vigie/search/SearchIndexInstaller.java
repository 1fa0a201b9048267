package io.vigie.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.io.StringReader;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Installs {@code search-config/} into Elasticsearch at start-up, idempotently: templates are
 * (re)put, and each alias gets its versioned index if it has none. While Elasticsearch is away the
 * API still starts and serves, and this keeps retrying with backoff.
 */
@Component
public class SearchIndexInstaller {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexInstaller.class);

    private final ElasticsearchAsyncClient client;
    private final SearchConfig config;
    private final SearchInstallProperties properties;
    private final AtomicBoolean installed = new AtomicBoolean();
    private Disposable running;

    SearchIndexInstaller(ElasticsearchAsyncClient client, SearchConfig config, SearchInstallProperties properties) {
        this.client = client;
        this.config = config;
        this.properties = properties;
    }

    /** True once every template and alias is in place. */
    public boolean isInstalled() {
        return installed.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void installInBackground() {
        running = install()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, properties.installRetryMinBackoff())
                        .maxBackoff(properties.installRetryMaxBackoff())
                        .doBeforeRetry(signal -> log.warn("search configuration not installed yet (attempt {}): {}",
                                signal.totalRetries() + 1, signal.failure().toString())))
                .subscribe(ignored -> { }, failure -> log.error("search configuration failed", failure));
    }

    public Mono<Void> install() {
        return Flux.fromIterable(config.componentTemplates())
                .concatMap(file -> Mono.fromFuture(() -> client.cluster().putComponentTemplate(request -> request
                        .name(file.name())
                        .withJson(new StringReader(file.json())))))
                .thenMany(Flux.fromIterable(config.indexTemplates()))
                .concatMap(template -> Mono.fromFuture(() -> client.indices().putIndexTemplate(request -> request
                                .name(template.name())
                                .withJson(new StringReader(template.json()))))
                        .then(ensureIndex(template)))
                .then(Mono.fromRunnable(() -> {
                    if (!installed.getAndSet(true)) {
                        log.info("search configuration installed: {}", config.indexTemplates().stream()
                                .map(t -> t.alias() + " -> " + t.indexName()).toList());
                    }
                }));
    }

    /** The alias keeps pointing where it points (a reindex moves it); only a missing alias gets its index. */
    private Mono<Void> ensureIndex(SearchConfig.IndexTemplate template) {
        return Mono.fromFuture(() -> client.indices().existsAlias(request -> request.name(template.alias())))
                .flatMap(exists -> exists.value()
                        ? Mono.empty()
                        : Mono.fromFuture(() -> client.indices().create(request -> request
                                        .index(template.indexName())
                                        .aliases(template.alias(), alias -> alias.isWriteIndex(true))))
                                .onErrorResume(SearchIndexInstaller::alreadyExists, e -> Mono.empty())
                                .then());
    }

    private static boolean alreadyExists(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof ElasticsearchException es
                && "resource_already_exists_exception".equals(es.error().type());
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.dispose();
        }
    }
}
