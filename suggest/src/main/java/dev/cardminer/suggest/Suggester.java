package dev.cardminer.suggest;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.MetadataKeys;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.internal.ModelIndexExtractor;
import dev.cardminer.suggest.internal.RepoFileRules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the extractors on a card and sorts what they find: values for fields the YAML lacks are
 * suggestions; values that differ from what the YAML holds are conflicts (never patched); values the
 * YAML already has are dropped.
 *
 * <pre>{@code
 * Suggester suggester = Suggester.builder().fields(List.of("base_model", "datasets")).minConfidence(0.8).build();
 * CardSuggestions found = suggester.suggest(ModelCard.parse(id, text));
 * }</pre>
 *
 * <p>Thread-safe when its extractors and {@link TaskClassifier} are, as the built-in extractors are (immutable, or
 * a one-card memo published through a volatile field): build one and share it. A {@link Builder} is not.
 */
public final class Suggester {

    private final List<MetadataExtractor> extractors;
    private final double minConfidence;
    private final RepoFileRules repoFiles;

    private Suggester(List<MetadataExtractor> extractors, double minConfidence, RepoFileRules repoFiles) {
        this.extractors = extractors;
        this.minConfidence = minConfidence;
        this.repoFiles = repoFiles;
    }

    /**
     * A builder with the defaults: every built-in extractor, the bundled vocabularies, no task classifier,
     * confidence 0.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The extractors this suggester runs, in order. */
    public List<MetadataExtractor> extractors() {
        return extractors;
    }

    /** What the card's text supports. */
    public CardSuggestions suggest(ModelCard card) {
        return suggest(card, RepoFiles.NONE);
    }

    /**
     * What the card's text and its repo's files support. For a field the files state (base_model and its relation
     * from adapter_config.json or mergekit_config.yml, library_name, pipeline_tag from config.json), their values
     * replace the text's: they are what the weights were saved or merged with. The extractors stay functions of the
     * card alone, so reading a card without its repo gives what it always gave.
     */
    public CardSuggestions suggest(ModelCard card, RepoFiles files) {
        List<Suggestion> suggestions = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int hiddenBlockEnd = hiddenBlockEnd(card);
        RepoFileRules.Reading fromFiles = repoFiles.read(card.id(), files);
        // A key written misspelt (model_index, licence) holds the author's value where the Hub does not look: the fix is
        // a rename, which check asks for (misspelled-key); the right key added beside it would leave both.
        Set<String> misspelt = new LinkedHashSet<>();
        for (String key : card.metadata().keys()) {
            MetadataKeys.didYouMean(key).ifPresent(misspelt::add);
        }
        for (MetadataExtractor extractor : extractors) {
            String field = extractor.field();
            if (misspelt.contains(field) && !card.metadata().has(field)) {
                continue;
            }
            Object yaml = card.metadata().get(field);
            // a key written twice holds the author's value in its first copy, whatever the parser kept: never empty
            boolean present = holdsValue(card, field) || writtenTwice(card, field);
            // a block the parser could not read: a key it writes holds a value nobody can compare with, so the field
            // gets neither a suggestion (it would overwrite the author's) nor a conflict (against what?)
            boolean unread = !present && writtenUnread(card, field);
            List<Suggestion> found = fromFiles.byField().get(field);
            List<Suggestion> candidates = found != null ? found : extractor.extract(card);
            List<Suggestion> filesTask = fromFiles.byField().get("pipeline_tag");
            if (field.equals("model-index") && filesTask != null && !filesTask.isEmpty()
                    && filesTask.get(0).confidence() >= minConfidence && card.metadata().pipelineTag().isEmpty()) {
                // the task the repo's files give (what the weights' head does, and the pipeline_tag this run proposes)
                // files the results, as the YAML's task would
                String task = (String) filesTask.get(0).value();
                candidates = candidates.stream().map(s -> ModelIndexExtractor.filedUnder(s, task)).toList();
            }
            for (Suggestion s : candidates) {
                if (s.confidence() < minConfidence) {
                    continue;
                }
                if (s.evidence().start() >= 0 && s.evidence().start() < hiddenBlockEnd) {
                    continue;   // the author's YAML behind a BOM or never closed: metadata the Hub does not see, not text
                }
                if (unread) {
                    continue;
                }
                if (!present) {
                    suggestions.add(s);
                } else if (!s.field().equals(field)) {
                    continue;   // a companion key (license_name with license: other) only goes with its main key
                } else if (Inferences.inferred(s)) {
                    continue;   // an implied value that differs (a base model's licence) says nothing against the YAML
                } else if (!agrees(card, extractor, s)) {
                    conflicts.add(new Conflict(field, yaml, s));
                }
            }
        }
        // A relation read from the sentence (or file) that names another base than the YAML's is about that other
        // base: added beside the author's base_model, it would assert what the pull request reports as a conflict.
        for (Conflict c : conflicts) {
            if (c.field().equals("base_model")) {
                suggestions.removeIf(s -> s.field().equals("base_model_relation")
                        && s.evidence().equals(c.suggestion().evidence()));
            }
        }
        // The Hub reads a relation only beside a base_model: alone (--fields base_model_relation on a card without one)
        // it would change nothing the Hub shows, and spend the repo's one pull request.
        if (!holdsValue(card, "base_model") && !writtenTwice(card, "base_model")
                && suggestions.stream().noneMatch(s -> s.field().equals("base_model"))) {
            suggestions.removeIf(s -> s.field().equals("base_model_relation"));
        }
        return new CardSuggestions(card.id(), suggestions, conflicts, fromFiles.problems());
    }

    /**
     * Whether the YAML gives {@code field} a value: a key written with nothing ({@code base_model:}), an empty list
     * ({@code language: []}) or mapping ({@code base_model: {}}), a blank string, or a {@code model-index} whose every
     * entry has no results ({@code results: []}, as the Trainer writes it when it evaluated nothing) holds none, so a
     * suggestion fills it and is no conflict.
     */
    static boolean holdsValue(ModelCard card, String field) {
        Object yaml = card.metadata().get(field);
        if (yaml == null || yaml instanceof Collection<?> c && c.isEmpty() || yaml instanceof Map<?, ?> m && m.isEmpty()
                || yaml instanceof String s && s.isBlank()) {
            return false;
        }
        return !field.equals("model-index") || !EmptyModelIndex.is(yaml);
    }

    /**
     * Whether the YAML has {@code field} twice at its top level ({@code yaml-duplicate-key}): the parser keeps the
     * last copy, which may be empty while an earlier one holds the author's value.
     */
    static boolean writtenTwice(ModelCard card, String field) {
        return card.problems().stream().anyMatch(p -> p.code().equals(ProblemCodes.YAML_DUPLICATE_KEY)
                && field.equals(p.path()));
    }

    /**
     * Whether the YAML block could not be read (a syntax error, not a mapping: the parser gave no metadata) and still
     * writes {@code field} as a top-level key.
     */
    static boolean writtenUnread(ModelCard card, String field) {
        if (card.yaml() == null || !card.metadata().isEmpty() || card.problems().stream().noneMatch(p ->
                p.severity() == Problem.Severity.ERROR && p.code().startsWith("yaml-"))) {
            return false;
        }
        Pattern keyLine = keyLine(field);
        for (String line : card.yaml().split("\\r\\n|\\r|\\n", -1)) {
            if (keyLine.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the top-level key {@code field}, holding no value, carries a comment on its line or on the indented
     * lines under it ({@code license:   # TODO pick one}): writing a value would rewrite those lines and drop it.
     */
    static boolean commented(ModelCard card, String field) {
        if (card.yaml() == null) {
            return false;
        }
        String[] lines = card.yaml().split("\\r\\n|\\r|\\n", -1);
        Pattern keyLine = keyLine(field);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = keyLine.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            if (m.group(2) != null && (m.group(2).startsWith("#") || m.group(2).matches(".*\\s#.*"))) {
                return true;
            }
            for (int j = i + 1; j < lines.length && (lines[j].isBlank() || Character.isWhitespace(lines[j].charAt(0))); j++) {
                if (lines[j].strip().startsWith("#")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A top-level line writing {@code field} (quoted or not); group 2 is what follows the colon. */
    private static Pattern keyLine(String field) {
        return Pattern.compile("([\"']?)" + Pattern.quote(field) + "\\1[ \\t]*:(?:[ \\t](.*))?");
    }

    /**
     * Where the author's YAML that the Hub does not read as metadata ends in the body, 0 when there is none: the body
     * (the whole text, as the Hub sees no block) then starts with it, and it must not be read as text. A block a BOM
     * hides ({@code bom-hides-metadata}) ends where the parser ends it in the text after the BOM, by the Hub's rule; a
     * block never closed ({@code metadata-unclosed}) at the first blank line or Markdown heading after its opening
     * line. Offsets, not lines, so that however lines end the block is where the parser put it.
     */
    static int hiddenBlockEnd(ModelCard card) {
        if (card.hasMetadata()) {
            return 0;
        }
        if (card.text().startsWith("\uFEFF") && has(card, ProblemCodes.BOM_HIDES_METADATA)) {
            ModelCard behind = ModelCard.parse(card.id(), card.text().substring(1));
            return behind.hasMetadata() ? behind.bodyOffset() + 1 : 0;
        }
        if (!has(card, ProblemCodes.METADATA_UNCLOSED)) {
            return 0;
        }
        String body = card.body();
        int opening = body.indexOf("---");
        if (opening < 0) {
            return 0;
        }
        int at = nextLine(body, opening);
        while (at < body.length()) {
            String line = body.substring(at, lineEnd(body, at));
            if (line.isBlank() || HEADING.matcher(line).matches()) {
                return at;
            }
            at = nextLine(body, at);
        }
        return at;
    }

    private static final Pattern HEADING = Pattern.compile("#{1,6}(?:[ \\t].*)?");

    private static boolean has(ModelCard card, String code) {
        return card.problems().stream().anyMatch(p -> p.code().equals(code));
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int nextLine(String s, int from) {
        int i = lineEnd(s, from);
        if (i < s.length() && s.charAt(i) == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return Math.min(s.length(), i + 1);
    }

    /** Whether the YAML already holds the suggested value (ids compared without case, codes by what they name). */
    static boolean agrees(ModelCard card, MetadataExtractor extractor, Suggestion s) {
        if (extractor.field().equals("model-index")) {
            return card.evalResults().stream().anyMatch(r -> sameMetric(r, s.value()));
        }
        return card.metadata().strings(extractor.field()).stream().anyMatch(v -> extractor.sameValue(v, s.value()));
    }

    /** Whether a model-index result has the suggested metric type and (to the card's rounding) value. */
    public static boolean sameMetric(EvalResult r, Object suggested) {
        if (!(suggested instanceof Map<?, ?> entry) || !(entry.get("metric") instanceof Map<?, ?> metric)) {
            return false;
        }
        if (r.metricType() == null || !r.metricType().strip().equalsIgnoreCase(String.valueOf(metric.get("type")))) {
            return false;
        }
        Double truth = number(r.metricValue());
        return truth != null && metric.get("value") instanceof Double v && sameValue(truth, v);
    }

    /** Values agree when they are equal after the rounding a card shows (4 decimals), or as percentages. */
    public static boolean sameValue(double truth, double shown) {
        double tolerance = 5.01e-5 + Math.abs(truth) * 1e-9;
        return Math.abs(truth - shown) <= tolerance || Math.abs(truth * 100 - shown) <= 5.01e-3
                || Math.abs(truth - shown * 100) <= 5.01e-3;
    }

    private static Double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Options of a {@link Suggester}. */
    public static final class Builder {
        private List<MetadataExtractor> extractors;
        private Vocabularies vocabularies = Vocabularies.bundled();
        private Set<String> fields;
        private double minConfidence;
        private TaskClassifier taskClassifier;
        private double taskClassifierMinScore = 1.0;

        private Builder() {
        }

        /** The extractors to run (default: {@link Extractors#all}). */
        public Builder extractors(List<MetadataExtractor> extractors) {
            this.extractors = List.copyOf(extractors);
            return this;
        }

        /** The vocabularies the default extractors check values against (default: the bundled ones). */
        public Builder vocabularies(Vocabularies vocabularies) {
            this.vocabularies = Objects.requireNonNull(vocabularies);
            return this;
        }

        /** Only these fields (default: all the extractors fill). Unknown names are an error. */
        public Builder fields(Collection<String> fields) {
            this.fields = fields == null ? null : Set.copyOf(fields);
            return this;
        }

        /**
         * A task classifier the default pipeline_tag extractor consults when its patterns find nothing (default:
         * none); its task is proposed only at a score of {@code minScore} or more, with that score as confidence.
         */
        public Builder taskClassifier(TaskClassifier classifier, double minScore) {
            if (minScore < 0 || minScore > 1) {
                throw new IllegalArgumentException("min score must be within 0..1: " + minScore);
            }
            this.taskClassifier = classifier;
            this.taskClassifierMinScore = minScore;
            return this;
        }

        /** Suggestions below this confidence are left out (default 0). */
        public Builder minConfidence(double minConfidence) {
            if (minConfidence < 0 || minConfidence > 1) {
                throw new IllegalArgumentException("min confidence must be within 0..1: " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /**
         * A suggester with these options.
         *
         * @throws IllegalArgumentException when a field named in {@link #fields} has no extractor
         */
        public Suggester build() {
            List<MetadataExtractor> all = extractors != null ? extractors
                    : Extractors.all(vocabularies, taskClassifier, taskClassifierMinScore);
            RepoFileRules repoFiles = new RepoFileRules(vocabularies);
            if (fields == null) {
                return new Suggester(all, minConfidence, repoFiles);
            }
            Set<String> known = new LinkedHashSet<>();
            all.forEach(e -> known.add(e.field()));
            for (String f : fields) {
                if (!known.contains(f)) {
                    throw new IllegalArgumentException("unknown field " + f + " (known: " + String.join(", ", known) + ")");
                }
            }
            return new Suggester(all.stream().filter(e -> fields.contains(e.field())).toList(), minConfidence, repoFiles);
        }
    }
}
