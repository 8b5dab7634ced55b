package dev.cardminer.core;

/**
 * One metric of a {@code model-index} entry, flattened as the Hub's Python client does (its
 * {@code EvalResult}). Unlike that client, entries that lack a required field are kept (the
 * missing fields are null) and reported as problems. Apart from {@code modelName}, the keys below are those of one {@code model-index} entry's
 * {@code results} item; any text field may be null.
 *
 * @param modelName       the entry's {@code name}
 * @param taskType        {@code task.type}, such as {@code text-classification}
 * @param taskName        {@code task.name}, for people
 * @param datasetType     {@code dataset.type}: the dataset's Hub id or a short name
 * @param datasetName     {@code dataset.name}, for people
 * @param datasetConfig   {@code dataset.config}: the subset
 * @param datasetSplit    {@code dataset.split}, such as {@code test}
 * @param datasetRevision {@code dataset.revision}
 * @param datasetArgs     {@code dataset.args}, any YAML value
 * @param metricType      {@code metrics[].type}, such as {@code accuracy}
 * @param metricValue     {@code metrics[].value}: usually a number, but any YAML value
 * @param metricName      {@code metrics[].name}, for people
 * @param metricConfig    {@code metrics[].config}
 * @param metricArgs      {@code metrics[].args}, any YAML value
 * @param verified        {@code metrics[].verified}: whether the Hub computed the value; null when absent
 * @param verifyToken     {@code metrics[].verifyToken}: the Hub's signature of a verified value
 * @param sourceName      {@code source.name}: where the result comes from
 * @param sourceUrl       {@code source.url}
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
