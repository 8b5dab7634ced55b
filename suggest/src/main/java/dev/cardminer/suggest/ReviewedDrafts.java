package dev.cardminer.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The drafts of a dry run as a reviewer left them ({@code suggest SOURCE --patch-dir DIR}, then read, edit, delete):
 * what {@code --open-prs} on the same DIR sends. A draft is sent as its files say (pr-title.txt, pr-description.md,
 * README.md), only when its {@code draft.json} says it was made from the very card this run read; a repo whose folder
 * is gone is not sent. The drafts are the reviewer's decision, so nothing here remakes or "repairs" one: a draft that
 * cannot be sent as it is, is refused with why.
 */
public final class ReviewedDrafts {

    /** The file {@link DryRunWriter} writes beside a draft: its repo and the SHA-256 of the card it was made from. */
    public static final String DRAFT_JSON = "draft.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A reviewed draft, or why there is none to send.
     *
     * @param draft   the draft to send, or null
     * @param skipped true when the reviewer removed the draft (its folder is gone): not sent, no failure
     * @param why     why there is no draft to send, or null
     */
    public record Read(PullRequestDraft draft, boolean skipped, String why) {
    }

    private final Path dir;

    /** The reviewed drafts in {@code dir}. */
    public ReviewedDrafts(Path dir) {
        this.dir = dir;
    }

    /**
     * The reviewed draft for the card {@code fresh} was made from now ({@link PullRequestDraft#readme()}: that card's
     * text; it must be known).
     */
    public Read read(PullRequestDraft fresh) {
        Path folder = DryRunWriter.folder(dir, fresh.repo());
        if (!Files.isDirectory(folder)) {
            return new Read(null, true, "no draft in " + folder + " (removed in review): not sent");
        }
        try {
            JsonNode meta;
            try {
                meta = JSON.readTree(Files.readAllBytes(folder.resolve(DRAFT_JSON)));
            } catch (NoSuchFileException e) {
                return refused(folder.resolve(DRAFT_JSON) + " is missing (a draft made before cardminer recorded its "
                        + "card): make the dry run again");
            }
            if (meta == null || !meta.path("repo").isTextual() || !meta.path("card_sha256").isTextual()) {
                return refused(folder.resolve(DRAFT_JSON) + " has no \"repo\" and \"card_sha256\"");
            }
            if (!meta.path("repo").asText().equals(fresh.repo())) {
                return refused(folder + " holds the draft of " + meta.path("repo").asText() + ", not of " + fresh.repo());
            }
            if (fresh.readme() == null || !meta.path("card_sha256").asText().equals(DryRunWriter.cardSha256(fresh.readme()))) {
                return refused("the card is not the one the draft in " + folder + " was made from (it changed since the "
                        + "dry run): make the dry run again and review it");
            }
            String title = utf8(folder.resolve("pr-title.txt"));
            title = title.endsWith("\r\n") ? title.substring(0, title.length() - 2)
                    : title.endsWith("\n") ? title.substring(0, title.length() - 1) : title;
            if (!title.startsWith(PullRequestTexts.TITLE_PREFIX) || title.isBlank() || title.chars().anyMatch(Character::isISOControl)) {
                return refused(folder.resolve("pr-title.txt") + " must be one line starting with '"
                        + PullRequestTexts.TITLE_PREFIX + "' (later runs find their pull request by it)");
            }
            String description = utf8(folder.resolve("pr-description.md"));
            String readme = utf8(folder.resolve(CardPatcher.README));
            String diff = Files.isRegularFile(folder.resolve("README.md.diff")) ? utf8(folder.resolve("README.md.diff")) : "";
            return new Read(new PullRequestDraft(fresh.repo(), title, description, diff, readme, fresh.readme()), false, null);
        } catch (NoSuchFileException e) {
            return refused(e.getFile() + " is missing: the draft is incomplete, not sent");
        } catch (IOException e) {
            return refused("cannot read the draft in " + folder + ": " + e.getMessage());
        }
    }

    private static Read refused(String why) {
        return new Read(null, false, why);
    }

    /** A file as UTF-8, refusing bytes that are not (they would be sent replaced). */
    private static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8", e);
        }
    }
}
