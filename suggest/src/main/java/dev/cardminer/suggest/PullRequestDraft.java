package dev.cardminer.suggest;

/**
 * One pull request as cardminer would open it.
 *
 * @param repo          the model repo ({@code org/name})
 * @param title         the PR title; starts with {@link PullRequestTexts#TITLE_PREFIX}
 * @param description   the PR description (Markdown; card text in it is fenced, never rendered)
 * @param diff          the unified diff of README.md
 * @param patchedReadme the new README.md
 */
public record PullRequestDraft(String repo, String title, String description, String diff, String patchedReadme) {
}
