package dev.cardminer.core.internal;

import dev.cardminer.core.Link;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import java.util.List;

/**
 * Reads the Markdown body: headings as sections mapped to the template, placeholders, completeness
 * and links.
 */
public final class BodyAnalyzer {

    /** What the body yields. */
    public record Result(List<Section> sections, List<Link> links, double completeness) {
    }

    /**
     * @param body      the text after the metadata block
     * @param lines     line index of the whole card text
     * @param bodyOffset offset of the body in the card text (to locate lines)
     * @param problems  where problems go
     */
    public Result analyze(String body, LineIndex lines, int bodyOffset, List<Problem> problems) {
        return new Result(List.of(), List.of(), 0);
    }
}
