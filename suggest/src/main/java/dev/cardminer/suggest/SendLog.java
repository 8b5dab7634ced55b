package dev.cardminer.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A draft folder's record of the pull requests sent from it, {@code DIR/opened-prs.tsv}, held under a lock for the
 * whole sending run ({@code DIR/.open-prs.lock}): a second run on the same folder is refused while the first holds
 * it, so two runs cannot both find "no cardminer pull request yet" and open each one twice. Each opened pull request
 * is appended as one line ({@code repo TAB url TAB time}) in one write and forced to disk before the run goes on, so
 * a kill leaves every earlier line whole; a later run skips the repos it lists without asking the Hub. The lock is
 * the operating system's ({@link FileChannel#tryLock()}): it ends with the process, also after kill -9.
 */
public final class SendLog implements Closeable {

    /** The record's file name in the draft folder. */
    public static final String FILE = "opened-prs.tsv";
    /** The lock's file name in the draft folder. */
    public static final String LOCK = ".open-prs.lock";

    /** Another run holds the folder's lock. */
    public static final class BusyException extends IOException {
        BusyException(String message) {
            super(message);
        }
    }

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path file;
    private final Set<String> opened;

    private SendLog(FileChannel lockChannel, FileLock lock, Path file, Set<String> opened) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.file = file;
        this.opened = opened;
    }

    /**
     * Takes {@code dir}'s lock and reads its record.
     *
     * @throws BusyException when another run (this process's or another's) holds the lock
     */
    public static SendLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(LOCK);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            throw new BusyException("another cardminer suggest --open-prs is sending the drafts of " + dir
                    + (owner.matches("\\d{1,10}") ? " (process " + owner + ")" : "") + "; wait for it to end");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
        Path file = dir.resolve(FILE);
        Set<String> opened = new HashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {   // a line cut by a kill has no tab yet, or a whole repo id before it
                    opened.add(line.substring(0, tab).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new SendLog(channel, lock, file, opened);
    }

    /** Whether an earlier run recorded a pull request opened on {@code repo} (ids without case, as the Hub's). */
    public boolean opened(String repo) {
        return opened.contains(repo.toLowerCase(Locale.ROOT));
    }

    /** Appends one opened pull request and forces it to disk before returning. */
    public void record(String repo, String url) throws IOException {
        String line = repo + "\t" + oneField(url) + "\t" + Instant.now() + "\n";
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        }
        opened.add(repo.toLowerCase(Locale.ROOT));
    }

    /** The Hub's address as one field: remote text, so no tab, line break or other control character. */
    private static String oneField(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
