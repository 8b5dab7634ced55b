package dev.cardminer.cli;

import dev.cardminer.core.RepoIds;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.hub.RepoType;
import java.io.IOException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --hub-endpoint} option and the Hub client of the commands that read {@code hub:org/name[@revision]};
 * the client is made on first use, so local files need no Hub.
 */
final class HubInput {

    /** Cards larger than this are not fetched from the Hub (the largest real cards are well under 1 MB). */
    static final long MAX_CARD_BYTES = 8L << 20;

    /** The file that is a model's card. */
    private static final String README = "README.md";

    static final String PREFIX = "hub:";

    /** A checked {@code hub:org/name[@revision]}: a model id in the Hub's form, a revision (null: main) not blank. */
    record Ref(String input, String id, String revision) {
    }

    /**
     * A model's info and its README.md, read at one revision: the info's sha when the Hub gives one. {@code readme} is
     * null when the info lists the repo's files and README.md is not among them: the repo has no card.
     */
    record Model(Ref ref, RepoInfo info, String revision, byte[] readme) {
    }

    @Option(names = "--hub-endpoint", paramLabel = "URL",
            description = "The Hub's address for hub: inputs (default: $HF_ENDPOINT or https://huggingface.co). "
                    + "HF_TOKEN is sent when set, never printed.")
    String hubEndpoint;

    private HubClient hub;

    static boolean isRef(String input) {
        return input.startsWith(PREFIX);
    }

    /**
     * Reads {@code hub:org/name[@revision]}.
     *
     * @throws IOException when it is malformed: the user's input, not a Hub failure (exit 2 before any request)
     */
    static Ref ref(String input) throws IOException {
        String ref = input.substring(PREFIX.length());
        int at = ref.indexOf('@');
        String id = at < 0 ? ref : ref.substring(0, at);
        String revision = at < 0 ? null : ref.substring(at + 1);
        Optional<String> problem = RepoIds.problem(id);
        if (problem.isPresent() || id.isEmpty()) {
            throw new IOException("not a model id: '" + id + "' " + problem.orElse("is empty")
                    + " (expected hub:org/name[@revision])");
        }
        if (revision != null && revision.isBlank()) {
            throw new IOException("no revision after '@' (expected hub:org/name[@revision])");
        }
        return new Ref(input, id, revision);
    }

    /** @throws IOException when --hub-endpoint is no http(s) address (a plain IOException: one line, no Hub failure) */
    HubClient client() throws IOException {
        if (hub == null) {
            hub = HubClient.create(HubSettings.options(hubEndpoint, null));
        }
        return hub;
    }

    /** The model's README.md at the reference's revision (one request). */
    byte[] readme(Ref ref) throws IOException {
        return client().readFile(RepoType.MODEL, ref.id(), ref.revision(), README, MAX_CARD_BYTES);
    }

    /**
     * The model's info, then its README.md at the sha the info gives (the revision asked for when it gives none): a
     * card and what is read with it (its repo files, a pull request's parent commit) are of one commit, even when the
     * branch moves between the requests. A repo whose file list has no README.md (adapter and GGUF repos often have
     * none) has no card, and none is asked for; without a file list it is asked for.
     */
    Model model(Ref ref) throws IOException {
        RepoInfo info = client().modelInfo(ref.id(), ref.revision());
        String revision = info.sha() != null ? info.sha() : ref.revision();
        byte[] readme = !info.siblings().isEmpty() && !info.hasFile(README) ? null
                : client().readFile(RepoType.MODEL, ref.id(), revision, README, MAX_CARD_BYTES);
        return new Model(ref, info, revision, readme);
    }
}
