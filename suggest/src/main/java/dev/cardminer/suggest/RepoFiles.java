package dev.cardminer.suggest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model repo holds beside its card, read at one revision: its file list and the text of the few small files
 * that state metadata ({@link #READ}). The {@link Suggester} reads base_model, base_model_relation, library_name and
 * pipeline_tag from them ahead of the card's text, since they are what the weights were saved or merged with.
 *
 * @param revision the commit they were read at, null when unknown
 * @param paths    every file of the repo, as the Hub lists them
 * @param texts    the files of {@link #READ} the repo has, by path, as UTF-8 text
 * @param unread   files of {@link #READ} the repo lists that could not be read, by path, with why
 */
public record RepoFiles(String revision, List<String> paths, Map<String, String> texts, Map<String, String> unread) {

    /** The files whose text is read, at the repo's root: PEFT's and mergekit's configs and transformers' config. */
    public static final List<String> READ = List.of("adapter_config.json", "mergekit_config.yml", "mergekit_config.yaml",
            "config.json");

    /** The largest of these files that is read: real ones are a few KiB. */
    public static final long MAX_BYTES = 1L << 20;

    /** No repo facts: the suggestions come from the card alone. */
    public static final RepoFiles NONE = new RepoFiles(null, List.of(), Map.of(), Map.of());

    /** Copies the list and the maps, keeping their order. */
    public RepoFiles {
        paths = List.copyOf(paths);
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        unread = Collections.unmodifiableMap(new LinkedHashMap<>(unread));
    }

    /** The files of {@link #READ} that {@code paths} lists, in that order. */
    public static List<String> wanted(List<String> paths) {
        return READ.stream().filter(paths::contains).toList();
    }

    /** Whether nothing is known: no paths, no texts, nothing unread (as {@link #NONE}). */
    public boolean isEmpty() {
        return paths.isEmpty() && texts.isEmpty() && unread.isEmpty();
    }

    /** Whether the repo lists a file at {@code path}. */
    public boolean has(String path) {
        return paths.contains(path);
    }

    /** The text of a file of {@link #READ}, empty when it was not read. */
    public Optional<String> text(String path) {
        return Optional.ofNullable(texts.get(path));
    }
}
