package dev.cardminer.report.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table of the report: shown (possibly truncated) in the page and written whole to
 * {@code data/<name>.csv}. Cells are String, Long, Integer, Double or one of {@link Cells}; null is
 * an empty cell.
 *
 * @param name    the CSV file's stem, unique in a report
 * @param caption what the table shows
 * @param columns column headers
 * @param rows    the rows, each as long as {@code columns}
 */
public record Table(String name, String caption, List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            // Rows may hold nulls, so no List.copyOf here.
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** Starts a table with the given columns. */
    public static Builder builder(String name, String caption, String... columns) {
        return new Builder(name, caption, Arrays.asList(columns));
    }

    public static final class Builder {
        private final String name;
        private final String caption;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, String caption, List<String> columns) {
            this.name = name;
            this.caption = caption;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Table build() {
            return new Table(name, caption, columns, rows);
        }
    }
}
