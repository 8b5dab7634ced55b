package dev.cardminer.hub;

import java.util.Objects;

/** A file a commit adds or replaces: its path in the repo and its whole new content. */
public record CommitFile(String path, byte[] content) {

    public CommitFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
