package dev.cardminer.core.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * Builds the Markdown configuration cardminer reads card bodies with: CommonMark plus GFM tables,
 * with source spans so that blocks and inlines can be located in the body. Parsers are immutable and
 * thread-safe, so callers build one and share it.
 */
public final class MarkdownParserFactory {

    /**
     * Whether commonmark's default inline parser ({@code org.commonmark.internal}) may be used from here: always on the
     * class path; on the module path only with {@code --add-exports org.commonmark/org.commonmark.internal=<this
     * module>}. Asked of the package's module, not by naming the class, which would fail where it is not exported.
     */
    static final boolean DEFAULT_INLINE_PARSER_READABLE =
            Parser.class.getModule().isExported("org.commonmark.internal", MarkdownParserFactory.class.getModule());

    private MarkdownParserFactory() {
    }

    /** The full parser: every block and every inline. */
    public static Parser create() {
        return Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .build();
    }

    /**
     * The parser that {@code CardParser} reads bodies with and that others reuse through
     * {@code BodyMarkdown}: the full parser's blocks (GFM tables included), block and inline source spans,
     * the inline content of headings parsed at once (the sections need their titles), and that of
     * paragraphs and table cells only when asked ({@link #parseInlines}): it is most of a full parse, and
     * the section analysis reads nothing but headings. Asked for, a block gets exactly the inlines the full
     * parse gives it: commonmark's own inline parser, with the document's link reference definitions.
     */
    public static Parser createDeferred() {
        Parser.Builder builder = Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES);
        // On the module path commonmark does not export its inline parser to us: every block's inlines are then
        // parsed at once, which gives the same tree, only without the saving.
        return DEFAULT_INLINE_PARSER_READABLE ? builder.inlineParserFactory(DeferredInlines::new).build() : builder.build();
    }

    /** Parses the inline content of {@code block} if {@link #createDeferred()}'s parser left it for later. */
    public static void parseInlines(Node block) {
        if (block.getFirstChild() instanceof PendingInlines pending) {
            pending.unlink();
            pending.owner.parseNow(pending.lines, block);
        }
    }

    /** The inline content of a block, waiting for {@link #parseInlines}. */
    static final class PendingInlines extends CustomNode {
        final SourceLines lines;
        final DeferredInlines owner;

        PendingInlines(SourceLines lines, DeferredInlines owner) {
            this.lines = lines;
            this.owner = owner;
        }
    }

    /** One document's inline parser: headings now, the other blocks on demand. */
    static final class DeferredInlines implements InlineParser {
        private final InlineParserContext context;
        private InlineParser real;

        DeferredInlines(InlineParserContext context) {
            this.context = context;
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            if (block instanceof Heading) {
                parseNow(lines, block);
            } else {
                block.appendChild(new PendingInlines(lines, this));
            }
        }

        void parseNow(SourceLines lines, Node block) {
            List<SourceLine> list = lines.getLines();
            if (isPlain(list)) {
                plainLines(list, block);
                return;
            }
            if (SimpleInlines.appendTo(list, block)) {
                return;
            }
            if (real == null) {
                // commonmark's default inline parser (what Parser.Builder uses without a factory): its one
                // implementation, with this document's definitions; built once per document that needs it.
                real = new InlineParserImpl(context);
            }
            real.parse(lines, block);
        }
    }

    /**
     * What commonmark's inline parser makes of lines without inline syntax: a Text node per line, spanning
     * it, without its trailing spaces (the last line's trailing spaces and tabs), and between lines a hard
     * line break where two or more spaces were cut, else a soft one (line breaks get no source span). Most
     * table cells and many headings and paragraphs are such lines, and the inline parser's set-up per
     * block costs more than their text.
     */
    private static void plainLines(List<SourceLine> lines, Node block) {
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            CharSequence content = line.getContent();
            boolean last = i == lines.size() - 1;
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == ' ' || last && content.charAt(end - 1) == '\t')) {
                end--;
            }
            Text text = new Text(content.subSequence(0, end).toString());
            SourceSpan span = line.getSourceSpan();
            if (span != null) {
                text.setSourceSpans(List.of(span));
            }
            block.appendChild(text);
            if (!last) {
                block.appendChild(content.length() - end >= 2 ? new HardLineBreak() : new SoftLineBreak());
            }
        }
    }

    /** Every line {@link #isPlain(CharSequence)}. */
    private static boolean isPlain(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (!isPlain(line.getContent())) {
                return false;
            }
        }
        return !lines.isEmpty();
    }

    /**
     * No character that can start an inline construct (commonmark's special characters), so the text is one Text
     * node; but for two that start nothing where they stand here: a run of '_' between ASCII letters or digits
     * ("snake_case": a delimiter run that can neither open nor close emphasis, so it stays text) and a '!' that
     * no '[' follows (no image). Both are common in cards, and the inline parser per block costs more than its text.
     */
    private static boolean isPlain(CharSequence content) {
        int n = content.length();
        for (int i = 0; i < n; i++) {
            switch (content.charAt(i)) {
                case '\\', '`', '*', '[', ']', '<', '&', '\n', '\r' -> {
                    return false;
                }
                case '!' -> {
                    if (i + 1 < n && content.charAt(i + 1) == '[') {
                        return false;
                    }
                }
                case '_' -> {
                    int end = SimpleInlines.intrawordUnderscoresEnd(content, i);
                    if (end < 0) {
                        return false;
                    }
                    i = end - 1;   // the loop steps past the run
                }
                default -> {
                }
            }
        }
        return n > 0;
    }
}
