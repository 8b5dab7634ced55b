package dev.cardminer.hub;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Hub is, who we are to it, and where its files are kept.
 *
 * @param endpoint the Hub's address ({@code HF_ENDPOINT}, default {@code https://huggingface.co})
 * @param dataset  the model-card dataset that {@code analyze hub:} reads
 * @param cacheDir where downloaded files are kept between runs
 * @param token    a Hub access token sent as a bearer token ({@code HF_TOKEN}) to the endpoint's own host
 *                 only, or null; never printed
 */
public record HubOptions(URI endpoint, String dataset, Path cacheDir, String token) {

    /** The public Hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    /** The dataset of model cards that {@code analyze hub:} reads by default. */
    public static final String DEFAULT_DATASET = "librarian-bots/model_cards_with_metadata";

    /**
     * Drops a trailing {@code /} from the endpoint and turns a blank token into null.
     *
     * @throws NullPointerException when endpoint, dataset or cacheDir is null
     */
    public HubOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(cacheDir, "cacheDir");
        String e = endpoint.toString();
        if (e.endsWith("/")) {
            endpoint = URI.create(e.substring(0, e.length() - 1));
        }
        token = token("the Hub token", token);
    }

    /**
     * Options from the environment: {@code HF_ENDPOINT}, {@code HF_TOKEN}, cache under {@code ~/.cache/cardminer/hub}.
     *
     * @throws IllegalArgumentException when {@code HF_ENDPOINT} is set and is no http(s) address (said in one line,
     *                                  credentials masked)
     */
    public static HubOptions fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Options from these environment variables (as {@link #fromEnvironment()} reads the process's). */
    public static HubOptions fromEnvironment(Map<String, String> env) {
        String endpoint = env.get("HF_ENDPOINT");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "cardminer", "hub");
        return new HubOptions(endpoint == null || endpoint.isBlank() ? URI.create(DEFAULT_ENDPOINT)
                : endpoint("HF_ENDPOINT", endpoint), DEFAULT_DATASET, cache, token("HF_TOKEN", env.get("HF_TOKEN")));
    }

    /**
     * {@code raw} as a token to send, cleaned as huggingface_hub cleans one ({@code _clean_token}: every CR and LF
     * removed, then surrounding whitespace), so that a token read with {@code $(cat token.txt)} from a file with
     * Windows line ends works here as it does in Python; null when nothing is left.
     *
     * @param what where the token comes from ({@code HF_TOKEN}), for the message
     * @throws IllegalArgumentException when what is left holds a character no token has and an HTTP header cannot
     *                                  carry (a control character, a space, a non-ASCII letter); the message says
     *                                  which kind and where, and never holds the token
     */
    public static String token(String what, String raw) {
        if (raw == null) {
            return null;
        }
        String token = raw.replace("\r", "").replace("\n", "").strip();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException(what + " holds " + (Character.isISOControl(c) ? "a control character"
                        : c == ' ' ? "a space" : "a character that is not ASCII") + String.format(" (U+%04X)", (int) c)
                        + " at character " + (i + 1) + " of " + token.length() + " (line breaks and surrounding spaces"
                        + " removed); a Hub token is one word of letters, digits and '_': set it again");
            }
        }
        return token.isEmpty() ? null : token;
    }

    /**
     * {@code address} as a Hub endpoint: an http(s) address with a host.
     *
     * @param what where the address comes from ({@code HF_ENDPOINT}, {@code --hub-endpoint}), for the message
     * @throws IllegalArgumentException "{@code what address} is not an http(s) address", credentials masked
     */
    public static URI endpoint(String what, String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " " + Redaction.text(address) + " is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " " + Redaction.text(address) + " is not an http(s) address");
        }
        return uri;
    }

    /** These options with another endpoint (a trailing {@code /} dropped). */
    public HubOptions withEndpoint(URI endpoint) {
        return new HubOptions(endpoint, dataset, cacheDir, token);
    }

    /** These options with another cache directory. */
    public HubOptions withCacheDir(Path cacheDir) {
        return new HubOptions(endpoint, dataset, cacheDir, token);
    }

    /** These options with another token; null or blank for none. */
    public HubOptions withToken(String token) {
        return new HubOptions(endpoint, dataset, cacheDir, token);
    }

    /** These options with another card dataset. */
    public HubOptions withDataset(String dataset) {
        return new HubOptions(endpoint, dataset, cacheDir, token);
    }

    /** Keeps the token (and any credentials written into the endpoint) out of logs and exception messages. */
    @Override
    public String toString() {
        return "HubOptions[endpoint=" + Redaction.url(endpoint) + ", dataset=" + dataset + ", cacheDir=" + cacheDir
                + ", token=" + (token == null ? "none" : "(set)") + "]";
    }
}
