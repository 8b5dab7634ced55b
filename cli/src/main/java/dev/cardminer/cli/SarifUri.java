package dev.cardminer.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A checked file's {@code artifactLocation.uri} in SARIF, which must be a URI reference (RFC 3986): a relative path stays
 * a relative reference, an absolute one becomes a {@code file:} URI, and what a path may hold but a URI may not (a space,
 * {@code %}, {@code #}, which would start a fragment, non-ASCII) is percent-encoded as UTF-8.
 */
final class SarifUri {

    private SarifUri() {
    }

    /** The URI reference of a file named on the command line; null for standard input, which has none. */
    static String of(String file) {
        if (file.equals("<stdin>")) {
            return null;
        }
        if (file.startsWith("hub:")) {
            return encode(file);   // hub:org/name reads as a URI of the scheme hub, as the text output names it
        }
        String path = File.separatorChar == '\\' ? file.replace('\\', '/') : file;
        try {
            if (Path.of(file).isAbsolute()) {
                return Path.of(file).toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // not a path of this system: encoded as given
        }
        return encode(path);
    }

    /**
     * Every byte but the unreserved characters, the sub-delimiters, {@code @}, {@code :} after the first segment and
     * {@code /} percent-encoded (a {@code :} in the first segment would read as a scheme).
     */
    private static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        boolean firstSegment = !path.startsWith("hub:");
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '/') {
                firstSegment = false;
            }
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=@/".indexOf(c) >= 0
                    || c == ':' && !firstSegment)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
