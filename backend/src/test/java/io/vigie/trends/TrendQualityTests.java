package io.vigie.trends;

import io.vigie.spaces.Reader;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Trend quality on generated activity with known bursts. Background: 60 articles whose
 * popularity follows a power law, engaged with at a steady pace over nine days (the most popular
 * gather far more votes than any burst). Injected: 10 articles that few people touched before,
 * then a burst of 6 to 12 distinct people within three hours, starting 4 to 10 hours ago. We
 * measure precision@10 of "rising now" and the delay from a burst's start to its entry into
 * the top 10 (replaying the computation every 15 minutes), and check that ranking by most votes,
 * the naive alternative, fails the same threshold. Fixed seed: the figures are reproducible.
 */
class TrendQualityTests extends ApiTest {

    private static final long SEED = 20261201L;
    private static final int BACKGROUND = 60;
    private static final int BURSTS = 10;
    private static final double PRECISION_THRESHOLD = 0.8;
    private static final Duration DELAY_THRESHOLD = Duration.ofMinutes(90);

    @Autowired
    DatabaseClient db;

    @Autowired
    TrendsService trends;

    @Test
    void risingNowFindsTheInjectedBurstsQuicklyWhereMostVotesDoesNot() {
        Random random = new Random(SEED);
        Engagements seed = new Engagements(db);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Trend quality " + run, "open");
        List<UUID> people = seed.people(150, 8);
        Map<UUID, Integer> votes = new HashMap<>();
        Map<UUID, Instant> burstStarts = new HashMap<>();
        Instant now = Instant.now();

        for (int i = 0; i < BACKGROUND; i++) {
            // Power law: the first articles are much more popular (up to ~90 engagements over nine days).
            int engagements = (int) Math.round(90.0 / Math.pow(i + 1, 0.8));
            UUID article = seed.article("https://background.example.org/" + run + "/" + i, "Background " + i, List.of());
            UUID share = seed.share(space.id(), article, pick(people, random), Duration.ofDays(9), List.of());
            Set<UUID> voters = new HashSet<>();
            for (int e = 0; e < engagements; e++) {
                UUID voter = pick(people, random);
                if (voters.add(voter)) {
                    seed.upvote(share, voter, Duration.ofMinutes(random.nextInt(9 * 24 * 60)));
                }
            }
            votes.put(article, voters.size());
        }
        for (int b = 0; b < BURSTS; b++) {
            UUID article = seed.article("https://burst.example.org/" + run + "/" + b, "Burst " + b, List.of());
            Duration startAgo = Duration.ofMinutes(240 + random.nextInt(360));
            UUID share = seed.share(space.id(), article, pick(people, random), startAgo, List.of());
            burstStarts.put(article, now.minus(startAgo));
            Set<UUID> voters = new HashSet<>();
            // One early reader days before, then the burst: 6 to 12 people within three hours.
            UUID early = pick(people, random);
            voters.add(early);
            seed.upvote(share, early, Duration.ofDays(3 + random.nextInt(4)));
            int burst = 6 + random.nextInt(7);
            while (voters.size() < burst + 1) {
                UUID voter = pick(people, random);
                if (voters.add(voter)) {
                    seed.upvote(share, voter, startAgo.minus(Duration.ofMinutes(random.nextInt(180))));
                }
            }
            votes.put(article, voters.size());
        }
        Reader reader = new Reader(UUID.randomUUID(), Set.of(), Set.of(), Set.of(), Set.of(), false);
        TrendsService.Scope scope = new TrendsService.Scope(space.id());
        long expectedDocs = votes.values().stream().mapToLong(Integer::longValue).sum() + BACKGROUND + BURSTS;
        await().atMost(Duration.ofSeconds(60)).until(() -> engagementCount(space.id()) >= expectedDocs);

        List<UUID> rising = trends.rising(reader, scope, now).block().stream().map(t -> t.article().id()).limit(10).toList();
        double precision = rising.stream().filter(burstStarts::containsKey).count() / 10.0;
        List<UUID> mostVotes = votes.entrySet().stream().sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed())
                .limit(10).map(Map.Entry::getKey).toList();
        double naivePrecision = mostVotes.stream().filter(burstStarts::containsKey).count() / 10.0;

        List<Duration> delays = new ArrayList<>();
        for (Map.Entry<UUID, Instant> burst : burstStarts.entrySet()) {
            Duration delay = null;
            for (Duration after = Duration.ZERO; after.compareTo(Duration.ofHours(4)) <= 0 && delay == null;
                 after = after.plus(Duration.ofMinutes(15))) {
                Instant at = burst.getValue().plus(after);
                if (trends.rising(reader, scope, at).block().stream().limit(10).anyMatch(t -> t.article().id().equals(burst.getKey()))) {
                    delay = after;
                }
            }
            delays.add(delay == null ? Duration.ofHours(5) : delay);
        }
        delays.sort(Comparator.naturalOrder());
        Duration median = delays.get(delays.size() / 2);
        System.out.printf("trend quality: precision@10 %.2f (most votes %.2f); detection delay median %d min, max %d min%n",
                precision, naivePrecision, median.toMinutes(), delays.getLast().toMinutes());

        assertThat(precision).as("precision@10 of rising now").isGreaterThanOrEqualTo(PRECISION_THRESHOLD);
        assertThat(naivePrecision).as("precision@10 of most votes").isLessThan(PRECISION_THRESHOLD);
        assertThat(median).as("median delay from burst start to the top 10").isLessThanOrEqualTo(DELAY_THRESHOLD);
    }

    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchAsyncClient elasticsearch;

    /** Engagement documents of the space that the index can already search. */
    private long engagementCount(UUID spaceId) {
        return elasticsearch.count(c -> c.index("vigie-content").query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("type").value("engagement")))
                .filter(f -> f.term(t -> t.field("space_id").value(spaceId.toString())))))).join().count();
    }

    private static UUID pick(List<UUID> people, Random random) {
        return people.get(random.nextInt(people.size()));
    }
}
