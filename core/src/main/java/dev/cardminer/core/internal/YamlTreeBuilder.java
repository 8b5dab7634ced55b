package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.internal.YamlDocument.FlowList;
import dev.cardminer.core.internal.YamlDocument.RootEntry;
import dev.cardminer.core.internal.YamlDocument.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Builds plain Java data from the YAML parser's events, for one block. It replaces snakeyaml-engine's
 * composer and constructor so that it can: work without recursion (deep nesting cannot overflow the
 * stack), stop at a depth limit, bound what aliases expand to, report duplicate keys with their line,
 * turn keys into strings, record where each value stands, and compare each plain scalar with what
 * PyYAML would make of it. One instance per block; not thread-safe.
 */
final class YamlTreeBuilder {

    /** Real cards nest at most about 8 deep (model-index[0].results[0].metrics[0].args.x); 100 is ample. */
    static final int MAX_DEPTH = 100;
    /**
     * Nodes that aliases may add beyond those written out. Aliased values are shared, not copied, so
     * memory stays bounded by the text; this bounds the work of anything that walks the data (JSON
     * output, equality), which a billion-laughs block would otherwise make exponential.
     */
    static final long MAX_ALIAS_NODES = 1_000_000;

    private static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final Anchored IN_PROGRESS = new Anchored(null, 0);

    private record Anchored(Object value, long size) {
    }

    private static final class Frame {
        final boolean map;
        final LinkedHashMap<String, Object> m;
        final ArrayList<Object> l;
        final String anchor;
        final long mark;
        final boolean flow;
        long[] marks = new long[4];
        int count;
        long size = 1;
        boolean expectKey = true;
        String pendingKey;
        long pendingKeyMark;

        Frame(boolean map, String anchor, long mark, boolean flow) {
            this.map = map;
            this.m = map ? new LinkedHashMap<>() : null;
            this.l = map ? null : new ArrayList<>();
            this.anchor = anchor;
            this.mark = mark;
            this.flow = flow;
        }

        /** Key positions (insertion order), built on the first duplicate key: most mappings never need it. */
        HashMap<String, Integer> positions;

        /** The insertion position of a key already in the mapping. */
        int keyPosition(String key) {
            if (positions == null) {
                positions = new HashMap<>();
                int i = 0;
                for (String k : m.keySet()) {
                    positions.put(k, i++);
                }
            }
            return positions.get(key);
        }

        void addMark(long mark) {
            if (count == marks.length) {
                marks = Arrays.copyOf(marks, count * 2);
            }
            marks[count++] = mark;
        }
    }

    private final String yaml;
    private final int firstLine;
    private final List<Problem> problems;
    /** {@code problems} when it is capped: past its cap, notes are counted instead of built. */
    private final ProblemList capped;
    private final IdentityHashMap<Object, long[]> marks;
    private final ArrayList<Frame> stack = new ArrayList<>();
    private HashMap<String, Anchored> anchors;
    private long aliasNodes;
    private int documents;
    private Object root;
    private long rootMark;
    /** Where a root flow mapping's closing brace stands; -1 otherwise. */
    private long rootEnd = -1;
    private boolean failed;
    private YamlLocations locations;

    // The top-level entry being read, for line-preserving edits.
    private final List<RootEntry> entries = new ArrayList<>();
    private boolean flowRoot;
    private boolean entryOpen;
    private String entryKey;
    private int entryKeyLine;
    private int entryKeyColumn;
    private int entryLastLine;
    private long entryValueStart;
    private long entryValueEnd;
    private boolean entryBlockScalar;
    private Shape entryShape;
    private int entryDash;
    // The entry's value as a flow sequence of scalars so far (items, previous end, last start, last end, close,
    // first start);
    // null when it is not one
    private long[] entryFlow;

    /**
     * Plain scalars already read, by their text, in blocks over {@link #SHARE_FROM} chars: a block of a
     * million {@code - no} items or repeated metric names then holds one value per distinct text instead
     * of one per item. At most {@link #SHARED_MAX} texts, so a block of distinct values costs no more.
     */
    private final HashMap<String, Object> shared;
    static final int SHARE_FROM = 64 * 1024;
    static final int SHARED_MAX = 4096;

    // Code point ranges of quoted and block scalars, kept only when the block holds a tab.
    private final boolean trackTabs;
    private long[] nonPlain = new long[0];
    private int nonPlainCount;

    YamlTreeBuilder(String yaml, int firstLine, List<Problem> problems) {
        this.yaml = yaml;
        this.firstLine = firstLine;
        this.problems = problems;
        this.capped = problems instanceof ProblemList list ? list : null;
        this.trackTabs = yaml.indexOf('\t') >= 0;
        this.shared = yaml.length() > SHARE_FROM ? new HashMap<>() : null;
        // model-index-heavy blocks hold about one collection per 20 characters; spares most resizing, up to
        // 64 Ki (a 30 MB block of keys holds one collection, and 1.5 M expected would take a 32 MB table)
        this.marks = new IdentityHashMap<>(Math.clamp(yaml.length() / 20, 16, 1 << 16));
    }

    /** Handles one event; false when reading must stop (a problem was recorded). */
    boolean event(Event e) {
        return switch (e.getEventId()) {
            case DocumentStart -> {
                if (++documents > 1) {
                    yield fail(Problem.Severity.ERROR, "yaml-multiple-documents",
                            "the metadata block holds more than one YAML document", start(e), null);
                }
                yield true;
            }
            case Scalar -> scalar((ScalarEvent) e);
            case SequenceStart, MappingStart -> startCollection((CollectionStartEvent) e);
            case SequenceEnd, MappingEnd -> endCollection(e);
            case Alias -> alias((AliasEvent) e);
            default -> true;
        };
    }

    boolean failed() {
        return failed;
    }

    /** The data read, after the last event; null when reading failed or the block held no mapping. */
    Object root() {
        return failed ? null : root;
    }

    long rootMark() {
        return rootMark;
    }

    long rootEnd() {
        return rootEnd;
    }

    YamlLocations locations() {
        if (locations == null) {
            locations = new YamlLocations(marks, yaml, firstLine);
        }
        return locations;
    }

    List<RootEntry> entries() {
        return entries;
    }

    boolean flowRoot() {
        return flowRoot;
    }

    // ---- events

    private boolean scalar(ScalarEvent e) {
        Frame top = top();
        boolean isKey = top != null && top.map && top.expectKey;
        long mark = start(e);
        String text = e.getValue();
        Object value = construct(e, mark, isKey);
        if (e.isPlain() && e.getTag().isEmpty() && CoreSchemaScalars.isOverlongInteger(text)) {
            if (!counted(ProblemCodes.YAML_NUMBER_TOO_LONG)) {
                problems.add(problem(Problem.Severity.WARNING, ProblemCodes.YAML_NUMBER_TOO_LONG, "an integer of "
                        + String.format(Locale.ROOT, "%,d", text.length()) + " characters at "
                        + path(isKey, "(a long number)") + " is read as text: cardminer reads at most "
                        + CoreSchemaScalars.MAX_INTEGER_DIGITS + " digits as a number (Python's int(), in the Hub's "
                        + "client, refuses more decimal digits than that); quote it if it is text",
                        mark, path(isKey, "(a long number)")));
            }
        } else if (e.isPlain() && e.getTag().isEmpty() && Yaml11Resolver.mayNotBeString(text)) {
            compareWithYaml11(text, value, isKey, mark);
        }
        if (trackTabs && !e.isPlain()) {
            addNonPlainRange(e);
        }
        boolean blockScalar = e.isLiteral() || e.isFolded();
        if (entryFlow != null && stack.size() == 2) {
            if (entryFlow[0]++ == 0) {
                entryFlow[5] = mark;
            }
            entryFlow[1] = entryFlow[3];
            entryFlow[2] = mark;
            entryFlow[3] = end(e);
        }
        if (entryOpen && !(isKey && stack.size() == 1)) {
            if (stack.size() == 1 && entryShape == null) {
                entryShape = blockScalar ? Shape.BLOCK_SCALAR : Shape.SCALAR;
                entryValueStart = mark;
            }
            trackEnd(e, blockScalar);
        }
        String anchor = anchorOf(e);
        if (anchor != null) {
            anchors().put(anchor, new Anchored(value, 1));
        }
        return add(value, mark, 1);
    }

    private boolean startCollection(CollectionStartEvent e) {
        long mark = start(e);
        if (stack.size() >= MAX_DEPTH) {
            return fail(Problem.Severity.ERROR, "yaml-too-deep",
                    "the metadata nests deeper than " + MAX_DEPTH + " levels", mark, path(false, null));
        }
        boolean map = e instanceof MappingStartEvent;
        Optional<String> tag = e.getTag();
        if (tag.isPresent() && !isKnownCollectionTag(tag.get())) {
            Frame top = top();
            problems.add(problem(Problem.Severity.WARNING, "yaml-tag", "unknown tag " + tag.get()
                    + ", which PyYAML's safe_load rejects; the value is read as plain data", mark,
                    path(top != null && top.map && top.expectKey, null)));
        }
        if (stack.isEmpty()) {
            flowRoot = map && e.isFlow();
        } else if (entryOpen && stack.size() == 1 && entryShape == null) {
            entryShape = e.isFlow() ? Shape.FLOW : map ? Shape.BLOCK_MAPPING : Shape.BLOCK_SEQUENCE;
            entryValueStart = mark;
            entryDash = !map && !e.isFlow() ? (int) mark : -1;
            entryFlow = !map && e.isFlow() ? new long[]{0, -1, -1, -1, -1, -1} : null;
        } else if (stack.size() == 2) {
            entryFlow = null;   // an item that is a collection: no longer a list of scalars
        }
        String anchor = anchorOf(e);
        if (anchor != null) {
            anchors().put(anchor, IN_PROGRESS);
        }
        stack.add(new Frame(map, anchor, mark, e.isFlow()));
        return true;
    }

    private boolean endCollection(Event e) {
        Frame f = stack.remove(stack.size() - 1);
        Object value = f.map ? Collections.unmodifiableMap(f.m) : Collections.unmodifiableList(f.l);
        Frame parent = top();
        // A collection used as a key is kept as text only; its positions are kept when an alias may reuse it.
        boolean textKey = parent != null && parent.map && parent.expectKey && f.anchor == null;
        if (f.count > 0 && !textKey) {
            marks.put(value, f.marks);
        }
        if (f.anchor != null) {
            anchors().put(f.anchor, new Anchored(value, f.size));
        }
        if (f.flow && entryOpen) {
            trackEnd(e, false);
        }
        if (entryFlow != null && stack.size() == 1) {
            entryFlow[4] = start(e);
        }
        if (stack.isEmpty() && f.map && f.flow) {
            rootEnd = start(e);
        }
        return add(value, f.mark, f.size);
    }

    private boolean alias(AliasEvent e) {
        String name = e.getAlias().getValue();
        Anchored a = anchors == null ? null : anchors.get(name);
        long mark = start(e);
        if (a == null) {
            return fail(Problem.Severity.ERROR, "yaml-undefined-alias", "alias *" + name + " refers to no anchor",
                    mark, null);
        }
        if (a == IN_PROGRESS) {
            return fail(Problem.Severity.ERROR, "yaml-recursive-alias",
                    "alias *" + name + " refers to a value that contains it", mark, null);
        }
        aliasNodes += a.size;
        if (aliasNodes > MAX_ALIAS_NODES) {
            return fail(Problem.Severity.ERROR, "yaml-alias-bomb", "aliases expand the metadata to more than "
                    + MAX_ALIAS_NODES + " extra values (a \"billion laughs\" block?)", mark, null);
        }
        if (stack.size() == 2) {
            entryFlow = null;
        }
        if (entryOpen) {
            if (stack.size() == 1 && entryShape == null) {
                entryShape = Shape.ALIAS;
                entryValueStart = mark;
            }
            trackEnd(e, false);
        }
        return add(a.value, mark, a.size);
    }

    /** Puts a finished value into the enclosing collection (or makes it the root). */
    private boolean add(Object value, long mark, long size) {
        Frame f = top();
        if (f == null) {
            root = value;
            rootMark = mark;
            return true;
        }
        f.size += size;
        if (!f.map) {
            f.l.add(value);
            f.addMark(mark);
            return true;
        }
        if (f.expectKey) {
            f.pendingKey = keyString(value, mark);
            f.pendingKeyMark = mark;
            f.expectKey = false;
            if (stack.size() == 1) {
                openEntry(f.pendingKey, mark);
            }
            return true;
        }
        int before = f.m.size();
        f.m.put(f.pendingKey, value);
        if (f.m.size() == before) {
            duplicate(f);
        } else {
            if (f.positions != null) {
                f.positions.put(f.pendingKey, f.count);
            }
            f.addMark(f.pendingKeyMark);
        }
        f.expectKey = true;
        if (stack.size() == 1) {
            closeEntry();
        }
        return true;
    }

    private void duplicate(Frame f) {
        int position = f.keyPosition(f.pendingKey);
        if (!counted("yaml-duplicate-key")) {
            // the author has to pick one copy: say where the other is
            int before = locations().location(f.marks[position]).line();
            problems.add(problem(Problem.Severity.ERROR, "yaml-duplicate-key", "key " + MessageValues.quote(String.valueOf(f.pendingKey))
                    + " appears more than once in this mapping (also at line " + before + "); the last value is kept,"
                    + " as PyYAML does", f.pendingKeyMark, path(false, null)));
        }
        f.marks[position] = f.pendingKeyMark;
    }

    private String keyString(Object key, long mark) {
        if (key instanceof String s) {
            return s;
        }
        if ((key instanceof Map || key instanceof List) && !counted("yaml-complex-key")) {
            problems.add(problem(Problem.Severity.WARNING, "yaml-complex-key",
                    "a mapping or list used as a key is kept as text; PyYAML rejects such keys", mark,
                    path(true, null)));
        }
        return String.valueOf(key);
    }

    // ---- top-level entries (for CardEditor)

    private void openEntry(String key, long mark) {
        entryOpen = true;
        entryKey = key;
        entryKeyLine = (int) (mark >>> 32);
        entryKeyColumn = (int) mark;
        entryLastLine = entryKeyLine;
        entryValueStart = -1;
        entryValueEnd = -1;
        entryBlockScalar = false;
        entryShape = null;
        entryDash = -1;
        entryFlow = null;
    }

    private void closeEntry() {
        entries.add(new RootEntry(entryKey, entryKeyLine, entryKeyColumn, entryLastLine, entryBlockScalar,
                entryShape == null ? Shape.SCALAR : entryShape, entryDash, entryFlow == null || entryFlow[4] < 0 ? null
                : new FlowList((int) entryFlow[0], entryFlow[5], entryFlow[1], entryFlow[2], entryFlow[3], entryFlow[4]),
                entryValueStart, entryValueEnd));
        entryFlow = null;
        entryOpen = false;
    }

    private void trackEnd(Event e, boolean blockScalar) {
        Mark end = e.getEndMark().orElse(null);
        if (end == null) {
            return;
        }
        int line = end.getColumn() == 0 ? end.getLine() - 1 : end.getLine();
        if (line >= entryLastLine) {
            entryLastLine = Math.max(line, entryKeyLine);
            entryBlockScalar = blockScalar;
            entryValueEnd = YamlLocations.pack(end.getLine(), end.getColumn());
        }
    }

    // ---- scalars

    private Object construct(ScalarEvent e, long mark, boolean isKey) {
        String v = e.getValue();
        Optional<String> tag = e.getTag();
        if (tag.isEmpty() || tag.get().equals("!")) {
            return e.isPlain() && tag.isEmpty() ? plain(v) : v;
        }
        String t = tag.get();
        if (!t.startsWith(YAML_TAG)) {
            if (!counted("yaml-tag")) {
                problems.add(problem(Problem.Severity.WARNING, "yaml-tag", "unknown tag " + t
                        + ", which PyYAML's safe_load rejects; the value is read as text", mark, path(isKey, v)));
            }
            return v;
        }
        String name = t.substring(YAML_TAG.length());
        Object value = CoreSchemaScalars.value(v);
        switch (name) {
            case "str", "binary", "timestamp":
                return v;
            case "int":
                if (value instanceof Long || value instanceof BigInteger) {
                    return value;
                }
                break;
            case "float":
                if (value instanceof Number num) {
                    return num.doubleValue();
                }
                break;
            case "bool":
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case "null":
                if (value == null) {
                    return null;
                }
                break;
            default:
                if (!counted("yaml-tag")) {
                    problems.add(problem(Problem.Severity.WARNING, "yaml-tag", "tag " + t
                            + " is not one the metadata can use; the value is read as text", mark, path(isKey, v)));
                }
                return v;
        }
        if (!counted("yaml-tag")) {
            problems.add(problem(Problem.Severity.WARNING, "yaml-tag", MessageValues.quote(String.valueOf(v)) + " is not a valid " + t
                    + "; the value is read as text", mark, path(isKey, v)));
        }
        return v;
    }

    /** The core-schema value of a plain scalar, shared with earlier equal ones in large blocks. */
    private Object plain(String text) {
        if (shared == null) {
            return CoreSchemaScalars.value(text);
        }
        Object value = shared.get(text);
        if (value == null) {
            value = CoreSchemaScalars.value(text);
            if (value != null && shared.size() < SHARED_MAX) {
                shared.put(text, value);
            }
        }
        return value;
    }

    private static boolean isKnownCollectionTag(String tag) {
        return tag.equals(Tag.MAP.getValue()) || tag.equals(Tag.SEQ.getValue()) || tag.equals("!")
                || tag.equals(YAML_TAG + "omap") || tag.equals(YAML_TAG + "pairs") || tag.equals(YAML_TAG + "set");
    }

    private void compareWithYaml11(String text, Object ours, boolean isKey, long mark) {
        if ((ours instanceof Long || ours instanceof Double) && isSimpleDecimal(text)) {
            return; // the common metric value: both schemas read 12 or -0.873 alike
        }
        Yaml11Resolver.Resolved py = Yaml11Resolver.resolve(text);
        if (sameValue(py, ours)) {
            return;
        }
        String code = py.kind() == Yaml11Resolver.Kind.MERGE && isKey ? "yaml11-merge-key"
                : py.kind() == Yaml11Resolver.Kind.INVALID || py.kind() == Yaml11Resolver.Kind.MERGE
                ? "yaml11-error" : "yaml11-scalar";
        if (counted(code)) {
            return;
        }
        String path = path(isKey, text);
        if (code.equals("yaml11-merge-key")) {
            problems.add(problem(Problem.Severity.INFO, "yaml11-merge-key", "'<<' at " + path
                    + " is a plain key in YAML 1.2, but PyYAML (YAML 1.1, the Hub's Python client) merges the"
                    + " aliased mapping into this one", mark, path));
            return;
        }
        if (code.equals("yaml11-error")) {
            problems.add(problem(Problem.Severity.WARNING, "yaml11-error", MessageValues.quote(text) + " at " + path
                    + " is " + describe(ours) + " in YAML 1.2, but PyYAML (YAML 1.1, the Hub's Python client) cannot"
                    + " read it, so the Python client rejects the block; quote it", mark, path));
            return;
        }
        problems.add(problem(Problem.Severity.INFO, "yaml11-scalar", MessageValues.quote(text) + " at " + path + " is "
                + describe(ours) + " in YAML 1.2 but " + Yaml11Resolver.describe(py)
                + " for PyYAML (YAML 1.1, the Hub's Python client)"
                + (ours instanceof String ? "; quote it so that every reader sees a string" : ""), mark, path));
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}, which YAML 1.1 and 1.2 read as the same number. */
    private static boolean isSimpleDecimal(String s) {
        int i = s.charAt(0) == '-' ? 1 : 0;
        int start = i;
        int n = s.length();
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start || (s.charAt(start) == '0' && i - start > 1)) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == n) {
            return false;
        }
        for (i++; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean sameValue(Yaml11Resolver.Resolved py, Object ours) {
        return switch (py.kind()) {
            case STR -> ours instanceof String s && s.equals(py.value());
            case BOOL -> py.value().equals(ours);
            case NULL -> ours == null;
            case INT -> (ours instanceof Long || ours instanceof BigInteger)
                    && new BigInteger(ours.toString()).equals(py.value());
            case FLOAT -> ours instanceof Double d && d.equals(py.value());
            default -> false;
        };
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return "the string " + MessageValues.quote(s);
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (v instanceof Double d) {
            return "the float " + MessageValues.shorten(d.toString());
        }
        return "the integer " + MessageValues.shorten(v.toString());
    }

    // ---- tabs: PyYAML rejects a tab anywhere but in a quoted or block scalar or a comment

    private void addNonPlainRange(ScalarEvent e) {
        if (e.getStartMark().isEmpty() || e.getEndMark().isEmpty()) {
            return;
        }
        if (nonPlainCount + 2 > nonPlain.length) {
            nonPlain = Arrays.copyOf(nonPlain, Math.max(16, nonPlain.length * 2));
        }
        nonPlain[nonPlainCount++] = e.getStartMark().get().getIndex();
        nonPlain[nonPlainCount++] = e.getEndMark().get().getIndex();
    }

    /** After a successful read: a tab that PyYAML would reject becomes one warning. */
    void checkTabsForYaml11() {
        if (!trackTabs || failed) {
            return;
        }
        int cp = 0;
        int lineStart = 0;
        int line = 0;
        int lineStartCp = 0;
        for (int i = 0, n = yaml.length(); i < n; i++, cp++) {
            char c = yaml.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= n || yaml.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
                lineStartCp = cp + 1;
            } else if (c == '\t' && !inNonPlain(cp) && !inComment(lineStart, i, lineStartCp)) {
                long mark = YamlLocations.pack(line, cp - lineStartCp);
                problems.add(problem(Problem.Severity.WARNING, "yaml11-tab", "a tab character here is fine in YAML"
                        + " 1.2 but PyYAML (YAML 1.1, the Hub's Python client) rejects it, so the Python client"
                        + " cannot read the block; use spaces", mark, null));
                return;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(yaml.charAt(i + 1))) {
                i++;
            }
        }
    }

    private boolean inNonPlain(long cp) {
        int lo = 0;
        int hi = nonPlainCount / 2 - 1;
        while (lo <= hi) { // ranges come in text order and do not overlap
            int mid = (lo + hi) >>> 1;
            if (nonPlain[2 * mid] <= cp) {
                if (cp < nonPlain[2 * mid + 1]) {
                    return true;
                }
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    private boolean inComment(int lineStart, int at, int lineStartCp) {
        for (int h = lineStart; h < at; h++) {
            if (yaml.charAt(h) == '#' && (h == lineStart || yaml.charAt(h - 1) == ' ' || yaml.charAt(h - 1) == '\t')
                    && !inNonPlain(lineStartCp + yaml.codePointCount(lineStart, h))) {
                return true;
            }
        }
        return false;
    }

    // ---- helpers

    private Frame top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    private HashMap<String, Anchored> anchors() {
        if (anchors == null) {
            anchors = new HashMap<>();
        }
        return anchors;
    }

    private static String anchorOf(org.snakeyaml.engine.v2.events.NodeEvent e) {
        return e.getAnchor().map(a -> a.getValue()).orElse(null);
    }

    private static long end(Event e) {
        Mark m = e.getEndMark().orElse(null);
        return m == null ? -1 : YamlLocations.pack(m.getLine(), m.getColumn());
    }

    private static long start(Event e) {
        Mark m = e.getStartMark().orElse(null);
        return m == null ? 0 : YamlLocations.pack(m.getLine(), m.getColumn());
    }

    /**
     * The key path of the value being read: each open collection contributes the key or index its
     * child goes to. For a key being read, {@code keyText} names it.
     */
    private String path(boolean forKey, String keyText) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < stack.size(); i++) {
            Frame f = stack.get(i);
            boolean last = i == stack.size() - 1;
            if (f.map) {
                String k = last && forKey ? (keyText == null ? "?" : keyText) : f.pendingKey;
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(k);
            } else {
                sb.append('[').append(f.l.size()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Whether a problem of this code is only counted: the card's problems are past their cap. A block of
     * a million {@code - no} items would otherwise build a located message per item only to drop it.
     */
    private boolean counted(String code) {
        if (capped == null || !capped.counting()) {
            return false;
        }
        capped.countDropped(code);
        return true;
    }

    private Problem problem(Problem.Severity severity, String code, String message, long mark, String path) {
        YamlLocations.Location at = locations().location(mark);
        return new Problem(severity, code, message, at.line(), at.column(), path == null || path.isEmpty() ? null : path);
    }

    private boolean fail(Problem.Severity severity, String code, String message, long mark, String path) {
        problems.add(problem(severity, code, message, mark, path));
        failed = true;
        return false;
    }
}
