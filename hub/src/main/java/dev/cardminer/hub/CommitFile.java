package dev.cardminer.hub;

import java.util.Objects;

/**
 * A file a commit adds or replaces: its path in the repo and its whole new content.
 *
 * @param path    the file's path in the repo ({@code README.md})
 * @param content the file's new bytes; copied in and out
 */
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
