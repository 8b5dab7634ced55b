package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels a card is classified into: a built-in set ({@code pipeline_tag}, {@code domain},
 * {@code modality}) or a user's.
 *
 * @param name    pipeline_tag, domain, modality, or {@code user} for a user's set
 * @param labels  in the order given, ids unique
 * @param version a hash of the labels and their descriptions, logged with every output
 */
public record LabelSet(String name, List<Label> labels, String version) {

    /** The names of the built-in sets. */
    public static final List<String> BUILT_IN = List.of("pipeline_tag", "domain", "modality");

    /**
     * Copies the labels.
     *
     * @throws NullPointerException when name is null
     * @throws IllegalArgumentException when there are fewer than two labels, or ids repeat
     */
    public LabelSet {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a label set needs at least two labels");
        }
        if (labels.stream().map(Label::id).distinct().count() != labels.size()) {
            throw new IllegalArgumentException("label ids must be unique in a label set");
        }
    }

    /** A set with its version computed from its labels. */
    public static LabelSet of(String name, List<Label> labels) {
        StringBuilder b = new StringBuilder(name);
        for (Label l : labels) {
            b.append('\n').append(l.id()).append('\t').append(l.description());
        }
        return new LabelSet(name, labels, PromptTemplate.hash(b.toString()).substring(0, 12));
    }

    /** A built-in set by name. */
    public static Optional<LabelSet> builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = LabelSet.class.getResourceAsStream(name + ".tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled " + name + ".tsv");
            }
            return Optional.of(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a label file: one label per line, optionally followed by a tab (or a comma) and its
     * description; blank lines and lines starting with # are skipped. Throws IllegalArgumentException
     * naming the line of a duplicate label.
     */
    public static LabelSet parse(String name, String text) {
        Map<String, Label> labels = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int cut = line.indexOf('\t');
            if (cut < 0) {
                cut = line.indexOf(',');
            }
            String id = cut < 0 ? line : line.substring(0, cut).strip();
            String description = cut < 0 ? null : line.substring(cut + 1).strip();
            if (labels.putIfAbsent(id, new Label(id, description)) != null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": label " + id + " is given twice");
            }
        }
        return of(name, new ArrayList<>(labels.values()));
    }

    /** A user's labels from a comma-separated list, each its own description. */
    public static LabelSet ofIds(String name, List<String> ids) {
        return parse(name, String.join("\n", ids));
    }

    /** Whether the set has a label with this id. */
    public boolean contains(String id) {
        return labels.stream().anyMatch(l -> l.id().equals(id));
    }

    /** The label ids, in order. */
    public List<String> ids() {
        return labels.stream().map(Label::id).toList();
    }
}
