package dev.cardminer.suggest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which part of a corpus a card belongs to, fixed by its id: rules are developed on {@link #DEV} and
 * figures reported on {@link #HELD_OUT}. A card is held out when the first byte of the SHA-256 of its id
 * (UTF-8), as an unsigned number, is below 77 (30% of ids).
 */
public enum Split {
    /** The development split: about 70% of ids. */
    DEV,
    /** The held-out split: about 30% of ids, for reported figures only. */
    HELD_OUT,
    /** Every card. */
    ALL;

    /** The part {@code id} belongs to: DEV or HELD_OUT. */
    public static Split of(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (hash[0] & 0xff) < 77 ? HELD_OUT : DEV;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Whether a card with this id is part of this split. */
    public boolean contains(String id) {
        return this == ALL || of(id) == this;
    }
}
