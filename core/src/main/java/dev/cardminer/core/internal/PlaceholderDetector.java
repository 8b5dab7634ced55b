package dev.cardminer.core.internal;

import java.util.List;
import java.util.Locale;

/**
 * Judges whether a stretch of Markdown holds real content, only template placeholders, or nothing.
 * It reads line by line and stops at the first line of real content, so it costs little on filled
 * sections. Placeholders are the Hub template's "[More Information Needed]" and its variants
 * (a "label:" before them included, as in "- **Developed by:** [More Information Needed]"),
 * Jinja leftovers ({@code {{ ... }}}, {@code {% ... %}}), instructions wholly in italics (the
 * annotated template's "_Provide a quick summary..._"), a lone {@code `template_variable`}, and the fixed sentences the
 * template generators write by default. Outside code fences also the notes authors leave for later ("TODO", "TBD",
 * alone or after a label) and single-brace template variables ({@code {model_name}}); inside a fence they are code.
 * HTML comments, blank lines, rules, fences, tags and bare labels ("**BibTeX:**") count as nothing.
 */
final class PlaceholderDetector {

    enum Kind { EMPTY, PLACEHOLDER, CONTENT }

    private enum LineKind { NOTHING, PLACEHOLDER, CONTENT }

    /** Placeholder phrases, lower case; the longer forms first so that they are removed whole. */
    private static final List<String> PHRASES = List.of(
            "[more information needed]", "[needs more information]", "[more info needed]",
            "more information needed", "needs more information", "more info needed", "more details needed",
            "information needed");

    /** Notes left for later, lower case, that are placeholders when they are all of a line's text (after a label). */
    private static final List<String> LATER = List.of("todo", "tbd", "tba", "to do", "to be added", "to be determined",
            "to be announced", "coming soon");

    /** Sentences the template generators write by default, lower case, matched at the start of a line. */
    private static final List<String> TEMPLATE_LINES = List.of(
            "users (both direct and downstream) should be made aware of the risks, biases and limitations",
            "carbon emissions can be estimated using the",
            "use the code below to get started with the model",
            "significant research has explored bias and fairness issues with language models",
            "provide a quick summary of what the model is",
            "provide a longer summary of what this model is");

    /**
     * How the annotated template's italic instructions begin (lower case). Italics alone are no
     * placeholder: cards put real asides in italics too.
     */
    private static final List<String> INSTRUCTION_OPENINGS = List.of(
            "provide", "list ", "explain", "describe", "detail", "write", "what ", "which ", "who ", "how ",
            "name ", "use this", "if this", "if the", "if there", "if you", "you can", "ideally", "results should",
            "clearly define", "e.g", "this section", "this should", "summarize", "summarise", "include", "add ",
            "mention", "link ", "state ", "give ", "specify", "fill ", "insert", "replace", "when you want");

    /** Classifies {@code text[from, to)}. */
    Kind classify(CharSequence text, int from, int to) {
        boolean placeholder = false;
        boolean inComment = false;
        char fence = 0;   // the open fence's character, 0 outside a fence
        StringBuilder visible = new StringBuilder();
        int i = from;
        while (i < to) {
            int end = i;
            while (end < to && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            char opens = inComment ? 0 : fenceChar(text, i, end);
            boolean inFence = fence != 0;
            if (opens != 0 && (fence == 0 || opens == fence)) {
                fence = fence == 0 ? opens : 0;
            }
            LineKind kind;
            if (!inComment && isPlainContent(text, i, end)) {
                kind = LineKind.CONTENT;
            } else {
                visible.setLength(0);
                inComment = appendVisible(text, i, end, inComment, visible);
                kind = lineKind(visible, inFence);
            }
            if (kind == LineKind.CONTENT) {
                return Kind.CONTENT;
            }
            placeholder |= kind == LineKind.PLACEHOLDER;
            i = end + 1;
        }
        return placeholder ? Kind.PLACEHOLDER : Kind.EMPTY;
    }

    /** The fence character (backtick or tilde) when the line opens or closes a code fence, else 0. */
    private static char fenceChar(CharSequence text, int from, int to) {
        int a = from;
        while (a < to && a - from < 3 && text.charAt(a) == ' ') {
            a++;
        }
        if (a + 2 < to) {
            char c = text.charAt(a);
            if ((c == '`' || c == '~') && text.charAt(a + 1) == c && text.charAt(a + 2) == c) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The common case decided without allocating: a line with no trace of a placeholder ("...eed...",
     * Jinja braces, a comment), that does not end in a colon (a bare label), and whose first
     * character after a list or quote marker is a letter or digit, or opens a table row, bold text,
     * a link or an image, is content, unless it starts a template sentence or ends in a note left for later
     * ("TBD"). A single brace goes the long way too (a template variable). Anything else
     * (decoration, italics, HTML, code spans) goes the long way.
     */
    private static boolean isPlainContent(CharSequence text, int from, int to) {
        int a = from;
        while (a < to && (text.charAt(a) == ' ' || text.charAt(a) == '\t' || text.charAt(a) == '>')) {
            a++;
        }
        int b = to;
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        if (a + 1 < b && (text.charAt(a) == '-' || text.charAt(a) == '+' || text.charAt(a) == '*')
                && text.charAt(a + 1) == ' ') {
            a += 2;
            while (a < b && text.charAt(a) == ' ') {
                a++;
            }
        }
        if (a >= b) {
            return false;
        }
        char first = text.charAt(a);
        boolean opens = Character.isLetterOrDigit(first) || first == '|' || first == '[' || first == '!'
                || first == '*' && a + 2 < b && text.charAt(a + 1) == '*' && text.charAt(a + 2) != '*';
        if (!opens) {
            return false;
        }
        int last = b - 1;
        while (last > a && "*_`|".indexOf(text.charAt(last)) >= 0) {
            last--;
        }
        if (text.charAt(last) == ':') {
            return false;
        }
        boolean word = false;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (i + 2 < b && ((c | 0x20) == 'e' && (text.charAt(i + 1) | 0x20) == 'e' && (text.charAt(i + 2) | 0x20) == 'd'
                    || c == '{'
                    || c == '<' && text.charAt(i + 1) == '!')) {
                return false;
            }
            word = word || Character.isLetterOrDigit(c); // once one is found, the line's chars need no more lookups
        }
        if (!word || text.charAt(b - 1) == '}' || endsWithLater(text, a, b)) {
            return false;
        }
        int letter = a;
        while (letter < b && !Character.isLetterOrDigit(text.charAt(letter))) {
            letter++;
        }
        char f = (char) (text.charAt(letter) | 0x20);
        if (f == 'u' || f == 'c' || f == 's' || f == 'p') {
            for (String t : TEMPLATE_LINES) {
                if (regionMatchesIgnoreCase(text, letter, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the line's last word is "todo", "tbd", "tba" or "soon" (the long way then decides). */
    private static boolean endsWithLater(CharSequence text, int from, int to) {
        int e = to;
        while (e > from && !Character.isLetterOrDigit(text.charAt(e - 1))) {
            e--;
        }
        int w = e;
        while (w > from && Character.isLetterOrDigit(text.charAt(w - 1))) {
            w--;
        }
        int n = e - w;
        return (n == 3 || n == 4) && (regionMatchesIgnoreCase(text, w, "todo") || regionMatchesIgnoreCase(text, w, "tbd")
                || regionMatchesIgnoreCase(text, w, "tba") || regionMatchesIgnoreCase(text, w, "soon"));
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int at, String lower) {
        if (at + lower.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the line without HTML comments; returns whether a comment is still open at its end. */
    private static boolean appendVisible(CharSequence text, int from, int to, boolean inComment, StringBuilder out) {
        int i = from;
        while (i < to) {
            if (inComment) {
                int close = indexOf(text, "-->", i, to);
                if (close < 0) {
                    return true;
                }
                i = close + 3;
                inComment = false;
            } else {
                int open = indexOf(text, "<!--", i, to);
                if (open < 0) {
                    out.append(text, i, to);
                    return false;
                }
                out.append(text, i, open);
                i = open + 4;
                inComment = true;
            }
        }
        return inComment;
    }

    private static LineKind lineKind(StringBuilder raw, boolean inFence) {
        String line = raw.toString().strip();
        if (line.isEmpty() || isDecoration(line)) {
            return LineKind.NOTHING;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        String unmarked = stripLeadingMarkup(lower);
        for (String t : TEMPLATE_LINES) {
            if (unmarked.startsWith(t)) {
                return LineKind.PLACEHOLDER;
            }
        }
        String rest = removePlaceholders(lower);
        if (!inFence) {
            rest = removeTemplateVariables(rest);
        }
        if (rest.length() != lower.length()) {
            return hasWordCharacter(afterLabel(rest)) && (inFence || !isLater(afterLabel(rest))) ? LineKind.CONTENT
                    : LineKind.PLACEHOLDER;
        }
        if (!inFence && (isLater(lower) || isLater(afterLabel(lower)))) {
            return LineKind.PLACEHOLDER;
        }
        if (isInstruction(stripListMarker(line)) || isTemplateVariable(line)) {
            return LineKind.PLACEHOLDER;
        }
        if (isBareLabel(line)) {
            return LineKind.NOTHING;
        }
        return LineKind.CONTENT;
    }

    /** Rules, table separators, fences, HTML tags without text, {@code <summary>} labels, {@code &nbsp;}. */
    private static boolean isDecoration(String line) {
        if (line.startsWith("```") || line.startsWith("~~~")) {
            return true; // a fence; what it encloses is judged line by line
        }
        boolean onlyMarks = true;
        for (int i = 0; i < line.length() && onlyMarks; i++) {
            onlyMarks = "-*_=|: \t+".indexOf(line.charAt(i)) >= 0;
        }
        if (onlyMarks) {
            return true;
        }
        if (line.startsWith("<summary")) {
            return true; // the label of a collapsible block ("Click to expand"), not content of its own
        }
        if (line.charAt(0) == '<' && !line.contains("<img")) {
            StringBuilder outside = new StringBuilder();
            boolean inTag = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '<') {
                    inTag = true;
                } else if (c == '>') {
                    inTag = false;
                } else if (!inTag) {
                    outside.append(c);
                }
            }
            return !hasWordCharacter(outside.toString().replace("&nbsp;", " "));
        }
        return line.equals("&nbsp;");
    }

    /** Removes placeholder phrases (with a link target right after them) and Jinja spans. */
    private static String removePlaceholders(String lower) {
        String s = lower;
        for (String p : PHRASES) {
            int at = s.indexOf(p);
            if (at < 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder(s.length());
            int from = 0;
            while (at >= 0) {
                sb.append(s, from, at);
                from = at + p.length();
                if (from < s.length() && s.charAt(from) == '(') {
                    int close = s.indexOf(')', from);
                    from = close < 0 ? s.length() : close + 1;
                }
                at = s.indexOf(p, from);
            }
            sb.append(s, from, s.length());
            s = sb.toString();
        }
        s = removeSpans(s, "{{", "}}");
        return removeSpans(s, "{%", "%}");
    }

    /**
     * Removes single-brace template variables ({@code {model_name}}, {@code { model_id }}): a lower-case name with an
     * underscore, so that prompt formats ({@code {prompt}}) and LaTeX ({@code d_{model}}, after a letter, '_' or '^')
     * stay text.
     */
    /** Longer brace spans are text, not a template variable's name. */
    private static final int MAX_VARIABLE = 64;

    private static String removeTemplateVariables(String s) {
        int at = s.indexOf('{');
        if (at < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        int close = -1;
        for (; at >= 0; at = s.indexOf('{', at + 1)) {
            if (close < at) {
                // the next '}' serves every '{' before it: a line of many braces costs one pass, not one per brace
                close = s.indexOf('}', at);
                if (close < 0) {
                    break;
                }
            }
            if (close - at > MAX_VARIABLE) {
                continue;
            }
            char before = at > 0 ? s.charAt(at - 1) : ' ';
            String name = s.substring(at + 1, close).strip();
            if (at >= from && !Character.isLetterOrDigit(before) && "_^\\${".indexOf(before) < 0
                    && (close + 1 >= s.length() || s.charAt(close + 1) != '}') && isVariableName(name)) {
                sb.append(s, from, at);
                from = close + 1;
            }
        }
        sb.append(s, from, s.length());
        return sb.toString();
    }

    private static boolean isVariableName(String name) {
        if (name.length() < 3 || name.indexOf('_') <= 0 || name.charAt(name.length() - 1) == '_') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A note left for later, all of the text but for marks and punctuation around it ("**TBD.**", "(TODO)"). */
    private static boolean isLater(String lower) {
        int a = 0;
        int b = lower.length();
        while (a < b && !Character.isLetterOrDigit(lower.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(lower.charAt(b - 1))) {
            b--;
        }
        return b - a >= 3 && b - a <= 16 && LATER.contains(lower.substring(a, b));
    }

    private static String removeSpans(String s, String open, String close) {
        int at = s.indexOf(open);
        if (at < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            sb.append(s, from, at);
            int end = s.indexOf(close, at + open.length());
            from = end < 0 ? s.length() : end + close.length();
            at = s.indexOf(open, from);
        }
        sb.append(s, from, s.length());
        return sb.toString();
    }

    /** What follows a leading "label:" ("- **Developed by:** x" gives "** x"); the whole line without one. */
    private static String afterLabel(String s) {
        int colon = s.indexOf(':');
        return colon < 0 || colon > 80 ? s : s.substring(colon + 1);
    }

    /** A short line ending in a colon, like "**BibTeX:**" or "Results:": a label with nothing after it. */
    private static boolean isBareLabel(String line) {
        String s = stripMarks(line);
        return s.endsWith(":") && s.length() <= 40;
    }

    /** A line wholly in italics ({@code _text_} or {@code *text*}, not bold) that reads as an instruction. */
    private static boolean isInstruction(String s) {
        if (s.length() < 3) {
            return false;
        }
        char first = s.charAt(0);
        if ((first != '_' && first != '*') || s.charAt(s.length() - 1) != first
                || s.charAt(1) == first || s.charAt(s.length() - 2) == first) {
            return false;
        }
        String text = s.substring(1).toLowerCase(Locale.ROOT);
        for (String opening : INSTRUCTION_OPENINGS) {
            if (text.startsWith(opening)) {
                return true;
            }
        }
        return false;
    }

    /** The annotated template's variables: a line holding only {@code `model_description`}. */
    private static boolean isTemplateVariable(String s) {
        if (s.length() < 3 || s.charAt(0) != '`' || s.charAt(s.length() - 1) != '`') {
            return false;
        }
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return s.indexOf('_') > 0;
    }

    private static String stripListMarker(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '>' || s.charAt(i) == ' ')) {
            i++;
        }
        if (i + 1 < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+' || s.charAt(i) == '*')
                && s.charAt(i + 1) == ' ') {
            i += 2;
        } else {
            int j = i;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            if (j > i && j + 1 < s.length() && (s.charAt(j) == '.' || s.charAt(j) == ')') && s.charAt(j + 1) == ' ') {
                i = j + 2;
            }
        }
        return s.substring(i).strip();
    }

    /** List marker, then emphasis and quote marks at the start. */
    private static String stripLeadingMarkup(String s) {
        String t = stripListMarker(s);
        int i = 0;
        while (i < t.length() && "*_>#` ".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        return t.substring(i);
    }

    private static String stripMarks(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("*_`~#>".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return stripListMarker(sb.toString().strip());
    }

    private static boolean hasWordCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(CharSequence text, String needle, int from, int to) {
        int last = to - needle.length();
        outer:
        for (int i = from; i <= last; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (text.charAt(i + k) != needle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
