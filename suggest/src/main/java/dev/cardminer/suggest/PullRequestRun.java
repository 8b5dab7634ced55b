package dev.cardminer.suggest;

import dev.cardminer.core.RepoIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Opens the drafts' pull requests one repo at a time: a repo that already has a cardminer pull request
 * (open or closed: a closed one was declined) is skipped, and the run stops at the first rate limit, leaving
 * the remaining drafts unopened, as it does when the Hub cannot be reached at all or refuses the token. A repo whose
 * discussions cannot be read as the API gives them fails (no pull request that could be a duplicate), and the run
 * goes on. A draft whose id is not a Hub
 * repo id ({@code stdin}, {@code ../../evil}) is skipped and nothing about it is sent.
 */
public final class PullRequestRun {

    /**
     * What happened to one draft.
     *
     * @param repo   the draft's repo id
     * @param status what happened
     * @param detail the pull request's URL when opened, else why not, for people
     */
    public record Outcome(String repo, Status status, String detail) {
    }

    /** What happened to a draft. */
    public enum Status {
        /** The pull request was opened; the detail is its URL. */
        OPENED,
        /** The repo already has a cardminer pull request, open or closed. */
        SKIPPED_EXISTING,
        /** The draft's id is not a Hub repo id: nothing was sent. */
        SKIPPED_NOT_A_REPO,
        /** The Hub refused or failed this one; the run went on. */
        FAILED,
        /** The Hub rate-limited the run, which stopped here. */
        RATE_LIMITED,
        /** The Hub could not be reached; the run stopped here. */
        UNREACHABLE,
        /** The Hub refused the token itself (HTTP 401); the run stopped here, since every request carries it. */
        TOKEN_REFUSED,
        /** The reviewer removed the draft from the draft folder: not sent. */
        SKIPPED_NOT_REVIEWED,
        /** Not tried, since the run had stopped before it. */
        NOT_TRIED
    }

    /**
     * A run's counts.
     *
     * @param opened         pull requests opened
     * @param skipped        drafts skipped (an existing pull request, not a repo id, removed in review)
     * @param failed         drafts the Hub refused or that could not be sent as they are; the run went on
     * @param notTried       drafts not sent because the run stopped: the one it stopped at (rate limit, unreachable Hub,
     *                       refused token) and those after it
     * @param hubUnavailable whether the run stopped at a rate limit or an unreachable Hub
     * @param tokenRefused   whether the run stopped because the Hub refused the token
     */
    public record Summary(int opened, int skipped, int failed, int notTried, boolean hubUnavailable, boolean tokenRefused) {

        /** The counts of these outcomes. */
        public static Summary of(List<Outcome> outcomes) {
            int opened = 0;
            int skipped = 0;
            int failed = 0;
            int notTried = 0;
            boolean unavailable = false;
            boolean token = false;
            for (Outcome o : outcomes) {
                switch (o.status()) {
                    case OPENED -> opened++;
                    case SKIPPED_EXISTING, SKIPPED_NOT_A_REPO, SKIPPED_NOT_REVIEWED -> skipped++;
                    case RATE_LIMITED, UNREACHABLE -> {
                        notTried++;
                        unavailable = true;
                    }
                    case TOKEN_REFUSED -> {
                        notTried++;
                        token = true;
                    }
                    case NOT_TRIED -> notTried++;
                    case FAILED -> failed++;
                }
            }
            return new Summary(opened, skipped, failed, notTried, unavailable, token);
        }

        /** "opened 1, skipped 2, failed 0, not tried 0". */
        @Override
        public String toString() {
            return "opened " + opened + ", skipped " + skipped + ", failed " + failed + ", not tried " + notTried;
        }
    }

    private static final java.util.regex.Pattern SHA = java.util.regex.Pattern.compile("[0-9a-f]{40}");

    private final PullRequestHub hub;

    /** A run that opens pull requests through {@code hub}. */
    public PullRequestRun(PullRequestHub hub) {
        this.hub = hub;
    }

    /** As {@link #open(List, Map, Set, Consumer)} with no revision that must be the head, and no listener. */
    public List<Outcome> open(List<PullRequestDraft> drafts, Map<String, String> parentCommits) {
        return open(drafts, parentCommits, Set.of(), o -> { });
    }

    /**
     * Opens the drafts' pull requests in order.
     *
     * @param parentCommits the revision each card was read at, by repo; for a repo missing here the Hub's head is
     *                      read (its sha and README.md) and the pull request is made against it, only if that
     *                      README.md is the one the draft was made from (when the draft knows it)
     * @param mustBeHead    repos whose card was read at a revision the user named ({@code hub:org/name@REV}): a pull
     *                      request on main is made from that revision only when it is main's head now, since the Hub
     *                      makes the pull request from the parent commit
     * @param each          told each outcome as soon as it is known (a progress line, a record): a run cut short
     *                      by a kill has told every pull request it opened
     */
    public List<Outcome> open(List<PullRequestDraft> drafts, Map<String, String> parentCommits, Set<String> mustBeHead,
                              Consumer<Outcome> each) {
        List<Outcome> out = new ArrayList<>();
        Consumer<Outcome> add = o -> {
            out.add(o);
            each.accept(o);
        };
        String stopped = null;
        for (PullRequestDraft d : drafts) {
            if (!isHubRepo(d.repo())) {
                // "stdin", a file name, "../../evil" from a .jsonl: nothing to send a pull request to
                add.accept(new Outcome(d.repo(), Status.SKIPPED_NOT_A_REPO, "not a Hub repo id (org/name), nothing sent"));
                continue;
            }
            if (stopped != null) {
                add.accept(new Outcome(d.repo(), Status.NOT_TRIED, stopped));
                continue;
            }
            try {
                List<PullRequestHub.ExistingPullRequest> existing;
                try {
                    existing = hub.discussions(d.repo());
                } catch (PullRequestHub.RateLimitedException | PullRequestHub.UnreachableException
                         | PullRequestHub.TokenRefusedException e) {
                    throw e;
                } catch (IOException e) {
                    // fail closed: without the list, a pull request opened now could be a duplicate
                    add.accept(new Outcome(d.repo(), Status.FAILED, e.getMessage() + "; no pull request opened, since "
                            + "one could not be checked for"));
                    continue;
                }
                if (existing.stream().anyMatch(p -> p.pullRequest() && p.title() != null
                        && p.title().startsWith(PullRequestTexts.TITLE_PREFIX))) {
                    add.accept(new Outcome(d.repo(), Status.SKIPPED_EXISTING, "a cardminer pull request exists"));
                    continue;
                }
                String parent = parentCommits.get(d.repo());
                if (parent != null && mustBeHead.contains(d.repo())) {
                    PullRequestHub.Head head = hub.head(d.repo());
                    if (!parent.equals(head.sha())) {
                        add.accept(new Outcome(d.repo(), Status.FAILED, "the card was read at revision " + parent
                                + ", not at main's head (" + head.sha() + "): a pull request on main is made from main's "
                                + "head; suggest hub:" + d.repo() + " without @revision"));
                        continue;
                    }
                }
                if (parent == null) {
                    PullRequestHub.Head head = hub.head(d.repo());
                    String refused = refusedHead(d, head);
                    if (refused != null) {
                        add.accept(new Outcome(d.repo(), Status.FAILED, refused));
                        continue;
                    }
                    parent = head.sha();
                }
                String url = hub.openPullRequest(d.repo(), parent, d.title(), d.description(),
                        CardPatcher.README, d.patchedReadme().getBytes(StandardCharsets.UTF_8));
                add.accept(new Outcome(d.repo(), Status.OPENED, url));
            } catch (PullRequestHub.RateLimitedException e) {
                add.accept(new Outcome(d.repo(), Status.RATE_LIMITED, e.getMessage()));
                stopped = "stopped at a rate limit";
            } catch (PullRequestHub.UnreachableException e) {
                add.accept(new Outcome(d.repo(), Status.UNREACHABLE, e.getMessage()));
                stopped = "stopped: the Hub cannot be reached";
            } catch (PullRequestHub.TokenRefusedException e) {
                add.accept(new Outcome(d.repo(), Status.TOKEN_REFUSED, e.getMessage()));
                stopped = "stopped: the Hub refused HF_TOKEN";
            } catch (IOException e) {
                add.accept(new Outcome(d.repo(), Status.FAILED, e.getMessage()));
            }
        }
        return out;
    }

    /** A valid Hub repo id with its namespace: only such a repo can get a pull request. */
    private static boolean isHubRepo(String repo) {
        return repo != null && repo.indexOf('/') > 0 && RepoIds.isValid(repo);
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
