package dev.cardminer.hub;

/**
 * A discussion or pull request of a repo.
 *
 * @param num           its number ({@code /discussions/7})
 * @param status        {@code open}, {@code closed}, {@code merged} or {@code draft}
 * @param pullRequest   true for a pull request
 * @param author        the author's user name, or null
 * @param title     its title, or null
 * @param createdAt when it was opened, as the Hub's ISO 8601 timestamp, or null
 */
public record Discussion(int num, String title, String status, boolean pullRequest, String author, String createdAt) {
}
