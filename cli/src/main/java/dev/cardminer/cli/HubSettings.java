package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Hub options of a command: the environment's ($HF_ENDPOINT, $HF_TOKEN), with its flags on top. */
final class HubSettings {

    private HubSettings() {
    }

    /** @throws IOException when the endpoint is not an http(s) address (one line, credentials masked) */
    static HubOptions options(String endpoint, Path cacheDir) throws IOException {
        HubOptions options = HubOptions.fromEnvironment();
        if (endpoint != null) {
            URI uri;
            try {
                uri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IOException("--hub-endpoint " + Redaction.text(endpoint) + " is not an address");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IOException("--hub-endpoint " + Redaction.text(endpoint) + " is not an http(s) address");
            }
            options = options.withEndpoint(uri);
        }
        return cacheDir == null ? options : options.withCacheDir(cacheDir);
    }
}
