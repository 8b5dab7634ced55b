package dev.cardminer.annotate.internal;

import dev.cardminer.core.ProblemCodes;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.annotate.SentenceSplitter.Split;
import dev.cardminer.core.BodyMarkdown;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardLimits;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Section;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Walks the commonmark AST of a card body and cuts its prose into sentences: paragraphs (in lists
 * and quotes too) by sentence, headings whole, table rows with their cells joined by {@code " | "}.
 * Code blocks, HTML and images are skipped; links keep their text, never their URL.
 */
public final class MarkdownSentenceSplitter implements SentenceSplitter {

    private static final Pattern BARE_URL = Pattern.compile("(?:https?|ftp)://\\S+|www\\.\\S+\\.\\S+");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Parser parser = BodyMarkdown.parser();
    private final CardLimits limits;

    public MarkdownSentenceSplitter(CardLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<Sentence> split(ModelCard card) {
        return splitWithProblems(card).sentences();
    }

    @Override
    public Split splitWithProblems(ModelCard card) {
        return split(card.id(), card.body(), card.bodyLine(), card.sections(), null);
    }

    @Override
    public Split splitWithProblems(CardExtractor.Input card) {
        return split(card.id(), card.body(), card.line(card.bodyOffset()), card.sections(),
                card.markdown().orElse(null));
    }

    /**
     * @param given the body's tree as the card's parser read it, or null: used when it is of the text this
     *              splitter would parse (the same limits), else the body is parsed here
     */
    private Split split(String id, String whole, int bodyLine, List<Section> sections, BodyMarkdown given) {
        List<Problem> problems = new ArrayList<>();
        int end = limits.analysedEnd(whole);
        String body = whole;
        if (end < whole.length()) {
            // The same prefix the sections were read from (see CardLimits.maxBodyChars).
            body = whole.substring(0, end);
            problems.add(located(whole, bodyLine, end, ProblemCodes.BODY_TOO_LARGE, String.format("the body has %,d"
                    + " characters; sentences are split from the first %,d only (up to here)", whole.length(), end)));
        }
        BodyMarkdown markdown = given != null && given.text().length() == body.length() && given.text().equals(body)
                ? given : BodyMarkdown.parse(parser, body);
        Walk walk = new Walk(id, sections, markdown, limits.timeLimitMillis() * 1_000_000);
        try {
            walk.blocks(markdown.document(), 0);
        } catch (Stop stop) {
            problems.add(located(whole, bodyLine, stop.offset, stop.code, stop.getMessage()));
        }
        if (walk.deepAt >= 0) {
            problems.add(located(whole, bodyLine, walk.deepAt, ProblemCodes.TOO_DEEP, String.format("Markdown nested"
                    + " deeper than %d levels; %,d deeper blocks or inlines are left out of the sentences (the first here)",
                    limits.maxDepth(), walk.deepCount)));
        }
        return new Split(walk.out, problems);
    }

    /** A warning at a body offset, located in the card file. */
    private static Problem located(String text, int bodyLine, int bodyOffset, String code, String message) {
        // Lines as core counts them: \n, \r\n or a lone \r end a line. A card rebuilt from the store has
        // only its body as text, with its first line as bodyLine.
        int at = Math.max(0, Math.min(text.length(), bodyOffset));
        int line = bodyLine;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        // The body starts a line (the block ends with a line break), so columns count from 1 on every line.
        return Problem.warning(code, message, Math.max(1, line), at - lineStart + 1);
    }

    /** Ends a walk early: the sentence cap or the time limit was reached. */
    private static final class Stop extends RuntimeException {
        final String code;
        final int offset;

        Stop(String code, int offset, String message) {
            super(message, null, false, false);
            this.code = code;
            this.offset = offset;
        }
    }

    /** The state of one card's walk: the sentences so far and the heading in force. */
    private final class Walk {
        final String cardId;
        final String body;
        final BodyMarkdown markdown;
        final List<Sentence> out = new ArrayList<>();
        final List<Heading> headingStack = new ArrayList<>();
        final List<String> headingTitles = new ArrayList<>();
        final SentenceBoundaries boundaries = new SentenceBoundaries();
        final SectionIndex sectionIndex;
        // The limit is on the thread's CPU time (a wall-clock limit cut cards short on a loaded or sleeping machine,
        // so a card split differently from run to run); the wall clock, never behind it and free to read, is asked first.
        final long wallStart = System.nanoTime();
        final long cpuStart = threadCpu();
        final long allowance;
        int deepAt = -1;
        int deepCount;
        int steps;

        Walk(String cardId, List<Section> sections, BodyMarkdown markdown, long allowance) {
            this.cardId = cardId;
            this.body = markdown.text();
            this.markdown = markdown;
            this.sectionIndex = new SectionIndex(sections);
            this.allowance = allowance;
        }

        /** Whether {@code node} is past the depth limit (then it is counted and left out). */
        boolean tooDeep(Node node, int depth) {
            if (depth < limits.maxDepth()) {
                return false;
            }
            if (deepAt < 0) {
                deepAt = Math.max(0, start(node, ""));
            }
            deepCount++;
            return true;
        }

        /**
         * The block with its inline content parsed. Its time counts against the split's limit: taking it out needed
         * the wall clock around every block, which a loaded machine stretches, so the limit moved with the load.
         */
        Node parsed(Node block) {
            markdown.inlines(block);
            return block;
        }

        void checkTime(Node node) {
            if ((++steps & 255) == 0 && System.nanoTime() - wallStart > allowance
                    && (cpuStart < 0 || threadCpu() - cpuStart > allowance)) {
                throw new Stop(ProblemCodes.TIMEOUT, Math.max(0, start(node, "")), String.format("splitting sentences took"
                        + " longer than %,d ms; the sentences from here on are left out", limits.timeLimitMillis()));
            }
        }

        void blocks(Node parent, int depth) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                checkTime(node);
                if (tooDeep(node, depth)) {
                    continue;
                }
                switch (node) {
                    case FencedCodeBlock ignored -> { }
                    case IndentedCodeBlock ignored -> { }
                    case HtmlBlock ignored -> { }
                    case ThematicBreak ignored -> { }
                    case Heading heading -> heading(heading);
                    case Paragraph paragraph -> prose(paragraph);
                    case TableBlock table -> table(table);
                    default -> blocks(node, depth + 1);
                }
            }
        }

        void heading(Heading heading) {
            while (!headingStack.isEmpty() && headingStack.getLast().getLevel() >= heading.getLevel()) {
                headingStack.removeLast();
                headingTitles.removeLast();
            }
            Mapped text = new Mapped();
            inlines(parsed(heading), text, 0);
            String title = text.toString();
            headingStack.add(heading);
            headingTitles.add(title.strip());
            emit(text, false);
        }

        void prose(Node block) {
            Mapped text = new Mapped();
            inlines(parsed(block), text, 0);
            emit(text, true);
        }

        void table(TableBlock table) {
            List<TableRow> rows = new ArrayList<>();
            collectRows(table, rows);
            for (TableRow row : rows) {
                Mapped text = new Mapped();
                boolean first = true;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (!(cell instanceof TableCell)) {
                        continue;
                    }
                    // The cell's text goes straight into the row's, trimmed there (or taken back when blank).
                    int before = text.length();
                    if (!first) {
                        text.appendSynthetic(" | ");
                    }
                    int cellStart = text.length();
                    inlines(parsed(cell), text, 0);
                    if (!text.trimFrom(cellStart)) {
                        text.truncate(before);
                        continue;
                    }
                    first = false;
                }
                emit(text, false);
            }
        }

        void collectRows(Node parent, List<TableRow> rows) {
            // A table holds a head and a body, each of rows: two levels.
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof TableRow row) {
                    rows.add(row);
                } else {
                    for (Node r = n.getFirstChild(); r != null; r = r.getNext()) {
                        if (r instanceof TableRow row) {
                            rows.add(row);
                        }
                    }
                }
            }
        }

        void inlines(Node parent, Mapped text, int depth) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                if (tooDeep(node, depth)) {
                    continue;
                }
                switch (node) {
                    case Text t -> text(t, text);
                    case Code code -> literal(code.getLiteral(), code, text, true);
                    case SoftLineBreak ignored -> text.appendSynthetic(" ");
                    case HardLineBreak ignored -> text.appendSynthetic(" ");
                    case HtmlInline ignored -> { }
                    case Image ignored -> { }
                    case Link link -> {
                        Mapped linkText = new Mapped();
                        inlines(link, linkText, depth + 1);
                        String shown = linkText.toString().strip();
                        // An autolink's text is its URL: keep nothing of it.
                        if (!shown.equals(link.getDestination()) && !(mayHaveUrl(shown) && BARE_URL.matcher(shown).matches())) {
                            text.appendAll(linkText);
                        }
                    }
                    default -> inlines(node, text, depth + 1);
                }
            }
        }

        void text(Text t, Mapped text) {
            String literal = t.getLiteral();
            int from = 0;
            int base = start(t, literal);
            boolean exact = exact(t, literal);
            if (mayHaveUrl(literal)) {
                Matcher url = BARE_URL.matcher(literal);
                while (url.find()) {
                    text.append(literal, from, url.start(), base, exact);
                    from = url.end();
                }
            }
            text.append(literal, from, literal.length(), base, exact);
        }

        void literal(String literal, Node node, Mapped text, boolean inner) {
            int base = start(node, literal);
            if (inner && base >= 0) {
                // A code span's literal starts after its backticks.
                // Looked for within the next 16 chars only: a search to the end of the body is quadratic.
                int found = -1;
                for (int k = 0; k < 16 && found < 0 && base + k + literal.length() <= body.length(); k++) {
                    found = body.startsWith(literal, base + k) ? base + k : -1;
                }
                base = found >= 0 ? found : base;
            }
            text.append(literal, 0, literal.length(), base, base >= 0 && body.startsWith(literal, base));
        }

        /** Where a node's literal starts in the body, or -1 when its source is unknown. */
        int start(Node node, String literal) {
            List<SourceSpan> spans = node.getSourceSpans();
            return spans.isEmpty() ? -1 : spans.getFirst().getInputIndex();
        }

        /** Whether the literal stands verbatim at its source offset (no escapes, entities or line joins). */
        boolean exact(Node node, String literal) {
            List<SourceSpan> spans = node.getSourceSpans();
            if (spans.size() != 1) {
                return false;
            }
            int at = spans.getFirst().getInputIndex();
            return at >= 0 && body.startsWith(literal, at);
        }

        void emit(Mapped text, boolean splitSentences) {
            String plain = text.toString();
            if (plain.isBlank()) {
                return;
            }
            List<int[]> ranges = splitSentences ? boundaries.split(plain) : List.of(trim(plain));
            for (int[] range : ranges) {
                String sentence = normalise(plain, range[0], range[1]);
                if (sentence.isEmpty() || !hasLetter(sentence)) {
                    continue;
                }
                int start = text.offset(range[0], true);
                int end = text.offset(range[1] - 1, false) + 1;
                if (start < 0 || end <= start) {
                    start = Math.max(0, start);
                    end = Math.max(start, end);
                }
                String heading = headingTitles.isEmpty() ? null : headingTitles.getLast();
                if (out.size() == limits.maxSentences()) {
                    throw new Stop(ProblemCodes.SENTENCES_CAPPED, start, String.format("only the first %,d sentences of the"
                            + " body are kept; the rest from here on is left out", limits.maxSentences()));
                }
                out.add(new Sentence(cardId, out.size(), section(start), heading, start, end, sentence));
            }
        }

        int[] trim(String s) {
            return SentenceBoundaries.trim(s, 0, s.length());
        }

        /** The canonical title of the innermost enclosing section that maps to the template. */
        String section(int offset) {
            if (!sectionIndex.isEmpty()) {
                return sectionIndex.canonicalAt(offset);
            }
            for (int i = headingTitles.size() - 1; i >= 0; i--) {
                CanonicalSection c = canonical(headingTitles.get(i));
                if (c != null) {
                    return c.title();
                }
            }
            return null;
        }
    }

    /** What every {@link #BARE_URL} match holds: most text has neither, and the search costs more than this. */
    private static boolean mayHaveUrl(String s) {
        return s.contains("://") || s.contains("www.");
    }

    /** Whether {@code s} has a letter ({@code \\p{L}}: Character.isLetter, by code point). */
    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** {@link #normalise(String)} of {@code s.substring(from, to)}: that substring itself when nothing changes. */
    private static String normalise(String s, int from, int to) {
        if (from < to && !Character.isWhitespace(s.charAt(from)) && !Character.isWhitespace(s.charAt(to - 1))) {
            boolean clean = true;
            for (int i = from; i < to && clean; i++) {
                char c = s.charAt(i);
                clean = c == ' ' ? s.charAt(i + 1) != ' ' // never the last char: that is no whitespace
                        : c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r';
            }
            if (clean) {
                return s.substring(from, to);
            }
        }
        return normalise(s.substring(from, to));
    }

    /** Runs of whitespace (as {@code \\s}: space, tab, line breaks, vertical tab, form feed) as one space, stripped. */
    private static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        if (space) {
            b.append(' ');
        }
        return b.toString().strip();
    }

    /** The template's sections by {@link #key}: looked up per sentence, so computed once. */
    private static final Map<String, CanonicalSection> CANONICAL_BY_KEY = new HashMap<>();

    static {
        for (CanonicalSection c : CanonicalSection.values()) {
            CANONICAL_BY_KEY.putIfAbsent(key(c.title()), c);
        }
    }

    /** Fallback mapping of a heading to the template while core gives no sections: exact title match. */
    static CanonicalSection canonical(String title) {
        return CANONICAL_BY_KEY.get(key(title));
    }

    /** Lower case, letters and numbers only ({@code [^\\p{L}\\p{N}]+} removed). */
    private static String key(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /**
     * Plain text with, for each char, its offset in the body (-1 for chars that stand nowhere there,
     * such as the spaces that replace line breaks).
     */
    static final class Mapped {
        private static final int[] NONE = new int[0];
        private final StringBuilder text = new StringBuilder();
        // Grown on the first char: a body of 250,000 empty headings makes as many empty texts.
        private int[] offsets = NONE;

        void append(String s, int from, int to, int base, boolean exact) {
            if (to <= from) {
                return;
            }
            int at = grow(to - from);
            if (base < 0 || !exact) {
                Arrays.fill(offsets, at, at + to - from, base < 0 ? -1 : base);
            } else {
                for (int i = from; i < to; i++) {
                    offsets[at + i - from] = base + i;
                }
            }
            text.append(s, from, to);
        }

        void appendSynthetic(String s) {
            int at = grow(s.length());
            Arrays.fill(offsets, at, at + s.length(), -1);
            text.append(s);
        }

        void appendAll(Mapped other) {
            int n = other.text.length();
            if (n == 0) {
                return;
            }
            int at = grow(n);
            System.arraycopy(other.offsets, 0, offsets, at, n);
            text.append(other.text);
        }

        int length() {
            return text.length();
        }

        /** Drops the chars from {@code length} on. */
        void truncate(int length) {
            text.setLength(length);
        }

        /**
         * Trims the whitespace ({@link Character#isWhitespace}, as {@link SentenceBoundaries#trim}) at either end of
         * the chars from {@code from} on; false, changing nothing, when they are all whitespace (or none).
         */
        boolean trimFrom(int from) {
            int[] range = SentenceBoundaries.trim(text, from, text.length());
            int a = range[0];
            int b = range[1];
            if (b <= a) {
                return false;
            }
            text.setLength(b);
            if (a > from) {
                text.delete(from, a);
                System.arraycopy(offsets, a, offsets, from, b - a);
            }
            return true;
        }

        /** Room for {@code n} more chars; returns where they go. */
        private int grow(int n) {
            int len = text.length();
            if (len + n > offsets.length) {
                offsets = Arrays.copyOf(offsets, Math.max(32, Math.max(len + n, offsets.length * 2)));
            }
            return len;
        }

        /** The body offset of the char at {@code i}, searching forward (or backward) past unmapped chars. */
        int offset(int i, boolean forward) {
            int step = forward ? 1 : -1;
            for (int j = i; j >= 0 && j < text.length(); j += step) {
                if (offsets[j] >= 0) {
                    return offsets[j];
                }
            }
            for (int j = i; j >= 0 && j < text.length(); j -= step) {
                if (offsets[j] >= 0) {
                    return offsets[j];
                }
            }
            return -1;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The thread's CPU time, or -1 where it cannot be read (a virtual thread): then the wall clock decides. */
    private static long threadCpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }
}
