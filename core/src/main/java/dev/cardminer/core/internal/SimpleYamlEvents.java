package dev.cardminer.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The events snakeyaml-engine's parser gives for the common, simple shape of a metadata block, made
 * without it: block mappings and block sequences (indentless too) of one-line scalars, plain or
 * quoted without escapes, or one-line flow collections of plain scalars, with blank and comment lines. Anything else (nested or multi-line flow collections, block
 * scalars, multi-line scalars, anchors, tags, escapes, tabs, carriage returns, characters outside the
 * Basic Multilingual Plane or that snakeyaml treats specially, a root that is not a mapping) makes
 * {@link #isSimple} false, and the block is read by snakeyaml. {@link #read} streams the events, as
 * snakeyaml does (a 30 MB block of keys makes 5 M events, too many to hold). The events carry what
 * {@link YamlTreeBuilder} reads (values, styles, start marks, scalar end marks), so a block read either
 * way gives the same data, positions and problems; {@code SimpleYamlEventsTest} compares both on every
 * corpus card. About half of a card's parse time was snakeyaml on such blocks.
 */
final class SimpleYamlEvents {

    private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
    private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);
    private static final int[] NO_BUFFER = new int[0];
    /** snakeyaml rejects an implicit key longer than 1024 chars; longer keys are left to it (and its error). */
    private static final int MAX_KEY = 1000;
    /** Deeper blocks are left to snakeyaml (real cards nest about 8 deep). */
    private static final int MAX_DEPTH = 40;

    private final String yaml;
    private final int n;
    /** Where events go; null while only checking that the block is simple. */
    private final Predicate<Event> sink;
    // The current line: its start, the column of its first non-space character (-1: blank or comment),
    // its end (before the line break), and its 0-based number.
    private int lineStart;
    private int indent;
    private int lineEnd;
    private int line;

    private SimpleYamlEvents(String yaml, Predicate<Event> sink) {
        this.yaml = yaml;
        this.n = yaml.length();
        this.sink = sink;
    }

    /** Thrown where the block leaves the simple shape, or the sink wants no more; never escapes this class. */
    private static final class NotSimple extends RuntimeException {
        static final NotSimple INSTANCE = new NotSimple();
        static final NotSimple STOPPED = new NotSimple();

        private NotSimple() {
            super(null, null, false, false);
        }
    }

    /** Whether the block has the simple shape (a scan that makes no events). */
    static boolean isSimple(String yaml) {
        if (!simpleCharacters(yaml)) {
            return false;
        }
        try {
            new SimpleYamlEvents(yaml, null).document();
            return true;
        } catch (NotSimple e) {
            return false;
        }
    }

    /** Blocks up to this many chars are read in one pass, their events held until the block proved simple. */
    private static final int ONE_PASS_CHARS = 1 << 16;

    /**
     * Gives the events of a simple block to {@code sink} (until it answers false) and returns true; returns false,
     * giving it nothing, when the block is not simple. As {@link #isSimple} then {@link #read}, but a block of real
     * size (all of hub-2023's simple ones) is read once, its events held until its end, instead of scanned twice.
     */
    static boolean readIfSimple(String yaml, Predicate<Event> sink) {
        if (yaml.length() > ONE_PASS_CHARS) {
            // A large block's events are too many to hold (a 30 MB block of keys makes 5 M).
            if (!isSimple(yaml)) {
                return false;
            }
            read(yaml, sink);
            return true;
        }
        if (!simpleCharacters(yaml)) {
            return false;
        }
        List<Event> events = new ArrayList<>();
        try {
            new SimpleYamlEvents(yaml, events::add).document();
        } catch (NotSimple e) {
            return false; // never STOPPED: the list takes every event
        }
        for (Event e : events) {
            if (!sink.test(e)) {
                break;
            }
        }
        return true;
    }

    /**
     * Gives the events of a block for which {@link #isSimple} is true to {@code sink}, until it answers false.
     *
     * @throws IllegalArgumentException when the block is not simple
     */
    static void read(String yaml, Predicate<Event> sink) {
        try {
            new SimpleYamlEvents(yaml, sink).document();
        } catch (NotSimple e) {
            if (e != NotSimple.STOPPED) {
                throw new IllegalArgumentException("not a simple block");
            }
        }
    }

    private void emit(Event e) {
        if (!sink.test(e)) {
            throw NotSimple.STOPPED;
        }
    }

    /**
     * No tab, carriage return, backslash, NUL-like control, C1 control, line or paragraph separator,
     * byte order mark, non-character or surrogate: what snakeyaml reads as the plain text it is.
     */
    private static boolean simpleCharacters(String s) {
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\n' : c == '\\' || (c >= 0x7F && (c < 0xA0 || c == 0x2028 || c == 0x2029
                    || c == 0xFEFF || c >= 0xD800 && c < 0xE000 || c >= 0xFFFE))) {
                return false;
            }
        }
        return true;
    }

    private void document() {
        lineStart = 0;
        line = 0;
        readLine();
        skipBlank();
        if (atEnd() || indent != 0) {
            throw NotSimple.INSTANCE;
        }
        if (sink != null) {
            emit(new DocumentStartEvent(false, Optional.empty(), java.util.Map.of(), Optional.empty(), Optional.empty()));
        }
        mapping(0, 0, 1);
        if (!atEnd()) {
            throw NotSimple.INSTANCE; // a line less indented than the root: not YAML snakeyaml would accept
        }
    }

    // ---- lines

    private boolean atEnd() {
        return lineStart >= n;
    }

    /** Reads the line starting at lineStart: its end and indentation. */
    private void readLine() {
        if (lineStart >= n) {
            indent = -1;
            lineEnd = n;
            return;
        }
        int end = yaml.indexOf('\n', lineStart);
        lineEnd = end < 0 ? n : end;
        int i = lineStart;
        while (i < lineEnd && yaml.charAt(i) == ' ') {
            i++;
        }
        indent = i == lineEnd || yaml.charAt(i) == '#' ? -1 : i - lineStart;
    }

    private void nextLine() {
        lineStart = lineEnd + 1;
        line++;
        readLine();
    }

    /** Moves past blank and comment lines. */
    private void skipBlank() {
        while (!atEnd() && indent < 0) {
            nextLine();
        }
    }

    private Optional<Mark> mark(int offset) {
        return Optional.of(new Mark("metadata", offset, line, offset - lineStart, NO_BUFFER, 0));
    }

    // ---- structure

    /**
     * A block mapping whose keys stand at {@code column}; the current line holds its first key at
     * {@code from}. Ends before the first line indented less, or at the end.
     */
    private void mapping(int column, int from, int depth) {
        if (depth > MAX_DEPTH) {
            throw NotSimple.INSTANCE;
        }
        if (sink != null) {
            emit(new MappingStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.BLOCK, mark(from),
                    mark(from)));
        }
        while (true) {
            entry(column, from, depth);
            skipBlank();
            if (atEnd() || indent < column) {
                break;
            }
            if (indent > column) {
                throw NotSimple.INSTANCE;
            }
            from = lineStart + column;
            if (yaml.charAt(from) == '-' && isSpaceOrEnd(from + 1)) {
                break; // a sequence at the mapping's own column: it belongs to a mapping above
            }
        }
        if (sink != null) {
            emit(new MappingEndEvent(Optional.empty(), Optional.empty()));
        }
    }

    /** One {@code key: value} entry whose key starts at {@code at} on the current line. */
    private void entry(int column, int at, int depth) {
        int colon = keyEnd(at);
        if (sink != null) {
            emit(new ScalarEvent(Optional.empty(), Optional.empty(), PLAIN, yaml.substring(at, colon),
                    ScalarStyle.PLAIN, mark(at), mark(colon)));
        }
        int v = colon + 1;
        while (v < lineEnd && yaml.charAt(v) == ' ') {
            v++;
        }
        if (v < lineEnd && yaml.charAt(v) != '#') {
            if (v == colon + 1) {
                throw NotSimple.INSTANCE; // "a:b" is a plain scalar, never a key (keyEnd makes sure)
            }
            value(v);
            nextLine();
            skipBlank();
            if (!atEnd() && indent > column) {
                throw NotSimple.INSTANCE; // a continuation line of a multi-line scalar
            }
            return;
        }
        if (v < lineEnd && yaml.charAt(v - 1) != ' ') {
            throw NotSimple.INSTANCE; // "a:#" : the # starts no comment
        }
        int afterColon = colon + 1;
        Optional<Mark> empty = sink == null ? null : mark(afterColon);
        nextLine();
        skipBlank();
        if (!atEnd() && indent > column) {
            int first = lineStart + indent;
            if (yaml.charAt(first) == '-' && isSpaceOrEnd(first + 1)) {
                sequence(indent, depth + 1);
            } else {
                int keyColumn = indent;
                keyEnd(first); // a nested mapping, or NotSimple (a scalar on its own line)
                mapping(keyColumn, first, depth + 1);
            }
            if (!atEnd() && indent > column) {
                throw NotSimple.INSTANCE;
            }
            return;
        }
        if (!atEnd() && indent == column) {
            int first = lineStart + indent;
            if (yaml.charAt(first) == '-' && isSpaceOrEnd(first + 1)) {
                sequence(indent, depth + 1); // indentless sequence
                return;
            }
        }
        if (sink != null) {
            emit(new ScalarEvent(Optional.empty(), Optional.empty(), PLAIN, "", ScalarStyle.PLAIN, empty, empty));
        }
    }

    /** A block sequence whose dashes stand at {@code column}, the current line holding the first. */
    private void sequence(int column, int depth) {
        if (depth > MAX_DEPTH) {
            throw NotSimple.INSTANCE;
        }
        int dash = lineStart + column;
        if (sink != null) {
            emit(new SequenceStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.BLOCK, mark(dash),
                    mark(dash)));
        }
        while (true) {
            int v = dash + 1;
            while (v < lineEnd && yaml.charAt(v) == ' ') {
                v++;
            }
            if (v >= lineEnd || yaml.charAt(v) == '#' || yaml.charAt(v) == '-' && isSpaceOrEnd(v + 1)) {
                throw NotSimple.INSTANCE; // an empty item, or a nested sequence on the dash's line
            }
            int itemColumn = v - lineStart;
            int colon = findKeyEnd(v);
            if (colon >= 0) {
                mapping(itemColumn, v, depth + 1);
                if (!atEnd() && indent > column) {
                    throw NotSimple.INSTANCE;
                }
            } else {
                value(v);
                nextLine();
                skipBlank();
                if (!atEnd() && indent > column) {
                    throw NotSimple.INSTANCE;
                }
            }
            if (atEnd() || indent < column) {
                break;
            }
            dash = lineStart + column;
            if (yaml.charAt(dash) != '-' || !isSpaceOrEnd(dash + 1)) {
                break; // a key of the mapping the (indentless) sequence is a value of
            }
        }
        if (sink != null) {
            emit(new SequenceEndEvent(Optional.empty(), Optional.empty()));
        }
    }

    // ---- scalars

    private boolean isSpaceOrEnd(int i) {
        return i >= lineEnd || yaml.charAt(i) == ' ';
    }

    /** The end of the key that starts at {@code at} (its colon), or NotSimple. */
    private int keyEnd(int at) {
        int colon = findKeyEnd(at);
        if (colon < 0) {
            throw NotSimple.INSTANCE;
        }
        return colon;
    }

    /**
     * Where a simple plain key starting at {@code at} ends: the first {@code ':'} followed by a space
     * or the line end; -1 when the line holds no such key or the key is not simple.
     */
    private int findKeyEnd(int at) {
        if (!plainStart(at)) {
            return -1;
        }
        for (int i = at; i < lineEnd; i++) {
            char c = yaml.charAt(i);
            if (c == ':' && isSpaceOrEnd(i + 1)) {
                return i == at || yaml.charAt(i - 1) == ' ' || i - at > MAX_KEY ? -1 : i;
            }
            if (c == '#' && yaml.charAt(i - 1) == ' ' || isFlowOrQuote(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isFlowOrQuote(char c) {
        return c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '"' || c == '\'';
    }

    /** Whether a plain scalar may start here: no indicator, or a dash or dot before a digit. */
    private boolean plainStart(int at) {
        char c = yaml.charAt(at);
        return switch (c) {
            case '-', '.' -> at + 1 < lineEnd && yaml.charAt(at + 1) >= '0' && yaml.charAt(at + 1) <= '9';
            case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> false;
            default -> c > ' ';
        };
    }

    /** A one-line value starting at {@code at}: a flow collection or a scalar; the line then ends. */
    private void value(int at) {
        char c = yaml.charAt(at);
        if (c == '[' || c == '{') {
            int end = flow(at);
            int i = end;
            while (i < lineEnd && yaml.charAt(i) == ' ') {
                i++;
            }
            if (i < lineEnd && (yaml.charAt(i) != '#' || i == end)) {
                throw NotSimple.INSTANCE;
            }
        } else {
            scalar(at);
        }
    }

    /**
     * A one-line flow sequence or mapping of plain scalars ({@code [a, b]}, {@code {type: t, name: n}},
     * {@code []}, {@code {}}), no nesting; the offset after its closing bracket.
     */
    private int flow(int at) {
        boolean map = yaml.charAt(at) == '{';
        char close = map ? '}' : ']';
        if (sink != null) {
            emit(map ? new MappingStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.FLOW, mark(at),
                    mark(at + 1)) : new SequenceStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.FLOW,
                    mark(at), mark(at + 1)));
        }
        int i = skipSpaces(at + 1);
        if (i < lineEnd && yaml.charAt(i) == close) {
            return endFlow(map, i);
        }
        while (true) {
            int key = i;
            i = flowScalar(i);
            if (map) {
                if (i - key > MAX_KEY) {
                    throw NotSimple.INSTANCE;
                }
                if (i + 1 >= lineEnd || yaml.charAt(i) != ':' || yaml.charAt(i + 1) != ' ') {
                    throw NotSimple.INSTANCE;
                }
                i = flowScalar(skipSpaces(i + 1));
            }
            if (i >= lineEnd) {
                throw NotSimple.INSTANCE;
            }
            char c = yaml.charAt(i);
            if (c == close) {
                return endFlow(map, i);
            }
            if (c != ',') {
                throw NotSimple.INSTANCE;
            }
            i = skipSpaces(i + 1);
        }
    }

    private int endFlow(boolean map, int at) {
        if (sink != null) {
            emit(map ? new MappingEndEvent(mark(at), mark(at + 1)) : new SequenceEndEvent(mark(at), mark(at + 1)));
        }
        return at + 1;
    }

    private int skipSpaces(int i) {
        while (i < lineEnd && yaml.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * A plain scalar inside a flow collection, starting at {@code at}: letters, digits and the like, none of
     * {@code , [ ] { } : # ' "}; the offset after it and its trailing spaces.
     */
    private int flowScalar(int at) {
        if (at >= lineEnd || !plainStart(at)) {
            throw NotSimple.INSTANCE;
        }
        int end = at;
        int i = at;
        for (; i < lineEnd; i++) {
            char c = yaml.charAt(i);
            if (c == ',' || c == ']' || c == '}' || c == ':') {
                break;
            }
            if (c == '[' || c == '{' || c == '#' || c == '\'' || c == '"') {
                throw NotSimple.INSTANCE;
            }
            if (c != ' ') {
                end = i + 1;
            }
        }
        if (sink != null) {
            emit(new ScalarEvent(Optional.empty(), Optional.empty(), PLAIN, yaml.substring(at, end), ScalarStyle.PLAIN,
                    mark(at), mark(end)));
        }
        return i;
    }

    /** A one-line value scalar starting at {@code at}: plain, or quoted without escapes; the line then ends. */
    private void scalar(int at) {
        char q = yaml.charAt(at);
        int end;
        String value;
        ScalarStyle style;
        if (q == '\'' || q == '"') {
            int close = yaml.indexOf(q, at + 1);
            if (close < 0 || close >= lineEnd) {
                throw NotSimple.INSTANCE;
            }
            end = close + 1;
            value = sink == null ? null : yaml.substring(at + 1, close);
            style = q == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED;
            int i = end;
            while (i < lineEnd && yaml.charAt(i) == ' ') {
                i++;
            }
            if (i < lineEnd && (yaml.charAt(i) != '#' || i == end)) {
                throw NotSimple.INSTANCE; // '' escapes, "a" b, "a"#
            }
        } else {
            if (!plainStart(at)) {
                throw NotSimple.INSTANCE;
            }
            end = at;
            for (int i = at; i < lineEnd; i++) {
                char c = yaml.charAt(i);
                if (c == ':' && isSpaceOrEnd(i + 1) || isFlowOrQuote(c) && c != ',' && c != '\'' && c != '"') {
                    throw NotSimple.INSTANCE;
                }
                if (c == '#' && yaml.charAt(i - 1) == ' ') {
                    break;
                }
                if (c != ' ') {
                    end = i + 1;
                }
            }
            value = sink == null ? null : yaml.substring(at, end);
            style = ScalarStyle.PLAIN;
        }
        if (sink != null) {
            emit(new ScalarEvent(Optional.empty(), Optional.empty(), style == ScalarStyle.PLAIN ? PLAIN : QUOTED,
                    value, style, mark(at), mark(end)));
        }
    }
}
