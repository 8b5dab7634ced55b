package dev.cardminer.hub.internal;

import dev.cardminer.hub.RepoType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Hub's URL shapes, each path segment percent-encoded. */
public final class HubUrls {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    private final URI endpoint;

    public HubUrls(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** {@code /api/models/org/name[/revision/rev]} */
    public URI info(RepoType type, String repo, String revision) {
        return at("/api/" + type.apiSegment() + "/" + path(repo)
                + (revision == null ? "" : "/revision/" + segment(revision)));
    }

    /** {@code /api/models/org/name/tree/rev/folder?recursive=true} */
    public URI tree(RepoType type, String repo, String revision, String folder) {
        return at("/api/" + type.apiSegment() + "/" + path(repo) + "/tree/" + segment(rev(revision))
                + (folder == null || folder.isEmpty() ? "" : "/" + path(folder)) + "?recursive=true");
    }

    /** {@code /org/name/resolve/rev/path} ({@code /datasets/org/name/...} for datasets) */
    public URI resolve(RepoType type, String repo, String revision, String file) {
        return at("/" + type.webPrefix() + path(repo) + "/resolve/" + segment(rev(revision)) + "/" + path(file));
    }

    /** {@code /api/models/org/name/discussions?[type=T&]p=N}, as huggingface_hub's {@code get_repo_discussions} asks */
    public URI discussions(RepoType type, String repo, String discussionType, int page) {
        return at("/api/" + type.apiSegment() + "/" + path(repo) + "/discussions?"
                + (discussionType == null ? "" : query("type", discussionType) + "&") + "p=" + page);
    }

    public URI commit(RepoType type, String repo, String revision, boolean createPr) {
        return at("/api/" + type.apiSegment() + "/" + path(repo) + "/commit/" + segment(rev(revision))
                + (createPr ? "?create_pr=1" : ""));
    }

    public URI models(String query) {
        return at("/api/models" + (query.isEmpty() ? "" : "?" + query));
    }

    /** The repo's page, for messages. */
    public String page(RepoType type, String repo) {
        return endpoint + "/" + type.webPrefix() + repo;
    }

    private URI at(String pathAndQuery) {
        return URI.create(endpoint + pathAndQuery);
    }

    private static String rev(String revision) {
        return revision == null || revision.isBlank() ? "main" : revision;
    }

    /** An {@code org/name} the Hub could have: refuses {@code ..}, slashes beyond one, and odd characters. */
    public static boolean isRepoId(String repo) {
        return repo != null && REPO_ID.matcher(repo).matches() && !repo.contains("..");
    }

    public static String path(String path) {
        StringBuilder b = new StringBuilder();
        for (String s : path.split("/", -1)) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(segment(s));
        }
        return b.toString();
    }

    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String query(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static Optional<String> nextLink(String header) {
        Matcher m = NEXT_LINK.matcher(header);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
