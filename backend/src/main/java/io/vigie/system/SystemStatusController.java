package io.vigie.system;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.search.SearchConfig;
import io.vigie.search.SearchIndexInstaller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** For admins: whether the API reaches its database and search engine, and which indices it uses. */
@RestController
class SystemStatusController {

    record SystemStatus(String database, String search, boolean searchConfigInstalled, List<String> aliases) {}

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchIndexInstaller installer;
    private final SearchConfig searchConfig;

    SystemStatusController(DatabaseClient db, ElasticsearchAsyncClient elasticsearch, SearchIndexInstaller installer,
                           SearchConfig searchConfig) {
        this.db = db;
        this.elasticsearch = elasticsearch;
        this.installer = installer;
        this.searchConfig = searchConfig;
    }

    @GetMapping("/api/admin/status")
    Mono<SystemStatus> status() {
        Mono<String> database = db.sql("SELECT 1").map(row -> "up").one()
                .timeout(PROBE_TIMEOUT)
                .onErrorReturn("down");
        Mono<String> search = Mono.fromFuture(() -> elasticsearch.cluster().health())
                .map(health -> health.status().jsonValue())
                .timeout(PROBE_TIMEOUT)
                .onErrorReturn("down");
        List<String> aliases = searchConfig.indexTemplates().stream()
                .map(t -> t.alias() + " -> " + t.indexName())
                .toList();
        return Mono.zip(database, search)
                .map(both -> new SystemStatus(both.getT1(), both.getT2(), installer.isInstalled(), aliases));
    }
}
