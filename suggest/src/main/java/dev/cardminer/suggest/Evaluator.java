package dev.cardminer.suggest;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.RepoIds;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.internal.BodyText;
import dev.cardminer.suggest.internal.CardEdits;
import dev.cardminer.suggest.internal.TrainerResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Hide and recover: for each card with a field in its YAML, the field is removed (with core's CardEditor),
 * the field's extractor runs on the rest, and what it proposes is compared with what was removed. Truth
 * values that are themselves invalid (not a Hub id, not a vocabulary id) are left out of the support, since
 * no extractor may propose them. pipeline_tag and library_name are also scored against the Hub's repo facts
 * on cards whose YAML lacks them (with the same rule: a Hub value no longer in the vocabulary, such as 2023's
 * {@code conversational}, is left out). Not thread-safe: one caller adds cards.
 */
public final class Evaluator {

    private static final Pattern METRIC_ID = Pattern.compile("[a-z][a-z0-9_.-]{0,40}");
    private static final Set<String> RELATIONS = Set.of("adapter", "merge", "quantized", "finetune");

    private final List<MetadataExtractor> extractors;
    private final Vocabularies vocabularies;
    private final double minConfidence;
    private final Split split;
    private final Map<String, FieldScore> scores = new LinkedHashMap<>();
    private Consumer<Outcome> outcomes = o -> { };
    private long cards;
    private long uneditable;

    /**
     * One scored card and field, for error analysis: the truth values, what was proposed, and the hidden card.
     *
     * @param field     the scored field ({@code license}, {@code pipeline_tag@hub}, ...)
     * @param truth     the values hidden (lower case)
     * @param predicted what the extractor proposed at the minimum confidence
     * @param card      the card the extractor saw
     * @param proposed  the values counted as predicted (distinct values for list fields; 0 or 1 for a scalar)
     * @param correct   how many of them were right
     */
    public record Outcome(String field, Set<String> truth, List<Suggestion> predicted, ModelCard card, long proposed,
                          long correct) {

        /** Whether a hidden value was not found or a proposed one was wrong. */
        public boolean missedOrWrong() {
            return correct < truth.size() || correct < proposed;
        }
    }

    /** Calls {@code listener} with every scored card and field (default: nothing); for debugging dumps. */
    public Evaluator onOutcome(Consumer<Outcome> listener) {
        this.outcomes = Objects.requireNonNull(listener);
        return this;
    }

    /**
     * An evaluation of {@code extractors} on the cards of {@code split}: each field the YAML has is hidden and the
     * extractor asked to recover it; proposals below {@code minConfidence} count as none.
     */
    public Evaluator(List<MetadataExtractor> extractors, Vocabularies vocabularies, double minConfidence, Split split) {
        this.extractors = List.copyOf(extractors);
        this.vocabularies = vocabularies;
        this.minConfidence = minConfidence;
        this.split = split;
        for (MetadataExtractor e : extractors) {
            scores.put(e.field(), FieldScore.ZERO);
            if (e.field().equals("model-index")) {
                scores.put("model-index@trainer", FieldScore.ZERO);
            }
            if (e.field().equals("pipeline_tag") || e.field().equals("library_name")) {
                scores.put(e.field() + "@hub", FieldScore.ZERO);
            }
        }
    }

    /**
     * Scores one card.
     *
     * @param hubPipelineTag the Hub's pipeline_tag for the repo (null when unknown)
     * @param hubLibraryName the Hub's library_name for the repo (null when unknown)
     */
    public void add(String id, String text, String hubPipelineTag, String hubLibraryName) {
        if (!split.contains(id)) {
            return;
        }
        cards++;
        ModelCard card = ModelCard.parse(id, text);
        for (MetadataExtractor extractor : extractors) {
            String field = extractor.field();
            if (card.metadata().has(field)) {
                scoreHidden(card, extractor);
            } else if (field.equals("pipeline_tag") && hubPipelineTag != null && valid(field, hubPipelineTag)) {
                scoreScalar(field + "@hub", hubPipelineTag, predict(extractor, card), card);
            } else if (field.equals("library_name") && hubLibraryName != null && valid(field, hubLibraryName)) {
                scoreScalar(field + "@hub", hubLibraryName, predict(extractor, card), card);
            }
        }
    }

    /** The scores so far, field by field. */
    public EvalReport report() {
        return new EvalReport(cards, scores);
    }

    /** Cards whose block could not be edited line by line (invalid YAML and the like): not scored. */
    public long uneditable() {
        return uneditable;
    }

    private void scoreHidden(ModelCard card, MetadataExtractor extractor) {
        String field = extractor.field();
        if (field.equals("model-index")) {
            // verified results were computed and signed by the Hub's evaluation service: no extractor may propose them
            List<EvalResult> truth = card.evalResults().stream()
                    .filter(r -> r.metricType() != null && r.metricValue() instanceof Number && !Boolean.TRUE.equals(r.verified()))
                    .toList();
            if (truth.isEmpty()) {
                return;
            }
            ModelCard hidden = hide(card, field);
            if (hidden == null) {
                return;
            }
            List<Suggestion> predicted = predict(extractor, hidden);
            List<EvalResult> unmatched = new ArrayList<>(truth);
            long correct = 0;
            for (Suggestion s : predicted) {
                for (int i = 0; i < unmatched.size(); i++) {
                    if (Suggester.sameMetric(unmatched.get(i), s.value())) {
                        unmatched.remove(i);
                        correct++;
                        break;
                    }
                }
            }
            add(field, truth.size(), predicted.size(), correct);
            Set<String> shown = new LinkedHashSet<>();
            truth.forEach(r -> shown.add(r.metricType().strip().toLowerCase(Locale.ROOT) + "=" + r.metricValue()));
            outcomes.accept(new Outcome(field, shown, predicted, hidden, predicted.size(), correct));
            if (!TrainerResults.items(BodyText.analysed(card)).isEmpty()) {
                add(field + "@trainer", truth.size(), predicted.size(), correct);
            }
            return;
        }
        Set<String> truth = truth(card, field);
        if (truth.isEmpty()) {
            return;
        }
        ModelCard hidden = hide(card, field);
        if (hidden == null) {
            return;
        }
        List<Suggestion> predicted = predict(extractor, hidden);
        if (Extractors.LIST_FIELDS.contains(field)) {
            Set<String> values = new LinkedHashSet<>();
            predicted.forEach(s -> values.add(key(s.value())));
            long correct = values.stream().filter(v -> truth.stream().anyMatch(t -> extractor.sameValue(t, v))).count();
            add(field, truth.size(), values.size(), correct);
            outcomes.accept(new Outcome(field, truth, predicted, hidden, values.size(), correct));
        } else {
            scoreScalar(field, truth.iterator().next(), predicted, hidden);
        }
    }

    private void scoreScalar(String field, String truth, List<Suggestion> predicted, ModelCard card) {
        long correct = !predicted.isEmpty() && key(predicted.get(0).value()).equals(truth.toLowerCase(Locale.ROOT)) ? 1 : 0;
        outcomes.accept(new Outcome(field, Set.of(truth.toLowerCase(Locale.ROOT)), predicted, card, predicted.isEmpty() ? 0 : 1,
                correct));
        add(field, 1, predicted.isEmpty() ? 0 : 1, correct);
    }

    private Set<String> truth(ModelCard card, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : card.metadata().strings(field)) {
            String value = v.strip();
            if (valid(field, value)) {
                out.add(value.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private boolean valid(String field, String value) {
        return switch (field) {
            case "base_model", "datasets" -> RepoIds.isValid(value);
            case "pipeline_tag" -> vocabularies.pipelineTags().contains(value);
            case "library_name" -> vocabularies.libraries().contains(value);
            case "license" -> vocabularies.licenses().contains(value);
            case "language" -> vocabularies.languages().contains(value);
            case "metrics" -> METRIC_ID.matcher(value.toLowerCase(Locale.ROOT)).matches();
            case "base_model_relation" -> RELATIONS.contains(value);
            default -> !value.isEmpty();
        };
    }

    private ModelCard hide(ModelCard card, String field) {
        CardEdits.Result edit = CardEdits.remove(card.text(), field);
        if (!edit.ok()) {
            uneditable++;
            return null;
        }
        return ModelCard.parse(card.id(), edit.text());
    }

    private List<Suggestion> predict(MetadataExtractor extractor, ModelCard card) {
        return extractor.extract(card).stream().filter(s -> s.confidence() >= minConfidence).toList();
    }

    private void add(String field, long support, long predicted, long correct) {
        scores.merge(field, new FieldScore(support, predicted, correct),
                (a, b) -> a.plus(b.support(), b.predicted(), b.correct()));
    }

    private static String key(Object value) {
        return value.toString().strip().toLowerCase(Locale.ROOT);
    }
}
