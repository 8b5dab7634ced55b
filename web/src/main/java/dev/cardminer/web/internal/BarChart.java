package dev.cardminer.web.internal;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG in which every bar (and its label) is a link to the cards
 * behind it. SVG geometry is given as attributes, so the page's CSP needs no inline styles.
 */
final class BarChart {

    /** One bar: its label, value, the text shown after it and where a click goes. */
    record Bar(String label, double value, String shown, String href) {
    }

    private static final int LABEL_WIDTH = 230;
    private static final int BAR_WIDTH = 420;
    private static final int ROW = 22;

    private BarChart() {
    }

    static void render(Html h, String id, String title, List<Bar> bars) {
        h.open("figure", "class", "chart", "id", id).element("figcaption", title);
        if (bars.isEmpty()) {
            h.element("p", "No data.", "class", "note").close("figure");
            return;
        }
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        int height = bars.size() * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + 90;
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height,
                "width", String.valueOf(width), "height", String.valueOf(height), "role", "img", "aria-label", title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 2;
            double w = max <= 0 ? 0 : Math.max(1, bar.value() / max * BAR_WIDTH);
            h.open("a", "href", bar.href(), "class", "bar")
                    .open("title").text(bar.label() + ": " + bar.shown()).close("title")
                    .element("text", shorten(bar.label()), "x", String.valueOf(LABEL_WIDTH - 6),
                            "y", String.valueOf(y + 15), "text-anchor", "end")
                    .open("rect", "x", String.valueOf(LABEL_WIDTH), "y", String.valueOf(y + 3),
                            "width", String.format(Locale.ROOT, "%.1f", w), "height", String.valueOf(ROW - 6),
                            "rx", "2").close("rect")
                    .element("text", bar.shown(), "x", String.format(Locale.ROOT, "%.1f", LABEL_WIDTH + w + 5),
                            "y", String.valueOf(y + 15), "class", "value")
                    .close("a");
        }
        h.close("svg").close("figure").newline();
    }

    private static String shorten(String label) {
        String s = label == null ? "(none)" : label;
        return s.length() > 34 ? s.substring(0, 33) + "…" : s;
    }
}
