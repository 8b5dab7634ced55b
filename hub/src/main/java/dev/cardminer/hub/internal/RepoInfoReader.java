package dev.cardminer.hub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cardminer.hub.Discussion;
import dev.cardminer.hub.RepoFile;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.hub.RepoType;
import java.util.ArrayList;
import java.util.List;

/** The Hub API's JSON into records; unknown or missing fields become null / -1, never an error. */
public final class RepoInfoReader {

    private RepoInfoReader() {
    }

    public static RepoInfo info(RepoType type, JsonNode n) {
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        List<String> siblings = new ArrayList<>();
        n.path("siblings").forEach(s -> siblings.add(s.path("rfilename").asText()));
        String id = text(n, "id");
        if (id == null) {
            id = text(n, "modelId");
        }
        JsonNode gated = n.get("gated");
        String author = text(n, "author");
        if (author == null && id != null && id.contains("/")) {
            author = id.substring(0, id.indexOf('/'));
        }
        return new RepoInfo(type, id, text(n, "sha"), author, text(n, "createdAt"), text(n, "lastModified"),
                text(n, "pipeline_tag"), text(n, "library_name"), tags,
                gated == null || gated.isNull() ? null : gated.asText(), n.path("private").asBoolean(false),
                n.path("downloads").asLong(-1), n.path("likes").asLong(-1), siblings,
                object(n, "cardData"), object(n, "safetensors"), n);
    }

    /** A tree entry that is a file, or null for folders. */
    public static RepoFile file(JsonNode e) {
        if (!e.path("type").asText("").equals("file")) {
            return null;
        }
        JsonNode lfs = e.path("lfs");
        String sha = lfs.path("oid").asText(null);
        long size = lfs.has("size") ? lfs.path("size").asLong() : e.path("size").asLong(-1);
        return new RepoFile(e.path("path").asText(""), size, sha);
    }

    public static Discussion discussion(JsonNode d) {
        return new Discussion(d.path("num").asInt(), text(d, "title"), text(d, "status"),
                d.path("isPullRequest").asBoolean(false), text(d.path("author"), "name"), text(d, "createdAt"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isObject() ? v : null;
    }
}
