package dev.cardminer.hub;

import java.io.IOException;

/**
 * The Hub could not be reached or refused a request. The message is one line meant for people, says
 * what to do, and never holds a token or credentials.
 */
public class HubException extends IOException {

    /** What went wrong, for callers that act on it (a cache fallback when unreachable, a skip when gated). */
    public enum Kind {
        /** No connection: offline, DNS, refused, timed out. */
        UNREACHABLE,
        /** The repo is gated or private and the token (if any) has no access; or the token may not write there. */
        NO_ACCESS,
        /** The Hub refused the token itself (HTTP 401 with a token): no other request with it can succeed. */
        TOKEN_REFUSED,
        /** No such repo or revision. */
        NOT_FOUND,
        /** The repo exists but has no such file. */
        MISSING_FILE,
        /** Still rate-limited after the retries. */
        RATE_LIMITED,
        /** The Hub kept failing (5xx) or answered something unusable. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final int status;

    /**
     * An exception of {@code kind} ended by HTTP {@code status} (0: none). The message is redacted of tokens and
     * credentials.
     */
    public HubException(Kind kind, int status, String message, Throwable cause) {
        super(Redaction.text(message), cause);
        this.kind = kind;
        this.status = status;
    }

    /**
     * An exception of {@code kind} without an HTTP status or cause. The message is redacted of tokens and
     * credentials.
     */
    public HubException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status that ended the request, 0 when there was none. */
    public int status() {
        return status;
    }
}
