package dev.cardminer.annotate;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names the corpus itself makes known to the rules annotator: every model id and {@code base_model}
 * value (models) and every {@code datasets} value (datasets). Ids are compared case-insensitively.
 */
public final class KnownNames {

    private final Set<String> models = new HashSet<>();
    private final Set<String> datasets = new HashSet<>();

    /** An empty set of names, as {@link #none()}. */
    public KnownNames() {
    }

    /** An empty set of names, to be added to; not thread-safe while being added to. */
    public static KnownNames none() {
        return new KnownNames();
    }

    /** Adds model ids ({@link #addModel}); returns this. */
    public KnownNames addModels(Collection<String> ids) {
        ids.forEach(this::addModel);
        return this;
    }

    /** Adds dataset names ({@link #addDataset}); returns this. */
    public KnownNames addDatasets(Collection<String> names) {
        names.forEach(this::addDataset);
        return this;
    }

    /** Adds a model id, stripped; null and blank are ignored. Returns this. */
    public KnownNames addModel(String id) {
        if (id != null && !id.isBlank()) {
            models.add(id.strip().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** Adds a dataset name, stripped; null and blank are ignored. Returns this. */
    public KnownNames addDataset(String name) {
        if (name != null && !name.isBlank()) {
            datasets.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /**
     * Whether {@code id} was added, ignoring case.
     *
     * @throws NullPointerException when id is null
     */
    public boolean isModel(String id) {
        return models.contains(id.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code name} was added as a dataset, ignoring case.
     *
     * @throws NullPointerException when name is null
     */
    public boolean isDataset(String name) {
        return datasets.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The dataset names (lower case), for the matcher of bare names. */
    public Set<String> datasets() {
        return Set.copyOf(datasets);
    }

    /** How many names were added, models and datasets together (duplicates counted once). */
    public int size() {
        return models.size() + datasets.size();
    }
}
