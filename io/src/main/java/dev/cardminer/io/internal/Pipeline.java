package dev.cardminer.io.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * The ingestion engine, in two named stages joined by a bounded queue: the {@link Reader} thread takes
 * cards from the source, {@link Worker} threads (one per core) hash them, skip unchanged cards, lay the rest
 * out as rows and write them in batches, each worker through its own connection, one transaction per batch.
 * The queue carries typed items ending in a typed end-of-stream. A byte budget for cards in flight keeps
 * memory independent of corpus size; {@link StageTimes} records where the time went.
 *
 * <p>A card whose text the store has as it is, and whose repo facts changed (the Hub's downloads and likes change
 * daily), is not analysed again: its {@code cards} row gets the new facts ({@link CardFacts}), in the worker's batch.
 *
 * <p>Each id is taken once per run (the first occurrence; later ones are counted as duplicates), so the
 * order in which parser threads finish cannot change the final store, and a run that was killed and
 * started again skips what its committed batches hold and ends with the same store.
 */
public final class Pipeline {

    /**
     * @param parser    the card parser, asked for when the first card needs parsing (a {@link Lazy} one is made only
     *                  then: an unchanged re-run needs none)
     * @param sentences what the parser threads do with each card's sentences (split, annotate), asked for with the
     *                  parser; null to leave them to the annotation phase
     * @param prune     after the whole source was read, delete the stored cards it did not give
     *                  ({@link StoreWriter#prune}); never with a limit ({@code Analyzer.Config} refuses it)
     */
    public record Settings(int threads, long limit, int batchCards, long batchBytes, long inFlightBytes,
                           boolean force, Supplier<CardParser> parser, Supplier<CardSentences.Step> sentences,
                           boolean prune) {
    }

    /**
     * @param written  cards analysed and written
     * @param replaced of those, cards whose stored version was another (changed cards)
     * @param again    of those, cards the store had as they are, analysed again because of {@code force}
     * @param skipped  cards the store had with the same text, not analysed
     * @param factsUpdated of those, cards whose repo facts were stored again: they changed, or the row was migrated
     * @param pruned   stored cards the source no longer has, deleted ({@link Settings#prune}; 0 without)
     * @param firstDuplicate the first card left out because its id came before: "id in origin"; null when none
     * @param firstFailure a card stored with a failure problem: "id (origin): message"; null when none
     */
    public record Counts(long seen, long written, long replaced, long again, long skipped, long factsUpdated,
                         long duplicates, long failures, long bytes, long pruned, Analyzer.Stages stages,
                         String firstDuplicate, String firstFailure) {
    }

    private static final long MISSING = Long.MIN_VALUE;

    /** How long the source may give no card before a parser thread commits its batch anyway. */
    static final long QUIET_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What the reader hands the parsers. */
    private sealed interface ToParse permits Work, NoMoreCards {
    }

    private record Work(SourceCard card, long key, int permits) implements ToParse {
    }

    /** The reader is done: one per parser thread. */
    private record NoMoreCards() implements ToParse {
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
        StageTimes times = new StageTimes();
        long t0 = System.nanoTime();
        Stored known = loadFingerprints();
        times.loadIndexNanos.set(System.nanoTime() - t0);
        int threads = Math.max(1, settings.threads());
        int queueSize = Math.max(64, threads * 32);
        HandOff<ToParse> toParse = new HandOff<>(queueSize);
        int totalPermits = (int) Math.max(1, settings.inFlightBytes() >> 10);
        Budget budget = new Budget(totalPermits);
        // Each worker holds a batch: together they stay inside the in-flight budget with room for the queue.
        long batchBytes = Math.max(1, Math.min(settings.batchBytes(), settings.inFlightBytes() / (threads + 1)));
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Reader reader = new Reader(source, toParse, budget, totalPermits, threads, fatal, times);
        List<Thread> started = new ArrayList<>();
        started.add(daemon("cardminer-reader", reader));
        Lazy<ObjectMapper> json = new Lazy<>(CardJson::mapper);
        CountDownLatch done = new CountDownLatch(threads);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(toParse, known, json, budget, batchBytes, fatal, times, done);
            workers.add(w);
            started.add(daemon("cardminer-parser-" + i, w));
        }
        boolean ok = false;
        try {
            // A failed source still ends the queue, and the workers commit what they have; a failed worker does not
            // (the reader may wait for the budget its batch holds): then the others are stopped.
            while (!done.await(200, TimeUnit.MILLISECONDS)) {
                if (workers.stream().anyMatch(w -> w.failed)) {
                    break;
                }
            }
            Throwable failure = fatal.get();
            if (failure != null) {
                rethrow(failure);
            }
            ok = true;
            for (Thread t : started) {
                t.join(10_000);
            }
            // Only here: the source was read to its end without a failure (a failed or interrupted read threw above).
            // A source that gave no card at all (an empty folder, a wrong glob) is more likely a mistake than the
            // deletion of every card: nothing is pruned (the summary says so).
            // An entry the source could not read (a cut Parquet file, a line whose card is not text) may be a stored
            // card's: not seen, but not gone either, so nothing is pruned (the summary says so).
            boolean unreadable = source.skipped().count() > 0;
            long pruned = settings.prune() && reader.ids.size() > 0 && !unreadable ? prune(reader.ids) : 0;
            long c0 = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.execute("CHECKPOINT");
            }
            times.checkpointNanos.set(System.nanoTime() - c0);
            long written = 0;
            long replaced = 0;
            long again = 0;
            long skipped = 0;
            long factsUpdated = 0;
            long failures = 0;
            long bytes = 0;
            String firstFailure = null;
            for (Worker w : workers) {
                firstFailure = firstFailure != null ? firstFailure : w.firstFailure;
                written += w.written;
                // A card analysed again replaced its own rows, not an older version.
                replaced += w.replaced - w.again;
                again += w.again;
                skipped += w.skipped;
                factsUpdated += w.factsUpdated;
                failures += w.failures;
                bytes += w.bytes;
            }
            // The stage threads are done: their CPU times are all in.
            return new Counts(reader.seen.get(), written, replaced, again, skipped, factsUpdated,
                    reader.duplicates.get(), failures, bytes, pruned, times.stages(), reader.firstDuplicate.get(),
                    firstFailure);
        } finally {
            if (!ok) {
                started.forEach(Thread::interrupt);
            }
            for (Thread t : started) {
                t.join(10_000);
            }
        }
    }

    private static Thread daemon(String name, Runnable stage) {
        Thread t = new Thread(stage, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Stage 1: takes cards from the source, each id once (later ones are counted as duplicates), and
     * waits for budget before handing a card on.
     */
    private final class Reader implements Runnable {
        private final CardSource source;
        private final HandOff<ToParse> out;
        private final Semaphore budget;
        private final int totalPermits;
        private final int parsers;
        private final AtomicReference<Throwable> fatal;
        private final StageTimes times;
        final AtomicLong seen = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        /** The first card left out as a duplicate: its id and where it came from (the earlier one is kept). */
        final AtomicReference<String> firstDuplicate = new AtomicReference<>();
        /** The keys ({@link Hashes#key}) of the ids taken so far: 16 bytes an id, not the ids. */
        final LongLongMap ids = new LongLongMap(1 << 16);

        Reader(CardSource source, HandOff<ToParse> out, Semaphore budget, int totalPermits, int parsers,
               AtomicReference<Throwable> fatal, StageTimes times) {
            this.source = source;
            this.out = out;
            this.budget = budget;
            this.totalPermits = totalPermits;
            this.parsers = parsers;
            this.fatal = fatal;
            this.times = times;
        }

        @Override
        public void run() {
            try {
                if (readAll()) {
                    for (int i = 0; i < parsers; i++) {
                        out.put(new NoMoreCards());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                times.readerCpu.set(StageTimes.cpuNow());
            }
        }

        /** @return false when interrupted (the run is being torn down) */
        private boolean readAll() {
            Hashes hashes = new Hashes();
            try {
                long taken = 0;
                while (settings.limit() < 0 || taken < settings.limit()) {
                    long t0 = System.nanoTime();
                    SourceCard card = source.next();
                    times.readNanos.addAndGet(System.nanoTime() - t0);
                    if (card == null) {
                        break;
                    }
                    seen.incrementAndGet();
                    long key = hashes.key(card.id());
                    if (!ids.put(key, 1)) {
                        duplicates.incrementAndGet();
                        firstDuplicate.compareAndSet(null, card.id() + " in " + card.origin());
                        continue;
                    }
                    int permits = (int) Math.min(totalPermits, Math.max(1, card.approximateSize() >> 10));
                    budget.acquire(permits);
                    out.put(new Work(card, key, permits));
                    taken++;
                }
            } catch (InterruptedException e) {
                return false;
            } catch (Throwable t) {
                fatal.compareAndSet(null, t);
            }
            return true;
        }
    }

    /**
     * Stage 2, on each of the parser threads: hashes each card, skips it when the store has it unchanged, else
     * parses it into rows, and writes its rows in batches through a connection of its own, one transaction each
     * (and whatever is complete when the reader waits for budget or the source is quiet for a while), then releases
     * their budget. The writers append to the same tables side by side (DuckDB's appends in separate transactions do
     * not conflict, and each card is in one worker's batch only); one writer thread for all of them was a quarter of a
     * run's CPU on one core.
     */
    private final class Worker implements Runnable {
        private final HandOff<ToParse> in;
        private final Stored known;
        private final Supplier<ObjectMapper> json;
        /** Made when the first card needs parsing: null while every card was unchanged. */
        private CardRowsBuilder builder;
        private final Budget budget;
        private final long batchBytesLimit;
        private final AtomicReference<Throwable> fatal;
        private final StageTimes times;
        private final CountDownLatch done;
        private final List<CardRows> batch = new ArrayList<>();
        /** Cards whose text is unchanged and whose facts are new, written with the batch. */
        private final List<CardFacts> newFacts = new ArrayList<>();
        private long batchBytes;
        private long writeCpu;
        long written;
        long replaced;
        long again;
        long skipped;
        long factsUpdated;
        long failures;
        String firstFailure;
        long bytes;
        volatile boolean failed;

        Worker(HandOff<ToParse> in, Stored known, Supplier<ObjectMapper> json, Budget budget,
               long batchBytesLimit, AtomicReference<Throwable> fatal, StageTimes times, CountDownLatch done) {
            this.in = in;
            this.known = known;
            this.json = json;
            this.budget = budget;
            this.batchBytesLimit = batchBytesLimit;
            this.fatal = fatal;
            this.times = times;
            this.done = done;
        }

        @Override
        public void run() {
            Hashes hashes = new Hashes();
            long nanos = 0;
            long waiting = 0;
            long lastCard = System.nanoTime();
            try (DuckDBConnection own = connection.duplicate(); StoreWriter writer = new StoreWriter(own)) {
                try {
                    while (true) {
                        long w0 = System.nanoTime();
                        ToParse next = in.poll(200, TimeUnit.MILLISECONDS);
                        waiting += System.nanoTime() - w0;
                        if (next == null) {
                            // The reader waits for the budget this batch holds, or the source has been quiet a while
                            // (a download): commit what is complete. Not at every short pause of the reader: each
                            // commit that replaces cards deletes their old rows with a scan of every table, so a re-run
                            // with a few changed cards paid that scan ten times over (docs/bench.md, "1% changed").
                            if ((!batch.isEmpty() || !newFacts.isEmpty()) && (budget.hasQueuedThreads()
                                    || System.nanoTime() - lastCard >= QUIET_COMMIT_NANOS)) {
                                commit(writer);
                            }
                            continue;
                        }
                        lastCard = System.nanoTime();
                        if (!(next instanceof Work w)) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        CardRows rows = parse(w, hashes);
                        nanos += System.nanoTime() - t0;
                        if (rows != null ? add(rows) : newFacts.size() >= settings.batchCards()) {
                            commit(writer);
                        }
                    }
                    if (!batch.isEmpty() || !newFacts.isEmpty()) {
                        commit(writer);
                    }
                } finally {
                    times.appendNanos.addAndGet(writer.appendNanos());
                    times.commitNanos.addAndGet(writer.commitNanos());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                fatal.compareAndSet(null, t);
                failed = true;
            } finally {
                times.parseNanos.addAndGet(nanos);
                times.writerWaitNanos.addAndGet(waiting);
                times.parserCpu.addAndGet(StageTimes.cpuNow() - writeCpu);
                times.writerCpu.addAndGet(writeCpu);
                if (builder != null) {
                    times.splitCpu.addAndGet(builder.splitNanos());
                    times.annotateCpu.addAndGet(builder.annotateNanos());
                }
                done.countDown();
            }
        }

        /**
         * The card's rows, or null when the store has its text unchanged (its budget then comes back at once, and new
         * facts wait in {@link #newFacts}).
         */
        private CardRows parse(Work w, Hashes hashes) {
            SourceCard card = w.card();
            byte[] utf8 = card.bytes();
            String contentHash = hashes.sha256Hex(utf8);
            long fingerprint = Fingerprints.text(hashes, contentHash, card.failure());
            long factsHash = Fingerprints.facts(hashes, card.facts(), card.origin());
            long old = known.fingerprints.get(w.key(), MISSING);
            if (old == fingerprint) {
                if (settings.force()) {
                    again++;
                } else {
                    budget.release(w.permits());
                    skipped++;
                    bytes += utf8.length;
                    // Rows migrated from schema 7 have no facts hash: theirs are stored once.
                    if (known.factsHashes.get(w.key(), MISSING) != factsHash) {
                        newFacts.add(new CardFacts(card.id(), card.origin(), card.facts(), factsHash));
                        factsUpdated++;
                    } else {
                        progress.step(1);
                    }
                    return null;
                }
            }
            CardRows rows = builder().build(card, utf8, contentHash, fingerprint, factsHash, old != MISSING, w.permits());
            int extra = rowPermits(rows) - w.permits();
            if (extra > 0) {
                // A small card can have many rows (a list of a million items): its share grows to match.
                budget.take(extra);
                rows = rows.withPermits(w.permits() + extra);
            }
            return rows;
        }

        private CardRowsBuilder builder() {
            if (builder == null) {
                builder = new CardRowsBuilder(settings.parser().get(), json.get(),
                        settings.sentences() == null ? null : settings.sentences().get());
            }
            return builder;
        }

        /** Adds the card to the batch; true when the batch is full. */
        private boolean add(CardRows rows) {
            batch.add(rows);
            // A card's rows can outweigh its text: a batch is as large as its larger measure.
            batchBytes += Math.max(rows.bytes(), (long) rows.permits() << 10);
            bytes += rows.bytes();
            written++;
            replaced += rows.replaces() ? 1 : 0;
            Problem failure = rows.problems().stream().filter(ProblemCodes::isFailure).findFirst().orElse(null);
            if (failure != null && failures++ == 0) {
                firstFailure = rows.id() + " (" + rows.source() + "): " + failure.message();
            }
            return batch.size() >= settings.batchCards() || batchBytes >= batchBytesLimit;
        }

        /** Writes the batch and the new facts in one transaction, then frees its budget and empties both. */
        private void commit(StoreWriter writer) throws SQLException {
            long cpu0 = StageTimes.cpuNow();
            writer.write(batch, newFacts);
            writeCpu += StageTimes.cpuNow() - cpu0;
            times.batches.incrementAndGet();
            int permits = 0;
            for (CardRows rows : batch) {
                permits += rows.permits();
            }
            budget.release(permits);
            progress.step(batch.size() + newFacts.size());
            batch.clear();
            newFacts.clear();
            batchBytes = 0;
        }
    }

    /** Bytes of heap a row costs in flight, about: a record, its strings and list slot. */
    static final int ROW_BYTES = 256;

    /** The card's share of the budget by its rows (1 KiB permits). */
    static int rowPermits(CardRows rows) {
        long count = 1L + rows.metadata().size() + rows.values().size() + rows.sections().size()
                + rows.evalResults().size() + rows.links().size() + rows.problems().size()
                + (rows.sentences() == null ? 0 : rows.sentences().rowCount());
        long bytes = count * ROW_BYTES + (rows.metadataJson() == null ? 0 : 2L * rows.metadataJson().length())
                + (rows.sentences() == null ? 0 : 2L * rows.sentences().chars());
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

    /**
     * Deletes the stored cards whose ids the source did not give. Ids are compared by their 64-bit keys: a stored id
     * whose key collides with a seen one (about 1 in 2*10^7 with a million ids each side) is kept; an id the source
     * gave is never deleted.
     */
    private long prune(LongLongMap seen) throws SQLException {
        Hashes hashes = new Hashes();
        try (DuckDBConnection own = connection.duplicate(); StoreWriter writer = new StoreWriter(own)) {
            return writer.prune(id -> seen.containsKey(hashes.key(id)));
        }
    }

    /**
     * What the store has, by id key: each card's fingerprint, and its facts hash where it has one (rows from before
     * schema 8 have none).
     */
    private record Stored(LongLongMap fingerprints, LongLongMap factsHashes) {
    }

    private Stored loadFingerprints() throws SQLException {
        Hashes hashes = new Hashes();
        try (Statement st = connection.createStatement()) {
            long count;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM cards")) {
                rs.next();
                count = rs.getLong(1);
            }
            int expected = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(16, count));
            Stored stored = new Stored(new LongLongMap(expected), new LongLongMap(expected));
            try (ResultSet rs = st.executeQuery("SELECT id, fingerprint, facts_hash FROM cards")) {
                while (rs.next()) {
                    long key = hashes.key(rs.getString(1));
                    long fingerprint = rs.getLong(2);
                    stored.fingerprints.put(key, rs.wasNull() ? 0 : fingerprint);
                    long factsHash = rs.getLong(3);
                    if (!rs.wasNull()) {
                        stored.factsHashes.put(key, factsHash);
                    }
                }
            }
            return stored;
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
