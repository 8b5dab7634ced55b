package dev.cardminer.io.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.duckdb.DuckDBConnection;

/**
 * The ingestion engine: one reader thread takes cards from the source, a pool of parser threads hashes,
 * skips unchanged cards and lays the rest out as rows, and the calling thread writes them in batches,
 * one transaction each. Bounded queues and a byte budget for cards in flight keep memory independent of
 * corpus size.
 *
 * <p>Each id is taken once per run (the first occurrence; later ones are counted as duplicates), so the
 * order in which parser threads finish cannot change the final store, and a run that was killed and
 * started again skips what its committed batches hold and ends with the same store.
 */
public final class Pipeline {

    /** Bump when the rows written for a card change, so that re-runs re-analyse every card. */
    public static final int ROW_FORMAT = 1;

    public record Settings(int threads, long limit, int batchCards, long batchBytes, long inFlightBytes,
                           boolean force, CardParser parser) {
    }

    public record Counts(long seen, long written, long replaced, long skipped, long duplicates, long failures,
                         long bytes, Map<String, Long> stageMillis) {
    }

    private static final long MISSING = Long.MIN_VALUE;
    private static final Object WORKER_DONE = new Object();
    private static final Work POISON = new Work(null, 0, 0);

    private record Work(SourceCard card, long key, int permits) {
    }

    private record Skipped(int permits, long bytes) {
    }

    private final DuckDBConnection connection;
    private final Settings settings;
    private final ProgressMeter progress;

    public Pipeline(DuckDBConnection connection, Settings settings, ProgressMeter progress) {
        this.connection = connection;
        this.settings = settings;
        this.progress = progress;
    }

    public Counts run(CardSource source) throws IOException, SQLException, InterruptedException {
        long t0 = System.nanoTime();
        LongLongMap known = loadFingerprints();
        long loadNanos = System.nanoTime() - t0;
        int threads = Math.max(1, settings.threads());
        int queueSize = Math.max(64, threads * 32);
        BlockingQueue<Work> work = new ArrayBlockingQueue<>(queueSize);
        BlockingQueue<Object> done = new ArrayBlockingQueue<>(queueSize);
        int totalPermits = (int) Math.max(1, settings.inFlightBytes() >> 10);
        Budget budget = new Budget(totalPermits);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong seen = new AtomicLong();
        AtomicLong readNanos = new AtomicLong();
        AtomicLong parseNanos = new AtomicLong();
        AtomicLong readerCpu = new AtomicLong();
        AtomicLong parserCpu = new AtomicLong();
        long writerCpu0 = cpuNow();

        Thread reader = new Thread(() -> {
            read(source, work, budget, totalPermits, threads, fatal, duplicates, seen, readNanos);
            readerCpu.set(cpuNow());
        }, "cardminer-reader");
        List<Thread> workers = new ArrayList<>();
        ObjectMapper json = CardJson.mapper();
        CardParser parser = settings.parser();
        for (int i = 0; i < threads; i++) {
            workers.add(new Thread(() -> {
                parse(work, done, known, parser, json, fatal, parseNanos, budget);
                parserCpu.addAndGet(cpuNow());
            }, "cardminer-parser-" + i));
        }
        reader.setDaemon(true);
        reader.start();
        workers.forEach(w -> {
            w.setDaemon(true);
            w.start();
        });

        long written = 0;
        long replaced = 0;
        long skipped = 0;
        long failures = 0;
        long bytes = 0;
        long waitNanos = 0;
        boolean ok = false;
        try (Statement st = connection.createStatement()) {
            // The default (16 MB of WAL) checkpoints after nearly every batch, and each checkpoint compresses
            // the table's open row group again: 5x slower overall. One checkpoint at the end instead.
            st.execute("SET checkpoint_threshold = '1GB'");
        }
        try (StoreWriter writer = new StoreWriter(connection)) {
            List<CardRows> batch = new ArrayList<>();
            long batchBytes = 0;
            int finished = 0;
            while (finished < threads) {
                long w0 = System.nanoTime();
                Object next = done.poll(200, TimeUnit.MILLISECONDS);
                waitNanos += System.nanoTime() - w0;
                if (next == null) {
                    // A quiet source (or a reader waiting on the budget): commit what is complete.
                    if (!batch.isEmpty()) {
                        commit(writer, batch, budget);
                        batch.clear();
                        batchBytes = 0;
                    }
                } else if (next == WORKER_DONE) {
                    finished++;
                } else if (next instanceof Skipped s) {
                    budget.release(s.permits());
                    skipped++;
                    bytes += s.bytes();
                    progress.step(1);
                } else {
                    CardRows rows = (CardRows) next;
                    batch.add(rows);
                    // A card's rows can outweigh its text: a batch is as large as its larger measure.
                    batchBytes += Math.max(rows.bytes(), (long) rows.permits() << 10);
                    bytes += rows.bytes();
                    written++;
                    replaced += rows.replaces() ? 1 : 0;
                    failures += rows.problems().stream()
                            .anyMatch(p -> p.code().equals("internal-error") || p.code().equals("source-error")) ? 1 : 0;
                    if (batch.size() >= settings.batchCards() || batchBytes >= settings.batchBytes()) {
                        commit(writer, batch, budget);
                        batch.clear();
                        batchBytes = 0;
                    }
                }
            }
            if (!batch.isEmpty()) {
                commit(writer, batch, budget);
            }
            long c0 = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.execute("CHECKPOINT");
            }
            long checkpointNanos = System.nanoTime() - c0;
            ok = true;
            long writerCpu = cpuNow() - writerCpu0;
            reader.join(10_000);
            for (Thread w : workers) {
                w.join(10_000);
            }
            Map<String, Long> stages = new LinkedHashMap<>();
            stages.put("cpu: reader thread", readerCpu.get() / 1_000_000);
            stages.put("cpu: parser threads", parserCpu.get() / 1_000_000);
            stages.put("cpu: writer thread", writerCpu / 1_000_000);
            stages.put("load-index", loadNanos / 1_000_000);
            stages.put("read (reader thread)", readNanos.get() / 1_000_000);
            stages.put("parse+rows (all parser threads)", parseNanos.get() / 1_000_000);
            stages.put("append (writer)", writer.appendNanos() / 1_000_000);
            stages.put("commit (writer)", writer.commitNanos() / 1_000_000);
            stages.put("writer waiting", waitNanos / 1_000_000);
            stages.put("final checkpoint", checkpointNanos / 1_000_000);
            Throwable failure = fatal.get();
            if (failure != null) {
                rethrow(failure);
            }
            return new Counts(seen.get(), written, replaced, skipped, duplicates.get(), failures, bytes, stages);
        } finally {
            if (!ok) {
                reader.interrupt();
                workers.forEach(Thread::interrupt);
            }
            reader.join(10_000);
            for (Thread w : workers) {
                w.join(10_000);
            }
        }
    }

    private void commit(StoreWriter writer, List<CardRows> batch, Semaphore budget) throws SQLException {
        writer.write(batch);
        int permits = 0;
        for (CardRows rows : batch) {
            permits += rows.permits();
        }
        budget.release(permits);
        progress.step(batch.size());
    }

    private void read(CardSource source, BlockingQueue<Work> work, Semaphore budget, int totalPermits, int threads,
                      AtomicReference<Throwable> fatal, AtomicLong duplicates, AtomicLong seen, AtomicLong readNanos) {
        Hashes hashes = new Hashes();
        LongLongMap ids = new LongLongMap(1 << 16);
        try {
            long taken = 0;
            while (settings.limit() < 0 || taken < settings.limit()) {
                long t0 = System.nanoTime();
                SourceCard card = source.next();
                readNanos.addAndGet(System.nanoTime() - t0);
                if (card == null) {
                    break;
                }
                seen.incrementAndGet();
                long key = hashes.key(card.id());
                if (!ids.put(key, 1)) {
                    duplicates.incrementAndGet();
                    continue;
                }
                int permits = (int) Math.min(totalPermits, Math.max(1, card.approximateSize() >> 10));
                budget.acquire(permits);
                work.put(new Work(card, key, permits));
                taken++;
            }
        } catch (InterruptedException e) {
            return;
        } catch (Throwable t) {
            fatal.compareAndSet(null, t);
        }
        try {
            for (int i = 0; i < threads; i++) {
                work.put(POISON);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void parse(BlockingQueue<Work> work, BlockingQueue<Object> done, LongLongMap known, CardParser parser,
                       ObjectMapper json, AtomicReference<Throwable> fatal, AtomicLong parseNanos, Budget budget) {
        Hashes hashes = new Hashes();
        CardRowsBuilder builder = new CardRowsBuilder(parser, json);
        long nanos = 0;
        try {
            while (true) {
                Work w = work.take();
                if (w == POISON) {
                    break;
                }
                long t0 = System.nanoTime();
                SourceCard card = w.card();
                byte[] utf8 = card.bytes();
                String contentHash = hashes.sha256Hex(utf8);
                long fingerprint = fingerprint(hashes, contentHash, card);
                long old = known.get(w.key(), MISSING);
                Object result;
                if (!settings.force() && old == fingerprint) {
                    result = new Skipped(w.permits(), utf8.length);
                } else {
                    CardRows rows = builder.build(card, utf8, contentHash, fingerprint, old != MISSING, w.permits());
                    int extra = rowPermits(rows) - w.permits();
                    if (extra > 0) {
                        // A small card can have many rows (a list of a million items): its share grows to match.
                        budget.take(extra);
                        rows = rows.withPermits(w.permits() + extra);
                    }
                    result = rows;
                }
                nanos += System.nanoTime() - t0;
                done.put(result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            fatal.compareAndSet(null, t);
        } finally {
            parseNanos.addAndGet(nanos);
            try {
                done.put(WORKER_DONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Bytes of heap a row costs in flight, about: a record, its strings and list slot. */
    static final int ROW_BYTES = 256;

    /** The card's share of the budget by its rows (1 KiB permits). */
    static int rowPermits(CardRows rows) {
        long count = 1L + rows.metadata().size() + rows.values().size() + rows.sections().size()
                + rows.evalResults().size() + rows.links().size() + rows.problems().size();
        long bytes = count * ROW_BYTES + (rows.metadataJson() == null ? 0 : 2L * rows.metadataJson().length());
        return (int) Math.min(Integer.MAX_VALUE, bytes >> 10);
    }

    /**
     * The in-flight budget in 1 KiB permits. The reader waits for permits by card size; a parser thread that
     * finds a card's rows larger takes the difference without waiting (the count may go below zero), so
     * it can never deadlock against cards queued behind it, and the reader waits until it is paid back.
     */
    static final class Budget extends Semaphore {
        Budget(int permits) {
            super(permits);
        }

        void take(int permits) {
            reducePermits(permits);
        }
    }

    /** What a re-run compares: the text's hash, the repo facts, a failure message and the row format. */
    static long fingerprint(Hashes hashes, String contentHash, SourceCard card) {
        String what = contentHash + '\u0000' + card.facts() + '\u0000' + card.failure() + '\u0000' + ROW_FORMAT;
        return ByteBuffer.wrap(hashes.sha256(what.getBytes(StandardCharsets.UTF_8))).getLong();
    }

    /** CPU time of the calling thread in nanoseconds, 0 where the JVM cannot tell. */
    private static long cpuNow() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private LongLongMap loadFingerprints() throws SQLException {
        Hashes hashes = new Hashes();
        try (Statement st = connection.createStatement()) {
            long count;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM cards")) {
                rs.next();
                count = rs.getLong(1);
            }
            LongLongMap map = new LongLongMap((int) Math.min(Integer.MAX_VALUE / 4, Math.max(16, count)));
            try (ResultSet rs = st.executeQuery("SELECT id, fingerprint FROM cards")) {
                while (rs.next()) {
                    long fingerprint = rs.getLong(2);
                    map.put(hashes.key(rs.getString(1)), rs.wasNull() ? 0 : fingerprint);
                }
            }
            return map;
        }
    }

    private static void rethrow(Throwable t) throws IOException, SQLException {
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException(t);
    }
}
