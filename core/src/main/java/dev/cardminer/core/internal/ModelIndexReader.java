package dev.cardminer.core.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ProblemCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flattens {@code model-index} to one {@link EvalResult} per metric, in the order of the Python
 * client's {@code model_index_to_eval_results}. Where that client gives up on the whole index (a
 * missing name, task.type, dataset.type, dataset.name, metrics[].type or metrics[].value, or a value
 * of the wrong kind), this keeps what is there and records a located warning instead; values of a
 * type the Hub rejects (a number as dataset.config) are kept as text and reported.
 */
final class ModelIndexReader {

    private static final String KEY = "model-index";

    List<EvalResult> read(Object modelIndex, ValueProblems out) {
        if (modelIndex == null) {
            return List.of();
        }
        if (!(modelIndex instanceof List<?> entries)) {
            out.warning(ProblemCodes.MODEL_INDEX_INVALID, "model-index should be a list of {name, results} entries, but it is "
                    + ValueProblems.describe(modelIndex) + "; no evaluation results are read", KEY);
            return List.of();
        }
        List<EvalResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                out.warning(ProblemCodes.MODEL_INDEX_INVALID, ValueProblems.format(KEY, i) + " should be a mapping with name"
                        + " and results, but it is " + ValueProblems.describe(entries.get(i)), KEY, i);
                continue;
            }
            String name = text(entry, "name", true, out, KEY, i);
            Object rs = entry.get("results");
            if (!(rs instanceof List<?> list)) {
                missingOrWrong(entry, "results", "a list", out, new Object[]{KEY, i});
                continue;
            }
            for (int j = 0; j < list.size(); j++) {
                if (!(list.get(j) instanceof Map<?, ?> result)) {
                    out.warning(ProblemCodes.MODEL_INDEX_INVALID, ValueProblems.format(KEY, i, "results", j)
                            + " should be a mapping with task, dataset and metrics, but it is "
                            + ValueProblems.describe(list.get(j)), KEY, i, "results", j);
                    continue;
                }
                readResult(name, result, results, out, i, j);
            }
        }
        return results;
    }

    private void readResult(String name, Map<?, ?> result, List<EvalResult> results, ValueProblems out, int i, int j) {
        Object[] at = {KEY, i, "results", j};
        Map<?, ?> task = section(result, "task", out, at);
        Map<?, ?> dataset = section(result, "dataset", out, at);
        Object[] taskAt = append(at, "task");
        Object[] dataAt = append(at, "dataset");
        String taskType = task == null ? null : text(task, "type", true, out, taskAt);
        String taskName = task == null ? null : text(task, "name", false, out, taskAt);
        String datasetType = dataset == null ? null : text(dataset, "type", true, out, dataAt);
        String datasetName = dataset == null ? null : text(dataset, "name", true, out, dataAt);
        String datasetConfig = dataset == null ? null : text(dataset, "config", false, out, dataAt);
        String datasetSplit = dataset == null ? null : text(dataset, "split", false, out, dataAt);
        String datasetRevision = dataset == null ? null : text(dataset, "revision", false, out, dataAt);
        Object datasetArgs = dataset == null ? null : dataset.get("args");
        String sourceName = null;
        String sourceUrl = null;
        Object source = result.get("source");
        if (source instanceof Map<?, ?> s) {
            Object[] sourceAt = append(at, "source");
            sourceName = text(s, "name", false, out, sourceAt);
            sourceUrl = text(s, "url", false, out, sourceAt);
            if (sourceName != null && sourceUrl == null) {
                out.warning(ProblemCodes.MODEL_INDEX_MISSING_FIELD, ValueProblems.format(sourceAt) + " has a name but no url;"
                        + " the Python client rejects a source without url", sourceAt);
            }
        } else if (source != null) {
            out.warning(ProblemCodes.MODEL_INDEX_TYPE, ValueProblems.format(append(at, "source")) + " should be a mapping"
                    + " with name and url, but it is " + ValueProblems.describe(source), append(at, "source"));
        }
        Object ms = result.get("metrics");
        if (!(ms instanceof List<?> metrics)) {
            missingOrWrong(result, "metrics", "a list", out, at);
            // The task and dataset are kept, with no metric.
            results.add(new EvalResult(name, taskType, taskName, datasetType, datasetName, datasetConfig, datasetSplit,
                    datasetRevision, datasetArgs, null, null, null, null, null, null, null, sourceName, sourceUrl));
            return;
        }
        for (int k = 0; k < metrics.size(); k++) {
            Object[] metricAt = append(at, "metrics", k);
            if (!(metrics.get(k) instanceof Map<?, ?> metric)) {
                out.warning(ProblemCodes.MODEL_INDEX_INVALID, ValueProblems.format(metricAt) + " should be a mapping with type"
                        + " and value, but it is " + ValueProblems.describe(metrics.get(k)), metricAt);
                continue;
            }
            String metricType = text(metric, "type", true, out, metricAt);
            Object value = metric.get("value");
            if (value == null) {
                missing(metric, "value", out, metricAt);
            } else if (value instanceof Map || value instanceof List) {
                out.warning(ProblemCodes.MODEL_INDEX_TYPE, ValueProblems.format(append(metricAt, "value"))
                        + " should be a number or a string, but it is " + ValueProblems.describe(value),
                        append(metricAt, "value"));
            }
            String metricName = text(metric, "name", false, out, metricAt);
            String metricConfig = text(metric, "config", false, out, metricAt);
            Boolean verified = null;
            Object v = metric.get("verified");
            if (v instanceof Boolean b) {
                verified = b;
            } else if (v != null) {
                out.warning(ProblemCodes.MODEL_INDEX_TYPE, ValueProblems.format(append(metricAt, "verified"))
                        + " should be true or false, but it is " + ValueProblems.describe(v), append(metricAt, "verified"));
            }
            String verifyToken = text(metric, "verifyToken", false, out, metricAt);
            results.add(new EvalResult(name, taskType, taskName, datasetType, datasetName, datasetConfig, datasetSplit,
                    datasetRevision, datasetArgs, metricType, value, metricName, metricConfig, metric.get("args"),
                    verified, verifyToken, sourceName, sourceUrl));
        }
    }

    /** A mapping-valued field such as task or dataset; null (and a warning) when absent or not a mapping. */
    private static Map<?, ?> section(Map<?, ?> parent, String field, ValueProblems out, Object[] at) {
        Object v = parent.get(field);
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        missingOrWrong(parent, field, "a mapping", out, at);
        return null;
    }

    /**
     * A field the Hub types as a string. Numbers and booleans are kept as their text, with a warning (the
     * Hub rejects them); mappings and lists are dropped with a warning.
     */
    private static String text(Map<?, ?> parent, String field, boolean required, ValueProblems out, Object... at) {
        Object v = parent.get(field);
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            if (required) {
                missing(parent, field, out, at);
            }
            return null;
        }
        Object[] path = append(at, field);
        out.warning(ProblemCodes.MODEL_INDEX_TYPE, ValueProblems.format(path) + " should be a string, but it is "
                + ValueProblems.describe(v) + (v instanceof Map || v instanceof List ? "" : "; quote it"), path);
        return v instanceof Map || v instanceof List ? null : v.toString();
    }

    /**
     * A required field without value. The Python client fails (and drops the index) when the key is
     * absent, or when a section or list is null; a null scalar it takes as None.
     */
    private static void missing(Map<?, ?> parent, String field, ValueProblems out, Object[] at) {
        missing(parent, field, !parent.containsKey(field), out, at);
    }

    private static void missing(Map<?, ?> parent, String field, boolean pythonDrops, ValueProblems out,
                                Object[] at) {
        String where = ValueProblems.format(at);
        out.warning(ProblemCodes.MODEL_INDEX_MISSING_FIELD, where + (parent.containsKey(field) ? " has an empty " : " has no ")
                + field + (pythonDrops ? "; the Python client drops the whole model-index for this (kept here)"
                : "; the Hub requires it"), at);
    }

    private static void missingOrWrong(Map<?, ?> parent, String field, String expected, ValueProblems out,
                                       Object[] at) {
        Object v = parent.get(field);
        if (v == null) {
            missing(parent, field, true, out, at);
        } else {
            Object[] path = append(at, field);
            out.warning(ProblemCodes.MODEL_INDEX_TYPE, ValueProblems.format(path) + " should be " + expected + ", but it is "
                    + ValueProblems.describe(v) + "; the Python client drops the whole model-index for this", path);
        }
    }

    private static Object[] append(Object[] path, Object... more) {
        Object[] out = new Object[path.length + more.length];
        System.arraycopy(path, 0, out, 0, path.length);
        System.arraycopy(more, 0, out, path.length, more.length);
        return out;
    }
}
