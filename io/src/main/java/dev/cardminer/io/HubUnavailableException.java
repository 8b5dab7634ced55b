package dev.cardminer.io;

import java.io.IOException;

/** The Hub could not be reached or refused the request; the message is one line meant for people. */
public final class HubUnavailableException extends IOException {

    public HubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
