package dev.cardminer.hub.internal;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body that fails in one line instead of waiting forever when the Hub stops sending it. The JDK's
 * request timeout ends when the headers arrive; a server that then sends nothing (or a byte now and then) would
 * hold a read for ever. Each read is bounded by {@code idle} (nothing came) and by the answer's {@code deadline}
 * (all of it has not come); when either passes, a watchdog closes the stream and the read throws.
 */
final class TimedBody extends InputStream {

    private final InputStream in;
    private final ScheduledExecutorService watchdog;
    private final Duration idle;
    /** {@link System#nanoTime()} by which the whole body must be in; {@code Long.MAX_VALUE}-like: none. */
    private final long deadline;
    private final boolean hasDeadline;
    private final Duration total;
    private final String what;
    private volatile String expired;

    /** @param total the time from sending the request that the whole answer may take, or null for none (a download) */
    TimedBody(InputStream in, ScheduledExecutorService watchdog, Duration idle, long sentAt, Duration total, String what) {
        this.in = in;
        this.watchdog = watchdog;
        this.idle = idle;
        this.hasDeadline = total != null;
        this.total = total;
        this.deadline = total == null ? 0 : sentAt + total.toNanos();
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long wait = idle.toNanos();
        String why = "nothing came for " + HubHttp.seconds(idle);
        if (hasDeadline && deadline - System.nanoTime() <= wait) {
            wait = deadline - System.nanoTime();
            why = "not all of it came within " + HubHttp.seconds(total) + " of the request";
        }
        if (wait <= 0) {
            expire(why);
            throw stopped();
        }
        String reason = why;
        ScheduledFuture<?> alarm = watchdog.schedule(() -> expire(reason), wait, TimeUnit.NANOSECONDS);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            if (expired != null) {
                throw stopped();
            }
            throw e;
        } finally {
            alarm.cancel(false);
        }
        if (expired != null) {   // a close by the watchdog can look like the end of the body
            throw stopped();
        }
        return n;
    }

    private void expire(String why) {
        expired = why;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how the blocked read is ended; nothing else to do
        }
    }

    private HubException stopped() {
        return new HubException(Kind.UNREACHABLE, 0, "the Hub stopped sending " + what + " (" + expired + ")", null);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
