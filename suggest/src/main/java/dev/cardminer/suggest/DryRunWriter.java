package dev.cardminer.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The default for pull requests: each draft written to {@code DIR/org__name/} as {@code pr-title.txt},
 * {@code pr-description.md} and {@code README.md.diff}, for a person to read before anything is sent, and {@code
 * draft.json}: the repo and which card the draft was made from, for {@link ReviewedDrafts}.
 */
public final class DryRunWriter {

    private final Path dir;
    /** Folder names this writer has written, lower-cased (a file system may not tell {@code A} from {@code a}). */
    private final Set<String> written = new HashSet<>();

    /**
     * A writer of drafts under {@code dir} (made when needed). Not thread-safe: it remembers the folders it wrote.
     */
    public DryRunWriter(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes one draft and returns its folder: {@code DIR/org__name}, or, when this writer already wrote a draft
     * there (a source with the same id twice, or ids that make the same folder name), {@code DIR/org__name~2},
     * {@code ~3}, ... in the order written, so that no draft overwrites another ({@code ~} is in no folder name
     * {@link #folder} makes).
     */
    public Path write(PullRequestDraft draft) throws IOException {
        Path first = folder(dir, draft.repo());
        String name = first.getFileName().toString();
        Path folder = first;
        for (int n = 2; !written.add(folder.getFileName().toString().toLowerCase(Locale.ROOT)); n++) {
            folder = dir.resolve(name + "~" + n);
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pr-title.txt"), draft.title() + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("pr-description.md"), draft.description(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md.diff"), draft.diff(), StandardCharsets.UTF_8);
        if (draft.readme() != null) {
            // which card the draft was made from: --open-prs on this folder sends it only for that card
            Files.writeString(folder.resolve(ReviewedDrafts.DRAFT_JSON), "{\"repo\": " + quoted(draft.repo())
                    + ", \"card_sha256\": \"" + cardSha256(draft.readme()) + "\"}\n", StandardCharsets.UTF_8);
        }
        return folder;
    }

    /** The longest folder name {@link #folder} makes, in bytes: file systems allow 255, and {@code ~N} may follow. */
    static final int MAX_NAME = 200;

    /**
     * {@code dir/org__name}: a repo id as one safe folder name (ids are validated: no separators, no dots only). A name
     * over {@link #MAX_NAME} bytes is cut and ends with a short hash of the whole id, so that it stays one per id.
     */
    public static Path folder(Path dir, String repo) {
        String name = repo.replace("/", "__").replaceAll("[^A-Za-z0-9_.-]", "_");
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "_" + name;
        }
        if (name.length() > MAX_NAME) {   // ASCII only by now: one byte a character
            String hash = java.util.HexFormat.of().formatHex(sha256(repo), 0, 6);
            name = name.substring(0, MAX_NAME - hash.length() - 1) + "-" + hash;
        }
        return dir.resolve(name);
    }

    /** The SHA-256 (hex) of a card's text as UTF-8, a leading BOM aside (as the Hub's README.md is compared). */
    static String cardSha256(String card) {
        return java.util.HexFormat.of().formatHex(sha256(card.startsWith("\uFEFF") ? card.substring(1) : card));
    }

    private static String quoted(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a string is always JSON", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
