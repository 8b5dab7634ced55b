package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import java.util.List;

/**
 * Reads a metadata block's YAML (1.2 core schema) with the locations of its values, and explains a
 * missing block. What is read from the values (checks, {@code model-index}) are extractors of their
 * own ({@link MetadataValidationExtractor}, {@link ModelIndexExtractor}). Thread-safe.
 */
public final class MetadataAnalyzer {

    private final YamlBlockReader yamlReader = new YamlBlockReader();
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();

    /**
     * @param yaml      the block's text
     * @param firstLine 1-based line of the block's first line in the card file
     * @param problems  where problems go
     */
    public YamlDocument read(String yaml, int firstLine, List<Problem> problems) {
        return yamlReader.read(yaml, firstLine, problems);
    }

    /**
     * For a card without a block: says why, when the text looks as if it meant to have one (a BOM in
     * front of it, which hides it from the Hub, or an opening '---' that is never closed).
     */
    public void explainMissingBlock(String text, List<Problem> problems) {
        if (text.startsWith("\uFEFF") && splitter.split(text.substring(1)).found()) {
            problems.add(Problem.warning(ProblemCodes.BOM_HIDES_METADATA, "the file starts with a byte order mark (U+FEFF),"
                    + " so the Hub does not see the metadata block behind it; save the file without BOM", 1, 1));
            return;
        }
        int[] start = afterLeadingWhitespace(text);
        int p = start[0];
        int line = start[1];
        // '---' right above '---' is closed, only empty: no key is hidden, and the lint says what the Hub wants there
        if (text.startsWith("---", p) && p + 3 < text.length()
                && (text.charAt(p + 3) == '\n' || text.charAt(p + 3) == '\r') && UnseenBlocks.emptyBlock(text) == null) {
            problems.add(Problem.warning(ProblemCodes.METADATA_UNCLOSED, "a metadata block opens here but no '---' line closes"
                    + " it the way the Hub requires, so the whole file is read as text", line, 1));
        }
    }

    /** Where the Hub's rule looks for the opening dashes (after Python's whitespace), and that place's 1-based line. */
    static int[] afterLeadingWhitespace(String text) {
        int p = 0;
        int line = 1;
        while (p < text.length() && FrontMatterSplitter.isPythonWhitespace(text.charAt(p))) {
            char c = text.charAt(p++);
            if (c == '\n' || (c == '\r' && (p >= text.length() || text.charAt(p) != '\n'))) {
                line++;
            }
        }
        return new int[]{p, line};
    }
}
