package dev.cardminer.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.SourceLine;

/**
 * What commonmark's inline parser makes of lines whose only inline syntax is the two constructs most common in
 * cards besides plain text: inline links {@code [text](destination)} with plain text and a plain destination
 * (no title), code spans of one backtick with no space at either end, and {@code *emphasis*} or
 * {@code **strong emphasis**} of plain text between a space (or the line's ends) and a word. Text nodes (merged, as the parser
 * merges them), links with their text, code spans, soft line breaks between lines, each with the source span
 * the parser gives it. Anything else (other emphasis, escapes, entities, HTML, images, titles, nested brackets,
 * trailing or leading spaces, ...) is left to the parser: {@link #appendTo} then returns false and adds nothing.
 * {@code BodyMarkdownTest} compares the trees with a full parse on every corpus card.
 */
final class SimpleInlines {

    /**
     * Where a line's nodes are: kinds and [start, end) offsets in the line (a link's text is [start + 1, mid), an
     * emphasis's run of '*' is mid long).
     */
    private static final byte TEXT = 0;
    private static final byte LINK = 1;
    private static final byte CODE = 2;
    private static final byte EMPHASIS = 4;

    private SimpleInlines() {
    }

    /** Appends the inline nodes of {@code lines} to {@code block} when they are of the simple kind; else false. */
    static boolean appendTo(List<SourceLine> lines, Node block) {
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!scan(lines.get(i).getContent(), i, parts)) {
                return false;
            }
        }
        for (int[] p : parts) {
            SourceLine line = lines.get(p[0]);
            CharSequence content = line.getContent();
            switch (p[1]) {
                case TEXT -> block.appendChild(text(line, content, p[2], p[3]));
                case LINK -> {
                    Link link = new Link(content.subSequence(p[4] + 2, p[3] - 1).toString(), null);
                    link.setSourceSpans(spans(line, p[2], p[3]));
                    link.appendChild(text(line, content, p[2] + 1, p[4]));
                    block.appendChild(link);
                }
                case CODE -> {
                    Code code = new Code(content.subSequence(p[2] + 1, p[3] - 1).toString());
                    code.setSourceSpans(spans(line, p[2], p[3]));
                    block.appendChild(code);
                }
                case EMPHASIS -> {
                    int run = p[4];
                    Node emphasis = run == 1 ? new Emphasis("*") : new StrongEmphasis("**");
                    emphasis.setSourceSpans(spans(line, p[2], p[3]));
                    emphasis.appendChild(text(line, content, p[2] + run, p[3] - run));
                    block.appendChild(emphasis);
                }
                default -> block.appendChild(new SoftLineBreak()); // line breaks get no source span
            }
        }
        return true;
    }

    private static Text text(SourceLine line, CharSequence content, int start, int end) {
        Text text = new Text(content.subSequence(start, end).toString());
        text.setSourceSpans(spans(line, start, end));
        return text;
    }

    private static List<SourceSpan> spans(SourceLine line, int start, int end) {
        SourceSpan span = line.substring(start, end).getSourceSpan();
        return span == null ? List.of() : List.of(span);
    }

    /**
     * Adds the parts of line {@code index} ({@code [line, kind, start, end, mid]}, a soft break before it unless
     * it is the first), or returns false when the line holds anything but plain text, simple links and code spans,
     * or starts or ends with whitespace (which the parser trims, or makes a hard break of).
     */
    private static boolean scan(CharSequence s, int index, List<int[]> parts) {
        int n = s.length();
        if (n == 0 || isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return false;
        }
        if (index > 0) {
            parts.add(new int[] {index, 3, 0, 0, 0});
        }
        int textStart = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int end;
            byte kind;
            int mid = 0;
            switch (c) {
                case '[' -> {
                    mid = linkTextEnd(s, i);
                    end = mid < 0 ? -1 : destinationEnd(s, mid);
                    kind = LINK;
                }
                case '`' -> {
                    end = codeEnd(s, i);
                    kind = CODE;
                }
                case '*' -> {
                    mid = i + 1 < n && s.charAt(i + 1) == '*' ? 2 : 1;
                    end = emphasisEnd(s, i, mid);
                    kind = EMPHASIS;
                }
                case '!' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '[') {
                        return false; // an image
                    }
                    i++;
                    continue;
                }
                case '_' -> {
                    int run = intrawordUnderscoresEnd(s, i);
                    if (run < 0) {
                        return false;
                    }
                    i = run;
                    continue;
                }
                case '\\', ']', '<', '&', '\n', '\r' -> {
                    return false;
                }
                default -> {
                    i++;
                    continue;
                }
            }
            if (end < 0) {
                return false;
            }
            if (i > textStart) {
                parts.add(new int[] {index, TEXT, textStart, i, 0});
            }
            parts.add(new int[] {index, kind, i, end, mid});
            i = end;
            textStart = end;
        }
        if (n > textStart) {
            parts.add(new int[] {index, TEXT, textStart, n, 0});
        }
        return true;
    }

    /** At '[': the offset of the ']' that ends a non-empty link text of plain chars, or -1. */
    private static int linkTextEnd(CharSequence s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case ']' -> {
                    return i > open + 1 ? i : -1;
                }
                case '\\', '`', '*', '_', '[', '!', '<', '&', '\n', '\r' -> {
                    return -1;
                }
                default -> {
                }
            }
        }
        return -1;
    }

    /**
     * At the ']' of a link text: the end (after ')') of a {@code (destination)} right after it, with a non-empty
     * destination of printable ASCII that needs no unescaping, has no parentheses and no title; or -1.
     */
    private static int destinationEnd(CharSequence s, int close) {
        int n = s.length();
        if (close + 2 >= n || s.charAt(close + 1) != '(') {
            return -1;
        }
        for (int i = close + 2; i < n; i++) {
            char c = s.charAt(i);
            if (c == ')') {
                return i > close + 2 ? i + 1 : -1;
            }
            if (c <= ' ' || c >= 0x7F || c == '(' || c == '<' || c == '>' || c == '\\' || c == '&' || c == '"'
                    || c == '\'' || c == '`' || c == '[' || c == ']') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * At '`': the end (after the closing backtick) of a code span of single backticks whose content is not empty
     * and neither starts nor ends with a space (the parser strips one of each then), or -1.
     */
    private static int codeEnd(CharSequence s, int open) {
        int n = s.length();
        if (open + 1 >= n || s.charAt(open + 1) == '`' || s.charAt(open + 1) == ' ') {
            return -1;
        }
        for (int i = open + 1; i < n; i++) {
            if (s.charAt(i) == '`') {
                if (i + 1 < n && s.charAt(i + 1) == '`' || s.charAt(i - 1) == ' ') {
                    return -1;
                }
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * At a run of {@code run} (1 or 2) '*': the end (after the closing run) of {@code *text*} or {@code **text**}
     * whose opening run follows the line's start or a space and precedes an ASCII letter or digit (it can open,
     * not close), whose text is non-empty plain chars ending in no space, and whose closing run of as many '*'
     * precedes the line's end or a space (it can close, not open): the parser makes one emphasis of the two; or -1.
     */
    private static int emphasisEnd(CharSequence s, int open, int run) {
        int n = s.length();
        int from = open + run;
        if (open > 0 && s.charAt(open - 1) != ' ' || from >= n || !isAsciiAlphanumeric(s.charAt(from))) {
            return -1;
        }
        for (int i = from; i < n; i++) {
            switch (s.charAt(i)) {
                case '*' -> {
                    int end = i + run;
                    char last = s.charAt(i - 1);
                    if (end > n || run == 2 && s.charAt(i + 1) != '*' || end < n && s.charAt(end) != ' '
                            || last <= ' ' || Character.isWhitespace(last) || Character.isSpaceChar(last)) {
                        return -1;
                    }
                    return end;
                }
                case '\\', '`', '_', '[', ']', '!', '<', '&', '\n', '\r', '\t' -> {
                    return -1;
                }
                default -> {
                }
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * At a '_': the end of its run of '_' when the run stands between ASCII letters or digits ("snake_case": a
     * delimiter run that can neither open nor close emphasis, so the parser leaves it text), else -1.
     */
    static int intrawordUnderscoresEnd(CharSequence s, int at) {
        int n = s.length();
        int run = at;
        while (run < n && s.charAt(run) == '_') {
            run++;
        }
        return at == 0 || run == n || !isAsciiAlphanumeric(s.charAt(at - 1)) || !isAsciiAlphanumeric(s.charAt(run))
                ? -1 : run;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
