package io.vigie.measurements;

import java.util.List;
import java.util.Map;

/** The usual ranking metrics, for one query: graded nDCG@k, average precision, recall@k. */
final class RankingMetrics {

    private RankingMetrics() {}

    /** Discounted cumulative gain of the first k results, over the best possible order of the judged ones. */
    static double ndcg(List<Integer> ranked, Map<Integer, Integer> gains, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += (Math.pow(2, gains.getOrDefault(ranked.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = gains.values().stream().sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** Mean of the precision at each relevant result's rank, over all relevant (judged) documents. */
    static double averagePrecision(List<Integer> ranked, Map<Integer, Integer> gains) {
        if (gains.isEmpty()) {
            return 0;
        }
        double sum = 0;
        int found = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (gains.containsKey(ranked.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / gains.size();
    }

    static double recall(List<Integer> ranked, Map<Integer, Integer> gains, int k) {
        if (gains.isEmpty()) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(gains::containsKey).count();
        return (double) found / gains.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
