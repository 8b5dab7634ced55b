package dev.cardminer.suggest;

import dev.cardminer.hub.CommitFile;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RateLimitStatus;
import dev.cardminer.hub.RepoType;

import java.io.IOException;
import java.util.List;

/**
 * {@link PullRequestHub} on the hub module's client: the repo's discussions, its head (model info's sha and
 * README.md there), and a commit with {@code create_pr=1} against main. Build the client with one attempt per
 * request ({@code HubClient.builder(options).maxAttempts(1)}) so that a 429 stops the run instead of waiting it
 * out. Before each page of a repo's pull-request listing it checks the budget the Hub's {@code RateLimit} header
 * reported on the last answer: when it is smaller than that page and the requests after it, it waits for the window's reset if that is within the client's
 * longest wait, and otherwise stops the run before the Hub refuses it.
 */
public final class HubPullRequests implements PullRequestHub {

    private final HubClient client;

    /** Pull requests through {@code client}; see the class comment for how to build it. */
    public HubPullRequests(HubClient client) {
        this.client = client;
    }

    /**
     * Requests one pull request takes after a page of the listing: that page, model info, README.md, the commit.
     * Checked before every page of the listing, since a repo with many pull requests takes several pages.
     */
    static final int REQUESTS_PER_PULL_REQUEST = 4;

    /**
     * The repo's pull requests, read with the Hub's {@code type=pull_request} filter (plain discussions cost no
     * pages). Before each page the reported budget must cover that page and the three requests after the listing.
     */
    @Override
    public List<ExistingPullRequest> discussions(String repo) throws IOException {
        try {
            return client.pullRequests(RepoType.MODEL, repo, page -> requireBudget()).stream()
                    .map(d -> new ExistingPullRequest(d.title(), d.status(), d.pullRequest())).toList();
        } catch (HubException e) {
            throw rateLimited(e);
        }
    }

    private void requireBudget() throws IOException {
        if (!client.reserve(REQUESTS_PER_PULL_REQUEST)) {
            RateLimitStatus left = client.rateLimit().orElseThrow();
            throw new RateLimitedException(left.resetIn().isEmpty()
                    ? "the Hub's rate-limit headers leave " + left.remaining() + " requests and give no time at which the "
                            + "window resets; stopped before being refused (HTTP 429): run again later"
                    : "the Hub's RateLimit header leaves " + left.remaining() + " requests for "
                            + left.resetIn().get().toSeconds() + " s; stopped before being refused (HTTP 429)");
        }
    }

    @Override
    public Head head(String repo) throws IOException {
        try {
            String sha = client.modelInfo(repo, null).sha();
            if (sha == null) {
                return new Head(null, null);
            }
            byte[] readme = client.readFileIfPresent(RepoType.MODEL, repo, sha, CardPatcher.README, HubClient.DEFAULT_MAX_FILE_BYTES)
                    .orElse(null);
            return new Head(sha, readme);
        } catch (HubException e) {
            throw rateLimited(e);
        }
    }

    @Override
    public String openPullRequest(String repo, String parentCommit, String title, String description, String path,
                                  byte[] content) throws IOException {
        try {
            return client.createPullRequest(RepoType.MODEL, repo, null, parentCommit, title, description,
                    List.of(new CommitFile(path, content))).pullRequestUrl();
        } catch (HubException e) {
            throw rateLimited(e);
        }
    }

    /** The three failures that stop the run as their own exceptions; the others (404, 403, 5xx) as they are. */
    private static IOException rateLimited(HubException e) {
        return switch (e.kind()) {
            case RATE_LIMITED -> new RateLimitedException(e.getMessage());
            case UNREACHABLE -> new UnreachableException(e.getMessage());
            case TOKEN_REFUSED -> new TokenRefusedException(e.getMessage());
            default -> e;
        };
    }
}
