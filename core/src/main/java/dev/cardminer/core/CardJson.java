package dev.cardminer.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The JSON form of a parsed card, as {@code cardminer card} prints it. */
public final class CardJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CardJson() {
    }

    /**
     * The whole card as a new JSON object: {@code id}, {@code metadata} (null without a block), {@code body},
     * {@code evalResults}, {@code sections}, {@code links}, {@code completeness} and {@code problems} (the parser's,
     * {@link ModelCard#problems()}).
     */
    public static ObjectNode toJson(ModelCard card) {
        return toJson(card, card.problems());
    }

    /**
     * The whole card as {@link #toJson(ModelCard)} gives it, with these problems as its {@code problems}:
     * {@code cardminer card} gives {@link CardLinter#check}'s, the list {@code check} and {@code card --summary} show.
     */
    public static ObjectNode toJson(ModelCard card, List<Problem> problemsShown) {
        ObjectNode o = NODES.objectNode();
        o.put("id", card.id());
        o.set("metadata", card.hasMetadata() ? value(card.metadata().values()) : NODES.nullNode());
        o.put("body", card.body());
        ArrayNode evals = o.putArray("evalResults");
        for (EvalResult e : card.evalResults()) {
            evals.add(evalResult(e));
        }
        ArrayNode sections = o.putArray("sections");
        for (Section s : card.sections()) {
            ObjectNode n = sections.addObject();
            n.put("level", s.level());
            n.put("title", s.title());
            if (s.canonical() == null) {
                n.putNull("canonical");
            } else {
                n.put("canonical", s.canonical().title());
            }
            n.put("start", s.start());
            n.put("end", s.end());
            n.put("line", s.line());
            n.put("placeholder", s.placeholder());
            n.put("empty", s.empty());
        }
        ArrayNode links = o.putArray("links");
        for (Link l : card.links()) {
            ObjectNode n = links.addObject();
            n.put("kind", l.kind().name().toLowerCase());
            n.put("target", l.target());
            n.put("text", l.text());
            n.put("line", l.line());
            n.put("column", l.column());
        }
        o.put("completeness", card.completeness());
        ArrayNode problems = o.putArray("problems");
        for (Problem p : problemsShown) {
            problems.add(problem(p));
        }
        return o;
    }

    /**
     * One problem as a new JSON object: severity in lower case, code, message, line, column, and path when it has
     * one.
     */
    public static ObjectNode problem(Problem p) {
        ObjectNode n = NODES.objectNode();
        n.put("severity", p.severity().name().toLowerCase());
        n.put("code", p.code());
        n.put("message", p.message());
        n.put("line", p.line());
        n.put("column", p.column());
        if (p.path() != null) {
            n.put("path", p.path());
        }
        return n;
    }

    /** One evaluation result as a new JSON object, a field per component (nulls kept). */
    public static ObjectNode evalResult(EvalResult e) {
        ObjectNode n = NODES.objectNode();
        n.put("modelName", e.modelName());
        n.put("taskType", e.taskType());
        n.put("taskName", e.taskName());
        n.put("datasetType", e.datasetType());
        n.put("datasetName", e.datasetName());
        n.put("datasetConfig", e.datasetConfig());
        n.put("datasetSplit", e.datasetSplit());
        n.put("datasetRevision", e.datasetRevision());
        n.set("datasetArgs", value(e.datasetArgs()));
        n.put("metricType", e.metricType());
        n.set("metricValue", value(e.metricValue()));
        n.put("metricName", e.metricName());
        n.put("metricConfig", e.metricConfig());
        n.set("metricArgs", value(e.metricArgs()));
        if (e.verified() == null) {
            n.putNull("verified");
        } else {
            n.put("verified", e.verified());
        }
        n.put("verifyToken", e.verifyToken());
        n.put("sourceName", e.sourceName());
        n.put("sourceUrl", e.sourceUrl());
        return n;
    }

    /** Plain Java data (as in {@link Metadata#values()}) as JSON. */
    public static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? NODES.textNode(d.toString()) : NODES.numberNode(d);
        }
        if (v instanceof Float f) {
            return NODES.numberNode(f.doubleValue());
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, val) -> o.set(String.valueOf(k), value(val)));
            return o;
        }
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(item -> a.add(value(item)));
            return a;
        }
        if (v instanceof byte[] bytes) {
            return NODES.binaryNode(bytes);
        }
        return NODES.textNode(v.toString());
    }

    /** A shared mapper configured for cardminer's output. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().setNodeFactory(NODES);
    }
}
