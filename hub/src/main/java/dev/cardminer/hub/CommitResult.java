package dev.cardminer.hub;

/**
 * What the Hub answered to a commit.
 *
 * @param commitUrl      the commit's page
 * @param commitOid      the new commit's sha
 * @param pullRequestUrl the pull request's page when the commit opened one, else null
 */
public record CommitResult(String commitUrl, String commitOid, String pullRequestUrl) {
}
