package dev.cardminer.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/**
 * Finds the headings of a parsed body. Only headings at the top level of the document count as
 * sections: a heading inside a block quote or a list item is part of that block, not a card section.
 * Headings in code blocks or HTML blocks are no headings for CommonMark, so they never appear.
 */
final class SectionExtractor {

    /**
     * A heading as found in the body.
     *
     * @param level      1 to 6
     * @param title      plain text of the heading
     * @param start      offset of the heading's first non-blank character in the body
     * @param textStart  offset just past the heading (where the section's own text begins)
     */
    record HeadingSpan(int level, String title, int start, int textStart) {
    }

    List<HeadingSpan> headings(Node document, CharSequence body) {
        List<HeadingSpan> out = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Heading h) {
                List<SourceSpan> spans = h.getSourceSpans();
                if (spans.isEmpty()) {
                    continue;
                }
                int start = spans.get(0).getInputIndex();
                // A span may begin with up to three spaces of indentation; the section starts at the markup.
                while (start < body.length() && (body.charAt(start) == ' ' || body.charAt(start) == '\t')) {
                    start++;
                }
                SourceSpan last = spans.get(spans.size() - 1);
                int textStart = Math.min(body.length(), last.getInputIndex() + last.getLength());
                out.add(new HeadingSpan(h.getLevel(), plainText(h), start, textStart));
            }
        }
        return out;
    }

    /**
     * The heading's text without markup: text, code and link texts, line breaks as spaces. Walked
     * without recursion: emphasis can nest as deep as a heading is long.
     */
    static String plainText(Node heading) {
        StringBuilder sb = new StringBuilder();
        Node n = heading.getFirstChild();
        while (n != null) {
            Node down = null;
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else {
                down = n.getFirstChild();
            }
            if (down != null) {
                n = down;
                continue;
            }
            // Next sibling, or the next sibling of the nearest ancestor below the heading that has one.
            while (n != heading && n.getNext() == null) {
                n = n.getParent();
            }
            n = n == heading ? null : n.getNext();
        }
        return sb.toString().strip();
    }
}
