package dev.cardminer.io;

import java.time.Instant;
import java.util.List;

/**
 * What a source knows about a card's repository besides the card itself (the Hub dataset's columns).
 * Any field may be null when the source does not say.
 *
 * @param author       the repo owner
 * @param downloads    downloads in the Hub's last-30-days count
 * @param likes        likes
 * @param pipelineTag  the Hub's task for the repo (not the YAML's)
 * @param libraryName  the Hub's library for the repo
 * @param tags         the Hub's tags, null when unknown
 * @param createdAt    repo creation time
 * @param lastModified last commit time
 */
public record RepoFacts(String author, Long downloads, Long likes, String pipelineTag, String libraryName,
                        List<String> tags, Instant createdAt, Instant lastModified) {

    /** A source that knows nothing but the card. */
    public static final RepoFacts NONE = new RepoFacts(null, null, null, null, null, null, null, null);

    /** Copies {@code tags} (null stays null). */
    public RepoFacts {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Only the author, as a folder of {@code org__name.md} files can tell. */
    public static RepoFacts author(String author) {
        return new RepoFacts(author, null, null, null, null, null, null, null);
    }
}
