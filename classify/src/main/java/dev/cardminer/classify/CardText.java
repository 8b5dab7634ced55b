package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import dev.cardminer.classify.internal.Summaries;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a classifier may see of a card: its id, title, metadata signals and body, with the label being
 * predicted hidden (for {@code pipeline_tag}, the metadata key of that name), so that an evaluation
 * against the card's own label is honest.
 *
 * @param id        the card's id
 * @param title     the first heading, or the last part of the id
 * @param tags      metadata tags
 * @param library   metadata library_name, or empty
 * @param datasets  metadata datasets
 * @param metrics   metadata metrics and the metric types of model-index
 * @param taskTypes the task types named in model-index
 * @param summary   the body's first prose, without markup, at most {@link #SUMMARY_CHARS} characters
 * @param body      the body as written (rules search it)
 */
public record CardText(String id, String title, List<String> tags, String library, List<String> datasets,
                       List<String> metrics, List<String> taskTypes, String summary, String body) {

    /** The longest {@link #summary}, in characters. */
    public static final int SUMMARY_CHARS = 1500;

    /**
     * Copies the lists; null text fields become empty.
     *
     * @throws NullPointerException when id or a list is null
     */
    public CardText {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        tags = List.copyOf(tags);
        library = library == null ? "" : library;
        datasets = List.copyOf(datasets);
        metrics = List.copyOf(metrics);
        taskTypes = List.copyOf(taskTypes);
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
    }

    /**
     * The classifier's view of a parsed card.
     *
     * @param hiddenKeys metadata keys the classifier must not see (the label being predicted)
     */
    public static CardText of(ModelCard card, Set<String> hiddenKeys) {
        Metadata m = card.metadata();
        String title = card.sections().isEmpty() ? "" : card.sections().get(0).title();
        if (title.isBlank()) {
            String id = card.id();
            title = id.substring(id.lastIndexOf('/') + 1);
        }
        Set<String> metrics = new LinkedHashSet<>(visible(m, "metrics", hiddenKeys));
        Set<String> taskTypes = new LinkedHashSet<>();
        for (EvalResult r : card.evalResults()) {
            if (r.taskType() != null) {
                taskTypes.add(r.taskType());
            }
            if (r.metricType() != null) {
                metrics.add(r.metricType());
            }
        }
        String library = hiddenKeys.contains("library_name") ? "" : m.string("library_name").orElse("");
        return new CardText(card.id(), title, visible(m, "tags", hiddenKeys), library,
                visible(m, "datasets", hiddenKeys), List.copyOf(metrics), List.copyOf(taskTypes),
                Summaries.summary(card.body(), SUMMARY_CHARS), card.body());
    }

    /** For a label set: the metadata key that holds the label itself is hidden. */
    public static CardText of(ModelCard card, LabelSet labels) {
        return of(card, labels.name().equals("pipeline_tag") ? Set.of("pipeline_tag") : Set.of());
    }

    private static List<String> visible(Metadata m, String key, Set<String> hidden) {
        return hidden.contains(key) ? List.of() : m.strings(key);
    }

    /**
     * A short text for models with a small window: name, title, tags, library, task types and the summary,
     * cut at {@code maxChars}.
     */
    public String headline(int maxChars) {
        StringBuilder b = new StringBuilder();
        String name = id.substring(id.lastIndexOf('/') + 1);
        b.append(name.replace('-', ' ').replace('_', ' '));
        if (!title.isBlank() && !title.equals(name)) {
            b.append(". ").append(title);
        }
        if (!library.isEmpty()) {
            b.append(". Library: ").append(library);
        }
        if (!taskTypes.isEmpty()) {
            b.append(". Task: ").append(String.join(", ", taskTypes));
        }
        if (!tags.isEmpty()) {
            b.append(". Tags: ").append(String.join(", ", tags.subList(0, Math.min(12, tags.size()))));
        }
        if (!summary.isEmpty()) {
            b.append(". ").append(summary);
        }
        return b.length() <= maxChars ? b.toString() : b.substring(0, maxChars);
    }

    /** SHA-256 of everything a method may see, for the log. */
    public String hash() {
        return PromptTemplate.hash(String.join("\u0000", id, title, String.join(",", tags), library,
                String.join(",", datasets), String.join(",", metrics), String.join(",", taskTypes), body));
    }
}
