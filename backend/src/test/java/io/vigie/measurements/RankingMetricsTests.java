package io.vigie.measurements;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTests {

    private static final Map<Integer, Integer> GAINS = Map.of(1, 4, 2, 1);

    @Test
    void aPerfectRankingScoresOne() {
        assertThat(RankingMetrics.ndcg(List.of(1, 2, 9), GAINS, 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.averagePrecision(List.of(1, 2, 9), GAINS)).isEqualTo(1.0);
        assertThat(RankingMetrics.recall(List.of(1, 2, 9), GAINS, 100)).isEqualTo(1.0);
    }

    @Test
    void lowerRanksAndMissingDocumentsCost() {
        // Relevant documents at ranks 2 and 4: AP = (1/2 + 2/4) / 2.
        assertThat(RankingMetrics.averagePrecision(List.of(8, 1, 9, 2), GAINS)).isCloseTo(0.5, within(1e-9));
        assertThat(RankingMetrics.recall(List.of(8, 1, 9), GAINS, 100)).isEqualTo(0.5);
        double swapped = RankingMetrics.ndcg(List.of(2, 1), GAINS, 10);
        assertThat(swapped).isLessThan(1.0).isGreaterThan(0.5);
        assertThat(RankingMetrics.ndcg(List.of(7, 8), GAINS, 10)).isZero();
    }
}
