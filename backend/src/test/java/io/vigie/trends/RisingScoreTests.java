package io.vigie.trends;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RisingScoreTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration WINDOW = Duration.ofHours(6);

    @Test
    void moreDistinctPeopleThanExpectedScoresTheSquaredExcessOverTheExpectation() {
        // 28 people over a week is one per six-hour window: 5 now scores (5 - 1)² / 1.
        RisingScore.Peak peak = RisingScore.peak(List.of(new RisingScore.Window(NOW, 5, 2)), 28, WEEK, WINDOW, 3, Duration.ofHours(12), NOW);
        assertThat(peak.score()).isCloseTo(16.0, within(1e-9));
        assertThat(peak.window().people()).isEqualTo(5);
    }

    @Test
    void belowTheMinimumOrTheExpectationNothingTrends() {
        assertThat(RisingScore.score(2, 1, 3)).isZero();
        assertThat(RisingScore.score(10, 12, 3)).isZero();
        assertThat(RisingScore.peak(List.of(new RisingScore.Window(NOW, 2, 1)), 0, WEEK, WINDOW, 3, Duration.ofHours(12), NOW).trending())
                .isFalse();
    }

    @Test
    void aPeakIsKeptAndHalvedEveryHalfLife() {
        List<RisingScore.Window> windows = List.of(
                new RisingScore.Window(NOW, 3, 1),                          // now: (3-1)² = 4
                new RisingScore.Window(NOW.minus(Duration.ofHours(12)), 9, 3)); // 12 h ago: (9-1)² = 64, halved once = 32
        RisingScore.Peak peak = RisingScore.peak(windows, 0, WEEK, WINDOW, 3, Duration.ofHours(12), NOW);
        assertThat(peak.score()).isCloseTo(32.0, within(1e-9));
        assertThat(peak.window().end()).isEqualTo(NOW.minus(Duration.ofHours(12)));
    }

    @Test
    void reasonsSayWhoAndWhen() {
        assertThat(TrendViews.Reason.of(12, 4, 6, 0).text()).isEqualTo("12 people from 4 departments in the last 6 hours");
        assertThat(TrendViews.Reason.of(1, 1, 6, 3).text()).isEqualTo("1 person from 1 department in 6 hours, 3 hours ago");
        assertThat(TrendViews.Reason.of(5, 2, 168, 0).text()).isEqualTo("5 people from 2 departments in the last 7 days");
    }
}
