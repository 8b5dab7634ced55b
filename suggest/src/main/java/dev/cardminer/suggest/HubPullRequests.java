package dev.cardminer.suggest;

import dev.cardminer.hub.CommitFile;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RepoType;

import java.io.IOException;
import java.util.List;

/**
 * {@link PullRequestHub} on the hub module's client: the repo's discussions, and a commit with
 * {@code create_pr=1} against main. Build the client with one attempt per request
 * ({@code HubClient.builder(options).maxAttempts(1)}) so that a 429 stops the run instead of waiting it out.
 */
public final class HubPullRequests implements PullRequestHub {

    private final HubClient client;

    public HubPullRequests(HubClient client) {
        this.client = client;
    }

    @Override
    public List<ExistingPullRequest> discussions(String repo) throws IOException {
        try {
            return client.discussions(RepoType.MODEL, repo).stream()
                    .map(d -> new ExistingPullRequest(d.title(), d.status(), d.pullRequest())).toList();
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

    private static IOException rateLimited(HubException e) {
        return e.kind() == HubException.Kind.RATE_LIMITED ? new RateLimitedException(e.getMessage()) : e;
    }
}
