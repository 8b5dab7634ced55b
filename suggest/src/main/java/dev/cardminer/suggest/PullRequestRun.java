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

    private static final java.util.regex.Pattern SHA = java.util.regex.Pattern.compile("[0-9a-f]{40}");

    private final PullRequestHub hub;

    public PullRequestRun(PullRequestHub hub) {
        this.hub = hub;
    }

    /**
     * @param parentCommits the revision each card was read at, by repo; for a repo missing here the Hub's head is
     *                      read (its sha and README.md) and the pull request is made against it, only if that
     *                      README.md is the one the draft was made from (when the draft knows it)
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
                String parent = parentCommits.get(d.repo());
                if (parent == null) {
                    PullRequestHub.Head head = hub.head(d.repo());
                    String refused = refusedHead(d, head);
                    if (refused != null) {
                        out.add(new Outcome(d.repo(), Status.FAILED, refused));
                        continue;
                    }
                    parent = head.sha();
                }
                String url = hub.openPullRequest(d.repo(), parent, d.title(), d.description(),
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

    /** Why a pull request must not be made against this head, or null when it may. */
    private static String refusedHead(PullRequestDraft d, PullRequestHub.Head head) {
        if (head.sha() == null || !SHA.matcher(head.sha()).matches()) {
            return "the Hub gave no revision for the repo, so the pull request could not be tied to the card that was read";
        }
        if (d.readme() != null && (head.readme() == null || !sameText(head.readme(), d.readme()))) {
            return "README.md at revision " + head.sha() + " is not the card the suggestions were made from; read the card again";
        }
        return null;
    }

    private static boolean sameText(byte[] hub, String readme) {
        String text = new String(hub, StandardCharsets.UTF_8);
        return strip(text).equals(strip(readme));
    }

    private static String strip(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
