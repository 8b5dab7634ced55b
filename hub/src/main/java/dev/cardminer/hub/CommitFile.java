package dev.cardminer.hub;

import java.util.Objects;

/** A file a commit adds or replaces: its path in the repo and its whole new content. */
public record CommitFile(String path, byte[] content) {

    /**
     * Copies {@code content}.
     *
     * @throws NullPointerException when path or content is null
     */
    public CommitFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    /** A copy of the content: the record stays immutable. */
    @Override
    public byte[] content() {
        return content.clone();
    }
}
