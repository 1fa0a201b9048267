package io.vigie.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sustained mix of 90 % reads and 10 % writes at a fixed arrival rate (an open loop: requests
 * keep coming whether or not the last ones answered, as real users do). It first climbs by steps
 * of 30 s to the highest rate that stays clean (no error, p99 under a second, every request
 * answered within its step), then holds that rate for the given duration.
 */
final class MixedLoad {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int[] RATES = {5, 10, 20, 30, 40, 60, 80, 100, 130, 160, 200, 250, 300};

    private final Api api;
    private final Words words;
    private final StringBuilder markdown;
    private final Map<String, Object> json;
    private final List<String> tags;
    private final Map<String, UUID> departmentSpace = new LinkedHashMap<>();
    private final List<UUID> readablePosts;
    private final List<UUID> openSpaces;

    MixedLoad(Api api, Connection db, Words words, List<String> tags, StringBuilder markdown, Map<String, Object> json) throws SQLException {
        this.api = api;
        this.words = words;
        this.tags = tags;
        this.markdown = markdown;
        this.json = json;
        // Each demo person writes in their department's space (always theirs); reads and votes go to recent open posts.
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT p.username, s.id FROM person p JOIN space s ON s.department = p.department
                     WHERE p.username NOT LIKE 'bench-%'""")) {
            while (rows.next()) {
                departmentSpace.put(rows.getString(1), rows.getObject(2, UUID.class));
            }
        }
        readablePosts = ids(db, """
                SELECT p.id FROM post p JOIN space s ON s.id = p.space_id
                WHERE s.kind = 'open' AND p.deleted_at IS NULL ORDER BY p.created_at DESC LIMIT 5000""");
        openSpaces = ids(db, "SELECT id FROM space WHERE kind = 'open'");
    }

    private static final String[] KINDS = {"search", "home feed", "space feed", "trends", "post", "new post", "comment", "vote"};

    private record Step(int rate, Latencies reads, Latencies writes, int late, Map<String, Latencies> byKind) {
        boolean clean() {
            return reads.errors() == 0 && writes.errors() == 0 && late == 0 && reads.ms(99) < 1000 && writes.ms(99) < 1000;
        }
    }

    void run(Duration hold) {
        Benchmark.log("mixed load: 30 s of warm-up at 10/s (not counted) ...");
        drive(10, Duration.ofSeconds(30));
        Benchmark.log("mixed load: finding the highest clean rate ...");
        List<Step> steps = new ArrayList<>();
        Step best = null;
        for (int rate : RATES) {
            Step step = drive(rate, STEP);
            steps.add(step);
            Benchmark.log("mixed load at %d/s: reads %s; writes %s; late %d".formatted(rate, step.reads(), step.writes(), step.late()));
            step.byKind().forEach((kind, latencies) -> Benchmark.log("    %-10s %s".formatted(kind, latencies)));
            if (!step.clean()) {
                break;
            }
            best = step;
        }
        if (best == null) {
            // Reported as it is: the lowest rate, held, shows what breaks first.
            Benchmark.log("mixed load: even the lowest rate was not clean; holding it to show what breaks");
            best = steps.getFirst();
        }
        Benchmark.log("mixed load: holding %d/s for %s ...".formatted(best.rate(), hold));
        Step held = drive(best.rate(), hold);
        Benchmark.log("mixed load held: reads %s; writes %s; late %d".formatted(held.reads(), held.writes(), held.late()));

        StringBuilder table = new StringBuilder("| rate asked | reads p50 | reads p99 | writes p50 | writes p99 | errors | unanswered in time | clean |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        List<Map<String, Object>> ramp = new ArrayList<>();
        for (Step step : steps) {
            table.append(stepRow(step));
            ramp.add(stepJson(step));
        }
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("ramp", ramp);
        load.put("held", stepJson(held));
        load.put("held_seconds", hold.toSeconds());
        json.put("mixed_load", load);
        markdown.append("""
                ## Sustained mixed load

                90 %% reads (search 35 %%, home feed 35 %%, space feed 10 %%, trends 5 %%, a post 5 %%) and 10 %% writes (posts 4 %%,
                comments 3 %%, votes 3 %%) by the six demo people, at a fixed arrival rate (an open loop: requests keep coming
                whether or not the previous ones answered). After 30 s of warm-up at 10 requests/s (not counted), the ramp climbs by steps of %d s and stops at the first step that
                is not clean (an error, a p99 over one second, or requests not answered within the step); the last clean rate
                is then held for %d minutes.

                %s
                **Held for %d minutes at %d requests/s**: %,d reads (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms), %,d writes
                (p50 %.1f ms, p95 %.1f ms, p99 %.1f ms), %d errors, %d requests not answered in time.

                """.formatted(STEP.toSeconds(), hold.toMinutes(), table, hold.toMinutes(), held.rate(),
                held.reads().count(), held.reads().ms(50), held.reads().ms(95), held.reads().ms(99),
                held.writes().count(), held.writes().ms(50), held.writes().ms(95), held.writes().ms(99),
                held.reads().errors() + held.writes().errors(), held.late()));
    }

    private static String stepRow(Step step) {
        return "| %d/s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d | %d | %s |\n".formatted(step.rate(), step.reads().ms(50), step.reads().ms(99),
                step.writes().ms(50), step.writes().ms(99), step.reads().errors() + step.writes().errors(), step.late(), step.clean() ? "yes" : "no");
    }

    private static Map<String, Object> stepJson(Step step) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rate", step.rate());
        row.put("reads", Map.of("requests", step.reads().count(), "errors", step.reads().errors(), "p50_ms", step.reads().ms(50),
                "p95_ms", step.reads().ms(95), "p99_ms", step.reads().ms(99)));
        row.put("writes", Map.of("requests", step.writes().count(), "errors", step.writes().errors(), "p50_ms", step.writes().ms(50),
                "p95_ms", step.writes().ms(95), "p99_ms", step.writes().ms(99)));
        row.put("unanswered_in_time", step.late());
        row.put("clean", step.clean());
        return row;
    }

    /** Sends {@code rate} requests a second for {@code duration}, each on its own virtual thread. */
    private Step drive(int rate, Duration duration) {
        List<Long> reads = Collections.synchronizedList(new ArrayList<>());
        List<Long> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger readErrors = new AtomicInteger();
        AtomicInteger writeErrors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Map<Integer, Boolean> pending = new ConcurrentHashMap<>();
        Map<String, List<Long>> byKind = new ConcurrentHashMap<>();
        Random random = new Random(rate);
        long total = rate * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int n = 0; n < total; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            int pick = random.nextInt(100);
            String username = Benchmark.DEMO.get(random.nextInt(Benchmark.DEMO.size()));
            long seed = random.nextLong();
            int id = n;
            pending.put(id, true);
            threads.submit(() -> {
                long begin = System.nanoTime();
                boolean write = pick >= 90;
                try {
                    HttpResponse<String> response = request(pick, username, new Random(seed));
                    api.ok(response);
                    long micros = (System.nanoTime() - begin) / 1_000;
                    (write ? writes : reads).add(micros);
                    byKind.computeIfAbsent(kind(pick), k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
                } catch (RuntimeException e) {
                    (write ? writeErrors : readErrors).incrementAndGet();
                    firstError.compareAndSet(null, e.getMessage());
                } finally {
                    pending.remove(id);
                }
            });
        }
        // Requests still unanswered five seconds after the step's last arrival count as late.
        threads.shutdown();
        try {
            threads.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int late = pending.size();
        threads.shutdownNow();
        double seconds = duration.toSeconds();
        Map<String, Latencies> kinds = new LinkedHashMap<>();
        for (String kind : KINDS) {
            kinds.put(kind, Latencies.of(byKind.getOrDefault(kind, List.of()), seconds, 0, null));
        }
        return new Step(rate, Latencies.of(reads, seconds, readErrors.get(), firstError.get()),
                Latencies.of(writes, seconds, writeErrors.get(), firstError.get()), late, kinds);
    }

    private static String kind(int pick) {
        return KINDS[pick < 35 ? 0 : pick < 70 ? 1 : pick < 80 ? 2 : pick < 85 ? 3 : pick < 90 ? 4 : pick < 94 ? 5 : pick < 97 ? 6 : 7];
    }

    private HttpResponse<String> request(int pick, String username, Random random) {
        Words.Language language = words.pick(random);
        if (pick < 35) {
            String q = random.nextInt(4) == 0 ? language.word(random) + " " + language.word(random) : language.word(random);
            String filter = random.nextInt(10) == 0 ? "&tag=" + Api.encode(tags.get(random.nextInt(Math.min(20, tags.size())))) : "";
            return api.get(username, "/api/search?q=" + Api.encode(q) + filter + (random.nextInt(3) == 0 ? "&sort=newest" : ""));
        } else if (pick < 70) {
            return api.get(username, "/api/feed" + (random.nextBoolean() ? "?order=latest" : ""));
        } else if (pick < 80) {
            return api.get(username, "/api/spaces/" + openSpaces.get(random.nextInt(openSpaces.size())) + "/posts");
        } else if (pick < 85) {
            return api.get(username, "/api/trends?tab=rising");
        } else if (pick < 90) {
            return api.get(username, "/api/posts/" + readablePosts.get(random.nextInt(readablePosts.size())));
        } else if (pick < 94) {
            return api.post(username, "/api/spaces/" + departmentSpace.get(username) + "/posts",
                    Map.of("body", language.sentence(random, 8 + random.nextInt(20))));
        } else if (pick < 97) {
            return api.post(username, "/api/posts/" + readablePosts.get(random.nextInt(readablePosts.size())) + "/comments",
                    Map.of("body", language.sentence(random, 4 + random.nextInt(15))));
        }
        return api.put(username, "/api/posts/" + readablePosts.get(random.nextInt(readablePosts.size())) + "/vote",
                Map.of("value", random.nextInt(10) == 0 ? -1 : 1));
    }

    private static List<UUID> ids(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
