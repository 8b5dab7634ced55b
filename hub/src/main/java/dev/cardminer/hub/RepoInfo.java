package dev.cardminer.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the Hub's API says about a model or dataset repository at a revision. Fields the Hub did not
 * send are null (numbers: -1); {@link #raw()} keeps the whole answer.
 *
 * @param id           {@code org/name}
 * @param sha          the commit the answer describes
 * @param gated        {@code false}, {@code auto} or {@code manual}
 * @param siblings     the repo's file paths
 * @param cardData     the card's metadata as the Hub parsed it, or null
 * @param safetensors  the Hub's safetensors summary ({@code {"parameters": {"BF16": n}, "total": n}}), or null
 * @param type         the kind of repository asked about
 * @param author       the owner: the Hub's {@code author}, else the id's part before {@code /}
 * @param createdAt    the Hub's ISO 8601 creation time
 * @param lastModified the Hub's ISO 8601 time of the last commit
 * @param pipelineTag  the Hub's {@code pipeline_tag}
 * @param libraryName  the Hub's {@code library_name}
 * @param tags         the Hub's tags ({@code license:mit}, {@code pytorch}); never null
 * @param isPrivate    whether the repo is private (false when not said)
 * @param downloads    the Hub's recent download count, -1 when not sent
 * @param likes        the Hub's like count, -1 when not sent
 * @param raw          the whole JSON answer
 */
public record RepoInfo(RepoType type, String id, String sha, String author, String createdAt, String lastModified,
                       String pipelineTag, String libraryName, List<String> tags, String gated, boolean isPrivate,
                       long downloads, long likes, List<String> siblings, JsonNode cardData, JsonNode safetensors,
                       JsonNode raw) {

    /** Copies the lists; null lists become empty. */
    public RepoInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
    }

    /** The repo's license as its card data or tags state it ({@code license:mit}), or null. */
    public String license() {
        if (cardData != null && cardData.hasNonNull("license")) {
            JsonNode l = cardData.get("license");
            return l.isArray() ? (l.isEmpty() ? null : l.get(0).asText()) : l.asText();
        }
        return tags.stream().filter(t -> t.startsWith("license:")).map(t -> t.substring(8)).findFirst().orElse(null);
    }

    /** Whether {@code path} is among {@link #siblings()}, compared exactly. */
    public boolean hasFile(String path) {
        return siblings.contains(path);
    }
}
