package dev.cardminer.io.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as hex and as 64-bit keys; one instance per thread (MessageDigest is not thread-safe). */
public final class Hashes {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;

    public Hashes() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public byte[] sha256(byte[] bytes) {
        return sha256.digest(bytes);
    }

    public String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256.digest(bytes));
    }

    public String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 8 bytes of the SHA-256 of the text: a well-mixed 64-bit key. */
    public long key(String text) {
        return ByteBuffer.wrap(sha256.digest(text.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
