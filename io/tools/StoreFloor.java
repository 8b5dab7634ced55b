package dev.cardminer.io.internal;

import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.CardJson;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.SourceCard;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The store's floor (docs/bench.md, "The store's side: floor and writing"): the rows of a corpus's cards
 * ({@link CardRows}, parse, split and rules as in a run), made once in memory, then appended by
 * {@link StoreWriter} into fresh stores with nothing else running, timed per run (append and commit, then the
 * final checkpoint). Not part of the build: it sits in io's package to reach the internal writer. Run with the
 * bench jar's classpath:
 * <pre>
 * J=$(.ci/find-jdk)/bin; mkdir -p /tmp/floor
 * $J/javac -d /tmp/floor -cp "bench/target/lib/*" io/tools/StoreFloor.java
 * $J/java -Xmx6g -cp "/tmp/floor:bench/target/lib/*" dev.cardminer.io.internal.StoreFloor \
 *     ../shared/corpus/hub-2023.parquet REPEATS THREADS VARIANT...
 * </pre>
 * A VARIANT is {@code none} (the run's settings: 10,000 cards or 64 MB / (threads + 1) per transaction),
 * {@code batchmb=N} (transactions of N MB of rows as the pipeline counts them), DuckDB settings separated by
 * {@code ;} (set before the appends, reset before the checkpoint), or {@code tables}: each table alone into a
 * fresh store, transactions of 5,000 cards, with its rows and its strings of 12 bytes or more (one JNI call each).
 * {@link IngestPaths} (compiled with it) reuses its rows to compare other ways into the store than the appender.
 */
public final class StoreFloor {
    static final ThreadMXBean TM = ManagementFactory.getThreadMXBean();

    static long proc() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The rows of every card of the corpus, made once in memory as a run makes them (parse, split, rules). */
    static List<CardRows> build(Path parquet) throws Exception {
        Hashes hashes = new Hashes();
        CardRowsBuilder b = new CardRowsBuilder(CardParser.builder().build(), CardJson.mapper(),
                new CardSentences.Step(SentenceSplitter.markdown(), new RuleAnnotator()));
        List<CardRows> all = new ArrayList<>();
        long t0 = System.nanoTime();
        try (CardSource src = CardSources.parquet(parquet)) {
            SourceCard c;
            while ((c = src.next()) != null) {
                byte[] utf8 = c.bytes();
                String ch = hashes.sha256Hex(utf8);
                all.add(b.build(c, utf8, ch, Fingerprints.text(hashes, ch, c.failure()),
                        Fingerprints.facts(hashes, c.facts(), c.origin()), false, 1));
            }
        }
        System.out.printf("built %d cards in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
        counts(all);
        return all;
    }

    public static void main(String[] args) throws Exception {
        Path parquet = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        List<String> settings = List.of(args).subList(3, args.length);
        List<CardRows> all = build(parquet);
        if (settings.contains("tables")) {
            tables(all, repeats);
            return;
        }
        for (int r = 0; r < repeats; r++) {
          for (String variant : settings) {
            long batchMb = variant.startsWith("batchmb=") ? Long.parseLong(variant.substring(8)) : 64 / (threads + 1);
            int batchCards = variant.startsWith("batchmb=") ? 100_000 : 10_000;
            List<String> sets = variant.equals("none") || variant.startsWith("batchmb=") ? List.of() : List.of(variant.split(";"));
            Path dir = Files.createTempDirectory("floor");
            Path db = dir.resolve("s.duckdb");
            try (CardStore store = CardStore.open(db)) {
                DuckDBConnection conn = writing(store);
                try (Statement st = conn.createStatement()) {
                    for (String s : sets) {
                        st.execute("SET " + s);
                    }
                }
                long w0 = System.nanoTime();
                long p0 = proc();
                long[] threadCpu = new long[threads];
                List<Thread> ts = new ArrayList<>();
                int batches = 0;
                for (int t = 0; t < threads; t++) {
                    int me = t;
                    Thread th = new Thread(() -> {
                        long c0 = TM.getCurrentThreadCpuTime();
                        try (DuckDBConnection own = (DuckDBConnection) conn.duplicate();
                             StoreWriter w = new StoreWriter(own)) {
                            List<CardRows> batch = new ArrayList<>();
                            long bytes = 0;
                            for (int i = me; i < all.size(); i += threads) {
                                CardRows cr = all.get(i);
                                batch.add(cr);
                                bytes += Math.max(cr.bytes(), (long) Pipeline.rowPermits(cr) << 10);
                                if (batch.size() >= batchCards || bytes >= batchMb << 20) {
                                    w.write(batch, List.of());
                                    batch.clear();
                                    bytes = 0;
                                }
                            }
                            if (!batch.isEmpty()) {
                                w.write(batch, List.of());
                            }
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                        threadCpu[me] = TM.getCurrentThreadCpuTime() - c0;
                    });
                    ts.add(th);
                    th.start();
                }
                for (Thread th : ts) {
                    th.join();
                }
                long w1 = System.nanoTime();
                long p1 = proc();
                try (Statement st = conn.createStatement()) {
                    for (String s : sets) {
                        st.execute("RESET " + s.split("=")[0].trim());
                    }
                    st.execute("CHECKPOINT");
                }
                long w2 = System.nanoTime();
                long p2 = proc();
                long sum = 0;
                for (long x : threadCpu) {
                    sum += x;
                }
                System.out.printf("%-50s ", variant);
                System.out.printf("run %d: append+commit %.2f s wall, writer threads %.2f CPU-s, process %.2f CPU-s; "
                        + "checkpoint %.2f s wall, %.2f CPU-s; file %.1f MB%n", r, (w1 - w0) / 1e9, sum / 1e9,
                        (p1 - p0) / 1e9, (w2 - w1) / 1e9, (p2 - p1) / 1e9, Files.size(db) / 1e6);
            }
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
          }
        }
    }

    static final String[] TABLES = {"cards", "metadata", "metadata_values", "sections", "eval_results", "links",
            "problems", "sentence_rows", "sentence_hub_ids", "annotations", "annotated_cards", "known_names_pending"};

    interface Rows {
        long write(TableAppender a, CardRows c, long[] stat) throws Exception;
    }

    static boolean count = true;

    static void str(long[] stat, String v) {
        if (count && v != null) {
            int n = v.getBytes(StandardCharsets.UTF_8).length;
            stat[0]++;
            stat[1] += n >= 12 ? 1 : 0;
            stat[2] += n;
        }
    }

    static void tables(List<CardRows> all, int repeats) throws Exception {
        for (int r = 0; r < repeats; r++) {
            count = r == 0;
            System.out.println("repeat " + r + (count ? " (counting strings: timing inflated)" : ""));
            for (String table : TABLES) {
                Path dir = Files.createTempDirectory("floor");
                Path db = dir.resolve("s.duckdb");
                try (CardStore store = CardStore.open(db)) {
                    DuckDBConnection conn = writing(store);
                    String[] cols;
                    try (Statement st = conn.createStatement();
                         var rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                                 + table + "' ORDER BY ordinal_position")) {
                        List<String> l = new ArrayList<>();
                        while (rs.next()) {
                            l.add(rs.getString(1));
                        }
                        cols = l.toArray(new String[0]);
                    }
                    long rows = 0;
                    long[] stat = new long[3];
                    long c0 = TM.getCurrentThreadCpuTime();
                    long p0 = proc();
                    long commitCpu = 0;
                    try (TableAppender a = TableAppender.open(conn, null, table, cols); Statement tx = conn.createStatement()) {
                        int inBatch = 0;
                        tx.execute("BEGIN TRANSACTION");
                        for (CardRows c : all) {
                            rows += write(table, a, c, stat);
                            if (++inBatch == 5000) {
                                a.flush();
                                long k0 = TM.getCurrentThreadCpuTime();
                                tx.execute("COMMIT");
                                commitCpu += TM.getCurrentThreadCpuTime() - k0;
                                tx.execute("BEGIN TRANSACTION");
                                inBatch = 0;
                            }
                        }
                        a.flush();
                        long k0 = TM.getCurrentThreadCpuTime();
                        tx.execute("COMMIT");
                        commitCpu += TM.getCurrentThreadCpuTime() - k0;
                    }
                    long c1 = TM.getCurrentThreadCpuTime();
                    long p1 = proc();
                    try (Statement st = conn.createStatement()) {
                        st.execute("CHECKPOINT");
                    }
                    long p2 = proc();
                    System.out.printf("%-20s rows %8d strings %8d (>=12 bytes: %8d, %6.1f MB)  thread %.2f CPU-s (commit %.2f), "
                            + "process %.2f, %.2f us/row; checkpoint %.2f CPU-s%n", table, rows, stat[0], stat[1],
                            stat[2] / 1e6, (c1 - c0) / 1e9, commitCpu / 1e9, (p1 - p0) / 1e9, (c1 - c0) / 1e3 / Math.max(1, rows),
                            (p2 - p1) / 1e9);
                }
                try (var s = Files.list(dir)) {
                    s.forEach(p -> p.toFile().delete());
                }
                Files.delete(dir);
            }
        }
    }

    static long write(String table, TableAppender a, CardRows c, long[] stat) throws Exception {
        long n = 0;
        switch (table) {
            case "cards" -> {
                var f = c.facts();
                for (String s : new String[] {c.id(), c.source(), c.contentHash(), f.author(), f.pipelineTag(),
                        f.libraryName(), c.metadataJson(), c.body()}) {
                    str(stat, s);
                }
                a.begin().str(c.id()).str(c.source()).str(c.contentHash()).i64(c.bytes()).str(f.author())
                        .i64(f.downloads()).i64(f.likes()).str(f.pipelineTag()).str(f.libraryName()).list(f.tags())
                        .time(f.createdAt()).time(f.lastModified()).bool(c.hasMetadata()).str(c.metadataJson())
                        .f64(c.completeness()).i32(c.sections().size()).i32(c.problems().size()).str(c.body())
                        .i64(c.fingerprint()).i32(c.sentences() == null ? null : c.sentences().sentences().size())
                        .i32(c.bodyLine()).i64(c.factsHash()).end();
                n++;
            }
            case "metadata" -> {
                for (CardRows.MetadataRow m : c.metadata()) {
                    str(stat, c.id()); str(stat, m.key()); str(stat, m.valueJson());
                    a.begin().str(c.id()).str(m.key()).str(m.valueJson()).end();
                    n++;
                }
            }
            case "metadata_values" -> {
                for (CardRows.ValueRow v : c.values()) {
                    str(stat, c.id()); str(stat, v.key()); str(stat, v.value());
                    a.begin().str(c.id()).str(v.key()).i32(v.position()).str(v.value()).end();
                    n++;
                }
            }
            case "sections" -> {
                int position = 0;
                for (var s : c.sections()) {
                    str(stat, c.id()); str(stat, s.title()); str(stat, s.canonical() == null ? null : s.canonical().title());
                    a.begin().str(c.id()).i32(position++).i32(s.level()).str(s.title())
                            .str(s.canonical() == null ? null : s.canonical().title()).i32(s.start()).i32(s.end())
                            .i32(s.line()).bool(s.placeholder()).bool(s.empty()).end();
                    n++;
                }
            }
            case "eval_results" -> {
                int position = 0;
                for (CardRows.EvalRow e : c.evalResults()) {
                    str(stat, c.id());
                    a.begin().str(c.id()).i32(position++).str(e.modelName()).str(e.taskType()).str(e.taskName())
                            .str(e.datasetType()).str(e.datasetName()).str(e.datasetConfig()).str(e.datasetSplit())
                            .str(e.datasetRevision()).str(e.metricType()).str(e.metricName()).f64(e.metricValue())
                            .str(e.metricValueText()).bool(e.verified()).str(e.sourceName()).str(e.sourceUrl()).end();
                    n++;
                }
            }
            case "links" -> {
                int position = 0;
                for (var l : c.links()) {
                    str(stat, c.id()); str(stat, l.target()); str(stat, l.text());
                    a.begin().str(c.id()).i32(position++).str(l.kind().name().toLowerCase(java.util.Locale.ROOT)).str(l.target())
                            .str(l.text()).i32(l.line()).i32(l.column()).end();
                    n++;
                }
            }
            case "problems" -> {
                int position = 0;
                for (var p : c.problems()) {
                    str(stat, c.id()); str(stat, p.message());
                    StoreWriter.problem(a, c.id(), position++, p);
                    n++;
                }
            }
            case "sentence_rows" -> {
                if (c.sentences() != null) {
                    int bmpEnd = SentenceTables.bmpEnd(c.body());
                    for (var s : c.sentences().sentences()) {
                        str(stat, c.id()); str(stat, s.section()); str(stat, s.heading());
                        SentenceTables.sentence(a, c.id(), s, c.body(), bmpEnd);
                        n++;
                    }
                }
            }
            case "sentence_hub_ids" -> {
                if (c.sentences() != null) {
                    for (var s : c.sentences().sentences()) {
                        for (String id : RuleAnnotator.hubIds(s.text())) {
                            str(stat, c.id()); str(stat, id);
                            a.begin().str(c.id()).i32(s.index()).str(id).end();
                            n++;
                        }
                    }
                }
            }
            case "annotations" -> {
                if (c.sentences() != null && c.sentences().annotator() != null) {
                    for (var an : c.sentences().annotations()) {
                        str(stat, an.cardId()); str(stat, an.subject()); str(stat, an.category()); str(stat, an.description());
                        SentenceTables.annotation(a, an);
                        n++;
                    }
                }
            }
            case "annotated_cards" -> {
                if (c.sentences() != null && c.sentences().annotator() != null) {
                    SentenceTables.cardMark(a, c.id(), c.sentences().annotator());
                    n++;
                }
            }
            case "known_names_pending" -> {
                if (c.sentences() != null && c.sentences().annotator() != null) {
                    a.begin().str(c.id()).end();
                    n++;
                }
            }
            default -> throw new IllegalArgumentException(table);
        }
        return n;
    }

    /** The store's connection with the settings a run writes with (Pipeline). */
    static DuckDBConnection writing(CardStore store) throws java.sql.SQLException {
        DuckDBConnection conn = store.connection().unwrap(DuckDBConnection.class);
        try (Statement st = conn.createStatement()) {
            st.execute("SET checkpoint_threshold = '1GB'");
            st.execute("SET memory_limit = '" + RunSettings.MEMORY_LIMIT_BYTES + " bytes'");
        }
        return conn;
    }

    static void counts(List<CardRows> all) {
        long rows = 0, strings = 0, longStrings = 0, bytes = 0;
        long[] t = new long[10];
        for (CardRows c : all) {
            t[0]++;
            t[1] += c.metadata().size();
            t[2] += c.values().size();
            t[3] += c.sections().size();
            t[4] += c.evalResults().size();
            t[5] += c.links().size();
            t[6] += c.problems().size();
            if (c.sentences() != null) {
                t[7] += c.sentences().sentences().size();
                t[8] += c.sentences().annotations().size();
            }
        }
        System.out.printf("rows: cards %d metadata %d values %d sections %d evals %d links %d problems %d sentences %d annotations %d%n",
                t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]);
    }
}
