package dev.cardminer.report.internal;

import dev.cardminer.io.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link Table} as RFC 4180 CSV (UTF-8, CRLF, a header row, every row of the table).
 * Percentages are plain numbers (the header says {@code %}). Text from cards loses its control characters (so
 * {@code cat} cannot be made to clear a screen) and, when it starts like a spreadsheet formula, gets a leading
 * apostrophe, so opening the file cannot run it ({@link CsvCells#cell}).
 */
public final class CsvWriter {

    public void write(Table table, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, new ArrayList<>(table.columns()));
            for (List<Object> row : table.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(format(cell));
                }
                line(out, cells);
            }
        }
    }

    private static void line(BufferedWriter out, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(String.valueOf(cells.get(i))));
        }
        out.write("\r\n");
    }

    static String format(Object cell) {
        return switch (cell) {
            case null -> "";
            case Cells.Percent p -> String.format(Locale.ROOT, "%.2f", p.value());
            case Double d -> String.format(Locale.ROOT, "%.4f", d);
            case Number n -> n.toString();
            case Cells.CardRef ref -> defuse(ref.id());
            case Cells.CardRefs refs -> defuse(String.join(" ", refs.ids()));
            case Cells.Texts texts -> defuse(String.join(" | ", texts.values()));
            default -> defuse(cell.toString());
        };
    }

    private static String defuse(String text) {
        return CsvCells.cell(text);
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
