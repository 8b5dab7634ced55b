package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import dev.cardminer.classify.internal.RuleTable;
import dev.cardminer.classify.internal.RuleTable.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Patterns and lexicons per label: Hub tags, library names, datasets, metrics, model-index task types,
 * the repo id, and phrases of the text (code such as {@code AutoModelForCTC}, Trainer template phrases).
 * A label's score is the noisy-OR of the weights of its rules that fired, and the evidence names them.
 * Built-in label sets have bundled rule tables ({@code <set>.rules}); for a user's labels each label is
 * its own lexicon (as a tag, or as a phrase of the title and body). Abstains when nothing fires.
 *
 * <p>Thread-safe: one instance may be shared by any number of threads. A label set's table is read and
 * parsed on its first use, under the instance's lock; scoring after that takes no lock.
 */
public final class RuleClassifier implements Classifier {

    /** Cards longer than this are searched in their first part only (rules are about the opening). */
    static final int TEXT_CHARS = 30_000;

    /** A label set's rule table and the version of its source, made together on first use. */
    private record Loaded(RuleTable table, String version) {
    }

    /** Guarded by this: filled lazily by {@link #loaded}, the one method that reads or writes it. */
    private final Map<String, Loaded> tables = new LinkedHashMap<>();

    /** A classifier that reads each label set's rules on first use. */
    public RuleClassifier() {
    }

    @Override
    public String method() {
        return "rules";
    }

    @Override
    public String model() {
        return "rules";
    }

    @Override
    public String promptVersion(LabelSet labels) {
        return loaded(labels).version();
    }

    @Override
    public List<Classification> classify(List<CardText> cards, LabelSet labels, boolean multiLabel) {
        RuleTable table = loaded(labels).table();
        List<Classification> out = new ArrayList<>(cards.size());
        for (CardText card : cards) {
            out.add(new Classification(card.id(), method(), score(card, table, labels), card.hash()));
        }
        return out;
    }

    private List<Prediction> score(CardText card, RuleTable table, LabelSet labels) {
        String text = (card.title() + "\n" + (card.body().length() > TEXT_CHARS
                ? card.body().substring(0, TEXT_CHARS) : card.body())).toLowerCase(Locale.ROOT);
        Map<String, double[]> miss = new LinkedHashMap<>(); // label -> product of (1 - weight)
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (Rule rule : table.rules()) {
            if (!labels.contains(rule.label())) {
                continue;
            }
            String hit = fired(rule, card, text);
            if (hit != null) {
                miss.computeIfAbsent(rule.label(), k -> new double[]{1})[0] *= 1 - rule.weight();
                evidence.computeIfAbsent(rule.label(), k -> new ArrayList<>()).add(hit);
            }
        }
        List<Prediction> out = new ArrayList<>();
        miss.forEach((label, m) -> out.add(new Prediction(label, 1 - m[0], String.join("; ", evidence.get(label)))));
        out.sort(Comparator.comparingDouble(Prediction::score).reversed());
        return out;
    }

    /** What fired ("tag=ner"), or null. */
    private static String fired(Rule rule, CardText card, String text) {
        switch (rule.field()) {
            case ID -> {
                return rule.pattern().matcher(card.id().toLowerCase(Locale.ROOT)).matches() ? "id=" + card.id() : null;
            }
            case TEXT -> {
                var m = rule.pattern().matcher(text);
                return m.find() ? "text~" + m.group() : null;
            }
            default -> {
                List<String> values = switch (rule.field()) {
                    case TAG -> card.tags();
                    case LIBRARY -> card.library().isEmpty() ? List.of() : List.of(card.library());
                    case DATASET -> card.datasets();
                    case METRIC -> card.metrics();
                    default -> card.taskTypes();
                };
                for (String v : values) {
                    if (rule.pattern().matcher(v.toLowerCase(Locale.ROOT).strip()).matches()) {
                        return rule.field().name().toLowerCase(Locale.ROOT) + "=" + v;
                    }
                }
                return null;
            }
        }
    }

    private synchronized Loaded loaded(LabelSet labels) {
        return tables.computeIfAbsent(key(labels), key -> {
            String source = LabelSet.BUILT_IN.contains(labels.name()) ? bundled(labels.name()) : lexicon(labels);
            return new Loaded(RuleTable.parse(source), PromptTemplate.hash(source).substring(0, 12));
        });
    }

    private static String key(LabelSet labels) {
        return labels.name() + "@" + labels.version();
    }

    private static String bundled(String name) {
        try (InputStream in = RuleClassifier.class.getResourceAsStream(name + ".rules")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled " + name + ".rules");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user's label as a tag (whole value) and as a phrase of the text, hyphens and underscores as spaces. */
    static String lexicon(LabelSet labels) {
        StringBuilder b = new StringBuilder();
        for (Label label : labels.labels()) {
            String id = label.id().toLowerCase(Locale.ROOT);
            String words = String.join("[- _]?", java.util.Arrays.stream(id.split("[-_ ]+")).map(Pattern::quote).toList());
            b.append(label.id()).append("\t0.8\ttag\t").append(words).append('\n');
            b.append(label.id()).append("\t0.6\ttext\t\\b").append(words).append("\\b\n");
        }
        return b.toString();
    }
}
