package dev.cardminer.suggest;

import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.internal.BaseModelExtractor;
import dev.cardminer.suggest.internal.BaseModelRelationExtractor;
import dev.cardminer.suggest.internal.DatasetsExtractor;
import dev.cardminer.suggest.internal.LanguageExtractor;
import dev.cardminer.suggest.internal.LibraryNameExtractor;
import dev.cardminer.suggest.internal.LicenseExtractor;
import dev.cardminer.suggest.internal.MetricsExtractor;
import dev.cardminer.suggest.internal.ModelIndexExtractor;
import dev.cardminer.suggest.internal.PipelineTagExtractor;
import dev.cardminer.suggest.internal.ProseLanguage;

import java.util.List;
import java.util.Set;

/** The rule-based extractors cardminer ships, one per field. */
public final class Extractors {

    /** The fields the bundled extractors fill, in the order suggestions are listed. */
    public static final List<String> FIELDS = List.of("base_model", "base_model_relation", "datasets", "model-index",
            "pipeline_tag", "library_name", "license", "language", "metrics");

    /** Fields whose YAML value is a list (compared as sets). */
    public static final Set<String> LIST_FIELDS = Set.of("base_model", "datasets", "language", "metrics", "model-index");

    private Extractors() {
    }

    /** Every bundled extractor, checking values against these vocabularies. */
    public static List<MetadataExtractor> all(Vocabularies vocabularies) {
        return all(vocabularies, null, 1.0);
    }

    /**
     * Every bundled extractor; the pipeline_tag one consults {@code taskClassifier} (may be null) when its own
     * patterns find nothing, and proposes the classifier's task only at a score of {@code minScore} or more.
     */
    public static List<MetadataExtractor> all(Vocabularies vocabularies, TaskClassifier taskClassifier, double minScore) {
        PipelineTagExtractor pipelineTag = new PipelineTagExtractor(vocabularies, taskClassifier, minScore);
        BaseModelExtractor baseModel = new BaseModelExtractor();   // one reading per card, shared by the four that need it
        return List.of(baseModel, new BaseModelRelationExtractor(baseModel), new DatasetsExtractor(),
                new ModelIndexExtractor(pipelineTag), pipelineTag, new LibraryNameExtractor(vocabularies),
                new LicenseExtractor(vocabularies, baseModel),
                new LanguageExtractor(vocabularies, ProseLanguage.bundled(), baseModel), new MetricsExtractor());
    }
}
