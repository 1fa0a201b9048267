package io.vigie.trends;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rising score of one article or topic, as in Mastodon's link trends: in a window, the
 * distinct people observed against the number expected; {@code (observed - expected)² / expected}
 * when more people came than expected and at least a minimum did, else 0. The score is taken at
 * several instants; the best one counts, halved for every half-life since it was reached, so a
 * burst stays visible for a while and then fades.
 */
final class RisingScore {

    /** Distinct people (and departments) in the window that ends at {@code end}. */
    record Window(Instant end, long people, long departments) {}

    /** The decayed peak, with the window where it was reached (null when nothing trends). */
    record Peak(double score, Window window) {

        static final Peak NONE = new Peak(0, null);

        boolean trending() {
            return score > 0;
        }
    }

    private RisingScore() {}

    /**
     * @param windows        the windows (ending at each instant of the lookback)
     * @param baselinePeople distinct people over the baseline period
     * @param baseline       the baseline's length
     * @param window         a window's length
     */
    static Peak peak(List<Window> windows, long baselinePeople, Duration baseline, Duration window, int minPeople,
                     Duration halfLife, Instant now) {
        // People expected in one window if the baseline's pace went on; at least one, as Mastodon does.
        double expected = Math.max(1.0, baselinePeople * ((double) window.toSeconds() / baseline.toSeconds()));
        Peak best = Peak.NONE;
        for (Window w : windows) {
            double score = score(w.people(), expected, minPeople);
            double age = Math.max(0, Duration.between(w.end(), now).toSeconds());
            double decayed = score * Math.pow(0.5, age / halfLife.toSeconds());
            if (decayed > best.score()) {
                best = new Peak(decayed, w);
            }
        }
        return best;
    }

    static double score(long observed, double expected, int minPeople) {
        if (observed < minPeople || observed <= expected) {
            return 0;
        }
        return (observed - expected) * (observed - expected) / expected;
    }
}
