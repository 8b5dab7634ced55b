package dev.cardminer.suggest;

import java.io.IOException;
import java.util.List;

/**
 * What opening pull requests needs from the Hub: a repo's pull requests, and a commit that opens one
 * ({@code POST /api/models/{repo}/commit/main?create_pr=1}, NDJSON). The hub module's client provides it;
 * the suggest module keeps no HTTP code of its own.
 */
public interface PullRequestHub {

    /**
     * A pull request or discussion of a repo as the Hub lists it.
     *
     * @param title       its title, or null
     * @param status      {@code open}, {@code closed}, {@code merged} or {@code draft}
     * @param pullRequest true for a pull request, false for a discussion
     */
    record ExistingPullRequest(String title, String status, boolean pullRequest) {
    }

    /** The Hub said to slow down (429, or its rate-limit headers left too few requests): the run stops. */
    final class RateLimitedException extends IOException {
        /** An exception with a message for people. */
        public RateLimitedException(String message) {
            super(message);
        }
    }

    /** The Hub cannot be reached (no connection): the run stops, since every other repo would fail the same way. */
    final class UnreachableException extends IOException {
        /** An exception with a message for people. */
        public UnreachableException(String message) {
            super(message);
        }
    }

    /** The Hub refused the token itself (HTTP 401): the run stops, since every other request would be refused too. */
    final class TokenRefusedException extends IOException {
        /** An exception with a message for people. */
        public TokenRefusedException(String message) {
            super(message);
        }
    }

    /**
     * The revision (commit sha) of the repo's main branch, and its README.md there (null when it has none).
     *
     * @param sha    the main branch's commit, or null when the Hub gave none
     * @param readme README.md's bytes at that commit, or null when there is none
     */
    record Head(String sha, byte[] readme) {
    }

    /** The repo's main branch now: its sha (the model info's) and README.md at that sha. */
    Head head(String repo) throws IOException;

    /** The repo's discussions and pull requests. */
    List<ExistingPullRequest> discussions(String repo) throws IOException;

    /**
     * Opens a pull request that replaces {@code path} with {@code content} on top of {@code parentCommit}
     * (null when unknown) and returns its URL.
     *
     * @throws RateLimitedException when the Hub rate-limits the call
     */
    String openPullRequest(String repo, String parentCommit, String title, String description, String path,
                           byte[] content) throws IOException;
}
