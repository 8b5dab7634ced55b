package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.suggest.internal.CardEdits;
import dev.cardminer.suggest.internal.UnifiedDiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes suggestions into a card's metadata with a minimal diff: only the keys added are new lines, the rest
 * of the block and the body stay byte for byte. Keys the YAML already has are never touched. The patched card
 * is parsed again; a patch that changes the body or brings a problem the card had not is refused.
 */
public final class CardPatcher {

    /** The file name diffs use. */
    public static final String README = "README.md";

    /**
     * Problems that mean the card's metadata block is there but broken: a new block on top would turn the
     * author's block into body text, so such a card gets no patch until its author fixes it.
     */
    private static final java.util.Set<String> BROKEN_BLOCK = new java.util.LinkedHashSet<>(List.of(
            ProblemCodes.METADATA_UNCLOSED, ProblemCodes.BOM_HIDES_METADATA));

    public Patch patch(ModelCard card, List<Suggestion> suggestions) {
        for (Problem p : card.problems()) {
            if (BROKEN_BLOCK.contains(p.code())) {
                // as check says it: line:column: severity code message
                return new Patch(card.id(), null, "", List.of(), List.of(), p.line() + ":" + p.column() + ": "
                        + p.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + p.code() + " " + p.message());
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        List<Suggestion> applied = new ArrayList<>();
        Map<String, List<Suggestion>> byField = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            if (!card.metadata().has(s.field())) {
                byField.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, List<Suggestion>> e : byField.entrySet()) {
            String field = e.getKey();
            List<Suggestion> values = e.getValue();
            if (field.equals("model-index")) {
                List<Suggestion> complete = values.stream()
                        .filter(s -> s.value() instanceof Map<?, ?> m && m.get("task") != null).toList();
                if (!complete.isEmpty()) {
                    set.put(field, modelIndex(card, complete));
                    applied.addAll(complete);
                }
            } else if (Extractors.LIST_FIELDS.contains(field) && !(field.equals("base_model") && values.size() == 1)) {
                List<Object> items = new ArrayList<>();
                values.stream().map(Suggestion::value).filter(v -> !items.contains(v)).forEach(items::add);
                set.put(field, items);
                applied.addAll(values);
            } else {
                set.put(field, values.get(0).value());
                applied.add(values.get(0));
            }
        }
        if (set.isEmpty()) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "nothing to add");
        }
        CardEdits.Result edit = CardEdits.apply(card.text(), set, Map.of());
        if (!edit.ok()) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "the metadata block cannot be edited: " + edit.failure());
        }
        ModelCard patched = ModelCard.parse(card.id(), edit.text());
        if (!patched.body().equals(card.body())) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "the edit would change the body");
        }
        List<Problem> fresh = newProblems(card.problems(), patched.problems());
        if (!fresh.isEmpty()) {
            return new Patch(card.id(), null, "", List.of(), fresh, "the patched card has a new problem: " + fresh.get(0));
        }
        return new Patch(card.id(), edit.text(), UnifiedDiff.of(README, card.text(), edit.text()), applied, List.of(), null);
    }

    /** Problems of {@code after} that {@code before} had not, compared by severity, code, path and message. */
    static List<Problem> newProblems(List<Problem> before, List<Problem> after) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Problem p : before) {
            counts.merge(key(p), 1, Integer::sum);
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : after) {
            int left = counts.getOrDefault(key(p), 0);
            if (left > 0) {
                counts.put(key(p), left - 1);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Object> key(Problem p) {
        return Arrays.asList(p.severity(), p.code(), Objects.toString(p.path()), p.message());
    }

    /** The Trainer's and the Hub's usual key order in a model-index's task, dataset and metric maps. */
    private static final List<String> NAME_FIRST = List.of("name", "type", "value", "config", "split", "revision", "args");

    /**
     * One model-index entry named after the repo, one result per task and dataset, in the order the card states
     * them. Every map is rebuilt in a fixed key order, so that the same card gives the same bytes whatever map
     * an extractor built (an immutable {@code Map.of} iterates in an order that changes from run to run).
     */
    private static List<Object> modelIndex(ModelCard card, List<Suggestion> metrics) {
        Map<List<Object>, Map<String, Object>> results = new LinkedHashMap<>();
        List<Suggestion> inCardOrder = metrics.stream()
                .sorted(java.util.Comparator.comparingInt((Suggestion s) -> s.evidence().line())
                        .thenComparingInt(s -> s.evidence().column()))
                .toList();
        for (Suggestion s : inCardOrder) {
            Map<?, ?> v = (Map<?, ?>) s.value();
            Object task = ordered(v.get("task"));
            Object dataset = ordered(v.get("dataset"));
            Map<String, Object> result = results.computeIfAbsent(Arrays.asList(task, dataset), k -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("task", task);
                r.put("dataset", dataset);
                r.put("metrics", new ArrayList<>());
                return r;
            });
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) result.get("metrics");
            list.add(ordered(v.get("metric")));
        }
        String name = card.id().contains("/") ? card.id().substring(card.id().lastIndexOf('/') + 1) : card.id();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name.isEmpty() ? "model" : name);
        entry.put("results", new ArrayList<>(results.values()));
        return List.of(entry);
    }

    /** A map with {@link #NAME_FIRST}'s keys first and the others sorted, nested maps alike; other values as they are. */
    private static Object ordered(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        List<String> keys = map.keySet().stream().map(String::valueOf).sorted(java.util.Comparator
                .comparingInt((String k) -> NAME_FIRST.contains(k) ? NAME_FIRST.indexOf(k) : NAME_FIRST.size())
                .thenComparing(k -> k)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, ordered(map.get(k)));
        }
        return out;
    }
}
