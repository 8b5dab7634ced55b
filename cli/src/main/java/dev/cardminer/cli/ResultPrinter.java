package dev.cardminer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cardminer.io.CsvCells;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a result set as an aligned text table, CSV (RFC 4180) or a JSON array of objects. Table and CSV
 * cells have their control characters escaped ({@link TerminalText}); JSON escapes them itself.
 */
final class ResultPrinter {

    enum Format { table, csv, json }

    /** Rows used to size the table's columns; later rows are cut to those widths. */
    private static final int SIZING_ROWS = 1000;

    private final PrintWriter out;
    private final int maxWidth;

    ResultPrinter(PrintWriter out, int maxWidth) {
        this.out = out;
        this.maxWidth = maxWidth;
    }

    long print(ResultSet rs, Format format) throws SQLException, IOException {
        return switch (format) {
            case table -> table(rs);
            case csv -> csv(rs);
            case json -> json(rs);
        };
    }

    private long table(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        int[] widths = new int[n];
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            widths[i] = Math.min(maxWidth, header[i].length());
        }
        List<String[]> buffered = new ArrayList<>();
        boolean more = true;
        while (buffered.size() < SIZING_ROWS && (more = rs.next())) {
            String[] row = cells(rs, n);
            for (int i = 0; i < n; i++) {
                widths[i] = Math.min(maxWidth, Math.max(widths[i], row[i].length()));
            }
            buffered.add(row);
        }
        line(header, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(rule);
        long count = 0;
        for (String[] row : buffered) {
            line(row, widths);
            count++;
        }
        while (more && rs.next()) {
            line(cells(rs, n), widths);
            count++;
        }
        out.println("(" + count + (count == 1 ? " row)" : " rows)"));
        return count;
    }

    private void line(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].length() > widths[i] ? cells[i].substring(0, Math.max(0, widths[i] - 1)) + "…" : cells[i];
            b.append(i == 0 ? "" : " | ").append(c).append(" ".repeat(widths[i] - c.length()));
        }
        out.println(b.toString().stripTrailing());
    }

    private static String[] cells(ResultSet rs, int n) throws SQLException {
        String[] row = new String[n];
        for (int i = 0; i < n; i++) {
            String s = rs.getString(i + 1);
            row[i] = s == null ? "NULL"
                    : TerminalText.escape(s.replace("\r\n", "⏎").replace('\n', '⏎').replace('\t', ' '));
        }
        return row;
    }

    private long csv(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(csvCell(md.getColumnLabel(i + 1)));
        }
        out.print(b.append("\r\n"));
        boolean[] text = new boolean[n];
        for (int i = 0; i < n; i++) {
            int type = md.getColumnType(i + 1);
            text[i] = type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR || type == Types.NVARCHAR
                    || type == Types.CLOB;
        }
        long count = 0;
        while (rs.next()) {
            b.setLength(0);
            for (int i = 0; i < n; i++) {
                String s = rs.getString(i + 1);
                // card text opened in a spreadsheet must not run as a formula; numbers (-1.5) stay as they are
                if (s != null && text[i]) {
                    s = CsvCells.defuse(s);
                }
                b.append(i == 0 ? "" : ",").append(s == null ? "" : csvCell(s));
            }
            out.print(b.append("\r\n"));
            count++;
        }
        return count;
    }

    private static String csvCell(String raw) {
        // CSV goes to terminals too: control characters are escaped (\r inside a cell included).
        String s = TerminalText.escape(raw);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private long json(ResultSet rs) throws SQLException, IOException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        JsonFactory factory = new JsonFactory();
        StringWriter buffer = new StringWriter();
        long count = 0;
        out.print("[");
        while (rs.next()) {
            buffer.getBuffer().setLength(0);
            try (JsonGenerator g = factory.createGenerator(buffer)) {
                g.writeStartObject();
                for (int i = 0; i < n; i++) {
                    g.writeFieldName(md.getColumnLabel(i + 1));
                    value(g, rs.getObject(i + 1));
                }
                g.writeEndObject();
            }
            out.print(count == 0 ? "\n" : ",\n");
            out.print(buffer);
            count++;
        }
        out.println(count == 0 ? "]" : "\n]");
        return count;
    }

    private static void value(JsonGenerator g, Object v) throws IOException, SQLException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (v instanceof Array a) {
            g.writeStartArray();
            for (Object item : (Object[]) a.getArray()) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Timestamp t) {
            g.writeString(t.toLocalDateTime().toString());
        } else if (v instanceof TemporalAccessor t) {
            g.writeString(t.toString());
        } else {
            g.writeString(v.toString());
        }
    }
}
