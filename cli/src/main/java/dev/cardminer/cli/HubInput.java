package dev.cardminer.cli;

import dev.cardminer.hub.HubClient;
import java.io.IOException;
import picocli.CommandLine.Option;

/**
 * The {@code --hub-endpoint} option and the Hub client of the single-card commands that read
 * {@code hub:org/name[@revision]}; the client is made on first use, so local files need no Hub.
 */
final class HubInput {

    /** Cards larger than this are not fetched from the Hub (the largest real cards are well under 1 MB). */
    static final long MAX_CARD_BYTES = 8L << 20;

    @Option(names = "--hub-endpoint", paramLabel = "URL",
            description = "The Hub's address for hub: inputs (default: $HF_ENDPOINT or https://huggingface.co). "
                    + "HF_TOKEN is sent when set, never printed.")
    String hubEndpoint;

    private HubClient hub;

    /** @throws IOException when --hub-endpoint is no http(s) address (a plain IOException: one line, no Hub failure) */
    HubClient client() throws IOException {
        if (hub == null) {
            hub = HubClient.create(HubSettings.options(hubEndpoint, null));
        }
        return hub;
    }
}
