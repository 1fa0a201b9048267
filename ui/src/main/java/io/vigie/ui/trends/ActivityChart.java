package io.vigie.ui.trends;

import com.vaadin.flow.component.Html;
import io.vigie.ui.api.Trends;
import io.vigie.ui.kpis.SvgChart;

import java.util.List;
import java.util.Locale;

/**
 * An activity curve as an inline SVG made here from numbers only (no user text goes in), so it
 * needs no chart library and renders the same on every screen: one bar per bucket, the height
 * the distinct people in it.
 */
final class ActivityChart {

    private ActivityChart() {}

    /** A small curve beside a trend. */
    static Html sparkline(List<Trends.Point> points, String label) {
        return svg(points, 120, 28, label, "trend-sparkline");
    }

    /** The full chart of a topic. */
    static Html chart(List<Trends.Point> points, String label) {
        return svg(points, 600, 140, label, "activity-chart");
    }

    private static Html svg(List<Trends.Point> points, int width, int height, String label, String className) {
        long max = Math.max(1, points.stream().mapToLong(Trends.Point::people).max().orElse(1));
        // Wrapped in a div: its inner HTML is parsed by the browser, which puts <svg> in the SVG namespace.
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<div class=\"%s\"><svg viewBox=\"0 0 %d %d\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"%s\">",
                className, width, height, SvgChart.escape(label)));
        int count = Math.max(1, points.size());
        double barWidth = (double) width / count;
        for (int i = 0; i < points.size(); i++) {
            long people = points.get(i).people();
            double barHeight = people == 0 ? 0 : Math.max(2, (double) people / max * (height - 2));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" data-people=\"%d\"/>",
                    i * barWidth, height - barHeight, Math.max(1, barWidth - 1), barHeight, people));
        }
        return new Html(svg.append("</svg></div>").toString());
    }
}
