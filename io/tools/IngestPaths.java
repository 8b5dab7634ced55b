package dev.cardminer.io.internal;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.RepoFacts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

/**
 * Ways into the store for the three big tables (docs/bench.md, "Other ways in than the appender"): the rows of
 * {@code cards}, {@code sentence_rows} and {@code annotations} of a corpus ({@link StoreFloor#build}), written into
 * fresh stores in transactions of a number of cards by one thread, by each PATH in turn, alternated, timed (writer
 * thread CPU, process CPU, the final checkpoint), and the tables compared with the first path's (row count and an
 * order-sensitive hash of every row). Not part of the build; compile with StoreFloor:
 * <pre>
 * J=$(.ci/find-jdk)/bin; mkdir -p /tmp/floor
 * $J/javac -d /tmp/floor -cp "bench/target/lib/*" io/tools/StoreFloor.java io/tools/IngestPaths.java
 * $J/java -Xmx6g -cp "/tmp/floor:bench/target/lib/*" dev.cardminer.io.internal.IngestPaths \
 *     ../shared/corpus/hub-2023.parquet REPEATS CARDS_PER_TRANSACTION PATH...
 * </pre>
 * PATH: {@code appender} (TableAppender, as StoreWriter writes), {@code csv} (each table's rows of a transaction
 * written as CSV to a file, then {@code INSERT INTO t SELECT ... FROM read_csv(...)} with the columns' types given),
 * {@code tablefn} (a Java table function registered with the driver, {@code INSERT INTO t SELECT ... FROM
 * cardminer_scan(k)}: DuckDB pulls chunks of 2,048 rows and the function fills whole string columns with one call
 * each, {@code DuckDBWritableVector.setStrings}). Tags and timestamps of {@code cards} go as text and epoch
 * microseconds in the last two (no list or timestamp setter there) and are made back in SQL.
 */
public final class IngestPaths {

    /** The tables written ({@code -Dtables=cards,annotations}: only those; by default the three). */
    static final List<String> TABLES = List.of(System.getProperty("tables", "cards,sentence_rows,annotations").split(","));

    /** The column kinds of a batch: string, int, long, double, boolean (numbers kept as longs, with a null mask). */
    enum Kind { S, I, L, D, B }

    /** The rows of one table of one transaction, column by column. */
    static final class Batch {
        final String table;
        final String[] names;
        final Kind[] kinds;
        final String select;
        String[][] str;
        long[][] num;
        boolean[][] nul;
        int rows;
        int col;

        Batch(String table, String select, String... spec) {
            this.table = table;
            this.select = select;
            names = new String[spec.length];
            kinds = new Kind[spec.length];
            for (int i = 0; i < spec.length; i++) {
                String[] p = spec[i].split(" ");
                names[i] = p[0];
                kinds[i] = Kind.valueOf(p[1]);
            }
            str = new String[spec.length][];
            num = new long[spec.length][];
            nul = new boolean[spec.length][];
            grow(1024);
        }

        private void grow(int capacity) {
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] == Kind.S) {
                    str[i] = str[i] == null ? new String[capacity] : Arrays.copyOf(str[i], capacity);
                } else {
                    num[i] = num[i] == null ? new long[capacity] : Arrays.copyOf(num[i], capacity);
                    nul[i] = nul[i] == null ? new boolean[capacity] : Arrays.copyOf(nul[i], capacity);
                }
            }
        }

        Batch begin() {
            if (rows == (kinds[0] == Kind.S ? str[0].length : num[0].length)) {
                grow(rows * 2);
            }
            col = 0;
            return this;
        }

        Batch s(String v) {
            str[col++][rows] = v;
            return this;
        }

        Batch n(Number v) {
            if (v == null) {
                nul[col][rows] = true;
            } else {
                nul[col][rows] = false;
                num[col][rows] = v instanceof Double d ? Double.doubleToRawLongBits(d) : v.longValue();
            }
            col++;
            return this;
        }

        Batch b(Boolean v) {
            return n(v == null ? null : v ? 1 : 0);
        }

        void end() {
            rows++;
        }

        void clear() {
            for (String[] s : str) {
                if (s != null) {
                    Arrays.fill(s, 0, rows, null);
                }
            }
            rows = 0;
        }
    }

    static Batch cards() {
        return new Batch("cards", "id, source, content_hash, bytes, author, downloads, likes, pipeline_tag, library_name, "
                + "CASE WHEN tags IS NULL THEN NULL WHEN tags = chr(30) THEN []::VARCHAR[] "
                + "ELSE string_split(substr(tags, 2), chr(31)) END, make_timestamp(created_at), make_timestamp(last_modified), "
                + "has_metadata, metadata_json, completeness, section_count, problem_count, body, fingerprint, "
                + "sentence_count, body_line, facts_hash",
                "id S", "source S", "content_hash S", "bytes L", "author S", "downloads L", "likes L", "pipeline_tag S",
                "library_name S", "tags S", "created_at L", "last_modified L", "has_metadata B", "metadata_json S",
                "completeness D", "section_count I", "problem_count I", "body S", "fingerprint L", "sentence_count I",
                "body_line I", "facts_hash L");
    }

    static Batch sentences() {
        return new Batch("sentence_rows", "*", "card_id S", "position I", "section S", "heading S", "start_offset I",
                "end_offset I", "text S");
    }

    static Batch annotations() {
        return new Batch("annotations", "*", "card_id S", "sentence I", "subject S", "category S", "description S",
                "span_start I", "span_end I", "annotator S");
    }

    static Long micros(Instant v) {
        return v == null ? null : Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L), v.getNano() / 1000);
    }

    static String tags(List<String> v) {
        return v == null ? null : "\u001e" + String.join("\u001f", v);
    }

    /** The card's rows of the three tables, as StoreWriter lays them out. */
    static void rows(CardRows c, Batch cards, Batch sentences, Batch annotations) {
        RepoFacts f = c.facts();
        if (cards != null) {
        cards.begin().s(c.id()).s(c.source()).s(c.contentHash()).n(c.bytes()).s(f.author()).n(f.downloads())
                .n(f.likes()).s(f.pipelineTag()).s(f.libraryName()).s(tags(f.tags())).n(micros(f.createdAt()))
                .n(micros(f.lastModified())).b(c.hasMetadata()).s(c.metadataJson()).n(c.completeness())
                .n(c.sections().size()).n(c.problems().size()).s(c.body()).n(c.fingerprint())
                .n(c.sentences() == null ? null : c.sentences().sentences().size()).n(c.bodyLine()).n(c.factsHash())
                .end();
        }
        if (c.sentences() == null) {
            return;
        }
        String body = c.body();
        int bmpEnd = SentenceTables.bmpEnd(body);
        for (Sentence s : sentences == null ? List.<Sentence>of() : c.sentences().sentences()) {
            String text = s.text();
            boolean inBody = body != null && s.start() >= 0 && s.end() <= bmpEnd && s.end() - s.start() == text.length()
                    && body.regionMatches(s.start(), text, 0, text.length());
            sentences.begin().s(c.id()).n(s.index()).s(s.section()).s(s.heading()).n(s.start()).n(s.end())
                    .s(inBody ? null : text).end();
        }
        if (annotations == null || c.sentences().annotator() == null) {
            return;
        }
        for (Annotation a : c.sentences().annotations()) {
            annotations.begin().s(a.cardId()).n(a.sentenceIndex()).s(a.subject()).s(a.category())
                    .s(a.description() == null ? "" : a.description()).n(a.spanStart()).n(a.spanEnd()).s(a.annotator())
                    .end();
        }
    }

    /** A path into the store: takes the transaction's batches (in an open transaction). */
    interface Path_ extends AutoCloseable {
        void write(List<CardRows> cards) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** The run's way: TableAppender, row by row, in StoreWriter's row layouts (StoreFloor's copy of them). */
    static final class AppenderPath implements Path_ {
        final TableAppender cards;
        final TableAppender sentences;
        final TableAppender annotations;

        AppenderPath(DuckDBConnection conn) throws SQLException {
            cards = TableAppender.open(conn, null, "cards", "id", "source", "content_hash", "bytes", "author",
                    "downloads", "likes", "pipeline_tag", "library_name", "tags", "created_at", "last_modified",
                    "has_metadata", "metadata_json", "completeness", "section_count", "problem_count", "body",
                    "fingerprint", "sentence_count", "body_line", "facts_hash");
            sentences = SentenceTables.sentences(conn);
            annotations = SentenceTables.annotations(conn);
        }

        @Override
        public void write(List<CardRows> batch) throws Exception {
            long[] unused = new long[3];
            for (CardRows c : batch) {
                for (String table : TABLES) {
                    StoreFloor.write(table, table.equals("cards") ? cards : table.equals("sentence_rows") ? sentences
                            : annotations, c, unused);
                }
            }
            cards.flush();
            sentences.flush();
            annotations.flush();
        }

        @Override
        public void close() throws Exception {
            cards.close();
            sentences.close();
            annotations.close();
        }
    }

    /** Rows gathered column by column, then handed over by {@link #load}. */
    abstract static class BatchPath implements Path_ {
        final Batch[] batches = {cards(), sentences(), annotations()};
        final Statement st;

        BatchPath(DuckDBConnection conn) throws SQLException {
            st = conn.createStatement();
        }

        @Override
        public void write(List<CardRows> cards) throws Exception {
            for (CardRows c : cards) {
                rows(c, TABLES.contains("cards") ? batches[0] : null,
                        TABLES.contains("sentence_rows") ? batches[1] : null,
                        TABLES.contains("annotations") ? batches[2] : null);
            }
            for (Batch b : batches) {
                if (b.rows > 0 && TABLES.contains(b.table)) {
                    load(b);
                }
                b.clear();
            }
        }

        abstract void load(Batch b) throws Exception;

        @Override
        public void close() throws Exception {
            st.close();
        }
    }

    static final class CsvPath extends BatchPath {
        final Path dir;

        CsvPath(DuckDBConnection conn) throws Exception {
            super(conn);
            dir = Files.createTempDirectory("ingest-csv");
        }

        @Override
        void load(Batch b) throws Exception {
            Path file = dir.resolve(b.table + ".csv");
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
                for (int r = 0; r < b.rows; r++) {
                    for (int c = 0; c < b.kinds.length; c++) {
                        if (c > 0) {
                            w.write(',');
                        }
                        switch (b.kinds[c]) {
                            case S -> field(w, b.str[c][r]);
                            case D -> {
                                if (!b.nul[c][r]) {
                                    w.write(Double.toString(Double.longBitsToDouble(b.num[c][r])));
                                }
                            }
                            case B -> {
                                if (!b.nul[c][r]) {
                                    w.write(b.num[c][r] != 0 ? "true" : "false");
                                }
                            }
                            default -> {
                                if (!b.nul[c][r]) {
                                    w.write(Long.toString(b.num[c][r]));
                                }
                            }
                        }
                    }
                    w.write('\n');
                }
            }
            StringBuilder cols = new StringBuilder();
            for (int c = 0; c < b.kinds.length; c++) {
                cols.append(c == 0 ? "" : ", ").append('\'').append(b.names[c]).append("': '").append(switch (b.kinds[c]) {
                    case S -> "VARCHAR";
                    case I -> "INTEGER";
                    case L -> "BIGINT";
                    case D -> "DOUBLE";
                    case B -> "BOOLEAN";
                }).append('\'');
            }
            st.execute("INSERT INTO main." + b.table + " (" + String.join(", ", b.names) + ") SELECT " + b.select
                    + " FROM read_csv('" + file + "', columns = {" + cols + "}, header = false, auto_detect = false, "
                    + "delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false, "
                    + "max_line_size = 200000000, buffer_size = 400000000)");
        }

        private static void field(Writer w, String v) throws IOException {
            if (v == null) {
                return;
            }
            boolean quote = v.isEmpty();
            for (int i = 0; i < v.length() && !quote; i++) {
                char ch = v.charAt(i);
                quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
            }
            if (!quote) {
                w.write(v);
                return;
            }
            w.write('"');
            int from = 0;
            for (int i = v.indexOf('"'); i >= 0; i = v.indexOf('"', i + 1)) {
                w.write(v, from, i + 1 - from);
                w.write('"');
                from = i + 1;
            }
            w.write(v, from, v.length() - from);
            w.write('"');
        }

        @Override
        public void close() throws Exception {
            super.close();
            try (var s = Files.list(dir)) {
                s.forEach(p -> p.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    /** The batches a scan is asked for, by key (the function's one parameter). */
    static final Map<Long, Batch> SCANS = new ConcurrentHashMap<>();
    static final AtomicLong KEYS = new AtomicLong();

    /** Fills DuckDB's chunks from a batch: whole string columns in one call each. */
    static final class Scan implements DuckDBTableFunction<Batch, int[], Object> {
        @Override
        public Batch bind(DuckDBTableFunctionBindInfo info) throws Exception {
            Batch b = SCANS.get(info.getParameter(0).getLong());
            for (int c = 0; c < b.kinds.length; c++) {
                info.addResultColumn(b.names[c], switch (b.kinds[c]) {
                    case S -> DuckDBColumnType.VARCHAR;
                    case I -> DuckDBColumnType.INTEGER;
                    case L -> DuckDBColumnType.BIGINT;
                    case D -> DuckDBColumnType.DOUBLE;
                    case B -> DuckDBColumnType.BOOLEAN;
                });
            }
            return b;
        }

        @Override
        public int[] init(DuckDBTableFunctionInitInfo info) {
            info.setMaxThreads(1);
            return new int[1];
        }

        @Override
        public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out) throws Exception {
            Batch b = info.getBindData();
            int[] cursor = info.getInitData();
            int from = cursor[0];
            int n = (int) Math.min(out.capacity(), b.rows - from);
            if (n <= 0) {
                return 0;
            }
            for (int c = 0; c < b.kinds.length; c++) {
                DuckDBWritableVector v = out.vector(c);
                switch (b.kinds[c]) {
                    case S -> v.setStrings(0, Arrays.copyOfRange(b.str[c], from, from + n));
                    default -> {
                        long[] num = b.num[c];
                        boolean[] nul = b.nul[c];
                        for (int r = 0; r < n; r++) {
                            if (nul[from + r]) {
                                v.setNull(r);
                            } else {
                                long x = num[from + r];
                                switch (b.kinds[c]) {
                                    case I -> v.setInt(r, (int) x);
                                    case L -> v.setLong(r, x);
                                    case D -> v.setDouble(r, Double.longBitsToDouble(x));
                                    default -> v.setBoolean(r, x != 0);
                                }
                            }
                        }
                    }
                }
            }
            cursor[0] = from + n;
            return n;
        }
    }

    static final class TableFnPath extends BatchPath {
        TableFnPath(DuckDBConnection conn) throws SQLException {
            super(conn);
            // Registered in the store's database (each run's store is a new one).
            DuckDBFunctions.tableFunction().withName("cardminer_scan").withParameter(DuckDBColumnType.BIGINT)
                    .withFunction(new Scan()).register(conn);
        }

        @Override
        void load(Batch b) throws Exception {
            long key = KEYS.incrementAndGet();
            SCANS.put(key, b);
            try {
                st.execute("INSERT INTO main." + b.table + " (" + String.join(", ", b.names) + ") SELECT " + b.select
                        + " FROM cardminer_scan(" + key + ")");
            } finally {
                SCANS.remove(key);
            }
        }
    }

    static Path_ open(String path, DuckDBConnection conn) throws Exception {
        return switch (path) {
            case "appender" -> new AppenderPath(conn);
            case "csv" -> new CsvPath(conn);
            case "tablefn" -> new TableFnPath(conn);
            // Compiled only with Arrow on the classpath (ArrowPath.java).
            case "arrow" -> (Path_) Class.forName("dev.cardminer.io.internal.ArrowPath")
                    .getConstructor(DuckDBConnection.class).newInstance(conn);
            default -> throw new IllegalArgumentException(path);
        };
    }

    public static void main(String[] args) throws Exception {
        Path parquet = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        int perTx = Integer.parseInt(args[2]);
        List<String> paths = List.of(args).subList(3, args.length);
        List<CardRows> all = StoreFloor.build(parquet);
        StoreFloor.count = false;
        Map<String, String> reference = new LinkedHashMap<>();
        for (int r = 0; r < repeats; r++) {
            for (String path : paths) {
                Path dir = Files.createTempDirectory("ingest");
                Path db = dir.resolve("s.duckdb");
                try (CardStore store = CardStore.open(db)) {
                    DuckDBConnection conn = StoreFloor.writing(store);
                    long c0;
                    long p0;
                    long c1;
                    long p1;
                    long w0 = System.nanoTime();
                    try (DuckDBConnection own = (DuckDBConnection) conn.duplicate();
                         Statement tx = own.createStatement();
                         Path_ p = open(path, own)) {
                        c0 = StoreFloor.TM.getCurrentThreadCpuTime();
                        p0 = StoreFloor.proc();
                        for (int i = 0; i < all.size(); i += perTx) {
                            tx.execute("BEGIN TRANSACTION");
                            p.write(all.subList(i, Math.min(all.size(), i + perTx)));
                            tx.execute("COMMIT");
                        }
                        c1 = StoreFloor.TM.getCurrentThreadCpuTime();
                        p1 = StoreFloor.proc();
                    }
                    long w1 = System.nanoTime();
                    try (Statement st = conn.createStatement()) {
                        st.execute("CHECKPOINT");
                    }
                    long p2 = StoreFloor.proc();
                    long w2 = System.nanoTime();
                    String sums = sums(conn);
                    String ref = reference.putIfAbsent("sums", sums);
                    System.out.printf("%-9s run %d: append+commit %.2f s wall, writer thread %.2f CPU-s, process %.2f CPU-s; "
                            + "checkpoint %.2f s, %.2f CPU-s; file %.1f MB; rows %s%n", path, r, (w1 - w0) / 1e9,
                            (c1 - c0) / 1e9, (p1 - p0) / 1e9, (w2 - w1) / 1e9, (p2 - p1) / 1e9, Files.size(db) / 1e6,
                            ref == null ? "(reference) " + sums : ref.equals(sums) ? "equal" : "DIFFERENT " + sums);
                }
                try (var s = Files.list(dir)) {
                    s.forEach(p -> p.toFile().delete());
                }
                Files.delete(dir);
            }
        }
    }

    /** Per table: rows and an order-sensitive hash of them all (rowid is the insertion order). */
    static String sums(DuckDBConnection conn) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = conn.createStatement()) {
            for (String t : List.of("cards", "sentence_rows", "annotations")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*), sum(hash(rowid, *COLUMNS(*))::HUGEINT) FROM main." + t)) {
                    rs.next();
                    out.append(t).append(' ').append(rs.getLong(1)).append('/').append(rs.getString(2)).append(' ');
                }
            }
        }
        return out.toString().trim();
    }
}
