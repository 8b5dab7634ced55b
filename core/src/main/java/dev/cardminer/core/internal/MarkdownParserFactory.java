package dev.cardminer.core.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Heading;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.Parser;

/**
 * Builds the Markdown configuration cardminer reads card bodies with: CommonMark plus GFM tables,
 * with block source spans so that blocks can be located in the body. Parsers are immutable and
 * thread-safe, so callers build one and share it.
 */
public final class MarkdownParserFactory {

    private MarkdownParserFactory() {
    }

    /** The full parser: every block and every inline. {@link dev.cardminer.core.ModelCard#markdown()} uses it. */
    public static Parser create() {
        return builder().build();
    }

    /**
     * The same configuration, but inline content is parsed only inside headings: the block tree,
     * the headings and their text are exactly those of {@link #create()}, while paragraphs and table
     * cells keep their raw text unparsed. Inline parsing is more than half the cost of a full parse
     * and the section analysis needs it only for heading titles. It delegates to commonmark's own
     * inline parser (an internal class of the pinned 0.24 release) so that titles follow CommonMark.
     */
    public static Parser createForSections() {
        return builder().inlineParserFactory(new HeadingsOnly()).build();
    }

    private static Parser.Builder builder() {
        return Parser.builder()
                .extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS);
    }

    /** Creates the real inline parser on the first heading of a document and parses nothing else. */
    private static final class HeadingsOnly implements InlineParserFactory {
        @Override
        public InlineParser create(org.commonmark.parser.InlineParserContext context) {
            return new InlineParser() {
                private InlineParser real;

                @Override
                public void parse(org.commonmark.parser.SourceLines lines, org.commonmark.node.Node block) {
                    if (block instanceof Heading) {
                        if (real == null) {
                            real = new InlineParserImpl(context);
                        }
                        real.parse(lines, block);
                    }
                }
            };
        }
    }
}
