package dev.cardminer.suggest;

/**
 * One pull request as cardminer would open it.
 *
 * @param repo          the model repo ({@code org/name})
 * @param title         the PR title; starts with {@link PullRequestTexts#TITLE_PREFIX}
 * @param description   the PR description (Markdown; card text in it is fenced, never rendered)
 * @param diff          the unified diff of README.md
 * @param patchedReadme the new README.md
 * @param readme        the README.md the patch was made from (null when unknown): a pull request is opened only on
 *                      a revision whose README.md is this one
 */
public record PullRequestDraft(String repo, String title, String description, String diff, String patchedReadme,
                               String readme) {

    /** A draft whose original README.md is not known. */
    public PullRequestDraft(String repo, String title, String description, String diff, String patchedReadme) {
        this(repo, title, description, diff, patchedReadme, null);
    }
}
