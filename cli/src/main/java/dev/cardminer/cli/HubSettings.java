package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Hub options of a command: the environment's ($HF_ENDPOINT, $HF_TOKEN), with its flags on top. Every command
 * that reads Hub options gets them here, so that an endpoint that is no http(s) address is the same usage error
 * (exit 2, one line) everywhere instead of a Hub failure (exit 3) at the first request.
 */
final class HubSettings {

    private HubSettings() {
    }

    /**
     * @throws IOException when the endpoint in effect is not an http(s) address (one line, credentials masked), or
     *                     HF_TOKEN holds a character no token has (one line without the token)
     */
    static HubOptions options(String endpoint, Path cacheDir) throws IOException {
        return options(endpoint, cacheDir, System.getenv());
    }

    /** As {@link #options(String, Path)}, with these environment variables. */
    static HubOptions options(String endpoint, Path cacheDir, Map<String, String> env) throws IOException {
        Map<String, String> rest = env;
        if (endpoint != null) {   // the flag wins: $HF_ENDPOINT is not read, whatever it holds
            rest = new HashMap<>(env);
            rest.remove("HF_ENDPOINT");
        }
        HubOptions options;
        try {
            options = HubOptions.fromEnvironment(rest);
            if (endpoint != null) {
                options = options.withEndpoint(HubOptions.endpoint("--hub-endpoint", endpoint));
            }
        } catch (IllegalArgumentException e) {   // one line, credentials masked, never the token
            // the variable is read before the source is: say what to do, also to someone reading local files
            boolean badEnvEndpoint = endpoint == null && e.getMessage().startsWith("HF_ENDPOINT");
            throw new IOException(e.getMessage() + (badEnvEndpoint ? "; set HF_ENDPOINT to the Hub's http(s) address "
                    + "(https://huggingface.co) or unset it" : ""));
        }
        return cacheDir == null ? options : options.withCacheDir(cacheDir);
    }
}
