package dev.cardminer.io.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.io.StringWriter;
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

    /**
     * Rows per card of {@code metadata} (top-level keys) and of {@code metadata_values} (list items): real
     * cards stay far below (hub-2023's largest: 12 keys, 243 items); a 30 MB block of keys is 2.5 million
     * rows, which cost a run more than the parse. Past the cap the rows are cut with a warning;
     * {@code cards.metadata_json} still holds the whole block. Eval results are not cut: they are the data
     * of the largest real cards (a 28.9 MB model-index), and their cost is linear.
     */
    static final int MAX_ROWS_PER_TABLE = 10_000;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final CardParser parser;
    private final ObjectMapper json;
    private final CardSentences.Step sentenceStep;
    private StringWriter out = new StringWriter(1024);
    private long splitNanos;
    private long annotateNanos;
    /** Splits each card while the parser has it in hand, reusing its Markdown tree; null without a sentence step. */
    private final CardExtractor splitInHand;
    /** The split {@link #splitInHand} made of the card being built, or null. */
    private CardSentences inHand;

    public CardRowsBuilder(CardParser parser, ObjectMapper json) {
        this(parser, json, null);
    }

    /**
     * @param sentenceStep what to do with each card's sentences while it is in hand (split, annotate), or
     *                     null to leave them to the annotation phase
     */
    public CardRowsBuilder(CardParser parser, ObjectMapper json, CardSentences.Step sentenceStep) {
        this.parser = parser;
        this.json = json;
        this.sentenceStep = sentenceStep;
        this.splitInHand = sentenceStep == null ? null : (card, out) -> {
            long t0 = StageTimes.cpuNow();
            inHand = CardSentences.split(sentenceStep.splitter(), card);
            splitNanos += StageTimes.cpuNow() - t0;
        };
    }

    /** CPU nanoseconds this builder's thread spent splitting sentences so far. */
    public long splitNanos() {
        return splitNanos;
    }

    /** CPU nanoseconds this builder's thread spent annotating sentences so far. */
    public long annotateNanos() {
        return annotateNanos;
    }

    public CardRows build(SourceCard source, byte[] utf8, String contentHash, long fingerprint, long factsHash,
                          boolean replaces, int permits) {
        if (source.failure() != null) {
            return failed(source, utf8, contentHash, fingerprint, factsHash, replaces, permits,
                    Problem.error(ProblemCodes.SOURCE_ERROR, source.failure(), 0, 0));
        }
        try {
            inHand = null;
            ModelCard card = splitInHand == null
                    ? (source.text() != null ? parser.parse(source.id(), source.text()) : parser.parse(source.id(), utf8))
                    : (source.text() != null ? parser.parse(source.id(), source.text(), splitInHand)
                            : parser.parse(source.id(), utf8, splitInHand));
            return rows(source, card, utf8.length, contentHash, fingerprint, factsHash, replaces, permits);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return failed(source, utf8, contentHash, fingerprint, factsHash, replaces, permits, Problem.error(ProblemCodes.INTERNAL_ERROR,
                    "cardminer could not analyse this card: " + describe(t), 0, 0));
        }
    }

    private CardRows rows(SourceCard source, ModelCard card, long bytes, String contentHash,
                          long fingerprint, long factsHash, boolean replaces, int permits) throws IOException {
        List<CardRows.MetadataRow> metadata = new ArrayList<>(card.metadata().keys().size());
        List<CardRows.ValueRow> values = new ArrayList<>();
        long keysCut = 0;
        long valuesCut = 0;
        // One generator writes the whole block; each key's JSON is the stretch of text its value took,
        // so nothing is serialised twice and no JsonNode tree is built for plain data.
        StringBuffer text = out.getBuffer();
        text.setLength(0);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : card.metadata().values().entrySet()) {
                g.writeFieldName(e.getKey());
                if (metadata.size() == MAX_ROWS_PER_TABLE) {
                    keysCut++;
                    valuesCut += card.metadata().strings(e.getKey()).size();
                    writeValue(g, e.getValue());
                    continue;
                }
                g.flush();
                int from = text.length() + 1; // the ':' is written with the value
                writeValue(g, e.getValue());
                g.flush();
                metadata.add(new CardRows.MetadataRow(e.getKey(), text.substring(from)));
                int position = 0;
                for (String item : card.metadata().strings(e.getKey())) {
                    if (values.size() == MAX_ROWS_PER_TABLE) {
                        valuesCut++;
                    } else {
                        values.add(new CardRows.ValueRow(e.getKey(), position++, item));
                    }
                }
            }
            g.writeEndObject();
        }
        String metadataJson = card.hasMetadata() ? text.toString() : null;
        if (text.capacity() > 1 << 20) {
            out = new StringWriter(1024); // do not hold on to a huge block's buffer
        }
        List<CardRows.EvalRow> evals = new ArrayList<>(card.evalResults().size());
        for (EvalResult e : card.evalResults()) {
            evals.add(new CardRows.EvalRow(e.modelName(), e.taskType(), e.taskName(), e.datasetType(), e.datasetName(),
                    e.datasetConfig(), e.datasetSplit(), e.datasetRevision(), e.metricType(), e.metricName(),
                    numeric(e.metricValue()), valueText(e.metricValue()), e.verified(), e.sourceName(), e.sourceUrl()));
        }
        double completeness = card.completeness();
        List<Problem> problems = card.problems();
        if (keysCut + valuesCut > 0) {
            problems = new ArrayList<>(problems);
            problems.add(rowsCapped(keysCut, valuesCut));
        }
        CardSentences sentences = null;
        if (sentenceStep != null) {
            // Split while parsing (the parser's tree reused, timed there); a parser without that hook leaves it to here.
            // The thread's CPU clock is a system call (docs/bench.md, "JVM-side CPU"): read no more often than needed.
            long t1;
            if (inHand != null) {
                sentences = inHand;
                t1 = sentenceStep.annotator() != null ? StageTimes.cpuNow() : 0;
            } else {
                long t0 = StageTimes.cpuNow();
                sentences = CardSentences.split(sentenceStep.splitter(), card);
                t1 = StageTimes.cpuNow();
                splitNanos += t1 - t0;
            }
            inHand = null;
            if (!sentences.problems().isEmpty()) {
                problems = new ArrayList<>(problems);
                problems.addAll(sentences.problems());
            }
            if (sentenceStep.annotator() != null) {
                sentences = sentences.annotated(sentenceStep.annotator());
                annotateNanos += StageTimes.cpuNow() - t1;
            }
        }
        return new CardRows(source.id(), replaces, fingerprint, factsHash, source.origin(), contentHash, bytes, source.facts(),
                card.hasMetadata(), metadataJson, Double.isFinite(completeness) ? completeness : null, card.body(),
                card.bodyLine(), metadata, values, card.sections(), evals, card.links(), problems, sentences, permits);
    }

    /** Located at the metadata block's first line: the cut rows are spread over the whole block. */
    private static Problem rowsCapped(long keysCut, long valuesCut) {
        List<String> cut = new ArrayList<>(2);
        if (keysCut > 0) {
            cut.add(String.format("%,d top-level keys (metadata)", keysCut));
        }
        if (valuesCut > 0) {
            cut.add(String.format("%,d values (metadata_values)", valuesCut));
        }
        return Problem.warning(ProblemCodes.ROWS_CAPPED, String.format(
                "the store keeps the first %,d metadata rows of each kind per card; not stored as rows: %s (cards.metadata_json "
                        + "keeps the whole metadata)", MAX_ROWS_PER_TABLE, String.join(", ", cut)), 1, 1);
    }

    private static CardRows failed(SourceCard source, byte[] utf8, String contentHash, long fingerprint,
                                   long factsHash, boolean replaces, int permits, Problem problem) {
        return new CardRows(source.id(), replaces, fingerprint, factsHash, source.origin(), contentHash, utf8.length,
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

    /**
     * Writes plain data (as in {@code Metadata.values()}) as {@code CardJson.value(v)} serialises: the
     * common types directly, anything else (maps with non-string keys, big numbers, NaN, bytes) through
     * the JsonNode tree, so the text is the same either way.
     */
    private void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i.intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l.longValue());
        } else if (v instanceof Double d && Double.isFinite(d)) {
            g.writeNumber(d.doubleValue());
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> m && stringKeys(m)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            json.writeTree(g, CardJson.value(v));
        }
    }

    /** Keys that are all strings are distinct as JSON names; String.valueOf of other keys may collide. */
    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
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
