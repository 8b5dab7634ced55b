package dev.cardminer.io.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.io.SourceCard;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one card and lays it out as store rows. One instance per parser thread. Never throws for a bad
 * card: a failure inside parsing becomes an {@code internal-error} problem on an otherwise empty card.
 */
public final class CardRowsBuilder {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final CardParser parser;
    private final ObjectMapper json;

    public CardRowsBuilder(CardParser parser, ObjectMapper json) {
        this.parser = parser;
        this.json = json;
    }

    public CardRows build(SourceCard source, byte[] utf8, String contentHash, long fingerprint, boolean replaces,
                          int permits) {
        if (source.failure() != null) {
            return failed(source, utf8, contentHash, fingerprint, replaces, permits,
                    Problem.error("source-error", source.failure(), 0, 0));
        }
        try {
            ModelCard card = source.text() != null ? parser.parse(source.id(), source.text())
                    : parser.parse(source.id(), utf8);
            return rows(source, card, utf8.length, contentHash, fingerprint, replaces, permits);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return failed(source, utf8, contentHash, fingerprint, replaces, permits, Problem.error("internal-error",
                    "cardminer could not analyse this card: " + describe(t), 0, 0));
        }
    }

    private CardRows rows(SourceCard source, ModelCard card, long bytes, String contentHash,
                          long fingerprint, boolean replaces, int permits) throws JsonProcessingException {
        List<CardRows.MetadataRow> metadata = new ArrayList<>(card.metadata().keys().size());
        List<CardRows.ValueRow> values = new ArrayList<>();
        // The whole block's JSON is put together from each key's JSON rather than serialised a second
        // time: the same text as writing CardJson.value(values()), since the keys are distinct strings.
        StringBuilder whole = card.hasMetadata() ? new StringBuilder(256).append('{') : null;
        for (Map.Entry<String, Object> e : card.metadata().values().entrySet()) {
            String valueJson = json.writeValueAsString(CardJson.value(e.getValue()));
            metadata.add(new CardRows.MetadataRow(e.getKey(), valueJson));
            if (whole != null) {
                if (whole.length() > 1) {
                    whole.append(',');
                }
                whole.append(json.writeValueAsString(e.getKey())).append(':').append(valueJson);
            }
            int position = 0;
            for (String item : card.metadata().strings(e.getKey())) {
                values.add(new CardRows.ValueRow(e.getKey(), position++, item));
            }
        }
        String metadataJson = whole == null ? null : whole.append('}').toString();
        List<CardRows.EvalRow> evals = new ArrayList<>(card.evalResults().size());
        for (EvalResult e : card.evalResults()) {
            evals.add(new CardRows.EvalRow(e.modelName(), e.taskType(), e.taskName(), e.datasetType(), e.datasetName(),
                    e.datasetConfig(), e.datasetSplit(), e.datasetRevision(), e.metricType(), e.metricName(),
                    numeric(e.metricValue()), valueText(e.metricValue()), e.verified(), e.sourceName(), e.sourceUrl()));
        }
        double completeness = card.completeness();
        return new CardRows(source.id(), replaces, fingerprint, source.origin(), contentHash, bytes, source.facts(),
                card.hasMetadata(), metadataJson, Double.isFinite(completeness) ? completeness : null, card.body(),
                metadata, values, card.sections(), evals, card.links(), card.problems(), permits);
    }

    private static CardRows failed(SourceCard source, byte[] utf8, String contentHash, long fingerprint,
                                   boolean replaces, int permits, Problem problem) {
        return new CardRows(source.id(), replaces, fingerprint, source.origin(), contentHash, utf8.length,
                source.facts(), false, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(problem), permits);
    }

    private String valueText(Object value) throws JsonProcessingException {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            return json.writeValueAsString(CardJson.value(value));
        }
        return value.toString();
    }

    private static Double numeric(Object value) {
        if (value instanceof Number n) {
            double d = n instanceof BigDecimal b ? b.doubleValue() : n instanceof BigInteger b ? b.doubleValue()
                    : n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (NUMBER.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) {
            String m = t.getMessage();
            b.append(": ").append(m.length() > 200 ? m.substring(0, 200) + "..." : m);
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            b.append(" at ").append(trace[0].getClassName()).append('.').append(trace[0].getMethodName());
        }
        return b.toString();
    }
}
