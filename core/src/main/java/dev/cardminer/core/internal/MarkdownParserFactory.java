package dev.cardminer.core.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLines;

/**
 * Builds the Markdown configuration cardminer reads card bodies with: CommonMark plus GFM tables,
 * with block source spans so that blocks can be located in the body. Parsers are immutable and
 * thread-safe, so callers build one and share it.
 */
public final class MarkdownParserFactory {

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
     * The parser the section analysis reads headings with: CommonMark blocks with the same source
     * spans, inline content parsed only inside headings (by commonmark's own inline parser, an
     * internal class of the pinned 0.24 release, so that titles follow CommonMark), and no GFM
     * tables. The analysis reads nothing but the headings, and inline parsing and the tables
     * extension's cell splitting are most of the cost of a full parse. Without tables, pipe rows
     * are paragraph text, which changes the headings only where a setext underline follows such
     * rows or a heading with a pipe continues them; {@link SectionExtractor#mayDependOnTables} finds
     * those cards and the analysis parses them again with {@link #create()}.
     */
    public static Parser createForSections() {
        return Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(new HeadingsOnly())
                .build();
    }

    /** No character that can start an inline construct, so the text is one Text node. */
    private static boolean isPlain(CharSequence content) {
        for (int i = 0; i < content.length(); i++) {
            switch (content.charAt(i)) {
                case '\\', '`', '*', '_', '[', ']', '!', '<', '&', '\n', '\r' -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return content.length() > 0;
    }

    /** Creates the real inline parser on the first heading of a document and parses nothing else. */
    private static final class HeadingsOnly implements InlineParserFactory {
        @Override
        public InlineParser create(InlineParserContext context) {
            return new InlineParser() {
                private InlineParser real;

                @Override
                public void parse(SourceLines lines, Node block) {
                    if (!(block instanceof Heading)) {
                        return;
                    }
                    if (lines.getLines().size() == 1 && isPlain(lines.getLines().get(0).getContent())) {
                        // What the inline parser would make of it, without setting it up per heading.
                        block.appendChild(new Text(lines.getLines().get(0).getContent().toString()));
                        return;
                    }
                    if (real == null) {
                        real = new InlineParserImpl(context);
                    }
                    real.parse(lines, block);
                }
            };
        }
    }
}
