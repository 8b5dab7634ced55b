package dev.cardminer.core.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Vocabularies;
import java.util.List;

/**
 * Reads a metadata block: YAML (1.2 core schema), the checks of each documented key against the
 * Hub's rules and vocabularies, and {@code model-index} flattened to evaluation results.
 * Thread-safe.
 */
public final class MetadataAnalyzer {

    /** What the block yields. {@code metadata} is empty when the YAML could not be read. */
    public record Result(Metadata metadata, List<EvalResult> evalResults) {
    }

    private final YamlBlockReader yamlReader = new YamlBlockReader();
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final MetadataValidator validator;
    private final ModelIndexReader modelIndexReader = new ModelIndexReader();

    public MetadataAnalyzer(Vocabularies vocabularies) {
        this.validator = new MetadataValidator(vocabularies);
    }

    /**
     * @param yaml      the block's text
     * @param firstLine 1-based line of the block's first line in the card file
     * @param problems  where problems go
     */
    public Result analyze(String yaml, int firstLine, List<Problem> problems) {
        YamlDocument doc = yamlReader.read(yaml, firstLine, problems);
        if (doc.mapping() == null || doc.mapping().isEmpty()) {
            return new Result(Metadata.empty(), List.of());
        }
        ValueProblems out = new ValueProblems(doc.mapping(), doc.locations(), problems);
        validator.validate(doc.mapping(), out);
        List<EvalResult> evalResults = modelIndexReader.read(doc.mapping().get("model-index"), out);
        return new Result(Metadata.of(doc.mapping()), evalResults);
    }

    /**
     * For a card without a block: says why, when the text looks as if it meant to have one (a BOM in
     * front of it, which hides it from the Hub, or an opening '---' that is never closed).
     */
    public void explainMissingBlock(String text, List<Problem> problems) {
        if (text.startsWith("\uFEFF") && splitter.split(text.substring(1)).found()) {
            problems.add(Problem.warning("bom-hides-metadata", "the file starts with a byte order mark (U+FEFF),"
                    + " so the Hub does not see the metadata block behind it; save the file without BOM", 1, 1));
            return;
        }
        int p = 0;
        int line = 1;
        while (p < text.length() && FrontMatterSplitter.isPythonWhitespace(text.charAt(p))) {
            char c = text.charAt(p++);
            if (c == '\n' || (c == '\r' && (p >= text.length() || text.charAt(p) != '\n'))) {
                line++;
            }
        }
        if (text.startsWith("---", p) && p + 3 < text.length()
                && (text.charAt(p + 3) == '\n' || text.charAt(p + 3) == '\r')) {
            problems.add(Problem.warning("metadata-unclosed", "a metadata block opens here but no '---' line closes"
                    + " it the way the Hub requires, so the whole file is read as text", line, 1));
        }
    }
}
