package dev.cardminer.core.internal;

import dev.cardminer.core.BodyMarkdown;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.CardLimits;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Section;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Reads the Markdown body: headings as sections mapped to the template, placeholders, completeness.
 * Thread-safe: the parser and the tables are shared, the rest is per call.
 */
public final class BodyAnalyzer {

    /**
     * What the body yields (links are {@link LinksExtractor}'s).
     *
     * @param analysedEnd where in the body the analysis stopped ({@link CardLimits#analysedEnd})
     * @param timedOut    the card's time limit ran out: what comes after the sections is not read
     * @param markdown    the tree the sections were read from (paragraph inlines on demand), or null when the
     *                    body is blank
     */
    public record Result(List<Section> sections, double completeness, int analysedEnd, boolean timedOut,
                         BodyMarkdown markdown) {
    }

    private final CardLimits limits;
    private final Parser parser = MarkdownParserFactory.createDeferred();
    private final SectionExtractor extractor = new SectionExtractor();
    private final SectionClassifier classifier = new SectionClassifier();
    private final PlaceholderDetector placeholders = new PlaceholderDetector();
    private final CompletenessScorer scorer = new CompletenessScorer();

    public BodyAnalyzer() {
        this(CardLimits.DEFAULTS);
    }

    public BodyAnalyzer(CardLimits limits) {
        this.limits = limits;
    }

    /**
     * @param body       the text after the metadata block
     * @param lines      line index of the whole card text
     * @param bodyOffset offset of the body in the card text (to locate lines)
     * @param problems   where problems go
     */
    public Result analyze(String wholeBody, LineIndex lines, int bodyOffset, List<Problem> problems) {
        if (wholeBody.isBlank()) {
            problems.add(Problem.info(ProblemCodes.EMPTY_BODY, bodyOffset == 0 ? "the card has no text"
                    : "the card has no text after the metadata block", lines.line(bodyOffset), 0));
            return new Result(List.of(), 0, 0, false, null);
        }
        long limitNanos = limits.timeLimitMillis() * 1_000_000;
        long wallStart = System.nanoTime();
        long cpuStart = ThreadCpuClock.now();
        int end = limits.analysedEnd(wholeBody);
        String body = wholeBody;
        if (end < wholeBody.length()) {
            // Markdown trees cost up to ~250 bytes of heap per byte of body (a list item per line), so the
            // analysis reads a bounded prefix and says where it stopped.
            body = wholeBody.substring(0, end);
            int at = bodyOffset + end;
            problems.add(Problem.warning(ProblemCodes.BODY_TOO_LARGE, String.format("the body has %,d characters; sections,"
                    + " links and sentences cover only the first %,d (up to here)", wholeBody.length(), end),
                    lines.line(at), lines.column(at)));
        }
        Node document = parser.parse(body);
        List<SectionExtractor.HeadingSpan> headings = extractor.headings(document, body);
        if (headings.size() > limits.maxSections()) {
            SectionExtractor.HeadingSpan first = headings.get(limits.maxSections());
            int at = bodyOffset + first.start();
            // the headings were counted in the analysed part only: past it (body-too-large) the count is a floor
            String counted = body.length() < wholeBody.length()
                    ? String.format("the first %,d characters of the body have %,d headings (the rest is not read)",
                            body.length(), headings.size())
                    : String.format("the body has %,d headings", headings.size());
            problems.add(Problem.warning(ProblemCodes.SECTIONS_CAPPED, String.format("%s; only the first %,d are kept "
                    + "as sections (the rest from here on)", counted, limits.maxSections()), lines.line(at),
                    lines.column(at)));
            headings = headings.subList(0, limits.maxSections());
        }
        List<Section> sections = sections(headings, body, lines, bodyOffset);
        reportUnclosedFence(document, lines, bodyOffset, problems);
        reportPlaceholders(sections, problems);
        reportTemplateTitle(sections, problems);
        if (ThreadCpuClock.past(wallStart, cpuStart, limitNanos)) {
            problems.add(Problem.warning(ProblemCodes.TIMEOUT, "reading the sections took longer than "
                    + limits.timeLimitMillis() + " ms; links are not read", lines.line(bodyOffset), 0));
            return new Result(sections, scorer.score(sections), body.length(), true, BodyMarkdown.of(body, document));
        }
        return new Result(sections, scorer.score(sections), body.length(), false, BodyMarkdown.of(body, document));
    }

    private List<Section> sections(List<SectionExtractor.HeadingSpan> headings, String body, LineIndex lines,
                                   int bodyOffset) {
        int count = headings.size();
        List<Section> sections = new ArrayList<>(count);
        // Open headings (by index) for the canonical context of each heading.
        int[] open = new int[7];
        int depth = 0;
        CanonicalSection[] mapped = new CanonicalSection[count];
        for (int k = 0; k < count; k++) {
            SectionExtractor.HeadingSpan h = headings.get(k);
            while (depth > 0 && headings.get(open[depth - 1]).level() >= h.level()) {
                depth--;
            }
            CanonicalSection context = null;
            for (int d = depth - 1; d >= 0 && context == null; d--) {
                context = mapped[open[d]];
            }
            mapped[k] = classifier.classify(h.title(), context);
            open[depth++] = k;

            int end = endOf(headings, k, body.length());
            int ownEnd = k + 1 < count ? headings.get(k + 1).start() : body.length();
            PlaceholderDetector.Kind kind = placeholders.classify(body, Math.min(h.textStart(), ownEnd), ownEnd);
            sections.add(new Section(h.level(), h.title(), mapped[k], h.start(), end,
                    lines.line(bodyOffset + h.start()), kind == PlaceholderDetector.Kind.PLACEHOLDER,
                    kind == PlaceholderDetector.Kind.EMPTY));
        }
        return sections;
    }

    /** Where section {@code k} ends: at the next heading of the same or a higher level. */
    private static int endOf(List<SectionExtractor.HeadingSpan> headings, int k, int bodyEnd) {
        int level = headings.get(k).level();
        // Each heading is passed over by at most one earlier heading per level, so this stays linear.
        for (int j = k + 1; j < headings.size(); j++) {
            if (headings.get(j).level() <= level) {
                return headings.get(j).start();
            }
        }
        return bodyEnd;
    }

    /** A fence that is never closed swallows the rest of the card, headings included. */
    private static void reportUnclosedFence(Node document, LineIndex lines, int bodyOffset, List<Problem> problems) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FencedCodeBlock f && f.getClosingFenceLength() == null && n.getNext() == null
                    && !f.getSourceSpans().isEmpty()) {
                int at = bodyOffset + f.getSourceSpans().get(0).getInputIndex();
                problems.add(Problem.warning(ProblemCodes.UNCLOSED_CODE_FENCE,
                        "code fence " + f.getFenceCharacter().repeat(f.getOpeningFenceLength())
                                + " is never closed: the rest of the card renders as code",
                        lines.line(at), lines.column(at)));
            }
        }
    }

    /** The template's title when the model's name was never filled in (its default for a missing model_id). */
    private static final String TEMPLATE_TITLE = "Model Card for Model ID";

    private static void reportTemplateTitle(List<Section> sections, List<Problem> problems) {
        for (Section s : sections) {
            if (s.title().strip().equalsIgnoreCase(TEMPLATE_TITLE)) {
                problems.add(Problem.warning(ProblemCodes.PLACEHOLDER_TITLE, "the heading is the template's title \""
                        + TEMPLATE_TITLE + "\": name the model", s.line(), 1));
                return;
            }
        }
    }

    private static void reportPlaceholders(List<Section> sections, List<Problem> problems) {
        int count = 0;
        Section first = null;
        for (Section s : sections) {
            if (s.placeholder()) {
                count++;
                if (first == null) {
                    first = s;
                }
            }
        }
        if (first != null) {
            problems.add(Problem.info(ProblemCodes.PLACEHOLDER_SECTIONS, count + (count == 1 ? " section holds" : " sections hold")
                    + " only template placeholders, the first \"" + first.title() + "\"", first.line(), 1));
        }
    }
}
