package dev.cardminer.report.internal;

import java.util.List;

/** Typed table cells, so the HTML and the CSV can each format a value their own way. */
public final class Cells {

    private Cells() {
    }

    /** A percentage, 0 to 100. */
    public record Percent(double value) {
    }

    /** A card id: linked to its Hub page in HTML when it is a Hub repo id. */
    public record CardRef(String id) {
    }

    /** Several card ids in one cell. */
    public record CardRefs(List<String> ids) {
        public CardRefs {
            ids = List.copyOf(ids);
        }
    }

    /** Several short texts in one cell (e.g. the surface forms merged into a concept). */
    public record Texts(List<String> values) {
        public Texts {
            values = List.copyOf(values);
        }
    }
}
