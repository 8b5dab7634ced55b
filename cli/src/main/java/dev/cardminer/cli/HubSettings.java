package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Hub options of a command: the environment's ($HF_ENDPOINT, $HF_TOKEN), with its flags on top. Every command
 * that reads Hub options gets them here, so that an endpoint that is no http(s) address is the same usage error
 * (exit 2, one line) everywhere instead of a Hub failure (exit 3) at the first request.
 */
final class HubSettings {

    private HubSettings() {
    }

    /** @throws IOException when the endpoint in effect is not an http(s) address (one line, credentials masked) */
    static HubOptions options(String endpoint, Path cacheDir) throws IOException {
        return options(endpoint, cacheDir, System.getenv());
    }

    /** As {@link #options(String, Path)}, with these environment variables. */
    static HubOptions options(String endpoint, Path cacheDir, Map<String, String> env) throws IOException {
        Map<String, String> rest = new HashMap<>(env);
        String fromEnvironment = rest.remove("HF_ENDPOINT");
        HubOptions options = HubOptions.fromEnvironment(rest);
        if (endpoint != null) {
            options = options.withEndpoint(address("--hub-endpoint", endpoint));
        } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            options = options.withEndpoint(address("HF_ENDPOINT", fromEnvironment));
        }
        return cacheDir == null ? options : options.withCacheDir(cacheDir);
    }

    private static URI address(String what, String endpoint) throws IOException {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IOException(what + " " + Redaction.text(endpoint) + " is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IOException(what + " " + Redaction.text(endpoint) + " is not an http(s) address");
        }
        return uri;
    }
}
