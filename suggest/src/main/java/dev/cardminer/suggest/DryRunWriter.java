package dev.cardminer.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default for pull requests: each draft written to {@code DIR/org__name/} as {@code pr-title.txt},
 * {@code pr-description.md} and {@code README.md.diff}, for a person to read before anything is sent.
 */
public final class DryRunWriter {

    private final Path dir;

    public DryRunWriter(Path dir) {
        this.dir = dir;
    }

    /** Writes one draft and returns its folder. */
    public Path write(PullRequestDraft draft) throws IOException {
        Path folder = folder(dir, draft.repo());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pr-title.txt"), draft.title() + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("pr-description.md"), draft.description(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md.diff"), draft.diff(), StandardCharsets.UTF_8);
        return folder;
    }

    /** {@code dir/org__name}: a repo id as one safe folder name (ids are validated: no separators, no dots only). */
    public static Path folder(Path dir, String repo) {
        String name = repo.replace("/", "__").replaceAll("[^A-Za-z0-9_.-]", "_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "_" + name;
        }
        return dir.resolve(name);
    }
}
