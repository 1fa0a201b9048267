package io.vigie.ui.kpis;

import com.vaadin.flow.component.Html;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn here as inline SVG (no chart library, no npm build): lines over days for series,
 * horizontal bars for departments. Every text that goes in is escaped; each mark carries its value
 * in a {@code data-} attribute, and the chart has a title for screen readers.
 */
public final class SvgChart {

    private static final int WIDTH = 640;
    private static final int LEFT = 40;
    private static final int BOTTOM = 20;

    private SvgChart() {}

    /** One line per series (at most four), over the days; the y axis starts at zero. */
    public static Html lines(String label, List<LocalDate> days, Map<String, List<Long>> series) {
        int height = 180;
        long max = Math.max(1, series.values().stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
        double step = days.size() <= 1 ? 0 : (double) (WIDTH - LEFT - 8) / (days.size() - 1);
        StringBuilder svg = open("kpi-chart kpi-lines", label, WIDTH, height);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, height - BOTTOM,
                WIDTH, height - BOTTOM));
        svg.append(text(LEFT - 4, 12, "end", Long.toString(max))).append(text(LEFT - 4, height - BOTTOM, "end", "0"));
        if (!days.isEmpty()) {
            svg.append(text(LEFT, height - 4, "start", days.getFirst().toString()))
                    .append(text(WIDTH - 4, height - 4, "end", days.getLast().toString()));
        }
        int index = 0;
        for (Map.Entry<String, List<Long>> line : series.entrySet()) {
            StringBuilder points = new StringBuilder();
            long total = 0;
            for (int i = 0; i < line.getValue().size(); i++) {
                long value = line.getValue().get(i);
                total += value;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", days.size() <= 1 ? (LEFT + WIDTH) / 2.0 : LEFT + i * step,
                        height - BOTTOM - (double) value / max * (height - BOTTOM - 8)));
            }
            svg.append(String.format(Locale.ROOT, "<polyline class=\"series-%d\" data-series=\"%s\" data-total=\"%d\" points=\"%s\"/>",
                    index % 4, escape(line.getKey()), total, points.toString().strip()));
            if (line.getValue().size() == 1) {
                // A line needs two points: a single day shows as a dot.
                String[] only = points.toString().strip().split(",");
                svg.append(String.format(Locale.ROOT, "<circle class=\"series-%d\" cx=\"%s\" cy=\"%s\" r=\"4\"/>", index % 4, only[0], only[1]));
            }
            index++;
        }
        svg.append("</svg>");
        return close(svg, legend(series));
    }

    /** One bar per row, the longest the highest value; {@code format} shows each value (say "%s %%"). */
    public static Html bars(String label, Map<String, Double> rows, String format) {
        int row = 22;
        int height = Math.max(row, rows.size() * row);
        double max = Math.max(1e-9, rows.values().stream().mapToDouble(Double::doubleValue).max().orElse(1));
        StringBuilder svg = open("kpi-chart kpi-bars", label, WIDTH, height);
        int i = 0;
        for (Map.Entry<String, Double> bar : rows.entrySet()) {
            int y = i++ * row;
            double width = bar.getValue() / max * (WIDTH - 260);
            String shown = String.format(Locale.ROOT, format, number(bar.getValue()));
            svg.append(text(150, y + 15, "end", bar.getKey()))
                    .append(String.format(Locale.ROOT, "<rect class=\"series-0\" x=\"160\" y=\"%d\" width=\"%.1f\" height=\"%d\" data-label=\"%s\" data-value=\"%s\"/>",
                            y + 3, Math.max(width, 1), row - 6, escape(bar.getKey()), number(bar.getValue())))
                    .append(text(166 + (int) width, y + 15, "start", shown));
        }
        svg.append("</svg>");
        return close(svg, "");
    }

    private static StringBuilder open(String className, String label, int width, int height) {
        // Wrapped in a div: the browser parses its inner HTML and puts <svg> in the SVG namespace.
        return new StringBuilder(String.format(Locale.ROOT,
                "<div class=\"%s\"><svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                className, width, height, escape(label), escape(label)));
    }

    private static Html close(StringBuilder svg, String after) {
        return new Html(svg.append(after).append("</div>").toString());
    }

    private static String legend(Map<String, List<Long>> series) {
        StringBuilder legend = new StringBuilder("<p class=\"kpi-legend\">");
        int index = 0;
        for (String name : series.keySet()) {
            legend.append("<span class=\"series-").append(index++ % 4).append("\">").append(escape(name)).append("</span>");
        }
        return legend.append("</p>").toString();
    }

    private static String text(int x, int y, String anchor, String value) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(value));
    }

    /** 12.0 shows as 12, 12.5 as 12.5. */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text for SVG markup: the label is a translation (with numbers), escaped all the same. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Series in the order given. */
    public static Map<String, List<Long>> series() {
        return new LinkedHashMap<>();
    }
}
