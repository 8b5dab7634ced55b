package dev.cardminer.cli;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells whether the reader of standard output has gone away ({@code suggest ... --json | head -1} after head's first
 * line) without writing to it. Java learns it only from a write that fails (EPIPE), and a long run of cards that print
 * nothing writes nothing, so such a run read on to its end. poll(2) says it without a write: a pipe's write end whose
 * readers all closed it reports POLLERR (a socket's, POLLHUP). The call goes through the JDK's foreign function API,
 * found by reflection since the code is compiled for JDK 21, where that API is a preview; on JDK 21, or where there is
 * no poll (Windows), the answer is always "not gone" and a run stops at its next printed line, as before. The jar's
 * manifest allows the native access (Enable-Native-Access), so no warning is printed.
 *
 * <p>Asked at most once per {@link #INTERVAL_NANOS}: a card costs one clock read, a poll costs a system call.
 */
final class StdoutReaderProbe {

    /** How often poll(2) is asked at most: a closed output ends the run within about this time. */
    static final long INTERVAL_NANOS = 50_000_000L;

    private static final int POLLERR = 0x008;
    private static final int POLLHUP = 0x010;

    /** int poll(struct pollfd *fds, nfds_t nfds, int timeout); null until looked up, or where it cannot be. */
    private MethodHandle poll;
    /** The struct pollfd {int fd; short events; short revents;} that poll reads and writes. */
    private Object pollfd;
    private ByteBuffer fields;
    private boolean unavailable;
    private long next = System.nanoTime() + INTERVAL_NANOS;

    /** Whether the reader of file descriptor 1 has closed it; false where that cannot be known. */
    boolean gone() {
        long now = System.nanoTime();
        if (unavailable || now - next < 0) {
            return false;
        }
        next = now + INTERVAL_NANOS;
        if (poll == null && !lookUp()) {
            return false;
        }
        try {
            fields.putInt(0, 1).putShort(4, (short) 0).putShort(6, (short) 0);   // fd 1; errors are always reported
            int ready = (int) poll.invokeWithArguments(pollfd, nfds(1), 0);
            return ready > 0 && (fields.getShort(6) & (POLLERR | POLLHUP)) != 0;
        } catch (Throwable e) {
            unavailable = true;   // a poll that fails once is not asked again: the run goes on as before
            return false;
        }
    }

    private boolean lookUp() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (Runtime.version().feature() < 22 || !(os.contains("linux") || os.contains("mac"))) {
            unavailable = true;
            return false;
        }
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> valueLayout = Class.forName("java.lang.foreign.ValueLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                    .getMethod("find", String.class).invoke(lookup, "poll");
            if (symbol.isEmpty()) {
                unavailable = true;
                return false;
            }
            Object intLayout = valueLayout.getField("JAVA_INT").get(null);
            Object arguments = Array.newInstance(layoutType, 3);
            Array.set(arguments, 0, valueLayout.getField("ADDRESS").get(null));
            Array.set(arguments, 1, valueLayout.getField(nfdsIsLong() ? "JAVA_LONG" : "JAVA_INT").get(null));
            Array.set(arguments, 2, intLayout);
            Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass())
                    .invoke(null, intLayout, arguments);
            MethodHandle handle = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType,
                    optionType.arrayType()).invoke(linker, symbol.get(), descriptor, Array.newInstance(optionType, 0));
            Object arena = arenaType.getMethod("ofAuto").invoke(null);
            Object segment = Class.forName("java.lang.foreign.SegmentAllocator").getMethod("allocate", long.class)
                    .invoke(arena, 8L);
            fields = ((ByteBuffer) segmentType.getMethod("asByteBuffer").invoke(segment)).order(ByteOrder.nativeOrder());
            pollfd = segment;
            poll = handle;
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            unavailable = true;
            return false;
        }
    }

    /** nfds_t is an unsigned long on Linux, an unsigned int on macOS. */
    private static boolean nfdsIsLong() {
        return !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    }

    private static Object nfds(int n) {
        return nfdsIsLong() ? (Object) (long) n : (Object) n;
    }
}
