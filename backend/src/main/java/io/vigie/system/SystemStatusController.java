package io.vigie.system;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.feeds.FeedProperties;
import io.vigie.moderation.ModerationProperties;
import io.vigie.ratelimit.RateLimitProperties;
import io.vigie.search.SearchConfig;
import io.vigie.trends.TrendsProperties;
import io.vigie.search.SearchIndexInstaller;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For admins: whether the API reaches its database and search engine, which indices it uses, and
 * the settings it runs with (read from {@code application.yml} and the environment at start).
 */
@RestController
class SystemStatusController {

    record SystemStatus(String database, String search, boolean searchConfigInstalled, List<String> aliases) {}

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseClient db;
    private final ElasticsearchAsyncClient elasticsearch;
    private final SearchIndexInstaller installer;
    private final SearchConfig searchConfig;

    private final Map<String, Object> settings;

    SystemStatusController(DatabaseClient db, ElasticsearchAsyncClient elasticsearch, SearchIndexInstaller installer,
                           SearchConfig searchConfig, ModerationProperties moderation, RateLimitProperties rateLimits,
                           FeedProperties feed, TrendsProperties trends) {
        // In a fixed order, as the console lists them.
        this.settings = new LinkedHashMap<>();
        settings.put("moderation", moderation);
        settings.put("rateLimits", rateLimits);
        settings.put("feed", feed);
        settings.put("trends", trends);
        this.db = db;
        this.elasticsearch = elasticsearch;
        this.installer = installer;
        this.searchConfig = searchConfig;
    }

    /** The settings in force; they change in the configuration, followed by a restart. */
    @GetMapping("/api/admin/settings")
    Map<String, Object> settings() {
        return settings;
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
