package dev.cardminer.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code model-index} that names the model and holds no results ({@code - name: x} with {@code results: []}, what
 * the Trainer writes when it evaluated nothing): a key with no value, which results found in the text fill.
 */
final class EmptyModelIndex {

    private EmptyModelIndex() {
    }

    /** Whether {@code yaml} is a non-empty list of mappings none of which has a result. */
    static boolean is(Object yaml) {
        if (!(yaml instanceof List<?> entries) || entries.isEmpty()) {
            return false;
        }
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || m.get("results") instanceof List<?> r && !r.isEmpty()
                    || m.get("results") != null && !(m.get("results") instanceof List<?>)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index with {@code results} in its first entry (in place of its empty {@code results}, or after its other
     * keys); every other key of that entry, its name included whatever it is, and the other entries stay as they were.
     */
    static List<Object> filled(Object yaml, List<Object> results) {
        List<?> entries = (List<?>) yaml;
        Map<String, Object> first = new LinkedHashMap<>();
        ((Map<?, ?>) entries.get(0)).forEach((k, v) -> first.put(String.valueOf(k), v));
        first.put("results", results);
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(entries.subList(1, entries.size()));
        return out;
    }

    /**
     * Whether the model-index lines of {@code after}'s YAML are those of {@code before}'s but for the first entry's
     * {@code results} lines: the editor writes the whole key anew, which would drop quotes and comments elsewhere in it.
     * A first entry's {@code results} line with a comment counts as changed too (the comment would go).
     */
    static boolean onlyFirstResultsChanged(String before, String after) {
        List<String> old = lines(before);
        int oldResults = firstResults(old);
        if (oldResults >= 0 && old.get(oldResults).matches(".*\\s#.*")) {
            return false;
        }
        return withoutFirstResults(old).equals(withoutFirstResults(lines(after)));
    }

    /** The lines of the top-level model-index key: its own and those under it (indented, or list items at column 0). */
    private static List<String> lines(String yaml) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : yaml.split("\\r\\n|\\r|\\n", -1)) {
            if (!in) {
                in = line.matches("([\"']?)model-index\\1[ \\t]*:.*");
                if (in) {
                    out.add(line);
                }
            } else if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(0) == '-') {
                out.add(line);
            } else {
                break;
            }
        }
        return out;
    }

    /** The index in {@code lines} of the first entry's {@code results} key, -1 when it has none. */
    private static int firstResults(List<String> lines) {
        int entry = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = indent(line);
            if (line.startsWith("-", indent)) {
                if (entry >= 0 && indent <= entry) {
                    return -1;   // the second entry
                }
                if (entry < 0) {
                    entry = indent;
                }
            }
            if (entry >= 0 && line.substring(indent).matches("(- )?results[ \\t]*:.*")
                    && resultsColumn(line) <= entry + 2) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> withoutFirstResults(List<String> lines) {
        int at = firstResults(lines);
        if (at < 0) {
            return lines;
        }
        int column = resultsColumn(lines.get(at));
        int end = at + 1;
        while (end < lines.size() && !lines.get(end).isBlank() && (indent(lines.get(end)) > column
                || indent(lines.get(end)) == column && lines.get(end).startsWith("-", column))) {
            end++;
        }
        List<String> out = new ArrayList<>(lines.subList(0, at));
        out.addAll(lines.subList(end, lines.size()));
        return out;
    }

    private static int resultsColumn(String line) {
        return line.indexOf("results");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
