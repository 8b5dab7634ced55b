package dev.cardminer.suggest.internal;

import dev.cardminer.core.RepoIds;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hub repo ids read from links and bare mentions; null wherever the text is no valid id. */
public final class HubRefs {

    /**
     * A Markdown link (group 1 text, group 2 destination), a bare Hub URL (group 3) or a bare id (group 4):
     * four groups.
     */
    public static final String REF = "(?:\\[([^\\]\\n]{1,200})\\]\\(\\s*<?([^)\\s>]{1,400})>?(?:\\s+\"[^\"\\n]*\")?\\s*\\)"
            + "|<?(https?://(?:www\\.)?(?:huggingface|hf)\\.co/[^\\s)\\]>\"'`]{1,300})>?"
            + "|`?([A-Za-z0-9][\\w.-]{0,95}(?:/[A-Za-z0-9][\\w.-]{0,95})?)`?)";

    private static final Pattern HUB_URL = Pattern.compile(
            "https?://(?:www\\.)?(?:huggingface\\.co|hf\\.co)/(datasets/|spaces/)?([\\w.-]+(?:/[\\w.-]+)?)(?:[/?#].*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_REPOS = Set.of("docs", "blog", "papers", "models", "join", "login",
            "settings", "organizations", "collections", "tasks", "learn", "pricing", "new", "spaces", "datasets",
            "api", "chat", "posts", "welcome", "transformers", "huggingface", "course", "inference-api", "viewer");
    /** Pages of a repo, which follow a legacy single-name id in a URL. */
    private static final Set<String> PAGES = Set.of("viewer", "tree", "blob", "resolve", "discussions", "commits", "raw");
    private static final Set<String> WORDS = Set.of("the", "a", "an", "this", "that", "our", "their", "its", "it",
            "model", "models", "dataset", "datasets", "none", "null", "unknown", "data", "original", "base", "same",
            "pretrained", "pre-trained", "following", "previous", "above", "below", "my", "your", "his", "her");

    private HubRefs() {
    }

    /** A model id from a REF match, or null. Bare ids must have the {@code org/name} form. */
    public static String modelId(Matcher m, int firstGroup) {
        return id(m, firstGroup, false);
    }

    /** A dataset id from a REF match, or null. */
    public static String datasetId(Matcher m, int firstGroup) {
        return id(m, firstGroup, true);
    }

    private static String id(Matcher m, int g, boolean dataset) {
        String text = m.group(g);
        String url = m.group(g + 1);
        String bareUrl = m.group(g + 2);
        String bare = m.group(g + 3);
        if (bareUrl != null) {
            return dataset ? datasetFromUrl(bareUrl) : modelFromUrl(bareUrl);
        }
        if (url != null) {
            String fromUrl = dataset ? datasetFromUrl(url) : modelFromUrl(url);
            if (fromUrl != null) {
                return fromUrl;
            }
            if (HUB_URL.matcher(url.strip()).matches()) {
                return null;   // a Hub link to another kind of repo (a dataset or Space where a model is sought): not it
            }
            String t = text.strip().replace("`", "");
            return t.indexOf('/') > 0 ? valid(t) : null;
        }
        if (bare == null) {
            return null;
        }
        String b = trimPunctuation(bare);
        return b.indexOf('/') > 0 ? valid(b) : null;
    }

    /** The model id a {@code huggingface.co/org/name} URL points at, or null. */
    public static String modelFromUrl(String url) {
        Matcher m = HUB_URL.matcher(url.strip());
        if (!m.matches() || m.group(1) != null) {
            return null;
        }
        return repo(m.group(2));
    }

    /**
     * The dataset id a {@code huggingface.co/datasets/org/name} URL points at, or null. A single name is kept only in
     * lower case, as the Hub's legacy datasets are named ({@code squad_v2}, {@code menyo20k_mt}): {@code /datasets/Acme}
     * is the page listing an organisation's datasets, not a dataset.
     */
    public static String datasetFromUrl(String url) {
        Matcher m = HUB_URL.matcher(url.strip());
        if (!m.matches() || m.group(1) == null || !m.group(1).toLowerCase(Locale.ROOT).startsWith("datasets")) {
            return null;
        }
        String id = repo(m.group(2));
        return id == null || id.indexOf('/') > 0 || id.equals(id.toLowerCase(Locale.ROOT)) ? id : null;
    }

    private static String repo(String path) {
        String id = trimPunctuation(path);
        int slash = id.indexOf('/');
        if (slash > 0 && PAGES.contains(id.substring(slash + 1).toLowerCase(Locale.ROOT))) {
            id = id.substring(0, slash);   // "datasets/wikiann/viewer/en": a legacy single-name repo's page
        }
        if (id.endsWith(".git")) {
            id = id.substring(0, id.length() - 4);
        }
        String first = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
        if (NOT_REPOS.contains(first.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return valid(id);
    }

    /** {@code id} when it is a valid Hub id and not a common word, else null. */
    public static String valid(String id) {
        if (id == null) {
            return null;
        }
        String s = trimPunctuation(id.strip());
        if (!RepoIds.isValid(s) || WORDS.contains(s.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return s;
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?)'\"".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
