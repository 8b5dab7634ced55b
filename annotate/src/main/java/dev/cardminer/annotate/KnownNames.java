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

    public static KnownNames none() {
        return new KnownNames();
    }

    public KnownNames addModels(Collection<String> ids) {
        ids.forEach(this::addModel);
        return this;
    }

    public KnownNames addDatasets(Collection<String> names) {
        names.forEach(this::addDataset);
        return this;
    }

    public KnownNames addModel(String id) {
        if (id != null && !id.isBlank()) {
            models.add(id.strip().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    public KnownNames addDataset(String name) {
        if (name != null && !name.isBlank()) {
            datasets.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return this;
    }

    public boolean isModel(String id) {
        return models.contains(id.toLowerCase(Locale.ROOT));
    }

    public boolean isDataset(String name) {
        return datasets.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The dataset names (lower case), for the matcher of bare names. */
    public Set<String> datasets() {
        return Set.copyOf(datasets);
    }

    public int size() {
        return models.size() + datasets.size();
    }
}
