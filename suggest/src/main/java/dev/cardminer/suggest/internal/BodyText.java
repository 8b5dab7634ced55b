package dev.cardminer.suggest.internal;

import dev.cardminer.core.CardLimits;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.TextLines;
import dev.cardminer.suggest.Evidence;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A card body with what extractors need to locate their evidence: line starts (for card line and column)
 * and the fenced code blocks (rules for prose skip them, rules for snippets read only them).
 */
public final class BodyText {

    private static final int MAX_EVIDENCE = 300;

    private final ModelCard card;
    private final String body;
    private final TextLines lines;   // as the parser counts them: \n, \r\n and a lone \r end a line
    private final int[] lineStarts;
    private final int[] codeRanges;   // start, end pairs of fenced code blocks (content and fences)
    private String lower;
    private long[] strippedLines;   // per line, packed bounds of the stripped line; -1 until asked

    public BodyText(ModelCard card) {
        this.card = card;
        this.body = analysed(card);
        lines = TextLines.of(body);
        lineStarts = new int[lines.lineCount()];
        for (int i = 0; i < lineStarts.length; i++) {
            lineStarts[i] = lines.lineStart(i + 1);
        }
        codeRanges = fences(body, lineStarts);
    }

    /**
     * The part of the body that the parser analysed: the whole body, or its first 256 KiB ({@link CardLimits#analysedEnd},
     * the bound analyze and the parser apply; the parser's {@code body-too-large} warning says where it ends), so that
     * no rule reads a 30 MB body.
     */
    public static String analysed(ModelCard card) {
        String body = card.body();
        int end = CardLimits.DEFAULTS.analysedEnd(body);
        return end == body.length() ? body : body.substring(0, end);
    }

    public ModelCard card() {
        return card;
    }

    public String body() {
        return body;
    }

    /**
     * Whether the body holds any of these lower-case words: a cheap test before a costly pattern (Java's
     * regular expressions try every position of the body).
     */
    public boolean mentions(String... words) {
        if (lower == null) {
            lower = body.toLowerCase(java.util.Locale.ROOT);
        }
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code offset} lies in a fenced code block (a binary search: rules ask once per match). */
    public boolean inCode(int offset) {
        int lo = 0;
        int hi = codeRanges.length / 2 - 1;
        while (lo <= hi) {   // the last block starting at or before offset
            int mid = (lo + hi) >>> 1;
            if (codeRanges[2 * mid] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 && offset < codeRanges[2 * hi + 1];
    }

    /** The fenced code blocks' contents (without the fence lines), in order. */
    public List<int[]> codeBlocks() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < codeRanges.length; i += 2) {
            int open = lineIndex(codeRanges[i]);
            int end = codeRanges[i + 1];
            if (open + 1 >= lineStarts.length || lineStarts[open + 1] > end) {
                continue;
            }
            int contentStart = lineStarts[open + 1];
            int last = lineIndex(Math.max(0, end - 1));   // the closing fence's line
            int contentEnd = last > open + 1 ? lineStarts[last] : end;
            out.add(new int[]{contentStart, Math.max(contentStart, contentEnd)});
        }
        return out;
    }

    /** Evidence for the body range [start, end): the line around it, its card line and column. */
    public Evidence evidence(int start, int end) {
        int index = lineIndex(start);
        int lineStart = lineStarts[index];
        int lineEnd = Math.max(start, lines.lineEnd(index + 1));
        // the line's stripped bounds, found once per line: a rule that makes evidence for each of many matches on one
        // long line would otherwise copy and strip the whole line each time (quadratic in the line's length)
        long stripped = lineEnd == lines.lineEnd(index + 1) ? strippedLine(index, lineStart, lineEnd)
                : strip(lineStart, lineEnd);
        int from0 = (int) (stripped >>> 32);
        int to0 = (int) stripped;
        String text;
        if (to0 - from0 <= MAX_EVIDENCE) {
            text = body.substring(from0, to0);
        } else {
            int from = Math.max(lineStart, start - MAX_EVIDENCE / 3);
            int to = Math.min(lineEnd, from + MAX_EVIDENCE);
            text = body.substring(from, to).strip();
        }
        return new Evidence(text, card.bodyLine() + index, start - lineStart + 1, start, end);
    }

    /** {@link #strip} of a whole line, cached by line. */
    private long strippedLine(int index, int lineStart, int lineEnd) {
        if (strippedLines == null) {
            strippedLines = new long[lineStarts.length];
            Arrays.fill(strippedLines, -1);
        }
        if (strippedLines[index] < 0) {
            strippedLines[index] = strip(lineStart, lineEnd);
        }
        return strippedLines[index];
    }

    /** The bounds of {@code body.substring(from, to).strip()} (as {@link String#strip}: white space by code point), packed. */
    private long strip(int from, int to) {
        int a = from;
        while (a < to) {
            int cp = body.codePointAt(a);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            a += Character.charCount(cp);
        }
        int b = to;
        while (b > a) {
            int cp = body.codePointBefore(b);
            if (!Character.isWhitespace(cp)) {
                break;
            }
            b -= Character.charCount(cp);
        }
        return ((long) a << 32) | b;
    }

    /** A suggestion whose evidence is the body range [start, end). */
    public Suggestion suggestion(String field, Object value, int start, int end, double confidence, String method) {
        return new Suggestion(field, value, evidence(start, end), confidence, method);
    }

    /** Evidence for a value read from the metadata block, not from the body. */
    public static Evidence metadata(ModelCard card, String text) {
        return new Evidence(text, card.yamlLine(), 1, -1, -1);
    }

    /**
     * Evidence for a value read from under a metadata key ({@code model-index}'s results, {@code license_link}): the
     * key's line, else the block's first line.
     */
    public static Evidence metadataKey(ModelCard card, String key, String text) {
        String yaml = card.yaml();
        if (yaml != null) {
            TextLines lines = TextLines.of(yaml);
            for (int i = 0; i < lines.lineCount(); i++) {
                if (keyColon(yaml.substring(lines.lineStart(i + 1), lines.lineEnd(i + 1)), key) >= 0) {
                    return new Evidence(text, card.yamlLine() + i, 1, -1, -1);
                }
            }
        }
        return metadata(card, text);
    }

    /**
     * Evidence for an item of a metadata key, {@code tags: [..., item]} or {@code - item} under {@code key:}: the
     * item's own line and column in the card; the key's line when the item is not found as written (a value the
     * YAML spells with escapes, an anchor); the block's first line when the key is not found either.
     */
    public static Evidence metadataItem(ModelCard card, String key, String item, String text) {
        String yaml = card.yaml();
        if (yaml == null) {
            return metadata(card, text);
        }
        TextLines lines = TextLines.of(yaml);
        int keyLine = -1;
        for (int i = 0; i < lines.lineCount(); i++) {
            String line = yaml.substring(lines.lineStart(i + 1), lines.lineEnd(i + 1));
            if (keyLine < 0) {
                int colon = keyColon(line, key);
                if (colon >= 0) {
                    keyLine = i;
                    int at = flowItem(line, colon + 1, item);   // tags: [a, b] on the key's line
                    if (at >= 0) {
                        return new Evidence(text, card.yamlLine() + i, at + 1, -1, -1);
                    }
                }
                continue;
            }
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '-' && line.charAt(0) != '#') {
                break;   // the next top-level key
            }
            String t = line.strip();
            if (t.startsWith("-")) {
                String value = t.substring(1).strip();
                int hash = value.indexOf(" #");
                value = (hash >= 0 ? value.substring(0, hash) : value).strip();
                if (unquote(value).equalsIgnoreCase(item)) {
                    return new Evidence(text, card.yamlLine() + i, line.indexOf(value) + 1, -1, -1);
                }
            } else if (flowItem(line, 0, item) >= 0) {
                return new Evidence(text, card.yamlLine() + i, flowItem(line, 0, item) + 1, -1, -1);
            }
        }
        return keyLine >= 0 ? new Evidence(text, card.yamlLine() + keyLine, 1, -1, -1) : metadata(card, text);
    }

    /** The index of the colon of {@code key:} (plain or quoted) at the start of a top-level line, else -1. */
    private static int keyColon(String line, String key) {
        for (String written : List.of(key, "\"" + key + "\"", "'" + key + "'")) {
            if (line.startsWith(written)) {
                int i = written.length();
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < line.length() && line.charAt(i) == ':') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Where {@code item} stands as a whole item of a flow sequence in {@code line} (from {@code from}), else -1. */
    private static int flowItem(String line, int from, String item) {
        int open = line.indexOf('[', from);
        if (open < 0) {
            return -1;
        }
        int at = open + 1;
        for (String part : line.substring(open + 1).split(",", -1)) {
            String value = part.replace("]", "").strip();
            if (!value.isEmpty() && unquote(value).equalsIgnoreCase(item)) {
                return at + part.indexOf(value);
            }
            at += part.length() + 1;
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** Evidence read from the repo's id, which is on no line of the card: line and column 0. */
    public static Evidence repoId(String text) {
        return new Evidence(text, 0, 0, -1, -1);
    }

    /** The 0-based index of the body line that holds {@code offset} (lines as the parser counts them). */
    public int line(int offset) {
        return lineIndex(offset);
    }

    /** Where the body line of this 0-based index starts. */
    public int lineStart(int index) {
        return lineStarts[index];
    }

    /** Where the body line of this 0-based index ends, before its line end. */
    public int lineEnd(int index) {
        return lines.lineEnd(index + 1);
    }

    private int lineIndex(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    private static int[] fences(String body, int[] lineStarts) {
        List<Integer> out = new ArrayList<>();
        int open = -1;
        char fenceChar = 0;
        int fenceLength = 0;
        for (int k = 0; k < lineStarts.length; k++) {
            int start = lineStarts[k];
            int i = start;
            int indent = 0;
            while (i < body.length() && body.charAt(i) == ' ' && indent < 4) {
                i++;
                indent++;
            }
            if (indent > 3 || i >= body.length()) {
                continue;
            }
            char c = body.charAt(i);
            if (c != '`' && c != '~') {
                continue;
            }
            int n = 0;
            while (i + n < body.length() && body.charAt(i + n) == c) {
                n++;
            }
            if (n < 3) {
                continue;
            }
            if (open < 0) {
                open = start;
                fenceChar = c;
                fenceLength = n;
            } else if (c == fenceChar && n >= fenceLength) {
                out.add(open);
                out.add(k + 1 < lineStarts.length ? lineStarts[k + 1] : body.length());
                open = -1;
            }
        }
        if (open >= 0) {
            out.add(open);
            out.add(body.length());
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text from the start of the sentence (or line) up to {@code end}, at most 200 characters. */
    public static String clauseBefore(String body, int end) {
        int from = end;
        while (from > 0 && end - from < 200) {
            char c = body.charAt(from - 1);
            if (c == '\n' || c == '.' || c == '!' || c == '?') {
                break;
            }
            from--;
        }
        return body.substring(from, end);
    }
}
