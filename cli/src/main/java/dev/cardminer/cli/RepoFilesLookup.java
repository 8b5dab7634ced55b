package dev.cardminer.cli;

import dev.cardminer.core.RepoIds;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.suggest.HubRepoFiles;
import dev.cardminer.suggest.RepoFiles;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code suggest --repo-files}: the repo files of cards from a corpus (Parquet, JSON Lines, a folder, a store), read
 * from the Hub at the repo's head. Only ids of the {@code org/name} form are looked up. Before each repo the Hub's
 * reported budget must cover its requests (as the pull-request flow checks it); at the rate limit, or when the Hub
 * cannot be reached, the lookups stop with one line and the remaining cards are read alone: the run still gives
 * every card's text suggestions.
 */
final class RepoFilesLookup {

    /** Requests one repo takes at most: its info and each file of {@link RepoFiles#READ}. */
    private static final int REQUESTS_PER_REPO = 1 + RepoFiles.READ.size();

    private final HubInput hub;
    private final PrintWriter err;
    private String stopped;
    private long read;
    private long notRepoIds;
    private String firstNotRepoId;

    RepoFilesLookup(HubInput hub, PrintWriter err) {
        this.hub = hub;
        this.err = err;
    }

    /** The files of the repo {@code id} at its head; none when it is no org/name id, cannot be read, or lookups stopped. */
    RepoFiles of(String id) throws IOException {
        if (id.indexOf('/') <= 0 || !RepoIds.isValid(id)) {
            if (notRepoIds++ == 0) {
                firstNotRepoId = id;
            }
            return RepoFiles.NONE;
        }
        if (stopped != null) {
            return RepoFiles.NONE;
        }
        HubClient client = hub.client();
        if (!client.reserve(REQUESTS_PER_REPO)) {
            stop(id, "the Hub's RateLimit header leaves too few requests for this window");
            return RepoFiles.NONE;
        }
        try {
            RepoInfo info = client.modelInfo(id, null);
            RepoFiles files = new HubRepoFiles(client).read(info, null);
            read++;
            return files;
        } catch (HubException e) {
            if (e.kind() == HubException.Kind.RATE_LIMITED || e.kind() == HubException.Kind.UNREACHABLE) {
                stop(id, e.getMessage());
            } else {
                say(id + ": " + e.getMessage() + "; its card is read alone");
            }
            return RepoFiles.NONE;
        }
    }

    /** Says, once at the end, how many cards had no repo to look up (asked for, they must not be skipped silently). */
    void finish() {
        if (notRepoIds > 0) {
            say(String.format("%,d card%s had no org/name repo id (first: %s) and %s read without repo files; name a "
                    + "card file org__name.md, or give one card's id with --id", notRepoIds, notRepoIds == 1 ? "" : "s",
                    firstNotRepoId, notRepoIds == 1 ? "was" : "were"));
        }
    }

    /** Whether the Hub stopped the lookups (exit 3: run again later for the rest). */
    boolean stopped() {
        return stopped != null;
    }

    private void stop(String id, String why) {
        stopped = why;
        say("stopped at " + id + " after " + read + " repo" + (read == 1 ? "" : "s") + ": " + why
                + "; the cards after it are read without their repo files");
    }

    private void say(String what) {
        err.println(CardFiles.oneLine("suggest: --repo-files: " + what));
        err.flush();
    }
}
