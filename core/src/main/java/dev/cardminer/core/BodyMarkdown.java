package dev.cardminer.core;

import dev.cardminer.core.internal.MarkdownParserFactory;
import java.util.Objects;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * A card body's CommonMark tree as {@link CardParser} reads it: CommonMark with GFM tables, block and
 * inline source spans whose input indexes are offsets into {@link #text()}. Headings come with their
 * inline content; that of paragraphs and table cells is parsed when asked for with {@link #inlines(Node)}
 * (the parser itself reads only headings, and inline parsing is most of a parse). An extractor gets the
 * tree of the card in hand from {@link CardExtractor.Input#markdown()}, so what needs the body's Markdown
 * (sentences, say) does not parse it again; the tree is not kept with the {@link ModelCard}.
 *
 * <p>Not thread-safe: {@link #inlines(Node)} changes the tree. Parsers from {@link #parser()} are.
 */
public final class BodyMarkdown {

    private final String text;
    private final Node document;

    private BodyMarkdown(String text, Node document) {
        this.text = text;
        this.document = document;
    }

    /** A parser that reads bodies as {@link CardParser} does; immutable and thread-safe: build one and share it. */
    public static Parser parser() {
        return MarkdownParserFactory.createDeferred();
    }

    /** Parses {@code text} with {@code parser} (one from {@link #parser()}, or any other commonmark parser). */
    public static BodyMarkdown parse(Parser parser, String text) {
        return new BodyMarkdown(text, parser.parse(Objects.requireNonNull(text, "text")));
    }

    /** A tree already parsed from {@code text}. */
    public static BodyMarkdown of(String text, Node document) {
        return new BodyMarkdown(Objects.requireNonNull(text, "text"), Objects.requireNonNull(document, "document"));
    }

    /**
     * The text parsed: the body, or the prefix of it that the parser read ({@link CardLimits#analysedEnd}).
     */
    public String text() {
        return text;
    }

    /** The document node. */
    public Node document() {
        return document;
    }

    /**
     * {@code block} with its inline content parsed, exactly as a full parse of the text has it (the
     * document's link reference definitions apply); a no-op for a block that has it already.
     */
    public Node inlines(Node block) {
        MarkdownParserFactory.parseInlines(block);
        return block;
    }
}
