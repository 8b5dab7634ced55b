package dev.cardminer.io;

import dev.cardminer.core.CardLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads card files and streams with a size bound, so that a huge file, {@code /dev/zero} or an endless
 * stream is refused with a message instead of exhausting memory: at most
 * {@link CardLimits#MAX_CARD_BYTES} are read, and one byte more tells that the input is larger.
 */
public final class CardFiles {

    /** An input larger than the bound. */
    public static final class TooLargeException extends IOException {
        /** An exception naming {@code what} was too large ({@code "the file"}, say) and the bound. */
        public TooLargeException(String what) {
            super(String.format("%s is larger than %,d bytes (the card size limit): not read", what,
                    CardLimits.MAX_CARD_BYTES));
        }
    }

    private CardFiles() {
    }

    /** The bytes of a file; refused by its size before reading when the size is known. */
    public static byte[] read(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > CardLimits.MAX_CARD_BYTES) {
            throw new TooLargeException("the file (" + String.format("%,d", Files.size(file)) + " bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, "the file");
        }
    }

    /** The bytes of a stream, refused once it passes the bound. */
    public static byte[] read(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(CardLimits.MAX_CARD_BYTES + 1);
        if (bytes.length > CardLimits.MAX_CARD_BYTES) {
            throw new TooLargeException(what);
        }
        return bytes;
    }
}
