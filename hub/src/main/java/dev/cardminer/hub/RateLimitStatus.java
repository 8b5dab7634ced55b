package dev.cardminer.hub;

import java.time.Duration;

/**
 * The request budget the Hub reported on its last answer: its {@code RateLimit: "api";r=R;t=T} header (the IETF
 * draft the Hub implements), or the older {@code RateLimit-Remaining}/{@code RateLimit-Reset} and
 * {@code X-RateLimit-*} fields where a server sends those instead.
 *
 * @param remaining requests left in the current window
 * @param resetIn   time until the window resets, counted from when the answer arrived
 */
public record RateLimitStatus(long remaining, Duration resetIn) {
}
