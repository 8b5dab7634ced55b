package dev.cardminer.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output can be written: a failure found only after the work (a whole
 * analysis, an export) loses it, and the library underneath (DuckDB) words it in its own terms.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * A file that will be written (replaced): its missing folders are created, and a file is created there and
     * removed again.
     *
     * @param option the option that named it, for the message
     * @throws IOException naming the file and why it cannot be written (exit 2)
     */
    static void checkFile(String option, Path file) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException(file + ": is a folder; give a file name");
            }
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.exists(file)) {
                if (!Files.isWritable(file)) {
                    throw new AccessDeniedException(file.toString());
                }
            } else {
                Files.createFile(file);
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + option + " " + file + ": " + OneLineErrorHandler.describe(e), e);
        }
    }

    /**
     * A folder that files will be written into: created when missing, a file is created there and removed, and so
     * are the folders the check made (a run that writes nothing leaves nothing).
     *
     * @throws IOException naming the folder and why it cannot be written (exit 2)
     */
    static void checkFolder(String option, Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        Path firstMade = null;
        for (Path p = absolute; p != null && Files.notExists(p); p = p.getParent()) {
            firstMade = p;
        }
        try {
            Files.createDirectories(absolute);
            Files.delete(Files.createTempFile(absolute, ".cardminer-check", ".tmp"));
            removeMade(absolute, firstMade);
        } catch (IOException e) {
            try {
                removeMade(absolute, firstMade);   // a folder made before the probe failed goes too
            } catch (IOException ignored) {
                // what could not be removed is named by the error below, and holds nothing
            }
            throw new IOException("cannot write " + option + " " + folder + ": " + OneLineErrorHandler.describe(e), e);
        }
    }

    /** Removes {@code folder} and its parents up to {@code firstMade}, the folders the check made (none when null). */
    private static void removeMade(Path folder, Path firstMade) throws IOException {
        for (Path p = folder; firstMade != null && p != null && p.startsWith(firstMade); p = p.getParent()) {
            Files.deleteIfExists(p);
        }
    }
}
