package dev.cardminer.suggest;

import dev.cardminer.core.MetadataKeys;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.suggest.internal.CardEdits;
import dev.cardminer.core.UnifiedDiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes suggestions into a card's metadata with a minimal diff: only the keys added are new lines, the rest
 * of the block and the body stay byte for byte. Keys the YAML already has are never touched. The patched card
 * is parsed again; a patch that changes the body or brings a problem the card had not is refused, and so is a patch
 * of a block that has a key twice ({@code yaml-duplicate-key}): which copy the author meant is theirs to say.
 *
 * <p>Stateless and thread-safe: one instance may patch cards from any number of threads.
 */
public final class CardPatcher {

    /** A patcher; it holds no state. */
    public CardPatcher() {
    }

    /** The file name diffs use. */
    public static final String README = "README.md";

    /** The Hub keys that the card's YAML writes under a misspelt key ({@code licence}, {@code Pipeline-Tag}): meant to written. */
    private static Map<String, String> misspelt(ModelCard card) {
        Map<String, String> out = new HashMap<>();
        for (String key : card.metadata().keys()) {
            MetadataKeys.didYouMean(key).ifPresent(meant -> out.putIfAbsent(meant, key));
        }
        // older Trainers wrote model_index: the Hub never read it, and the results found come from the same Trainer
        // block, so the model-index added is what makes them show (model_index stays as written)
        out.remove("model-index");
        return out;
    }

    /** The patch of {@code card}; a new model-index entry is named after the repo (the id's last part). */
    public Patch patch(ModelCard card, List<Suggestion> suggestions) {
        return patch(card, suggestions, modelName(card.id()));
    }

    /**
     * The patch of {@code card}. Keys the YAML holds no value for (written with nothing, {@code []}, a
     * {@code model-index} without results) are filled as missing keys are added; what cannot be written is listed in
     * {@link Patch#leftOut()} with why.
     *
     * @param modelName the name of a new model-index entry; null when the card has no repo id to name it after (read
     *                  from standard input): results are then left out unless the YAML's own entry has a name
     */
    public Patch patch(ModelCard card, List<Suggestion> suggestions, String modelName) {
        for (Problem p : card.problems()) {
            if (ProblemCodes.breaksMetadataBlock(p)) {
                return new Patch(card.id(), null, "", List.of(), List.of(), p.located());   // as check says it
            }
        }
        for (Problem p : card.problems()) {
            if (p.code().equals(ProblemCodes.INVALID_UTF8)) {
                // the patched README is written as UTF-8 text: the author's other bytes would become U+FFFD, and the
                // diff, made from the decoded text, would not show it
                return new Patch(card.id(), null, "", List.of(), List.of(), p.located() + "; the patched card would"
                        + " be written with U+FFFD in place of such bytes, in lines no diff shows: save the file as"
                        + " UTF-8 first");
            }
        }
        Map<String, Object> set = new LinkedHashMap<>();
        List<Suggestion> applied = new ArrayList<>();
        List<Patch.LeftOut> leftOut = new ArrayList<>();
        Map<String, List<Suggestion>> byField = new LinkedHashMap<>();
        Map<String, String> misspelt = misspelt(card);
        // why a field cannot be written depends on the field alone: asked once per field, not per value (a Trainer
        // block of thousands of results would read the YAML and its problems once for each)
        Map<String, java.util.Optional<String>> notWritten = new HashMap<>();
        for (Suggestion s : suggestions) {
            notWritten.computeIfAbsent(s.field(), f -> java.util.Optional.ofNullable(notWritten(card, f, misspelt)))
                    .ifPresentOrElse(why -> leftOut.add(new Patch.LeftOut(s, why)),
                            () -> byField.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(s));
        }
        for (Map.Entry<String, List<Suggestion>> e : byField.entrySet()) {
            String field = e.getKey();
            List<Suggestion> values = e.getValue();
            if (field.equals("model-index")) {
                List<Suggestion> complete = new ArrayList<>();
                for (Suggestion s : values) {
                    if (s.value() instanceof Map<?, ?> m && m.get("task") != null) {
                        complete.add(s);
                    } else {
                        leftOut.add(new Patch.LeftOut(s, "no task to file the result under (no pipeline_tag in the "
                                + "YAML, none found in the text)"));
                    }
                }
                Object yaml = card.metadata().get(field);
                boolean fill = EmptyModelIndex.is(yaml);   // the author's entry, under its own name
                if (complete.isEmpty()) {
                    continue;
                }
                if (!fill && modelName == null) {
                    complete.forEach(s -> leftOut.add(new Patch.LeftOut(s, "no model name for the model-index entry "
                            + "(the card has no repo id)")));
                    continue;
                }
                List<Object> results = results(complete);
                set.put(field, fill ? EmptyModelIndex.filled(yaml, results) : List.of(entry(modelName, results)));
                applied.addAll(complete);
            } else if (Extractors.LIST_FIELDS.contains(field) && !(field.equals("base_model") && values.size() == 1)) {
                // each value once, in the order found (a set: a list's contains per value was quadratic in the values)
                set.put(field, new ArrayList<>(values.stream().map(Suggestion::value)
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))));
                applied.addAll(values);
            } else {
                Suggestion chosen = values.get(0);
                set.put(field, chosen.value());
                applied.add(chosen);
                values.stream().skip(1).filter(s -> !s.value().equals(chosen.value())).forEach(s -> leftOut.add(
                        new Patch.LeftOut(s, "one value per key: " + chosen.value() + " (" + chosen.method() + ") is written")));
            }
        }
        if (set.isEmpty()) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "nothing to add", leftOut);
        }
        for (Problem p : card.problems()) {
            if (p.code().equals(ProblemCodes.YAML_DUPLICATE_KEY)) {
                // Such a block is not YAML: readers refuse it or keep either copy (PyYAML the last, as cardminer's
                // parser). A pull request adding keys to it would be built on values the Hub may not read, and an
                // edit that ever rewrote the key would drop a copy without the author choosing which.
                String twice = "the YAML has " + (p.path() == null ? "a key" : "'" + p.path() + "'") + " twice (line "
                        + p.line() + ")";
                return new Patch(card.id(), null, "", List.of(), List.of(), twice + ": remove one copy first; no "
                        + "patch is written on a block with a duplicate key", leftOut);
            }
        }
        CardEdits.Result edit = CardEdits.apply(card.text(), set, Map.of());
        if (edit.ok() && EmptyModelIndex.is(card.metadata().get("model-index")) && set.containsKey("model-index")
                && !EmptyModelIndex.onlyFirstResultsChanged(card.yaml(), ModelCard.parse(card.id(), edit.text()).yaml())) {
            // the editor writes the key anew: a quote, a comment or another entry of the author's would change
            set.remove("model-index");
            applied.removeIf(s -> s.field().equals("model-index")
                    && leftOut.add(new Patch.LeftOut(s, "writing results into the YAML's model-index would change its "
                    + "other lines (a quote, a comment, another entry): add them by hand")));
            if (set.isEmpty()) {
                return new Patch(card.id(), null, "", List.of(), List.of(), "nothing to add", leftOut);
            }
            edit = CardEdits.apply(card.text(), set, Map.of());
        }
        if (!edit.ok()) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "the metadata block cannot be edited: " + edit.failure(), leftOut);
        }
        ModelCard patched = ModelCard.parse(card.id(), edit.text());
        // A card without a block loses a leading BOM with its new block (the BOM would hide the block from the Hub).
        boolean bomDropped = card.yaml() == null && card.body().equals("\uFEFF" + patched.body());
        // '---' right above '---' (a block left empty, which the Hub does not see) is the body's start until keys fill it
        boolean emptyBlockFilled = card.bodyAfterEmptyBlock().filter(patched.body()::equals).isPresent();
        if (!patched.body().equals(card.body()) && !bomDropped && !emptyBlockFilled) {
            return new Patch(card.id(), null, "", List.of(), List.of(), "the edit would change the body", leftOut);
        }
        List<Problem> fresh = Problem.added(card.problems(), patched.problems());
        if (!fresh.isEmpty()) {
            return new Patch(card.id(), null, "", List.of(), fresh, "the patched card has a new problem: " + fresh.get(0), leftOut);
        }
        return new Patch(card.id(), edit.text(), UnifiedDiff.of(README, card.text(), edit.text()), applied, List.of(), null, leftOut);
    }

    /** Why {@code field} is not written into the card's YAML, or null when it is. */
    private static String notWritten(ModelCard card, String field, Map<String, String> misspelt) {
        if (misspelt.containsKey(field)) {
            // the author's value sits under a key the Hub ignores: a second key beside it would say the same twice
            // or contradict it; renaming the key is the author's call
            return "the YAML writes " + field + " as '" + misspelt.get(field) + "', a key the Hub ignores: rename that key";
        }
        if (Suggester.writtenTwice(card, field)) {
            return "the YAML has " + field + " twice";   // the editor would replace every copy: the author's value in an earlier one would go
        }
        if (Suggester.holdsValue(card, field)) {
            return "the YAML already has " + field;
        }
        if (Suggester.commented(card, field)) {
            return "the YAML's empty " + field + " has a comment, which writing a value would drop";
        }
        return null;
    }

    /** The name a new model-index entry gets: the repo id's last part ({@code org/name} → {@code name}). */
    private static String modelName(String id) {
        String name = id.contains("/") ? id.substring(id.lastIndexOf('/') + 1) : id;
        return name.isEmpty() ? "model" : name;
    }

    /** The Trainer's and the Hub's usual key order in a model-index's task, dataset and metric maps. */
    private static final List<String> NAME_FIRST = List.of("name", "type", "value", "config", "split", "revision", "args");

    /**
     * One result per task and dataset, in the order the card states them. Every map is rebuilt in a fixed key order,
     * so that the same card gives the same bytes whatever map an extractor built (an immutable {@code Map.of}
     * iterates in an order that changes from run to run).
     */
    private static List<Object> results(List<Suggestion> metrics) {
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
        return new ArrayList<>(results.values());
    }

    /** A new model-index entry: {@code name} first, then its results. */
    private static Map<String, Object> entry(String name, List<Object> results) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("results", results);
        return entry;
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
