package dev.cardminer.core.internal;

import dev.cardminer.core.Edit;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.internal.YamlDocument.RootEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Applies key changes to a card's metadata block line by line, the way a person would: only the lines
 * of a changed key are rewritten, new keys go after the last key, every other line and the body stay
 * byte for byte, and new lines use the card's line ending. The result is read back and compared with
 * the intended mapping, so an edit that would not read back as meant fails instead of being written.
 */
public final class MetadataBlockEditor {

    /** A change to one top-level key. */
    public sealed interface Change permits Put, Append, Remove {
    }

    /** Give the key this value. */
    public record Put(Object value) implements Change {
    }

    /** Add these items to the key's list (a missing key or a single value becomes a list). */
    public record Append(List<Object> items) implements Change {
    }

    /** Remove the key. */
    public record Remove() implements Change {
    }

    /** Why a block could not be edited; carries the problem out of the nested steps to {@link #apply}. */
    private static final class EditFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        EditFailure(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final YamlBlockReader reader = new YamlBlockReader();

    /** The card text with the changes applied ({@code text} itself when nothing changes), or why not. */
    public Edit apply(String text, Map<String, Change> changes) {
        try {
            return Edit.applied(text, edited(text, changes));
        } catch (EditFailure e) {
            return Edit.refused(text, e.problem());
        }
    }

    private String edited(String text, Map<String, Change> changes) {
        if (changes.isEmpty()) {
            return text;
        }
        String nl = lineEnding(text);
        FrontMatterSplitter.Split split = splitter.split(text);
        if (!split.found()) {
            return withNewBlock(text, changes, nl);
        }
        String yaml = text.substring(split.yamlStart(), split.yamlEnd());
        int yamlLine = new LineIndex(text).line(split.yamlStart());
        List<Problem> problems = new ArrayList<>();
        YamlDocument doc = reader.read(yaml, yamlLine, problems);
        if (doc.mapping() == null) {
            throw new EditFailure(problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst()
                    .orElse(Problem.error(ProblemCodes.YAML_SYNTAX, "the metadata block cannot be read", yamlLine, 1)));
        }
        int regionEnd = text.startsWith("\r\n", split.yamlEnd()) ? split.yamlEnd() + 2 : split.yamlEnd() + 1;
        if (doc.flowRoot()) {
            return rewrittenFlowBlock(text, split.yamlStart(), regionEnd, doc, changes, nl, yamlLine);
        }
        List<String> lines = splitLines(text.substring(split.yamlStart(), regionEnd));
        Map<String, Object> expected = new LinkedHashMap<>(doc.mapping());
        String region = edit(lines, doc, changes, expected, nl);
        if (region == null) {
            return text;
        }
        String result = text.substring(0, split.yamlStart()) + region + text.substring(regionEnd);
        verify(result, expected, yamlLine);
        return result;
    }

    private String edit(List<String> lines, YamlDocument doc, Map<String, Change> changes,
                        Map<String, Object> expected, String nl) {
        List<RootEntry> entries = doc.entries();
        int indent = entries.isEmpty() ? 0 : entries.get(0).keyColumn();
        YamlValueWriter writer = new YamlValueWriter(sequenceIndent(entries));
        int[] ends = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            RootEntry e = entries.get(i);
            int limit = i + 1 < entries.size() ? entries.get(i + 1).keyLine() - 1 : lines.size() - 1;
            int end = Math.max(e.keyLine(), Math.min(e.lastLine(), limit));
            while (e.endsInBlockScalar() && end > e.keyLine() && lines.get(end).isBlank()) {
                end--;
            }
            ends[i] = end;
        }
        // line -> replacement for lines [line, endLine]; insertions after a line
        TreeMap<Integer, int[]> replaced = new TreeMap<>();
        Map<Integer, List<String>> replacement = new TreeMap<>();
        Map<Integer, List<String>> insertedAfter = new TreeMap<>();
        List<String> appended = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            String key = c.getKey();
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).key().equals(key)) {
                    at.add(i);
                }
            }
            Object current = doc.mapping().get(key);
            List<String> newLines = new ArrayList<>();
            Integer insertAfter = null;
            Object target;
            switch (c.getValue()) {
                case Remove r -> {
                    if (at.isEmpty()) {
                        continue;
                    }
                    expected.remove(key);
                    target = null;
                }
                case Put s -> {
                    if (at.size() == 1 && Objects.equals(current, s.value())) {
                        continue;
                    }
                    expected.put(key, s.value());
                    target = s.value();
                    RootEntry last = at.isEmpty() ? null : entries.get(at.get(at.size() - 1));
                    YamlValueWriter own = last != null && last.shape() == YamlDocument.Shape.BLOCK_SEQUENCE
                            ? new YamlValueWriter(Math.max(0, last.dashColumn() - last.keyColumn())) : writer;
                    own.entry(key, s.value(), indent, newLines);
                }
                case Append a -> {
                    List<Object> merged = merged(at.isEmpty() ? null : current, a.items());
                    if (!at.isEmpty() && merged.equals(current)) {
                        continue;
                    }
                    expected.put(key, merged);
                    target = merged;
                    RootEntry last = at.isEmpty() ? null : entries.get(at.get(at.size() - 1));
                    if (last != null && last.shape() == YamlDocument.Shape.BLOCK_SEQUENCE && current instanceof List<?> l) {
                        writer.items(merged.subList(l.size(), merged.size()), last.dashColumn(), newLines);
                        insertAfter = ends[at.get(at.size() - 1)];
                    } else {
                        writer.entry(key, merged, indent, newLines);
                    }
                }
            }
            changed = true;
            if (at.isEmpty()) {
                appended.addAll(newLines);
                continue;
            }
            for (int k = 0; k < at.size(); k++) {
                int i = at.get(k);
                boolean last = k == at.size() - 1;
                if (last && insertAfter != null) {
                    insertedAfter.put(insertAfter, newLines);
                    // earlier duplicates go, the last one stays and grows
                } else {
                    replaced.put(entries.get(i).keyLine(), new int[]{ends[i]});
                    replacement.put(entries.get(i).keyLine(), last && target != null ? newLines : List.of());
                }
            }
        }
        if (!changed) {
            return null;
        }
        if (!appended.isEmpty()) {
            int after = entries.isEmpty() ? lines.size() - 1 : ends[entries.size() - 1];
            insertedAfter.computeIfAbsent(after, x -> new ArrayList<>()).addAll(appended);
        }
        StringBuilder out = new StringBuilder();
        List<String> before = insertedAfter.get(-1);
        if (before != null) {
            before.forEach(l -> out.append(l).append(nl));
        }
        for (int i = 0; i < lines.size(); i++) {
            int[] range = replaced.get(i);
            if (range != null) {
                replacement.get(i).forEach(l -> out.append(l).append(nl));
                i = range[0];
            } else {
                out.append(lines.get(i));
            }
            List<String> after = insertedAfter.get(i);
            if (after != null) {
                after.forEach(l -> out.append(l).append(nl));
            }
        }
        return out.toString();
    }

    private String withNewBlock(String text, Map<String, Change> changes, String nl) {
        List<String> lines = new ArrayList<>();
        YamlValueWriter writer = new YamlValueWriter(0);
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            switch (c.getValue()) {
                case Put s -> {
                    writer.entry(c.getKey(), s.value(), 0, lines);
                    expected.put(c.getKey(), s.value());
                }
                case Append a -> {
                    List<Object> items = merged(null, a.items());
                    writer.entry(c.getKey(), items, 0, lines);
                    expected.put(c.getKey(), items);
                }
                case Remove r -> { }
            }
        }
        if (lines.isEmpty()) {
            return text;
        }
        // A BOM in front would hide the block from the Hub, so it goes.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String result = "---" + nl + String.join(nl, lines) + nl + "---" + nl + body;
        verify(result, expected, 2);
        return result;
    }

    /**
     * A block written as one flow mapping ({@code {a: 1, b: [x]}}) has no lines per key; it is rewritten
     * in block style as a whole, keys in their order.
     */
    private String rewrittenFlowBlock(String text, int start, int end, YamlDocument doc,
                                      Map<String, Change> changes, String nl, int yamlLine) {
        Map<String, Object> mapping = doc.mapping();
        Map<String, Object> expected = new LinkedHashMap<>(mapping);
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            switch (c.getValue()) {
                case Put p -> expected.put(c.getKey(), p.value());
                case Append a -> expected.put(c.getKey(), merged(expected.get(c.getKey()), a.items()));
                case Remove r -> expected.remove(c.getKey());
            }
        }
        if (expected.equals(mapping)) {
            return text;
        }
        // Comment lines before and after the mapping stay (the Hub's template card has "{}" under comments).
        List<String> lines = splitLines(text.substring(start, end));
        int last = lines.size() - 1;
        while (last > doc.rootLine() && (lines.get(last).isBlank() || lines.get(last).strip().startsWith("#"))) {
            last--;
        }
        StringBuilder region = new StringBuilder();
        lines.subList(0, doc.rootLine()).forEach(region::append);
        List<String> written = new ArrayList<>();
        YamlValueWriter writer = new YamlValueWriter(0);
        expected.forEach((k, v) -> writer.entry(k, v, 0, written));
        written.forEach(l -> region.append(l).append(nl));
        lines.subList(last + 1, lines.size()).forEach(region::append);
        String result = text.substring(0, start) + region + text.substring(end);
        verify(result, expected, yamlLine);
        return result;
    }

    /** The items of a string-or-list value followed by the new items it does not hold yet. */
    private static List<Object> merged(Object current, List<Object> items) {
        List<Object> out = new ArrayList<>();
        if (current instanceof List<?> l) {
            out.addAll(l);
        } else if (current instanceof Map) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "cannot add list items to a mapping", 0, 0));
        } else if (current != null && !"".equals(current)) {   // `tags: ""` holds no item: it would stay as one
            out.add(current);
        }
        for (Object item : items) {
            if (!out.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }

    private void verify(String result, Map<String, Object> expected, int line) {
        FrontMatterSplitter.Split split = splitter.split(result);
        YamlDocument doc = split.found()
                ? reader.read(result.substring(split.yamlStart(), split.yamlEnd()), 1, new ArrayList<>()) : null;
        if (doc == null || doc.mapping() == null || !doc.mapping().equals(expected)) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_READABLE, "the edited metadata block would not read"
                    + " back as intended; the card is left as it is", line, 1));
        }
    }

    /** Items are indented as in the card's first block list under a top-level key; PyYAML's 0 otherwise. */
    private static int sequenceIndent(Collection<RootEntry> entries) {
        for (RootEntry e : entries) {
            if (e.shape() == YamlDocument.Shape.BLOCK_SEQUENCE && e.dashColumn() >= e.keyColumn()) {
                return Math.min(e.dashColumn() - e.keyColumn(), 4);
            }
        }
        return 0;
    }

    /** The first line ending of the text; "\n" when it has none. */
    static String lineEnding(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
        }
        return "\n";
    }

    /** Lines with their line ends, split at \n, \r\n and lone \r as the YAML reader counts them. */
    private static List<String> splitLines(String region) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= region.length() || region.charAt(i + 1) != '\n'))) {
                lines.add(region.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < region.length()) {
            lines.add(region.substring(start));
        }
        return lines;
    }
}
