package dev.cardminer.io.internal;

import dev.cardminer.core.Link;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.io.RepoFacts;
import java.util.List;

/**
 * Everything the store gets for one card, worked out by a parser thread so that the single writer
 * thread only appends. {@code sentences} are there when the run splits (and maybe annotates) in one pass,
 * null otherwise (the annotation phase then splits {@code cards.body} with the stored sections).
 * {@code permits} is the card's share of the in-flight memory budget; {@code fingerprint} and {@code factsHash} are what a
 * re-run compares ({@link Fingerprints#text}, {@link Fingerprints#facts}).
 */
public record CardRows(
        String id,
        boolean replaces,
        long fingerprint,
        long factsHash,
        String source,
        String contentHash,
        long bytes,
        RepoFacts facts,
        boolean hasMetadata,
        String metadataJson,
        Double completeness,
        String body,
        int bodyLine,
        List<MetadataRow> metadata,
        List<ValueRow> values,
        List<Section> sections,
        List<EvalRow> evalResults,
        List<Link> links,
        List<Problem> problems,
        CardSentences sentences,
        int permits) {

    /** Rows without sentences, of a body on the card's first line. */
    public CardRows(String id, boolean replaces, long fingerprint, long factsHash, String source, String contentHash, long bytes,
                    RepoFacts facts, boolean hasMetadata, String metadataJson, Double completeness, String body,
                    List<MetadataRow> metadata, List<ValueRow> values, List<Section> sections,
                    List<EvalRow> evalResults, List<Link> links, List<Problem> problems, int permits) {
        this(id, replaces, fingerprint, factsHash, source, contentHash, bytes, facts, hasMetadata, metadataJson, completeness, body,
                1, metadata, values, sections, evalResults, links, problems, null, permits);
    }

    /** The same rows with another share of the budget. */
    public CardRows withPermits(int newPermits) {
        return new CardRows(id, replaces, fingerprint, factsHash, source, contentHash, bytes, facts, hasMetadata, metadataJson,
                completeness, body, bodyLine, metadata, values, sections, evalResults, links, problems, sentences, newPermits);
    }

    public record MetadataRow(String key, String valueJson) {
    }

    public record ValueRow(String key, int position, String value) {
    }

    public record EvalRow(String modelName, String taskType, String taskName, String datasetType, String datasetName,
                          String datasetConfig, String datasetSplit, String datasetRevision, String metricType,
                          String metricName, Double metricValue, String metricValueText, Boolean verified,
                          String sourceName, String sourceUrl) {
    }
}
