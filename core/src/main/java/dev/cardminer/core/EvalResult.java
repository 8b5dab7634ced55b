package dev.cardminer.core;

/**
 * One metric of a {@code model-index} entry, flattened as the Hub's Python client does (its
 * {@code EvalResult}). Unlike that client, entries that lack a required field are kept (the
 * missing fields are null) and reported as problems.
 */
public record EvalResult(
        String modelName,
        String taskType,
        String taskName,
        String datasetType,
        String datasetName,
        String datasetConfig,
        String datasetSplit,
        String datasetRevision,
        Object datasetArgs,
        String metricType,
        Object metricValue,
        String metricName,
        String metricConfig,
        Object metricArgs,
        Boolean verified,
        String verifyToken,
        String sourceName,
        String sourceUrl) {

    /** True when every field the Python client requires is present. */
    public boolean isComplete() {
        return modelName != null && taskType != null && datasetType != null && datasetName != null
                && metricType != null && metricValue != null;
    }
}
