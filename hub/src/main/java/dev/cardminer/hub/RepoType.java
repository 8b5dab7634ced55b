package dev.cardminer.hub;

/** The kinds of Hub repository, with the path segments the Hub's URLs use for each. */
public enum RepoType {
    /** A model repository. */
    MODEL("models", ""),
    /** A dataset repository. */
    DATASET("datasets", "datasets/"),
    /** A Space. */
    SPACE("spaces", "spaces/");

    private final String api;
    private final String web;

    RepoType(String api, String web) {
        this.api = api;
        this.web = web;
    }

    /** {@code models} in {@code /api/models/org/name}. */
    public String apiSegment() {
        return api;
    }

    /** The prefix of file URLs: empty for models ({@code /org/name/resolve/...}), {@code datasets/} for datasets. */
    public String webPrefix() {
        return web;
    }

    /** The kind in lower case, as messages name it: {@code model}, {@code dataset}, {@code space}. */
    public String singular() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
