package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import java.net.URI;
import java.nio.file.Path;

/** The Hub options of a command: the environment's ($HF_ENDPOINT, $HF_TOKEN), with its flags on top. */
final class HubSettings {

    private HubSettings() {
    }

    static HubOptions options(String endpoint, Path cacheDir) {
        HubOptions options = HubOptions.fromEnvironment();
        if (endpoint != null) {
            options = options.withEndpoint(URI.create(endpoint));
        }
        return cacheDir == null ? options : options.withCacheDir(cacheDir);
    }
}
