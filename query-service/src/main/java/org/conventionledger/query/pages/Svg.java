package org.conventionledger.query.pages;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as inline SVG: no script, and they read without colour and printed, since
 * every series has a pattern as well as a shade, a legend in words and its figure written at the bar.
 * The data is also in a table next to each chart; the chart is one image with a title for screen readers.
 */
public final class Svg {

    /** One bar: a label and the values of each series, in the order of the series. */
    public record Bar(String label, long[] values) {}

    /** A series: its name in the legend and its fill (a pattern per series, see {@link #defs}). */
    public record Series(String name) {}

    private static final int LABEL = 48;
    private static final int WIDTH = 720;
    private static final int ROW = 18;

    private Svg() {}

    /**
     * Horizontal stacked bars, one per row, the series side by side within the bar, the total at its end.
     *
     * @param id     a prefix unique in the page, for the patterns' ids
     * @param title  what the chart shows, read by screen readers
     * @param format how a figure is written (the reader's language)
     */
    public static String stackedBars(
            String id, String title, List<Series> series, List<Bar> bars, LongFunction<String> format) {
        long max = bars.stream().mapToLong(b -> sum(b.values())).max().orElse(0);
        int legend = 28;
        int height = legend + bars.size() * (ROW + 4) + 4;
        double scale = max == 0 ? 0 : (WIDTH - LABEL - 70) / (double) max;
        StringBuilder svg = open(id, title, WIDTH, height);
        legend(svg, id, series, 0);
        int y = legend;
        for (Bar bar : bars) {
            text(svg, LABEL - 6, y + ROW - 5, "end", bar.label());
            double x = LABEL;
            for (int s = 0; s < bar.values().length; s++) {
                double w = bar.values()[s] * scale;
                svg.append("<rect x=\"")
                        .append(round(x))
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(round(w))
                        .append("\" height=\"")
                        .append(ROW)
                        .append("\" fill=\"url(#")
                        .append(id)
                        .append("-s")
                        .append(s)
                        .append(")\" stroke=\"#000\" stroke-width=\"0.5\"/>");
                x += w;
            }
            text(svg, round(x + 4), y + ROW - 5, "start", format.apply(sum(bar.values())));
            y += ROW + 4;
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical grouped bars: for each bar (a day), one column per series with its figure above it. */
    public static String groupedColumns(
            String id, String title, List<Series> series, List<Bar> bars, LongFunction<String> format) {
        long max = bars.stream()
                .flatMapToLong(b -> Arrays.stream(b.values()))
                .max()
                .orElse(0);
        int columns = series.size();
        int group = Math.max(60, Math.min(140, (WIDTH - 20) / Math.max(1, bars.size())));
        int width = Math.max(WIDTH, 20 + group * bars.size());
        int top = 48;
        int plot = 180;
        int height = top + plot + 40;
        double scale = max == 0 ? 0 : plot / (double) max;
        StringBuilder svg = open(id, title, width, height);
        legend(svg, id, series, 0);
        int x = 20;
        int column = (group - 16) / columns;
        for (Bar bar : bars) {
            for (int s = 0; s < columns; s++) {
                double h = bar.values()[s] * scale;
                double cx = x + s * column;
                svg.append("<rect x=\"")
                        .append(round(cx))
                        .append("\" y=\"")
                        .append(round(top + plot - h))
                        .append("\" width=\"")
                        .append(column - 2)
                        .append("\" height=\"")
                        .append(round(h))
                        .append("\" fill=\"url(#")
                        .append(id)
                        .append("-s")
                        .append(s)
                        .append(")\" stroke=\"#000\" stroke-width=\"0.5\"/>");
                text(
                        svg,
                        round(cx + (column - 2) / 2.0),
                        round(top + plot - h - 3),
                        "middle",
                        format.apply(bar.values()[s]));
            }
            text(svg, round(x + (group - 16) / 2.0), top + plot + 16, "middle", bar.label());
            x += group;
        }
        svg.append("<line x1=\"16\" y1=\"")
                .append(top + plot)
                .append("\" x2=\"")
                .append(width - 4)
                .append("\" y2=\"")
                .append(top + plot)
                .append("\" stroke=\"#000\"/>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(HtmlUtils.htmlEscape(title))
                .append("</title>");
        // series 0: light, hatched; series 1: dark, plain; series 2: dotted
        svg.append("<defs>")
                .append("<pattern id=\"")
                .append(id)
                .append("-s0\" width=\"6\" height=\"6\" ")
                .append("patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#e8e8e8\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333\" stroke-width=\"2\"/></pattern>")
                .append("<pattern id=\"")
                .append(id)
                .append("-s1\" width=\"6\" height=\"6\" ")
                .append("patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#1d3f72\"/></pattern>")
                .append("<pattern id=\"")
                .append(id)
                .append("-s2\" width=\"6\" height=\"6\" ")
                .append("patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>")
                .append("<circle cx=\"3\" cy=\"3\" r=\"1.5\" fill=\"#000\"/></pattern>")
                .append("</defs>");
        return svg;
    }

    private static void legend(StringBuilder svg, String id, List<Series> series, int y) {
        int x = LABEL;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"16\" height=\"14\"")
                    .append(" fill=\"url(#")
                    .append(id)
                    .append("-s")
                    .append(s)
                    .append(")\" stroke=\"#000\"/>");
            text(svg, x + 22, y + 16, "start", series.get(s).name());
            x += 40 + 8 * series.get(s).name().length();
        }
    }

    private static void text(StringBuilder svg, Object x, Object y, String anchor, String text) {
        svg.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" fill=\"#000\">")
                .append(HtmlUtils.htmlEscape(text))
                .append("</text>");
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static String round(double v) {
        return String.valueOf(Math.round(v * 10) / 10.0);
    }
}
