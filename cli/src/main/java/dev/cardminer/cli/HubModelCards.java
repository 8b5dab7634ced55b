package dev.cardminer.cli;

import dev.cardminer.hub.HubException;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.RepoFacts;
import dev.cardminer.io.SourceCard;
import dev.cardminer.suggest.HubRepoFiles;
import dev.cardminer.suggest.RepoFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cards of {@code hub:org/name[@revision]} inputs for {@code suggest}, each read with its repo's
 * {@link RepoFiles} at the sha of the model's info. A model that cannot be read is an unreadable card with the
 * Hub's one-line reason; at the Hub's rate limit or when it cannot be reached, the models after it are not tried.
 */
final class HubModelCards implements CardSource {

    private final List<HubInput.Ref> refs;
    private final HubInput hub;
    private final Map<String, String> revisions = new HashMap<>();
    private int next;
    private RepoFiles files = RepoFiles.NONE;
    private String noCard;
    private String stopped;
    private boolean failed;
    private boolean unavailable;

    HubModelCards(List<HubInput.Ref> refs, HubInput hub) {
        this.refs = List.copyOf(refs);
        this.hub = hub;
    }

    @Override
    public SourceCard next() throws IOException {
        files = RepoFiles.NONE;
        noCard = null;
        if (next >= refs.size()) {
            return null;
        }
        HubInput.Ref ref = refs.get(next++);
        if (stopped != null) {
            return SourceCard.unreadable(ref.id(), ref.input(), stopped);
        }
        try {
            HubInput.Model model = hub.model(ref);
            files = new HubRepoFiles(hub.client()).read(model.info(), model.revision());
            if (model.info().sha() != null) {
                revisions.putIfAbsent(ref.id(), model.info().sha());
            }
            if (model.readme() == null) {
                // its files still state base_model, relation and library: read with an empty card, which is no card
                // to patch (a pull request would create README.md, which suggest does not do)
                noCard = model.revision() == null ? "main" : model.revision();
                return SourceCard.ofBytes(ref.id(), ref.input(), new byte[0], RepoFacts.NONE);
            }
            return SourceCard.ofBytes(ref.id(), ref.input(), model.readme(), RepoFacts.NONE);
        } catch (HubException e) {
            if (OneLineErrorHandler.exitStatus(e) == OneLineErrorHandler.HUB_UNAVAILABLE) {
                failed = true;
            } else {
                unavailable = true;
            }
            if (e.kind() == HubException.Kind.RATE_LIMITED || e.kind() == HubException.Kind.UNREACHABLE) {
                stopped = "not tried: the run stopped at " + ref.input() + " ("
                        + (e.kind() == HubException.Kind.RATE_LIMITED ? "the Hub's rate limit" : "the Hub cannot be reached") + ")";
            }
            return SourceCard.unreadable(ref.id(), ref.input(), e.getMessage());
        }
    }

    /** The repo files read with the card {@link #next()} gave last (none for an unreadable one). */
    RepoFiles files() {
        return files;
    }

    /**
     * The revision at which the repo of the card {@link #next()} gave last has no README.md (that card is empty, its
     * repo files were read), or null when it has one.
     */
    String noCard() {
        return noCard;
    }

    /** The sha each model's card was read at, by id: the parent commit of its pull request. */
    Map<String, String> revisions() {
        return Map.copyOf(revisions);
    }

    /** Whether the Hub could not be reached or failed for some model (exit 3). */
    boolean failed() {
        return failed;
    }

    /** Whether the Hub answered that some model, revision or card is not there or not for us (exit 2). */
    boolean unavailable() {
        return unavailable;
    }

    @Override
    public long expectedCards() {
        return refs.size();
    }

    @Override
    public String description() {
        return refs.size() == 1 ? refs.get(0).input() : refs.size() + " models from the Hub";
    }

    @Override
    public void close() {
    }
}
