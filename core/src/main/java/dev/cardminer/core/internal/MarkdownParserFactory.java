package dev.cardminer.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.parser.SourceLine;

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
     * spans, inline content parsed only inside headings, and no GFM tables. The analysis reads nothing
     * but the headings, and inline parsing and the tables extension's cell splitting are most of the
     * cost of a full parse. A heading of plain text becomes one Text node directly; the others are
     * parsed together, after the blocks, as one small document by commonmark's public parser (with the
     * body's link reference labels, so that {@code [text][ref]} reads as in the full tree).
     * Without tables, pipe rows are paragraph text, which changes the headings only where a setext
     * underline follows such rows or a heading with a pipe continues them;
     * {@link SectionExtractor#mayDependOnTables} finds those cards and the analysis parses them again
     * with {@link #create()}.
     */
    public static Parser createForSections() {
        return Parser.builder()
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> HEADINGS_ONLY)
                .postProcessor(new HeadingInlines())
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

    /** Plain headings get their Text node; other headings keep their raw lines for {@link HeadingInlines}. */
    private static final InlineParser HEADINGS_ONLY = (lines, block) -> {
        if (!(block instanceof Heading)) {
            return;
        }
        List<SourceLine> list = lines.getLines();
        if (list.size() == 1 && isPlain(list.get(0).getContent())) {
            block.appendChild(new Text(list.get(0).getContent().toString()));
        } else if (!list.isEmpty()) {
            List<String> raw = new ArrayList<>(list.size());
            for (SourceLine line : list) {
                raw.add(line.getContent().toString());
            }
            block.appendChild(new RawInline(raw));
        }
    };

    /** The unparsed lines of a heading, until {@link HeadingInlines} replaces them. */
    static final class RawInline extends CustomNode {
        final List<String> lines;

        RawInline(List<String> lines) {
            this.lines = lines;
        }
    }

    /**
     * Parses the inline content of the document's top-level headings that are not plain text, all in
     * one document: each heading written as a heading again (one line as ATX, several as setext), then
     * every link reference label of the body with a dummy destination. Headings nested in containers
     * are no sections; they keep their raw text.
     */
    private static final class HeadingInlines implements PostProcessor {
        private final Parser inlines = Parser.builder().build();

        @Override
        public Node process(Node document) {
            List<Heading> pending = new ArrayList<>();
            StringBuilder doc = new StringBuilder();
            boolean brackets = false;
            for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Heading h && h.getFirstChild() instanceof RawInline raw) {
                    pending.add(h);
                    if (raw.lines.size() == 1) {
                        // The closing " #" keeps a trailing '#' of the title from being read as one.
                        doc.append("# ").append(raw.lines.get(0)).append(" #\n\n");
                    } else {
                        doc.append(String.join("\n", raw.lines)).append("\n===\n\n");
                    }
                    for (String line : raw.lines) {
                        brackets |= line.indexOf('[') >= 0;
                    }
                }
            }
            if (brackets) {
                appendLabels(document, doc);
            }
            List<Heading> parsed = new ArrayList<>(pending.size());
            if (!pending.isEmpty()) {
                for (Node n = inlines.parse(doc.toString()).getFirstChild(); n != null; n = n.getNext()) {
                    if (n instanceof Heading h) {
                        parsed.add(h);
                    }
                }
            }
            boolean aligned = parsed.size() == pending.size();
            for (int i = 0; i < pending.size(); i++) {
                Heading target = pending.get(i);
                RawInline raw = (RawInline) target.getFirstChild();
                raw.unlink();
                if (aligned) {
                    Node child = parsed.get(i).getFirstChild();
                    while (child != null) {
                        Node next = child.getNext();
                        target.appendChild(child);
                        child = next;
                    }
                } else {
                    target.appendChild(new Text(String.join(" ", raw.lines)));
                }
            }
            replaceNested(document);
            return document;
        }

        /** Every link reference definition of the document, as {@code [label]: x} lines. */
        private static void appendLabels(Node document, StringBuilder doc) {
            Deque<Node> todo = new ArrayDeque<>();
            todo.push(document);
            while (!todo.isEmpty()) {
                Node node = todo.pop();
                if (node instanceof LinkReferenceDefinition d) {
                    doc.append('[').append(d.getLabel()).append("]: x\n\n");
                }
                // Definitions are blocks: no need to look inside paragraphs or headings.
                if (!(node instanceof Paragraph) && !(node instanceof Heading)) {
                    for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) {
                        todo.push(c);
                    }
                }
            }
        }

        /** Headings inside block quotes and lists keep their raw text (iteratively: nesting may be deep). */
        private static void replaceNested(Node document) {
            Deque<Node> todo = new ArrayDeque<>();
            for (Node c = document.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof Heading) && !(c instanceof Paragraph) && c.getFirstChild() != null) {
                    todo.push(c);
                }
            }
            while (!todo.isEmpty()) {
                Node node = todo.pop();
                for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof RawInline raw) {
                        c.insertBefore(new Text(String.join(" ", raw.lines)));
                        c.unlink();
                        break;
                    }
                    if (!(c instanceof Paragraph) && c.getFirstChild() != null) {
                        todo.push(c);
                    }
                }
            }
        }
    }
}
