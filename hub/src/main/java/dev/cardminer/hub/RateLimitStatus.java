package dev.cardminer.hub;

import java.time.Duration;
import java.util.Optional;

/**
 * The request budget the Hub reported on its last answer: its {@code RateLimit: "api";r=R;t=T} header (the IETF
 * draft the Hub implements), or the older {@code RateLimit-Remaining}/{@code RateLimit-Reset} and
 * {@code X-RateLimit-*} fields where a server sends those instead.
 *
 * @param remaining requests left in the current window
 * @param resetIn   time until the window resets, counted from when the answer arrived; empty when the answer gave a
 *                  remaining count but no reset that could be read (then nobody can tell when requests come back)
 */
public record RateLimitStatus(long remaining, Optional<Duration> resetIn) {

    /**
     * Checks that {@code resetIn} is given (it may be empty).
     *
     * @throws NullPointerException when resetIn is null
     */
    public RateLimitStatus {
        java.util.Objects.requireNonNull(resetIn, "resetIn");
    }

    /** A budget whose reset is known. */
    public RateLimitStatus(long remaining, Duration resetIn) {
        this(remaining, Optional.of(resetIn));
    }
}
