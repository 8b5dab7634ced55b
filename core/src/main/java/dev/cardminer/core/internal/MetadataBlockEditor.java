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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final class EditFailure extends RuntimeException {
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
    private final MetadataAnalyzer analyzer = new MetadataAnalyzer();

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
            Matcher empty = UnseenBlocks.emptyBlock(text);
            if (empty != null) {
                return withKeysInEmptyBlock(text, empty.end(1), changes, empty.group(1));
            }
            hiddenBlock(text);
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
            if (doc.mapping().isEmpty()) {
                // the template's "{}" under its comments: the keys it gets are written in block style
                return rewrittenFlowBlock(text, split.yamlStart(), regionEnd, doc, changes, nl, yamlLine);
            }
            FlowMappingEditor.Result inPlace = new FlowMappingEditor(text.substring(split.yamlStart(), regionEnd), doc,
                    yamlLine).edit(changes);
            if (inPlace == null) {
                return text;
            }
            String result = text.substring(0, split.yamlStart()) + inPlace.region() + text.substring(regionEnd);
            verify(result, inPlace.expected(), doc.locations().location(inPlace.at()), inPlace.key(),
                    aliases(doc, splitLines(yaml)));
            return result;
        }
        List<String> lines = splitLines(text.substring(split.yamlStart(), regionEnd));
        Map<String, Object> expected = new LinkedHashMap<>(doc.mapping());
        String region = edit(lines, doc, changes, expected, nl);
        if (region == null) {
            return text;
        }
        if (region.isEmpty() && expected.isEmpty()) {
            // every key removed and nothing else in the block: '---' right above '---' is a block the Hub does not
            // see, and would show as two rules above the text; the card is its body
            String body = text.substring(0, MetadataAnalyzer.afterLeadingWhitespace(text)[0]) + text.substring(split.bodyStart());
            if (splitter.split(body).found()) {
                throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "removing every key would leave no"
                        + " metadata block, and the Hub would read the '---' lines of the text below as one; the card is"
                        + " left as it is", yamlLine, 1));
            }
            return body;
        }
        String result = text.substring(0, split.yamlStart()) + region + text.substring(regionEnd);
        RootEntry first = firstChanged(doc, expected);
        verify(result, expected, first == null ? doc.locations().blockStart()
                : doc.locations().location(YamlLocations.pack(first.keyLine(), first.keyColumn())),
                first == null ? null : first.key(), aliases(doc, lines));
        return result;
    }

    private String edit(List<String> lines, YamlDocument doc, Map<String, Change> changes,
                        Map<String, Object> expected, String nl) {
        List<RootEntry> entries = doc.entries();
        int indent = entries.isEmpty() ? 0 : entries.get(0).keyColumn();
        int mappingIndent = mappingIndent(lines, entries);
        YamlValueWriter writer = new YamlValueWriter(sequenceIndent(entries), mappingIndent);
        boolean flowLists = flowListsOnly(doc);
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
        // line -> replacement for lines [line, endLine]; insertions after a line; lines rewritten in place
        TreeMap<Integer, int[]> replaced = new TreeMap<>();
        Map<Integer, List<String>> replacement = new TreeMap<>();
        Map<Integer, List<String>> insertedAfter = new TreeMap<>();
        Map<Integer, String> rewritten = new TreeMap<>();
        List<String> appended = new ArrayList<>();
        boolean changed = false;
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            String key = c.getKey();
            List<Integer> at = copies(entries, key);
            Object current = doc.mapping().get(key);
            RootEntry last = at.isEmpty() ? null : entries.get(at.get(at.size() - 1));
            List<String> newLines = new ArrayList<>();
            Integer insertAfter = null;
            FlowInsertion inFlow = null;
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
                }
                case Append a -> {
                    YamlLocations.Location where = last == null ? doc.locations().blockStart()
                            : doc.locations().location(YamlLocations.pack(last.keyLine(), last.keyColumn()));
                    List<Object> merged = merged(key, at.isEmpty() ? null : current, a.items(), where.line(), where.column());
                    if (!at.isEmpty() && merged.equals(current)) {
                        continue;
                    }
                    expected.put(key, merged);
                    target = merged;
                }
            }
            boolean removal = c.getValue() instanceof Remove;
            String inPlace = null;
            if (!removal) {
                inFlow = last == null ? null : flowInsertion(lines, last, current, target);
                inPlace = inFlow != null || last == null ? null
                        : flowValueReplaced(lines, last, ends[at.get(at.size() - 1)], current, target);
                if (inFlow != null) {
                    // written in place below
                } else if (inPlace != null) {
                    newLines.add(inPlace);
                } else if (last != null && last.shape() == YamlDocument.Shape.BLOCK_SEQUENCE
                        && extendsList(current, target)) {
                    // the list's lines stay; the new items go after its last, in its style
                    List<?> held = (List<?>) current;
                    List<?> all = (List<?>) target;
                    int lastLine = ends[at.get(at.size() - 1)];
                    ItemStyle style = itemStyle(lines, last, lastLine);
                    writer.items(all.subList(held.size(), all.size()), last.dashColumn(), style.dash(), style.quote(),
                            newLines);
                    insertAfter = lastLine;
                } else {
                    boolean flowStyle = last == null || last.shape() == YamlDocument.Shape.SCALAR ? flowLists
                            : last.shape() == YamlDocument.Shape.FLOW && current instanceof List;
                    String flow = flowStyle && target instanceof List<?> l && !l.isEmpty()
                            ? YamlValueWriter.flowList(l) : null;
                    if (flow != null) {
                        // a flow list stays one, and a file that writes its lists so gets its new ones so
                        newLines.add(" ".repeat(indent) + YamlValueWriter.scalar(key) + ": " + flow);
                    } else {
                        YamlValueWriter own = last != null && last.shape() == YamlDocument.Shape.BLOCK_SEQUENCE
                                ? new YamlValueWriter(Math.max(0, last.dashColumn() - last.keyColumn()), mappingIndent)
                                : writer;
                        own.entry(key, target, indent, newLines);
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
                boolean isLast = k == at.size() - 1;
                if (isLast && inFlow != null) {
                    rewritten.put(inFlow.line(), inFlow.applyTo(lines.get(inFlow.line())));
                } else if (isLast && insertAfter != null) {
                    insertedAfter.put(insertAfter, newLines);
                    // earlier duplicates go, the last one stays and grows
                } else {
                    replaced.put(entries.get(i).keyLine(), new int[]{ends[i]});
                    String comment = isLast && !removal && inPlace == null && !newLines.isEmpty()
                            && ends[i] == entries.get(i).keyLine() ? trailingComment(lines.get(ends[i]), entries.get(i)) : null;
                    if (comment != null) {
                        // language: en  # primary → language: [en, fr]  # primary: the author's note stays
                        newLines.set(0, newLines.get(0) + comment);
                    }
                    replacement.put(entries.get(i).keyLine(), isLast && !removal ? newLines : List.of());
                }
            }
        }
        if (!changed) {
            return null;
        }
        if (!appended.isEmpty()) {
            // The Hub reads the block without its last line break, so a block scalar that ends it has none; a key
            // written after it would give it one. New keys go before such an entry and the comments above it.
            int n = entries.size();
            int after = n == 0 ? lines.size() - 1
                    : !entries.get(n - 1).endsInBlockScalar() ? ends[n - 1]
                    : n > 1 ? ends[n - 2] : aboveOnlyEntry(lines, entries.get(0).keyLine());
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
                out.append(rewritten.getOrDefault(i, lines.get(i)));
            }
            List<String> after = insertedAfter.get(i);
            if (after != null) {
                after.forEach(l -> out.append(l).append(nl));
            }
        }
        return out.toString();
    }

    /**
     * Where keys go before the block's only entry: above the comment lines right over its key, which are about it,
     * unless those start the block: then they are its header (the Hub template's "# For reference on model card
     * metadata ..."), and the keys go under them, right over the key. The line after which they go; -1 for the top.
     */
    private static int aboveOnlyEntry(List<String> lines, int keyLine) {
        int top = keyLine;
        while (top > 0 && lines.get(top - 1).strip().startsWith("#")) {
            top--;
        }
        return top == 0 || top == keyLine ? keyLine - 1 : top - 1;
    }

    /**
     * The key's line with a flow collection value ({@code tags: [a, b]}, {@code widget: {text: hi}}, also over several
     * lines) replaced by {@code target}, a collection of the same kind, in flow style on one line: what stands before
     * the value (the key, its quotes) and after it (a comment) stays. Null where the value does not start on the key's
     * line or end by {@code lastLine}, or is not such a collection.
     */
    private static String flowValueReplaced(List<String> lines, RootEntry entry, int lastLine, Object current,
                                            Object target) {
        boolean sameKind = current instanceof List && target instanceof List
                || current instanceof Map && target instanceof Map;
        long start = entry.valueStart();
        long end = entry.valueEnd();
        if (entry.shape() != YamlDocument.Shape.FLOW || !sameKind || start < 0 || end < 0
                || (int) (start >>> 32) != entry.keyLine() || (int) (end >>> 32) > lastLine) {
            return null;
        }
        String written = YamlValueWriter.flowValue(target);
        String first = lines.get(entry.keyLine());
        String last = lines.get((int) (end >>> 32));
        int from = charIndex(first, (int) start);
        int to = charIndex(last, (int) end);
        if (written == null || from < 0 || to < 0) {
            return null;
        }
        return first.substring(0, from) + written + withoutLineEnd(last.substring(to));
    }

    private static String withoutLineEnd(String line) {
        return line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                : line.endsWith("\n") || line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A comment after a one-line entry's value ({@code "  # primary"}), blanks in front; null when it has none. */
    private static String trailingComment(String line, RootEntry entry) {
        long end = entry.valueEnd();
        if (end < 0 || (int) (end >>> 32) != entry.keyLine()) {
            return null;
        }
        int index = charIndex(line, (int) end);
        if (index < 0) {
            return null;
        }
        Matcher m = TRAILING_COMMENT.matcher(line).region(index, line.length());
        return m.matches() ? m.group(1) : null;
    }

    /** Blanks and a comment up to the line's end, and the line end. */
    private static final Pattern TRAILING_COMMENT = Pattern.compile("([ \t]+#[^\r\n]*)(\r\n|\n|\r)?");

    /** How a block list writes its items: the dash and the spaces after it, and the quote all of them use (or 0). */
    private record ItemStyle(String dash, char quote) {
    }

    /**
     * The style of the items of a block list whose lines run from the entry's key to {@code lastLine}: the dash of
     * its last item, and a quote only where every item starts with it (a list of plain and quoted items, as a tag
     * quoted for {@code 'no'}, gets plain new items).
     */
    private static ItemStyle itemStyle(List<String> lines, RootEntry entry, int lastLine) {
        String dash = "- ";
        int quote = -1;
        for (int l = entry.keyLine() + 1; l <= lastLine && l < lines.size(); l++) {
            String line = lines.get(l);
            Matcher item = BLOCK_ITEM.matcher(line);
            if (!item.lookingAt() || item.start(1) != entry.dashColumn()) {
                continue;
            }
            dash = item.group(1);
            char q = item.group(2) == null ? 0 : item.group(2).charAt(0);
            quote = quote == -1 || quote == q ? q : 0;
        }
        return new ItemStyle(dash, quote <= 0 ? 0 : (char) quote);
    }

    /** A list item's dash and what follows it up to the text, and the quote the text starts with. */
    private static final Pattern BLOCK_ITEM = Pattern.compile("[ ]*(-[ ]+)(['\"])?");
    /**
     * What may stand between two items of a flow list for a new item to be written the same way: spaces only, as
     * PyYAML rejects a tab anywhere in a flow list.
     */
    private static final Pattern FLOW_SEPARATOR = Pattern.compile("[ ]*,[ ]*(\r\n|\n|\r)?[ ]*");

    /** New items of a flow list: where they go (a line of the block, a char index in it) and their text. */
    record FlowInsertion(int line, int index, String added) {

        /** The line with the items in. */
        String applyTo(String lineText) {
            return lineText.substring(0, index) + added + lineText.substring(index);
        }
    }

    /** Whether {@code value} is the list {@code current} with items added after its own. */
    static boolean extendsList(Object current, Object value) {
        return current instanceof List<?> held && value instanceof List<?> all && all.size() > held.size()
                && all.subList(0, held.size()).equals(held);
    }

    /**
     * Where the items that {@code value} adds to {@code current} go in a flow list ({@code [a, b]}), and their text:
     * inside its brackets, after its last item, separated and quoted as its items are, so that the items already
     * there stay byte for byte. Null when the key is not such a list, or {@code value} does not keep its items in
     * front, or an item added is not a scalar.
     */
    static FlowInsertion flowInsertion(List<String> lines, RootEntry entry, Object current, Object value) {
        YamlDocument.FlowList flow = entry.flowList();
        if (flow == null || !extendsList(current, value)) {
            return null;
        }
        List<?> held = (List<?>) current;
        List<?> all = (List<?>) value;
        long at = flow.items() == 0 ? flow.close() : flow.lastEnd();
        int line = (int) (at >>> 32);
        if (at < 0 || line >= lines.size()) {
            return null;
        }
        String separator = ", ";
        char quote = 0;
        if (flow.items() > 0) {
            // quoted as its items are where its first and last agree
            char first = quoteAt(lines, flow.firstStart());
            quote = first == quoteAt(lines, flow.lastStart()) ? first : 0;
        }
        if (flow.items() > 1) {
            String between = text(lines, flow.previousEnd(), flow.lastStart());
            if (between != null && FLOW_SEPARATOR.matcher(between).matches()) {
                separator = between;
            }
        }
        StringBuilder added = new StringBuilder();
        for (Object item : all.subList(held.size(), all.size())) {
            String written = YamlValueWriter.flowScalar(item, quote);
            if (written == null) {
                return null;
            }
            added.append(added.isEmpty() && flow.items() == 0 ? "" : separator).append(written);
        }
        String text = lines.get(line);
        int index = charIndex(text, (int) at);
        if (index < 0) {
            return null;
        }
        return new FlowInsertion(line, index, added.toString());
    }

    /** The quote (' or ") a scalar starts with at a packed mark; 0 for a plain one. */
    private static char quoteAt(List<String> lines, long mark) {
        int line = (int) (mark >>> 32);
        if (mark < 0 || line >= lines.size()) {
            return 0;
        }
        int index = charIndex(lines.get(line), (int) mark);
        char c = index >= 0 && index < lines.get(line).length() ? lines.get(line).charAt(index) : 0;
        return c == '\'' || c == '"' ? c : 0;
    }

    /** The block's text between two packed marks; null where a mark is not in it. */
    private static String text(List<String> lines, long from, long to) {
        int fromLine = (int) (from >>> 32);
        int toLine = (int) (to >>> 32);
        if (from < 0 || to < 0 || toLine >= lines.size() || fromLine > toLine) {
            return null;
        }
        int start = charIndex(lines.get(fromLine), (int) from);
        int end = charIndex(lines.get(toLine), (int) to);
        if (start < 0 || end < 0) {
            return null;
        }
        if (fromLine == toLine) {
            return start <= end ? lines.get(fromLine).substring(start, end) : null;
        }
        StringBuilder sb = new StringBuilder(lines.get(fromLine).substring(start));
        for (int l = fromLine + 1; l < toLine; l++) {
            sb.append(lines.get(l));
        }
        return sb.append(lines.get(toLine), 0, end).toString();
    }

    /** The char index of a code-point column in a line; -1 past its end. */
    static int charIndex(String line, int column) {
        try {
            return line.offsetByCodePoints(0, column);
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** Whether the block's lists are all one-line flow lists ({@code tags: [a, b]}), so that new ones are too. */
    private static boolean flowListsOnly(YamlDocument doc) {
        boolean any = false;
        for (RootEntry e : doc.entries()) {
            if (doc.mapping().get(e.key()) instanceof List<?> l && !l.isEmpty()) {
                if (e.flowList() == null || e.lastLine() != e.keyLine()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * How far the block indents a mapping's keys under their key, from its first top-level mapping written in
     * block style; 2 (the usual) when it has none.
     */
    private static int mappingIndent(List<String> lines, List<RootEntry> entries) {
        for (RootEntry e : entries) {
            if (e.shape() != YamlDocument.Shape.BLOCK_MAPPING) {
                continue;
            }
            for (int l = e.keyLine() + 1; l <= e.lastLine() && l < lines.size(); l++) {
                String line = lines.get(l);
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                int spaces = 0;
                while (spaces < line.length() && line.charAt(spaces) == ' ') {
                    spaces++;
                }
                int step = spaces - e.keyColumn();
                return step >= 1 && step <= 8 ? step : 2;
            }
        }
        return 2;
    }

    /**
     * Refuses a card whose block the Hub does not see (behind a BOM, or never closed): a new block in front would
     * leave the author's keys as body text under it, and editing the hidden one would bring back its other keys.
     */
    private void hiddenBlock(String text) {
        int loneCr = UnseenBlocks.loneCrOpener(text);
        if (loneCr > 0) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, LONE_CR, loneCr, 1));
        }
        List<Problem> why = new ArrayList<>();
        analyzer.explainMissingBlock(text, why);
        if (why.isEmpty()) {
            blankAfterOpeningDashes(text, why);
        }
        if (!why.isEmpty()) {
            Problem p = why.get(0);
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, p.message() + "; the card is left as it"
                    + " is", p.line(), p.column()));
        }
    }

    /** An opening line with blanks after it ({@code ---  }): the Hub does not open the block, so its keys are text. */
    private static void blankAfterOpeningDashes(String text, List<Problem> why) {
        int line = UnseenBlocks.blankAfterOpeningDashes(text);
        if (line > 0) {
            why.add(Problem.warning(ProblemCodes.EDIT_NOT_POSSIBLE, "the line '---' that opens the metadata block has"
                    + " spaces or tabs after it, so the Hub does not see the block and reads its keys as text; remove"
                    + " them", line, 4));
        }
    }

    private static final String LONE_CR = "the card's lines end in a lone carriage return (CR, as on old Macs), after"
            + " which the Hub does not see a metadata block (it closes one only with a '---' line ending in LF or CRLF);"
            + " convert its line endings to LF or CRLF first; the card is left as it is";

    private String withNewBlock(String text, Map<String, Change> changes, String nl) {
        if (nl.equals("\r")) {
            // The Hub's rule closes a block only with a '---' line ending in LF or CRLF: a block written in the
            // card's lone CRs would not be seen, and one in LFs would mix the file's line endings.
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, LONE_CR, 1, 1));
        }
        List<String> lines = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        newEntries(changes, lines, expected);
        if (lines.isEmpty()) {
            return text;
        }
        // A BOM in front would hide the block from the Hub, so it goes.
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String result = "---" + nl + String.join(nl, lines) + nl + "---" + nl + body;
        verify(result, expected, new YamlLocations.Location(2, 1), null);
        return result;
    }

    /** A block left empty ({@code ---} right above {@code ---}), which the Hub does not see: the keys go in between. */
    private String withKeysInEmptyBlock(String text, int inside, Map<String, Change> changes, String nl) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        newEntries(changes, lines, expected);
        if (lines.isEmpty()) {
            return text;
        }
        String result = text.substring(0, inside) + String.join(nl, lines) + nl + text.substring(inside);
        verify(result, expected, new YamlLocations.Location(new LineIndex(text).line(inside), 1), null);
        return result;
    }

    /** The lines of the keys set or added, for a block that has none yet, and the mapping they make. */
    private static void newEntries(Map<String, Change> changes, List<String> lines, Map<String, Object> expected) {
        YamlValueWriter writer = new YamlValueWriter(0);
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            switch (c.getValue()) {
                case Put s -> {
                    writer.entry(c.getKey(), s.value(), 0, lines);
                    expected.put(c.getKey(), s.value());
                }
                case Append a -> {
                    List<Object> items = merged(c.getKey(), null, a.items(), 1, 1);
                    writer.entry(c.getKey(), items, 0, lines);
                    expected.put(c.getKey(), items);
                }
                case Remove r -> { }
            }
        }
    }

    /**
     * A block written as a flow mapping without keys (the template's {@code {}}) has no line to add keys after; it is
     * rewritten in block style, the comments around it kept.
     */
    private String rewrittenFlowBlock(String text, int start, int end, YamlDocument doc,
                                      Map<String, Change> changes, String nl, int yamlLine) {
        Map<String, Object> mapping = doc.mapping();
        Map<String, Object> expected = new LinkedHashMap<>(mapping);
        for (Map.Entry<String, Change> c : changes.entrySet()) {
            switch (c.getValue()) {
                case Put p -> expected.put(c.getKey(), p.value());
                case Append a -> expected.put(c.getKey(), merged(c.getKey(), null, a.items(), 1, 1));   // {} holds no key
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
        verify(result, expected, doc.locations().blockStart(), null);
        return result;
    }

    /**
     * The items of a string-or-list value followed by the new items it does not hold yet; a mapping, which takes no
     * items, is refused at its key's card {@code line} and {@code column}.
     */
    static List<Object> merged(String key, Object current, List<Object> items, int line, int column) {
        List<Object> out = new ArrayList<>();
        if (current instanceof List<?> l) {
            out.addAll(l);
        } else if (current instanceof Map) {
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_POSSIBLE, "cannot add list items to '" + key
                    + "': its value is a mapping (keys and values), not a list; set it instead", line, column));
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

    /** The indexes of the entries of {@code key}: more than one where the block writes it twice. */
    static List<Integer> copies(List<RootEntry> entries, String key) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                at.add(i);
            }
        }
        return at;
    }

    /** The first entry, in the block's order, whose value the edit changes or removes; null when none is. */
    private static RootEntry firstChanged(YamlDocument doc, Map<String, Object> expected) {
        for (RootEntry e : doc.entries()) {
            if (!expected.containsKey(e.key()) || !Objects.equals(expected.get(e.key()), doc.mapping().get(e.key()))) {
                return e;
            }
        }
        return null;
    }

    /**
     * Reads the edited card back: it must give {@code expected}, else the edit is refused at {@code at} (the first key
     * it changes, {@code key}, or the block), with what the reader said where it could not read the block.
     */
    private void verify(String result, Map<String, Object> expected, YamlLocations.Location at, String key) {
        verify(result, expected, at, key, List.of());
    }

    /**
     * Reads the edited card back as {@link #verify(String, Map, YamlLocations.Location, String)} does; where it fails
     * because a top-level key of {@code aliases} shared the value changed (it would change with it, or lose its
     * anchor), the refusal names that key.
     */
    private void verify(String result, Map<String, Object> expected, YamlLocations.Location at, String key,
                        List<Alias> aliases) {
        FrontMatterSplitter.Split split = splitter.split(result);
        List<Problem> problems = new ArrayList<>();
        YamlDocument doc = split.found()
                ? reader.read(result.substring(split.yamlStart(), split.yamlEnd()), 1, problems) : null;
        if (doc == null || doc.mapping() == null || !doc.mapping().equals(expected)) {
            String reason = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst()
                    .map(Problem::message).orElse("");
            List<String> shared = aliases.stream().filter(a -> reason.contains("*" + a.name() + " ")
                    || doc != null && doc.mapping() != null && !Objects.equals(doc.mapping().get(a.key()), expected.get(a.key())))
                    .map(a -> "'" + a.key() + "' (line " + a.line() + ", *" + a.name() + ")").toList();
            String why = !shared.isEmpty() && key != null ? "changing '" + key + "' would also change "
                    + String.join(", ", shared) + (shared.size() == 1 ? ", an alias" : ", aliases") + " of the value changed;"
                    + " give " + (shared.size() == 1 ? "it a value of its own" : "them values of their own") + " by hand first"
                    : (key == null ? "the edited metadata block" : "changing '" + key + "' leaves a metadata block that")
                    + " would not read back as intended" + (reason.isEmpty() ? "" : " (" + reason + ")");
            throw new EditFailure(Problem.error(ProblemCodes.EDIT_NOT_READABLE, why + "; the card is left as it is",
                    at.line(), at.column()));
        }
    }

    /** A top-level key whose value is an alias ({@code license_copy: *lic}): its card line and the anchor's name. */
    private record Alias(String key, int line, String name) {
    }

    private static List<Alias> aliases(YamlDocument doc, List<String> lines) {
        List<Alias> out = new ArrayList<>();
        for (RootEntry e : doc.entries()) {
            int line = (int) (e.valueStart() >>> 32);
            if (e.shape() != YamlDocument.Shape.ALIAS || e.valueStart() < 0 || line >= lines.size()) {
                continue;
            }
            int from = charIndex(lines.get(line), (int) e.valueStart());
            Matcher name = ALIAS_NAME.matcher(lines.get(line)).region(Math.max(0, from), lines.get(line).length());
            if (from >= 0 && name.lookingAt()) {
                out.add(new Alias(e.key(), doc.locations().location(e.valueStart()).line(), name.group(1)));
            }
        }
        return out;
    }

    private static final Pattern ALIAS_NAME = Pattern.compile("\\*([^\\s,\\[\\]{}]+)");

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
    static List<String> splitLines(String region) {
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
