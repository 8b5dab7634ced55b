package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.internal.MetadataBlockEditor.Append;
import dev.cardminer.core.internal.MetadataBlockEditor.Change;
import dev.cardminer.core.internal.MetadataBlockEditor.EditFailure;
import dev.cardminer.core.internal.MetadataBlockEditor.FlowInsertion;
import dev.cardminer.core.internal.MetadataBlockEditor.Put;
import dev.cardminer.core.internal.MetadataBlockEditor.Remove;
import dev.cardminer.core.internal.YamlDocument.RootEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Edits a metadata block written as one flow mapping ({@code {license: mit, # c\n tags: [a, b]}}) in place, as a
 * person would: a changed key's value is replaced where it stands (items added to a flow list go inside its
 * brackets), a removed key goes with its comma, new keys go after the last value, and every other character (the
 * other entries, quotes, comments, line breaks) stays. Rewriting such a block in block style lost the comments inside
 * it. The caller reads the result back, as for every edit.
 */
final class FlowMappingEditor {

    /**
     * The block's text edited and the mapping it must read as.
     *
     * @param region   the block's lines, edited
     * @param expected the mapping the edited block must read as
     * @param key      the first key of the block that the edit changes or removes; null when it only adds keys
     * @param at       where that key (or, for additions only, the mapping) stands, a packed mark
     */
    record Result(String region, Map<String, Object> expected, String key, long at) {
    }

    /** A span of the block's text and what replaces it (empty for a deletion, a point for an insertion). */
    private record TextEdit(int start, int end, String text) {
    }

    private final String region;
    private final List<String> lines;
    private final int[] lineStarts;
    /** Lines without surrogate pairs, where a code-point column is the char index (no walk from the line's start). */
    private final boolean[] oneCharPerCodePoint;
    private final YamlDocument doc;
    private final int yamlLine;

    /**
     * @param region   the block's text with the line break after it, as its entries' marks count it
     * @param doc      the block as read: a flow mapping with at least one key
     * @param yamlLine the card line of the block's first line, for problems
     */
    FlowMappingEditor(String region, YamlDocument doc, int yamlLine) {
        this.region = region;
        this.lines = MetadataBlockEditor.splitLines(region);
        this.lineStarts = new int[lines.size() + 1];
        this.oneCharPerCodePoint = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i + 1] = lineStarts[i] + lines.get(i).length();
            oneCharPerCodePoint[i] = lines.get(i).chars().noneMatch(c -> Character.isSurrogate((char) c));
        }
        this.doc = doc;
        this.yamlLine = yamlLine;
    }

    /** The block with the changes made; null when they change nothing. */
    Result edit(Map<String, Change> changes) {
        List<RootEntry> entries = doc.entries();
        Map<String, Object> mapping = doc.mapping();
        Map<String, Object> expected = new LinkedHashMap<>(mapping);
        boolean[] deleted = new boolean[entries.size()];
        List<TextEdit> edits = new ArrayList<>();
        StringBuilder added = new StringBuilder();
        int firstChanged = Integer.MAX_VALUE;
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            String key = c.getKey();
            List<Integer> at = MetadataBlockEditor.copies(entries, key);
            Object current = mapping.get(key);
            RootEntry last = at.isEmpty() ? null : entries.get(at.get(at.size() - 1));
            Object target;
            switch (c.getValue()) {
                case Remove r -> {
                    at.forEach(i -> deleted[i] = true);
                    expected.remove(key);
                    firstChanged = at.isEmpty() ? firstChanged : Math.min(firstChanged, at.get(0));
                    continue;
                }
                case Put p -> {
                    if (at.size() == 1 && Objects.equals(current, p.value())) {
                        continue;
                    }
                    target = p.value();
                }
                case Append a -> {
                    Object merged = MetadataBlockEditor.merged(key, last == null ? null : current, a.items(),
                            last == null ? -1 : problemLine(last), last == null ? -1 : problemColumn(last));
                    if (last != null && merged.equals(current)) {
                        continue;
                    }
                    target = merged;
                }
            }
            expected.put(key, target);
            if (last == null) {
                String name = YamlValueWriter.flowScalar(key, (char) 0);
                added.append(", ").append(name).append(": ").append(flowValue(target, key, doc.rootLine(), 0));
                continue;
            }
            // every copy of a key written twice but the last goes; the last takes the value
            at.subList(0, at.size() - 1).forEach(i -> deleted[i] = true);
            firstChanged = Math.min(firstChanged, at.get(0));
            edits.add(valueEdit(last, current, target));
        }
        for (int i = 0; i < entries.size(); i++) {
            if (deleted[i]) {
                edits.addAll(deletion(entries, deleted, i));
            }
        }
        if (!added.isEmpty()) {
            edits.add(additions(entries, deleted, added));
        }
        if (edits.isEmpty()) {
            return null;
        }
        RootEntry first = firstChanged == Integer.MAX_VALUE ? null : entries.get(firstChanged);
        return new Result(applied(edits, first), expected, first == null ? null : first.key(),
                first == null ? YamlLocations.pack(Math.max(0, doc.rootLine()), 0)
                        : YamlLocations.pack(first.keyLine(), first.keyColumn()));
    }

    /** The entry's value replaced by {@code target}, or the items it adds written inside its flow list's brackets. */
    private TextEdit valueEdit(RootEntry entry, Object current, Object target) {
        FlowInsertion inside = MetadataBlockEditor.flowInsertion(lines, entry, current, target);
        if (inside != null) {
            int at = lineStarts[inside.line()] + inside.index();
            return new TextEdit(at, at, inside.added());
        }
        int start = offset(entry.valueStart());
        int end = offset(entry.valueEnd());
        if (start < 0 || end < start) {
            throw refusal(entry, "where its value stands is not known");
        }
        String written = flowValue(target, entry.key(), entry.keyLine(), entry.keyColumn());
        if (start == end) {
            // no value written ({a, b: 1}, {a: , b: 1}): the parser puts the empty one at what follows; the new one
            // goes right after the colon, or after the key with a colon where it has none
            int before = start;
            while (before > 0 && (region.charAt(before - 1) == ' ' || region.charAt(before - 1) == '\t')) {
                before--;
            }
            if (before == 0 || region.charAt(before - 1) != ':') {
                return new TextEdit(before, before, ": " + written);
            }
            int after = start;
            while (after < region.length() && (region.charAt(after) == ' ' || region.charAt(after) == '\t')) {
                after++;
            }
            // {a: , b: 1} -> {a: x, b: 1}: the blanks that stood for the value go where a comma or brace follows
            boolean separator = after < region.length() && (region.charAt(after) == ',' || region.charAt(after) == '}');
            return new TextEdit(before, separator ? after : start, " " + written);
        }
        return new TextEdit(start, end, written);
    }

    /**
     * The spans that remove entry {@code i} with one comma: its own after it, or, for the last entry when it has
     * none, the comma after the last entry kept before it, and the blanks between a comma and the entry after it
     * ({@link #applied} takes the rest of a line that is left blank); comments and line breaks stay.
     */
    private List<TextEdit> deletion(List<RootEntry> entries, boolean[] deleted, int i) {
        RootEntry entry = entries.get(i);
        int keyStart = offset(YamlLocations.pack(entry.keyLine(), entry.keyColumn()));
        int valueEnd = offset(entry.valueEnd());
        if (keyStart < 0 || valueEnd < keyStart) {
            throw refusal(entry, "where it stands is not known");
        }
        int indicator = keyStart;
        while (indicator > 0 && (region.charAt(indicator - 1) == ' ' || region.charAt(indicator - 1) == '\t')) {
            indicator--;
        }
        if (indicator > 0 && region.charAt(indicator - 1) == '?') {
            keyStart = indicator - 1;   // an explicit key ({? a : 1}) goes with its '?'
        }
        List<TextEdit> spans = new ArrayList<>();
        int comma = commaAfter(valueEnd);
        if (comma >= 0) {
            if (blankBetween(valueEnd, comma)) {
                spans.add(new TextEdit(keyStart, blanksBeforeNext(comma + 1), ""));
            } else {
                spans.add(new TextEdit(keyStart, valueEnd, ""));
                spans.add(new TextEdit(comma, blanksBeforeNext(comma + 1), ""));
            }
            return spans;
        }
        if (i != entries.size() - 1) {
            throw refusal(entry, "no comma follows it");
        }
        int kept = i - 1;
        while (kept >= 0 && deleted[kept]) {
            kept--;
        }
        if (kept >= 0) {
            int before = commaAfter(offset(entries.get(kept).valueEnd()));
            if (before < 0) {
                throw refusal(entry, "no comma stands before it");
            }
            spans.add(new TextEdit(before, blanksBeforeNext(before + 1), ""));
        }
        spans.add(new TextEdit(keyStart, valueEnd, ""));
        return spans;
    }

    /** New keys after the last value kept ({a: 1, } keeps its comma after them), or inside the braces when none is. */
    private TextEdit additions(List<RootEntry> entries, boolean[] deleted, CharSequence added) {
        int kept = entries.size() - 1;
        while (kept >= 0 && deleted[kept]) {
            kept--;
        }
        int at = kept >= 0 ? offset(entries.get(kept).valueEnd()) : offset(doc.rootEnd());
        if (at < 0 || (kept < 0 && region.charAt(at) != '}')) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "cannot find where new keys go in the"
                    + " flow mapping ({...}) of the metadata block; the card is left as it is",
                    yamlLine + Math.max(0, doc.rootLine()), 1));
        }
        return new TextEdit(at, at, kept >= 0 ? added.toString() : added.subSequence(2, added.length()).toString());
    }

    /** The block with the edits made, from the last to the first so that offsets hold. */
    private String applied(List<TextEdit> edits, RootEntry first) {
        List<TextEdit> merged = new ArrayList<>();
        edits.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        for (TextEdit e : edits) {
            TextEdit previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && previous.text().isEmpty() && e.text().isEmpty() && e.start() <= previous.end()) {
                // two deletions that meet (a comma's blanks and a line of its own): one
                merged.set(merged.size() - 1, new TextEdit(previous.start(), Math.max(previous.end(), e.end()), ""));
            } else if (previous != null && e.start() < previous.end()) {
                throw refusal(first, "two of its changes meet in the same text");
            } else {
                merged.add(e);
            }
        }
        merged.replaceAll(e -> e.text().isEmpty() ? blanksAround(e.start(), e.end()) : e);
        // one pass from the start (a replace per edit from the end copied the rest of the block each time: quadratic
        // in a line of thousands of entries); at one offset an insertion (at 5) goes in front of a deletion ([5, 9))
        merged.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder out = new StringBuilder(region.length() + 64);
        int at = 0;
        for (TextEdit e : merged) {
            if (e.start() < at) {
                throw refusal(first, "two of its changes meet in the same text");   // widened to their blanks
            }
            out.append(region, at, e.start()).append(e.text());
            at = e.end();
        }
        return out.append(region, at, region.length()).toString();
    }

    /** The separator comma after a value: past blanks, line breaks and comments; -1 when the mapping ends first. */
    private int commaAfter(int from) {
        int i = from;
        while (i < region.length()) {
            char c = region.charAt(i);
            if (c == ',') {
                return i;
            }
            if (c == '#') {
                while (i < region.length() && region.charAt(i) != '\n' && region.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private boolean blankBetween(int from, int to) {
        for (int i = from; i < to; i++) {
            if (region.charAt(i) != ' ' && region.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Past the blanks after a comma when what follows them on the line is the next entry or the closing brace (so
     * that {@code {a: 1, b: 2}} loses "a: 1, " whole); {@code from} itself when a comment or the line's end follows.
     */
    private int blanksBeforeNext(int from) {
        int i = from;
        while (i < region.length() && (region.charAt(i) == ' ' || region.charAt(i) == '\t')) {
            i++;
        }
        boolean next = i < region.length() && "#\r\n".indexOf(region.charAt(i)) < 0;
        return next ? i : from;
    }

    /**
     * The deletion of [start, end) with what it would leave blank: its whole lines where nothing else than blanks is
     * on them, else the blanks before it where only blanks follow it on its line (no trailing blanks are left).
     */
    private TextEdit blanksAround(int start, int end) {
        int lineStart = start;
        while (lineStart > 0 && (region.charAt(lineStart - 1) == ' ' || region.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        int lineEnd = end;
        while (lineEnd < region.length() && (region.charAt(lineEnd) == ' ' || region.charAt(lineEnd) == '\t')) {
            lineEnd++;
        }
        boolean startsLine = lineStart == 0 || region.charAt(lineStart - 1) == '\n' || region.charAt(lineStart - 1) == '\r';
        boolean endsLine = lineEnd < region.length() && (region.charAt(lineEnd) == '\n' || region.charAt(lineEnd) == '\r');
        if (!endsLine) {
            return new TextEdit(start, end, "");
        }
        if (!startsLine) {
            return new TextEdit(lineStart, lineEnd, "");
        }
        int afterBreak = region.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1;
        return new TextEdit(lineStart, afterBreak, "");
    }

    /** The offset in the block of a packed mark (line, code-point column); -1 when it is not in the block. */
    private int offset(long mark) {
        int line = (int) (mark >>> 32);
        if (mark < 0 || line >= lines.size()) {
            return -1;
        }
        int column = (int) mark;
        int index = !oneCharPerCodePoint[line] ? MetadataBlockEditor.charIndex(lines.get(line), column)
                : column <= lines.get(line).length() ? column : -1;
        return index < 0 ? -1 : lineStarts[line] + index;
    }

    private String flowValue(Object value, String key, int line, int column) {
        String written = YamlValueWriter.flowValue(value);
        if (written == null) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "the value of '" + key + "' cannot be"
                    + " written in the flow style of the metadata block ({...}); the card is left as it is",
                    doc.locations().location(YamlLocations.pack(line, column)).line(), 1));
        }
        return written;
    }

    private int problemLine(RootEntry entry) {
        return doc.locations().location(YamlLocations.pack(entry.keyLine(), entry.keyColumn())).line();
    }

    private int problemColumn(RootEntry entry) {
        return doc.locations().location(YamlLocations.pack(entry.keyLine(), entry.keyColumn())).column();
    }

    /** Why an entry cannot be changed in place: the block is not rewritten instead, which would lose its comments. */
    private EditFailure refusal(RootEntry entry, String why) {
        return new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "'" + entry.key() + "' cannot be changed"
                + " in place in the flow mapping ({...}) of the metadata block: " + why + "; edit it by hand; the card is"
                + " left as it is", problemLine(entry), problemColumn(entry)));
    }
}
