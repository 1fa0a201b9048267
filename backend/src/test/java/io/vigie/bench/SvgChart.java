package io.vigie.bench;

import java.util.List;
import java.util.Locale;

/** Grouped bar charts as standalone SVG: readable on GitHub and in a browser, no JavaScript. */
final class SvgChart {

    record Series(String name, String color, List<Double> values) {}

    private SvgChart() {}

    /** One group of bars per category, one bar per series, each bar labelled with its value. */
    static String bars(String title, String unit, List<String> categories, List<Series> series) {
        int width = 760;
        int height = 360;
        int left = 60;
        int top = 50;
        int bottom = 60;
        int plotHeight = height - top - bottom;
        int plotWidth = width - left - 20;
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(1);
        double scale = niceCeiling(max);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n"
                .formatted(width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"%d\" y=\"24\" font-size=\"16\" font-weight=\"bold\">%s</text>\n".formatted(left, escape(title)));
        for (int tick = 0; tick <= 4; tick++) {
            double value = scale * tick / 4;
            int y = top + plotHeight - (int) (plotHeight * tick / 4.0);
            svg.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>\n".formatted(left, y, left + plotWidth, y));
            svg.append("<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>\n".formatted(left - 6, y + 4, number(value)));
        }
        svg.append("<text x=\"12\" y=\"%d\" fill=\"#555\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">%s</text>\n"
                .formatted(top + plotHeight / 2, top + plotHeight / 2, escape(unit)));
        double groupWidth = plotWidth / (double) categories.size();
        double barWidth = Math.min(40, groupWidth * 0.8 / series.size());
        for (int c = 0; c < categories.size(); c++) {
            double groupStart = left + c * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                if (Double.isNaN(value)) {
                    continue;
                }
                double barHeight = plotHeight * Math.min(1, value / scale);
                double x = groupStart + s * barWidth;
                double y = top + plotHeight - barHeight;
                svg.append("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s %s</title></rect>\n"
                        .formatted(x, y, barWidth - 2, barHeight, series.get(s).color(), escape(series.get(s).name()), number(value), escape(unit)));
                svg.append("<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\">%s</text>\n"
                        .formatted(x + (barWidth - 2) / 2, y - 3, number(value)));
            }
            svg.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n"
                    .formatted(left + c * groupWidth + groupWidth / 2, top + plotHeight + 18, escape(categories.get(c))));
        }
        int legendX = left;
        for (Series s : series) {
            svg.append("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n".formatted(legendX, height - 22, s.color()));
            svg.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(legendX + 16, height - 12, escape(s.name())));
            legendX += 24 + s.name().length() * 7;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
