package io.vigie.bench;

import io.vigie.stack.StackSettings;
import io.vigie.stack.VigieStack;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./vigie bench}: starts the whole stack on the bench profile (its own ports and data, the
 * API and the UI as their own processes, as {@code ./vigie run} starts them), generates the company
 * once, measures, and writes {@code bench/results/benchmark.md}, {@code benchmark.json} and SVG charts.
 *
 * <p>Options: {@code --fresh} wipes the bench data first (the generator runs again);
 * {@code --load-minutes N} sets the sustained mixed load's duration (0 skips it); {@code --serve}
 * only starts the bench stack on its data and keeps it up (to profile by hand); {@code --only write},
 * {@code --only search}, {@code --only feed} or {@code --only load} measures that alone and writes no result file.
 */
public final class Benchmark {

    static final List<String> DEMO = List.of("alice.martin", "bruno.petit", "chloe.bernard", "david.leroy", "emma.dubois", "farid.haddad");
    private static final int[] CONCURRENCY = {1, 16, 64};
    private static final int REQUESTS = 400;
    private static final int WRITES_TO_WATCH = 1_000;
    /** Straight to Elasticsearch, for its statistics and the write → searchable probe. */
    private static final HttpClient SEARCH_NODE = HttpClient.newHttpClient();

    private final VigieStack stack;
    private final Api api;
    private final Connection db;
    private final PostgresBaseline baseline;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final Path results;
    private final Words words = new Words();

    private Map<String, UUID> people;
    private Map<String, PostgresBaseline.Reader> baselineReaders = new LinkedHashMap<>();
    private List<UUID> spacesBySize;
    private List<String> tags;
    private List<String> departments;

    private Benchmark(VigieStack stack, Connection db, PostgresBaseline baseline, Path results) {
        this.stack = stack;
        this.db = db;
        this.baseline = baseline;
        this.results = results;
        StackSettings settings = stack.settings();
        this.api = new Api(settings.apiUrl(), settings.keycloakUrl());
    }

    private static String at(List<String> options, String name) {
        int index = options.indexOf(name);
        return index >= 0 && index + 1 < options.size() ? options.get(index + 1) : null;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int loadMinutes = 10;
        int at = options.indexOf("--load-minutes");
        if (at >= 0 && at + 1 < options.size()) {
            loadMinutes = Integer.parseInt(options.get(at + 1));
        }
        StackSettings settings = StackSettings.forProfile("bench", true);
        if (options.contains("--fresh")) {
            deleteTree(settings.dataDir());
        }
        Path results = settings.home().resolve("bench").resolve("results");
        Files.createDirectories(results);
        VigieStack stack = VigieStack.start(settings, false);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop"));
        if (options.contains("--serve")) {
            // For profiling by hand: the bench stack with its data, until Ctrl-C.
            log("the bench stack is up: API " + settings.apiUrl() + ", Elasticsearch " + settings.elasticsearchUrl()
                    + ", PostgreSQL " + settings.jdbcUrl(StackSettings.DB_NAME) + "; Ctrl-C stops it");
            Thread.currentThread().join();
        }
        try (stack;
             Connection db = DriverManager.getConnection(settings.jdbcUrl(StackSettings.DB_NAME), StackSettings.DB_USER, StackSettings.DB_PASSWORD);
             PostgresBaseline baseline = new PostgresBaseline(settings.jdbcUrl(StackSettings.DB_NAME), StackSettings.DB_USER,
                     StackSettings.DB_PASSWORD)) {
            new Benchmark(stack, db, baseline, results).run(loadMinutes, at(options, "--only"));
        }
        System.exit(0);
    }

    private void run(int loadMinutes, String only) throws Exception {
        for (String username : DEMO) {
            api.ok(api.get(username, "/api/me"));      // the first call records the person and their department space
        }
        Map<String, Object> data = generateOnce();
        readCompany();
        double baselineIndexes = baseline.prepare();
        data.put("baseline_index_seconds", baselineIndexes);
        json.put("date", LocalDate.now().toString());
        json.put("machine", machine());
        json.put("data", data);

        markdown.append("# Vigie benchmark\n\n")
                .append("Measured on ").append(LocalDate.now()).append(" with `./vigie bench`, on ").append(machine())
                .append(". PostgreSQL, Elasticsearch 9.5.3, Keycloak, the API and the UI run as five processes on this one machine, ")
                .append("started as `./vigie run` starts them (API heap 384 MiB, UI 512 MiB, Elasticsearch 512 MiB, Keycloak 512 MiB); ")
                .append("the load comes from one more process on the same two cores. Every request goes over HTTP with a real Keycloak token.\n\n");
        markdown.append(dataSection(data));

        awaitQuietSearchNode();
        if (only == null || only.equals("write")) {
            writeToSearchable();
            saveIfWhole(only);
        }
        if (only == null || only.equals("search")) {
            latencySection("search", "Search, frequent words", random -> words.pick(random).word(random), "search-latency.svg");
            latencySection("search_specific", "Search, specific words", this::anyWord, "search-specific-latency.svg");
            saveIfWhole(only);
        }
        if (only == null || only.equals("feed")) {
            latencySection("home_feed", "Home feed", null, "feed-latency.svg");
            saveIfWhole(only);
        }
        if ("load".equals(only)) {
            new MixedLoad(api, db, words, tags, markdown, json).run(Duration.ofMinutes(loadMinutes));
        }
        if (only != null) {
            System.out.println(markdown);
            return;           // a partial run, to see one figure move while profiling: no result files
        }
        trends();
        save();
        // The baseline's sixteen backends hold sort and hash memory of their own: it is not Vigie's, so they go first.
        baseline.close();
        if (loadMinutes > 0) {
            new MixedLoad(api, db, words, tags, markdown, json).run(Duration.ofMinutes(loadMinutes));
            save();
        }
        memory("memory_mib", "Resident memory", "memory.svg");
        // Last: a rebuild leaves Elasticsearch merging the new index for minutes, which would weigh on what follows.
        reindex();
        memory("memory_mib_after_reindex", "Resident memory after the reindex", "memory-after-reindex.svg");
        save();
        System.out.println(markdown);
    }

    /**
     * A rebuild (the API starts one when the index template's version rose) or the merges after one
     * would weigh on every figure: wait until the node is done with both.
     */
    private void awaitQuietSearchNode() {
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            boolean rebuilding = "running".equals(api.ok(api.get("emma.dubois", "/api/admin/search/reindex")).get("state").asString());
            long merging = searchNode("/_stats/merge").path("_all").path("total").path("merges").path("current").asLong();
            if (rebuilding || merging > 0) {
                log("waiting for the search node: " + (rebuilding ? "rebuilding the index" : merging + " merges running"));
            }
            return !rebuilding && merging == 0;
        });
    }

    /** A GET straight to Elasticsearch (node statistics), as JSON. */
    private JsonNode searchNode(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = SEARCH_NODE.send(
                HttpRequest.newBuilder(URI.create(stack.settings().elasticsearchUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(response.body());
    }

    /** What the search node spent on refreshes, merges and garbage collection, summed since it started. */
    private record NodeWork(long refreshes, long refreshMillis, long mergeMillis, long youngGcs, long youngGcMillis,
                            long oldGcs, long oldGcMillis) {

        NodeWork minus(NodeWork before) {
            return new NodeWork(refreshes - before.refreshes, refreshMillis - before.refreshMillis, mergeMillis - before.mergeMillis,
                    youngGcs - before.youngGcs, youngGcMillis - before.youngGcMillis, oldGcs - before.oldGcs,
                    oldGcMillis - before.oldGcMillis);
        }
    }

    private JsonNode searchNodePost(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = SEARCH_NODE.send(
                HttpRequest.newBuilder(URI.create(stack.settings().elasticsearchUrl() + path)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(response.body());
    }

    private NodeWork nodeWork() throws IOException, InterruptedException {
        JsonNode index = searchNode("/vigie-content/_stats/refresh,merge").path("_all").path("total");
        JsonNode node = searchNode("/_nodes/stats/jvm").path("nodes").values().iterator().next().path("jvm").path("gc").path("collectors");
        return new NodeWork(index.path("refresh").path("total").asLong(), index.path("refresh").path("total_time_in_millis").asLong(),
                index.path("merges").path("total_time_in_millis").asLong(),
                node.path("young").path("collection_count").asLong(), node.path("young").path("collection_time_in_millis").asLong(),
                node.path("old").path("collection_count").asLong(), node.path("old").path("collection_time_in_millis").asLong());
    }

    /** A partial run ({@code --only}) prints its figures and leaves the committed results alone. */
    private void saveIfWhole(String only) throws IOException {
        if (only == null) {
            save();
        }
    }

    /** Written after each section, so a failure late in a long run keeps what was measured. */
    private void save() throws IOException {
        Files.writeString(results.resolve("benchmark.md"), markdown);
        Files.writeString(results.resolve("benchmark.json"), Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    // ------------------------------------------------------------------ data

    private Map<String, Object> generateOnce() throws Exception {
        Path record = stack.settings().dataDir().resolve("bench-generation.json");
        if (count("SELECT count(*) FROM post") >= CompanyGenerator.POSTS && Files.isRegularFile(record)) {
            log("the bench data is already loaded (./vigie bench --fresh generates it again)");
            awaitOutboxEmpty(Duration.ofMinutes(30));
            @SuppressWarnings("unchecked")
            Map<String, Object> data = Api.JSON.readValue(Files.readString(record), LinkedHashMap.class);
            return data;
        }
        log("generating the company (fixed seed) ...");
        long start = System.nanoTime();
        new CompanyGenerator(Benchmark::log).write(db);
        db.setAutoCommit(true);
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long queued = count("SELECT count(*) FROM outbox");
        log("written in %.0f s; indexing %,d outbox rows ...".formatted(writeSeconds, queued));
        start = System.nanoTime();
        awaitOutboxEmpty(Duration.ofMinutes(60));
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("people", count("SELECT count(*) FROM person"));
        data.put("spaces", count("SELECT count(*) FROM space"));
        data.put("posts", count("SELECT count(*) FROM post WHERE article_id IS NULL"));
        data.put("shares", count("SELECT count(*) FROM post WHERE article_id IS NOT NULL"));
        data.put("articles", count("SELECT count(*) FROM article"));
        data.put("comments", count("SELECT count(*) FROM comment"));
        data.put("votes", count("SELECT count(*) FROM vote"));
        data.put("engagement_events", count("SELECT count(*) FROM engagement"));
        long rows = ((Number) data.get("people")).longValue() + ((Number) data.get("spaces")).longValue()
                + ((Number) data.get("posts")).longValue() + ((Number) data.get("shares")).longValue()
                + ((Number) data.get("articles")).longValue() + ((Number) data.get("comments")).longValue()
                + ((Number) data.get("votes")).longValue() + ((Number) data.get("engagement_events")).longValue()
                + count("SELECT count(*) FROM space_membership");
        data.put("rows_written", rows);
        data.put("write_seconds", writeSeconds);
        data.put("rows_per_second", rows / writeSeconds);
        data.put("documents_indexed", queued);
        data.put("index_seconds", indexSeconds);
        data.put("documents_per_second", queued / indexSeconds);
        Files.writeString(record, Api.JSON.writeValueAsString(data));
        return data;
    }

    private void readCompany() throws SQLException {
        people = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT username, id FROM person WHERE username NOT LIKE 'bench-%'")) {
            while (rows.next()) {
                people.put(rows.getString(1), rows.getObject(2, UUID.class));
            }
        }
        spacesBySize = strings("""
                SELECT s.id FROM space s JOIN space_membership m ON m.space_id = s.id WHERE s.kind = 'open'
                GROUP BY s.id ORDER BY count(*) DESC""").stream().map(UUID::fromString).toList();
        tags = strings("SELECT tag FROM post, unnest(hashtags) tag GROUP BY tag ORDER BY count(*) DESC LIMIT 60");
        departments = strings("SELECT DISTINCT department FROM person WHERE department IS NOT NULL ORDER BY 1");
        for (String username : DEMO) {
            try {
                baselineReaders.put(username, baseline.reader(people.get(username)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private String dataSection(Map<String, Object> data) {
        return """
                ## The data

                Generated with a fixed seed (`CompanyGenerator`): %s people in 6 departments, %s spaces (department, open and private),
                %s posts, %s comments, %s articles shared %s times, %s votes (the triggers turned %s of them, with the shares
                and comments on shares, into engagement events). French and English text drawn by a Zipf law from a 670-word
                vocabulary with function words; spaces, posts and articles draw activity by power laws; ten articles burst in the
                last six hours. Loaded with COPY in one transaction, through the database's own triggers, Markdown rendered by the
                API's renderer, an outbox row for every searchable row.

                | step | figure |
                |---|---:|
                | rows written (all tables, memberships and engagement included) | %s |
                | writing time | %.0f s (%,.0f rows/s) |
                | documents indexed by the API's indexer from the outbox | %s |
                | indexing time | %.0f s (%,.0f documents/s) |
                | the baseline's indexes (GIN on posts and comments, engagement by time) | %.0f s |

                """.formatted(number(data, "people"), number(data, "spaces"), number(data, "posts"), number(data, "comments"),
                number(data, "articles"), number(data, "shares"), number(data, "votes"), number(data, "engagement_events"),
                number(data, "rows_written"), decimal(data, "write_seconds"), decimal(data, "rows_per_second"),
                number(data, "documents_indexed"), decimal(data, "index_seconds"), decimal(data, "documents_per_second"),
                decimal(data, "baseline_index_seconds"));
    }

    // ------------------------------------------------------------------ write → searchable

    /**
     * Alice posts ten times a second in a space Bruno reads; one watcher asks, every 25 ms, Bruno's
     * search (newest first, for this run's marker word) and Bruno's home feed (latest), and notes when
     * each post first shows in each. Timed from the moment the POST is sent.
     */
    private void writeToSearchable() throws Exception {
        log("write → searchable over %d posts ...".formatted(WRITES_TO_WATCH));
        UUID space = UUID.fromString(strings("""
                SELECT a.space_id FROM space_membership a JOIN space_membership b ON a.space_id = b.space_id
                JOIN space s ON s.id = a.space_id
                WHERE a.person_id = '%s' AND b.person_id = '%s' AND s.kind = 'open' LIMIT 1"""
                .formatted(people.get("alice.martin"), people.get("bruno.petit"))).getFirst());
        String marker = "wts" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> inSearch = new ConcurrentHashMap<>();
        Map<String, Long> inFeed = new ConcurrentHashMap<>();
        Map<String, Long> inIndex = new ConcurrentHashMap<>();
        Random random = new Random(7);
        List<Long> watcherSearchMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> watcherFeedMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        NodeWork workBefore = nodeWork();
        long runStarted = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Straight to Elasticsearch: a realtime get sees a document once the indexer has sent it, before any
            // refresh, which splits the delay into the indexer's part and the refresh's.
            var indexWatcher = threads.submit(() -> {
                while (inIndex.size() < WRITES_TO_WATCH) {
                    long tick = System.nanoTime();
                    List<String> pending = sentAt.keySet().stream().filter(id -> !inIndex.containsKey(id)).toList();
                    if (!pending.isEmpty()) {
                        JsonNode docs = searchNodePost("/vigie-content/_mget?realtime=true&_source=false",
                                Api.JSON.writeValueAsString(Map.of("ids", pending))).path("docs");
                        long now = System.nanoTime();
                        for (JsonNode doc : docs) {
                            if (doc.path("found").asBoolean()) {
                                inIndex.putIfAbsent(doc.path("_id").asString(), now);
                            }
                        }
                    }
                    long rest = 25 - (System.nanoTime() - tick) / 1_000_000;
                    if (rest > 0) {
                        Thread.sleep(rest);
                    }
                }
                return null;
            });
            var watcher = threads.submit(() -> {
                while (inSearch.size() < WRITES_TO_WATCH || inFeed.size() < WRITES_TO_WATCH) {
                    long tick = System.nanoTime();
                    noteSeen(api.ok(api.get("bruno.petit", "/api/search?sort=newest&size=50&q=" + marker)), inSearch);
                    long searched = System.nanoTime();
                    noteSeen(api.ok(api.get("bruno.petit", "/api/feed?order=latest&size=50")), inFeed);
                    watcherSearchMicros.add((searched - tick) / 1_000);
                    watcherFeedMicros.add((System.nanoTime() - searched) / 1_000);
                    long rest = 25 - (System.nanoTime() - tick) / 1_000_000;
                    if (rest > 0) {
                        Thread.sleep(rest);
                    }
                }
                return null;
            });
            long start = System.nanoTime();
            for (int n = 0; n < WRITES_TO_WATCH; n++) {
                long due = start + n * 100_000_000L;
                long wait = (due - System.nanoTime()) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long sent = System.nanoTime();
                String body = "Mesure " + marker + " " + words.pick(random).sentence(random, 8);
                String id = api.ok(api.post("alice.martin", "/api/spaces/" + space + "/posts", Map.of("body", body))).get("id").asString();
                sentAt.put(id, sent);
            }
            watcher.get(5, java.util.concurrent.TimeUnit.MINUTES);
            indexWatcher.get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - runStarted) / 1e9;
        NodeWork work = nodeWork().minus(workBefore);
        Latencies watcherSearch = Latencies.of(watcherSearchMicros, 1, 0, null);
        Latencies watcherFeed = Latencies.of(watcherFeedMicros, 1, 0, null);
        Latencies search = delays(sentAt, inSearch);
        Latencies feed = delays(sentAt, inFeed);
        Latencies indexed = delays(sentAt, inIndex);
        List<Long> both = new ArrayList<>();
        sentAt.forEach((id, sent) -> both.add((Math.max(inSearch.get(id), inFeed.get(id)) - sent) / 1_000));
        Latencies either = Latencies.of(both, 1, 0, null);
        markdown.append("""
                ## Write → searchable

                Alice posts ten times a second into an open space Bruno belongs to; a watcher asks Bruno's search (newest first,
                for this run's marker word) and Bruno's home feed (latest) every 25 ms and notes when each post first appears
                there. Timed from the moment the POST is sent, over %,d posts. The path: the POST commits the post with its
                outbox row; the API's indexer sends it in a bulk request; Elasticsearch makes it searchable at its next refresh
                (every 500 ms). Target: p99 under 1.5 s.

                | visible in | p50 | p95 | p99 | max |
                |---|---:|---:|---:|---:|
                %s%s%s%s
                The first row is the indexer's part alone: a realtime get straight to Elasticsearch sees a document as soon as
                the bulk request holding it is done, before any refresh. The watcher's own requests (each look costs one search and one feed, so a slow answer delays the next look):

                | watcher request | p50 | p95 | p99 | max |
                |---|---:|---:|---:|---:|
                %s%s
                Meanwhile (%.0f s) Elasticsearch refreshed the index %,d times, %.0f ms each on average (%.0f %% of the time);
                merged for %,d ms; collected garbage %,d times young (%,d ms) and %,d times old (%,d ms).

                With PostgreSQL alone a post is in its own database's search at once (no refresh), which is the price of
                that design: the search and feed speeds below.

                """.formatted(WRITES_TO_WATCH, row4("the index (sent by the indexer)", indexed), row4("Bruno's search", search),
                row4("Bruno's home feed", feed), row4("both", either),
                row4("search", watcherSearch), row4("home feed", watcherFeed), seconds, work.refreshes(),
                work.refreshMillis() / (double) Math.max(1, work.refreshes()), 100.0 * work.refreshMillis() / 1000 / seconds,
                work.mergeMillis(), work.youngGcs(), work.youngGcMillis(), work.oldGcs(), work.oldGcMillis()));
        json.put("write_to_searchable", Map.of("posts", WRITES_TO_WATCH, "indexed", figures(indexed), "search", figures(search), "feed", figures(feed), "both", figures(either),
                "watcher_search", figures(watcherSearch), "watcher_feed", figures(watcherFeed),
                "node", Map.of("seconds", seconds, "refreshes", work.refreshes(), "refresh_ms", work.refreshMillis(),
                        "merge_ms", work.mergeMillis(), "young_gcs", work.youngGcs(), "young_gc_ms", work.youngGcMillis(),
                        "old_gcs", work.oldGcs(), "old_gc_ms", work.oldGcMillis())));
        log("write → searchable: " + either);
    }

    private static void noteSeen(JsonNode page, Map<String, Long> seen) {
        long now = System.nanoTime();
        for (JsonNode item : page.get("items")) {
            String id = item.has("id") ? item.get("id").asString() : null;
            if (id != null) {
                seen.putIfAbsent(id, now);
            }
        }
    }

    private static Latencies delays(Map<String, Long> sentAt, Map<String, Long> seen) {
        List<Long> micros = new ArrayList<>();
        sentAt.forEach((id, sent) -> micros.add((seen.get(id) - sent) / 1_000));
        return Latencies.of(micros, 1, 0, null);
    }

    // ------------------------------------------------------------------ search and feeds, ours against the baseline

    /** One request of the mix: ours over HTTP, and the same question put to the baseline. */
    record Case(String username, String path, Callable<Integer> baseline) {}

    /** Any word of the vocabulary, each as likely: what people look for is rarely the commonest word. */
    private String anyWord(Random random) {
        Words.Language language = words.pick(random);
        return language.ranked.get(random.nextInt(language.ranked.size()));
    }

    private List<Case> searchCases(java.util.function.Function<Random, String> wordSource) {
        Random random = new Random(42);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String username = DEMO.get(i % DEMO.size());
            String word = wordSource.apply(random);
            int kind = random.nextInt(100);
            String q;
            String baselineQ;
            String type = null;
            String tag = null;
            UUID space = null;
            String department = null;
            if (kind < 40) {
                q = word;
                baselineQ = word;
            } else if (kind < 65) {
                q = word + " " + wordSource.apply(random);
                baselineQ = q;
            } else if (kind < 75) {
                q = "\"" + word + " " + wordSource.apply(random) + "\"";
                baselineQ = q;
            } else if (kind < 85) {
                q = word.length() > 4 ? word.substring(0, 2) + word.charAt(3) + word.charAt(2) + word.substring(4) : word + "e";
                baselineQ = q;
            } else {
                q = word;
                baselineQ = word;
                switch (random.nextInt(4)) {
                    case 0 -> type = "post";
                    case 1 -> tag = tags.get(random.nextInt(Math.min(20, tags.size())));
                    case 2 -> space = spacesBySize.get(random.nextInt(Math.min(10, spacesBySize.size())));
                    default -> department = departments.get(random.nextInt(departments.size()));
                }
            }
            boolean newest = random.nextInt(3) == 0;
            String path = "/api/search?q=" + Api.encode(q) + (type == null ? "" : "&type=" + type) + (tag == null ? "" : "&tag=" + Api.encode(tag))
                    + (space == null ? "" : "&space=" + space) + (department == null ? "" : "&department=" + Api.encode(department))
                    + (newest ? "&sort=newest" : "");
            PostgresBaseline.Reader reader = baselineReaders.get(username);
            String t = type;
            String g = tag;
            UUID s = space;
            String d = department;
            cases.add(new Case(username, path, () -> baseline.search(reader, baselineQ, t, g, s, d, newest)));
        }
        return cases;
    }

    private List<Case> feedCases() {
        Random random = new Random(43);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String username = DEMO.get(i % DEMO.size());
            boolean latest = random.nextBoolean();
            PostgresBaseline.Reader reader = baselineReaders.get(username);
            cases.add(new Case(username, "/api/feed" + (latest ? "?order=latest" : ""), () -> baseline.homeFeed(reader, latest)));
        }
        return cases;
    }

    /** A latency table and chart: the search mix drawing its words from {@code wordSource}, or the home feed when it is null. */
    private void latencySection(String key, String title, java.util.function.Function<Random, String> wordSource, String chart) {
        log(title + " ...");
        List<Case> cases = wordSource == null ? feedCases() : searchCases(wordSource);
        List<Callable<Object>> ours = cases.stream().<Callable<Object>>map(c -> () -> api.ok(api.get(c.username(), c.path()))).toList();
        List<Callable<Object>> theirs = cases.stream().<Callable<Object>>map(c -> c.baseline()::call).toList();
        Latencies.run(4, ours.subList(0, 100));          // warm-up: JIT, caches, connections
        Latencies.run(4, theirs.subList(0, 100));
        StringBuilder table = new StringBuilder("| concurrency | requests | p50 | p95 | p99 | requests/s | errors | baseline p50 | baseline p99 | baseline requests/s | p99 ours / baseline |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Double> oursP50 = new ArrayList<>();
        List<Double> oursP99 = new ArrayList<>();
        List<Double> theirsP50 = new ArrayList<>();
        List<Double> theirsP99 = new ArrayList<>();
        for (int concurrency : CONCURRENCY) {
            Latencies us = Latencies.run(concurrency, ours);
            Latencies them = Latencies.run(concurrency, theirs);
            log("%s at %d: ours %s; baseline %s".formatted(title, concurrency, us, them));
            table.append("| %d | %d | %.1f ms | %.1f ms | %.1f ms | %.0f | %d | %.1f ms | %.1f ms | %.0f | %.2f |\n".formatted(concurrency, cases.size(),
                    us.ms(50), us.ms(95), us.ms(99), us.perSecond(), us.errors(), them.ms(50), them.ms(99), them.perSecond(), us.ms(99) / them.ms(99)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("concurrency", concurrency);
            row.put("ours", figures(us));
            row.put("baseline", figures(them));
            row.put("p99_ratio_ours_over_baseline", us.ms(99) / them.ms(99));
            rows.add(row);
            oursP50.add(us.ms(50));
            oursP99.add(us.ms(99));
            theirsP50.add(them.ms(50));
            theirsP99.add(them.ms(99));
        }
        json.put(key, rows);
        svg(chart, SvgChart.bars(title + " latency, ours and PostgreSQL alone", "ms",
                List.of("concurrency 1", "concurrency 16", "concurrency 64"), List.of(
                        new SvgChart.Series("Vigie p50", "#8fb8de", oursP50), new SvgChart.Series("Vigie p99", "#1f5f99", oursP99),
                        new SvgChart.Series("PostgreSQL p50", "#f2b880", theirsP50), new SvgChart.Series("PostgreSQL p99", "#c0602a", theirsP99))));
        markdown.append("## ").append(title).append(" latency\n\n").append(switch (key) {
            case "search" -> """
                    The mix (fixed seed), each request a first page as one of the six demo people (their own spaces and rights):
                    one word (40 %), two words (25 %), a quoted phrase (10 %), a misspelled word (10 %), a word with a type, tag,
                    space or department filter (15 %); a third sorted by newest. Words are drawn as often as they occur in the
                    text (Zipf), so most queries ask for the commonest words, which match a third of the corpus: the worst case.
                    Ours computes the total, five facets, the "exact match" count and highlights, and opens a point in time for
                    the next pages. The baseline asks PostgreSQL the same (GIN full-text on posts and comments,
                    `websearch_to_tsquery`, `ts_rank`, `ts_headline`, the total and three facets, the same visibility rule); it
                    knows no typo tolerance and no stemming. Target: p99 under 50 ms at concurrency 16.

                    """;
            case "search_specific" -> """
                    The same mix, the words drawn evenly from the vocabulary (any word as likely to be searched as any other):
                    closer to what people type, a specific word rather than the commonest one.

                    """;
            default -> """
                    A first page (20 posts) of the home feed of one of the six demo people, half by relevance, half latest. Ours
                    reads it from Elasticsearch (the spaces the person belongs to or follows, the people they follow, the hot
                    rank), then the person's own votes from PostgreSQL. The baseline orders the same posts by a SQL hot rank
                    (Reddit's formula) or by date, with the authors, spaces, articles and the reader's votes joined.
                    Target: p99 under 30 ms at concurrency 16.

                    """;
        }).append(table).append("\n![").append(title).append("](").append(chart).append(")\n\n");
    }

    // ------------------------------------------------------------------ trends

    private void trends() throws Exception {
        log("trends ...");
        UUID space = spacesBySize.getFirst();
        PostgresBaseline.Reader alice = baselineReaders.get("alice.martin");
        record Trend(String name, String path, Callable<Integer> baseline) {}
        List<Trend> trends = List.of(
                new Trend("rising now, company-wide", "/api/trends?tab=rising", () -> baseline.rising(alice, null)),
                new Trend("rising now, the largest open space", "/api/trends?tab=rising&space=" + space, () -> baseline.rising(alice, space)),
                new Trend("top of the week, company-wide", "/api/trends?tab=top&period=week", () -> baseline.topOfTheWeek(alice, null)),
                new Trend("new, company-wide", "/api/trends?tab=new", null),
                new Trend("topics (rising and significant terms), company-wide", "/api/trends/topics", null));
        // Lists are shared per scope for 10 s: each cycle waits that out, so the first request computes (a miss) and
        // the second is served from the shared list (a hit).
        int cycles = 12;
        Map<Trend, List<Long>> computed = new LinkedHashMap<>();
        Map<Trend, List<Long>> served = new LinkedHashMap<>();
        for (int cycle = 0; cycle < cycles + 1; cycle++) {
            long start = System.nanoTime();
            for (Trend trend : trends) {
                long missed = timedMicros(() -> api.ok(api.get("alice.martin", trend.path())));
                long hit = timedMicros(() -> api.ok(api.get("bruno.petit", trend.path())));
                if (cycle > 0) {            // the first cycle warms up
                    computed.computeIfAbsent(trend, t -> new ArrayList<>()).add(missed);
                    served.computeIfAbsent(trend, t -> new ArrayList<>()).add(hit);
                }
            }
            Thread.sleep(Math.max(0, 10_500 - (System.nanoTime() - start) / 1_000_000));
        }
        StringBuilder table = new StringBuilder("| list | computed p50 | computed max | shared p50 | baseline p50 | baseline max | computed p50 ours / baseline |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Trend trend : trends) {
            Latencies us = Latencies.of(computed.get(trend), 1, 0, null);
            Latencies cached = Latencies.of(served.get(trend), 1, 0, null);
            Latencies them = null;
            if (trend.baseline() != null) {
                List<Callable<Integer>> theirs = new ArrayList<>();
                for (int i = 0; i < cycles; i++) {
                    theirs.add(trend.baseline());
                }
                Latencies.run(1, theirs.subList(0, 2));
                them = Latencies.run(1, theirs);
            }
            table.append("| %s | %.1f ms | %.1f ms | %.1f ms | %s | %s | %s |\n".formatted(trend.name(), us.ms(50), us.ms(100), cached.ms(50),
                    them == null ? "–" : "%.1f ms".formatted(them.ms(50)), them == null ? "–" : "%.1f ms".formatted(them.ms(100)),
                    them == null ? "–" : "%.2f".formatted(us.ms(50) / them.ms(50))));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("list", trend.name());
            row.put("computed", figures(us));
            row.put("shared", figures(cached));
            if (them != null) {
                row.put("baseline", figures(them));
            }
            rows.add(row);
        }
        json.put("trends", rows);
        markdown.append("""
                ## Trends

                Over HTTP, %d runs of each list. Ours computes in Elasticsearch inside the scope's visibility (company-wide:
                approved or trusted articles in open and department spaces) and shares a list for 10 s among the readers of its
                scope: each run waits that out, so Alice's request computes the list and Bruno's, right after, is served the
                shared one. The baseline groups the same engagement rows in SQL (an index on their time): distinct people
                per article over the same windows. Target: under 200 ms.

                """.formatted(cycles)).append(table).append('\n');
    }

    private static long timedMicros(Callable<?> call) throws Exception {
        long start = System.nanoTime();
        call.call();
        return (System.nanoTime() - start) / 1_000;
    }

    // ------------------------------------------------------------------ reindex

    private void reindex() throws Exception {
        log("full reindex ...");
        api.ok(api.post("emma.dubois", "/api/admin/search/reindex", Map.of()));
        JsonNode status = await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.ok(api.get("emma.dubois", "/api/admin/search/reindex")),
                        current -> !"running".equals(current.get("state").asString()));
        long total = status.get("total").asLong();
        double rate = status.get("documentsPerSecond").asDouble();
        Duration took = Duration.between(Instant.parse(status.get("startedAt").asString()), Instant.parse(status.get("finishedAt").asString()));
        json.put("reindex", Map.of("state", status.get("state").asString(), "documents", total, "seconds", took.toMillis() / 1000.0,
                "documents_per_second", rate));
        markdown.append("""
                ## Full reindex

                `POST /api/admin/search/reindex` as an admin: a new index is built from PostgreSQL while the old one serves,
                then the alias swaps (no downtime). Target: above 5,000 documents per second.

                | state | documents | duration | documents/s |
                |---|---:|---:|---:|
                | %s | %,d | %.1f s | %,.0f |

                """.formatted(status.get("state").asString(), total, took.toMillis() / 1000.0, rate));
        log("reindex: %,d documents in %s (%,.0f/s)".formatted(total, took, rate));
    }

    // ------------------------------------------------------------------ memory

    private void memory(String key, String title, String chart) {
        Map<String, Long> kib = stack.residentKib();
        long total = kib.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder("| process | memory (proportional set size) |\n|---|---:|\n");
        Map<String, Object> mib = new LinkedHashMap<>();
        kib.forEach((name, value) -> {
            table.append("| %s | %,d MiB |\n".formatted(name, value / 1024));
            mib.put(name, value / 1024);
        });
        table.append("| **whole stack** | **%,d MiB** |\n".formatted(total / 1024));
        mib.put("total", total / 1024);
        json.put(key, mib);
        markdown.append("## ").append(title).append("\n\n");
        if (key.equals("memory_mib")) {
            markdown.append("""
                    Proportional set size (Pss) of each process, read from /proc: what it holds in memory, pages shared between
                    processes split between them (PostgreSQL: the postmaster and all its backends; their shared buffers count
                    once). With the data loaded, after the measurements and the sustained load. Elasticsearch's figure includes
                    the index files it maps (page cache the kernel may reclaim). Target: the whole stack under 3 GiB.

                    """);
        }
        markdown.append(table).append('\n');
        svg(chart, SvgChart.bars(title + " per process", "MiB", new ArrayList<>(kib.keySet()),
                List.of(new SvgChart.Series("MiB", "#1f5f99", kib.values().stream().map(v -> v / 1024.0).toList()))));
        log(title + ": " + mib);
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> figures(Latencies latencies) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", latencies.count());
        figures.put("errors", latencies.errors());
        figures.put("p50_ms", latencies.ms(50));
        figures.put("p95_ms", latencies.ms(95));
        figures.put("p99_ms", latencies.ms(99));
        figures.put("max_ms", latencies.ms(100));
        figures.put("per_second", latencies.perSecond());
        return figures;
    }

    private static String row4(String name, Latencies l) {
        return "| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms |\n".formatted(name, l.ms(50), l.ms(95), l.ms(99), l.ms(100));
    }

    private void svg(String name, String svg) {
        try {
            Files.writeString(results.resolve(name), svg);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitOutboxEmpty(Duration limit) {
        java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong(-1);
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
            long left = count("SELECT count(*) FROM outbox");
            if (left > 0 && (reported.get() < 0 || reported.get() - left >= 50_000)) {
                log("outbox: %,d rows left".formatted(left));
                reported.set(left);
            }
            return left == 0;
        });
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String number(Map<String, Object> data, String key) {
        return "%,d".formatted(((Number) data.get(key)).longValue());
    }

    private static double decimal(Map<String, Object> data, String key) {
        return ((Number) data.get(key)).doubleValue();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the CPU stays unnamed
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024 * 1024);
        return "%d cores (%s), %d GiB of memory, %s %s".formatted(Runtime.getRuntime().availableProcessors(), cpu, memory,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    static void log(String message) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
