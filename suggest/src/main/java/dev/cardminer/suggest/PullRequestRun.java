package dev.cardminer.suggest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens the drafts' pull requests one repo at a time: a repo that already has a cardminer pull request
 * (open or closed: a closed one was declined) is skipped, and the run stops at the first rate limit, leaving
 * the remaining drafts unopened.
 */
public final class PullRequestRun {

    /** What happened to one draft. */
    public record Outcome(String repo, Status status, String detail) {
    }

    public enum Status { OPENED, SKIPPED_EXISTING, FAILED, RATE_LIMITED, NOT_TRIED }

    private final PullRequestHub hub;

    public PullRequestRun(PullRequestHub hub) {
        this.hub = hub;
    }

    /**
     * @param parentCommits the revision each card was read at, by repo (missing: null, the Hub's head)
     */
    public List<Outcome> open(List<PullRequestDraft> drafts, Map<String, String> parentCommits) {
        List<Outcome> out = new ArrayList<>();
        boolean stopped = false;
        for (PullRequestDraft d : drafts) {
            if (stopped) {
                out.add(new Outcome(d.repo(), Status.NOT_TRIED, "stopped at a rate limit"));
                continue;
            }
            try {
                boolean existing = hub.discussions(d.repo()).stream()
                        .anyMatch(p -> p.pullRequest() && p.title() != null && p.title().startsWith(PullRequestTexts.TITLE_PREFIX));
                if (existing) {
                    out.add(new Outcome(d.repo(), Status.SKIPPED_EXISTING, "a cardminer pull request exists"));
                    continue;
                }
                String url = hub.openPullRequest(d.repo(), parentCommits.get(d.repo()), d.title(), d.description(),
                        CardPatcher.README, d.patchedReadme().getBytes(StandardCharsets.UTF_8));
                out.add(new Outcome(d.repo(), Status.OPENED, url));
            } catch (PullRequestHub.RateLimitedException e) {
                out.add(new Outcome(d.repo(), Status.RATE_LIMITED, e.getMessage()));
                stopped = true;
            } catch (IOException e) {
                out.add(new Outcome(d.repo(), Status.FAILED, e.getMessage()));
            }
        }
        return out;
    }
}
