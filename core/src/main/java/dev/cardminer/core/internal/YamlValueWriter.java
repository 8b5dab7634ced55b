package dev.cardminer.core.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes metadata values as block-style YAML lines in the style of Hub cards: {@code key: value},
 * mappings indented by two, list items as {@code - item} (at the key's column or indented, as the card
 * already does). A string is left plain only when YAML 1.2 and PyYAML's YAML 1.1 both read it back as
 * that string; otherwise it is quoted ({@code 'no'}, {@code '1.0'}, {@code '2023-01-01'}).
 */
public final class YamlValueWriter {

    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private final int sequenceIndent;
    private final int mappingIndent;

    /** @param sequenceIndent how far list items are indented from their key: 0 (PyYAML's style) or 2 */
    public YamlValueWriter(int sequenceIndent) {
        this(sequenceIndent, 2);
    }

    /**
     * @param sequenceIndent how far list items are indented from their key: 0 (PyYAML's style) or 2
     * @param mappingIndent  how far a nested mapping's keys are indented from their key (2 in most cards)
     */
    public YamlValueWriter(int sequenceIndent, int mappingIndent) {
        this.sequenceIndent = sequenceIndent;
        this.mappingIndent = Math.max(1, mappingIndent);
    }

    /** Appends the lines (without line ends) of {@code key: value} at {@code indent}. */
    public void entry(String key, Object value, int indent, List<String> out) {
        String head = " ".repeat(indent) + scalar(key) + ":";
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.add(head);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entry((String) e.getKey(), e.getValue(), indent + mappingIndent, out);
            }
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.add(head);
            items(l, indent + sequenceIndent, out);
        } else if (value instanceof String s && isLiteralBlock(s)) {
            literal(head, s, indent + 2, out);
        } else {
            out.add(head + " " + scalar(value));
        }
    }

    /** Appends list items with their dash at {@code indent}. */
    public void items(List<?> list, int indent, List<String> out) {
        String pad = " ".repeat(indent);
        for (Object item : list) {
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    List<String> lines = new ArrayList<>();
                    entry((String) e.getKey(), e.getValue(), indent + 2, lines);
                    if (first) {
                        lines.set(0, pad + "- " + lines.get(0).substring(indent + 2));
                        first = false;
                    }
                    out.addAll(lines);
                }
            } else if (item instanceof List<?> l && !l.isEmpty()) {
                out.add(pad + "-");
                items(l, indent + 2, out);
            } else if (item instanceof String s && isLiteralBlock(s)) {
                literal(pad + "-", s, indent + 2, out);
            } else {
                out.add(pad + "- " + scalar(item));
            }
        }
    }

    /**
     * Appends list items as {@link #items} does, in the style of a list's existing items: {@code dash} is what
     * precedes an item's text ({@code "- "}, {@code "-   "}), and a string is quoted with {@code quote} (' or ")
     * where the existing items are quoted, 0 where they are plain. Items that are not scalars are written as
     * {@link #items} writes them.
     */
    public void items(List<?> list, int indent, String dash, char quote, List<String> out) {
        String pad = " ".repeat(indent);
        for (Object item : list) {
            if (item instanceof Map<?, ?> || item instanceof List<?> || item instanceof String s && isLiteralBlock(s)) {
                items(List.of(item), indent, out);
            } else {
                out.add(pad + dash + styled(item, quote, false));
            }
        }
    }

    /**
     * A scalar for a flow collection ({@code [a, b]}) in the quoting of its neighbours ({@code quote}: ' or ", or
     * 0 for plain); null for a value that is not a scalar. Plain only where a flow context reads it back: no
     * {@code , [ ] { } :} or {@code #} (PyYAML rejects a colon inside a flow plain scalar).
     */
    public static String flowScalar(Object v, char quote) {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return null;
        }
        return styled(v, quote, true);
    }

    /**
     * Any value on one line in flow style ({@code {name: x, results: [{task: {type: y}}]}}), for a block written as a
     * flow mapping; null for a value that is no plain data.
     */
    public static String flowValue(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : list) {
                String text = flowValue(item);
                if (text == null) {
                    return null;
                }
                sb.append(sb.length() > 1 ? ", " : "").append(text);
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = flowScalar(e.getKey(), (char) 0);
                String text = flowValue(e.getValue());
                if (key == null || text == null) {
                    return null;
                }
                sb.append(sb.length() > 1 ? ", " : "").append(key).append(": ").append(text);
            }
            return sb.append('}').toString();
        }
        return flowScalar(v, (char) 0);
    }

    /** A one-line flow sequence of scalars ({@code [a, 'no']}); null when an item is not a scalar. */
    public static String flowList(List<?> list) {
        StringBuilder sb = new StringBuilder("[");
        for (Object item : list) {
            String text = flowScalar(item, (char) 0);
            if (text == null) {
                return null;
            }
            sb.append(sb.length() > 1 ? ", " : "").append(text);
        }
        return sb.append(']').toString();
    }

    private static String styled(Object v, char quote, boolean flow) {
        if (!(v instanceof String s)) {
            return scalar(v);
        }
        if (quote == '"') {
            return doubleQuoted(s);
        }
        boolean plain = quote == 0 && isPlainSafe(s) && !(flow && hasFlowIndicator(s));
        return plain ? s : quoted(s);
    }

    private static boolean hasFlowIndicator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (",[]{}:#".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A value written on one line: a plain or quoted scalar, {} or []. */
    public static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return isPlainSafe(s) ? s : quoted(s);
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Map) {
            return "{}";
        }
        if (v instanceof List) {
            return "[]";
        }
        throw new IllegalArgumentException("not plain data: " + v.getClass().getName());
    }

    /** A float both schemas read back as a float: an exponent gets a sign, as PyYAML requires. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String s = Double.toString(d); // always has a '.', e.g. 0.5, 1.0E-5, 1.2E10
        int e = s.indexOf('E');
        if (e < 0) {
            return s;
        }
        String exponent = s.substring(e + 1);
        return s.substring(0, e) + "e" + (exponent.startsWith("-") ? exponent : "+" + exponent);
    }

    /** Whether a plain scalar reads back as this very string, in YAML 1.2 and in PyYAML. */
    static boolean isPlainSafe(String s) {
        if (s.isEmpty() || INDICATORS.indexOf(s.charAt(0)) >= 0 || s.charAt(0) == ' '
                || s.charAt(s.length() - 1) == ' ' || s.endsWith(":") || s.contains(": ") || s.contains(" #")
                || s.startsWith("...")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isPrintable(s, i) || s.charAt(i) == '\t') {
                return false;
            }
        }
        if (!(CoreSchemaScalars.value(s) instanceof String)) {
            return false;
        }
        return !Yaml11Resolver.mayNotBeString(s) || Yaml11Resolver.resolve(s).kind() == Yaml11Resolver.Kind.STR;
    }

    private static String quoted(String s) {
        boolean simple = true;
        for (int i = 0; i < s.length() && simple; i++) {
            simple = isPrintable(s, i) && s.charAt(i) != '\t';
        }
        if (simple) {
            return "'" + s.replace("'", "''") + "'";
        }
        return doubleQuoted(s);
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (isPrintable(s, i)) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Printable in the sense of both YAML versions: no C0/C1 controls, BOM, line separators or lone surrogates. */
    private static boolean isPrintable(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 && c != '\t') {
            return false;
        }
        if (c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\uFEFF' || c == '\u2028' || c == '\u2029'
                || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    /** A multi-line string of printable text with no blank-but-spaces lines reads back as a literal block. */
    private static boolean isLiteralBlock(String s) {
        if (s.indexOf('\n') < 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && (!isPrintable(s, i) || c == '\t')) {
                return false;
            }
        }
        for (String line : s.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        return !s.startsWith("\n");
    }

    private static void literal(String head, String s, int indent, List<String> out) {
        String chomp = !s.endsWith("\n") ? "-" : s.endsWith("\n\n") ? "+" : "";
        String body = chomp.equals("-") ? s : s.substring(0, s.length() - 1);
        String indicator = s.startsWith(" ") ? "2" : "";
        out.add(head + " |" + indicator + chomp);
        String pad = " ".repeat(indent);
        for (String line : body.split("\n", -1)) {
            out.add(line.isEmpty() ? "" : pad + line);
        }
    }
}
