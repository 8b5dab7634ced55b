package dev.cardminer.io.internal;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.core.Link;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.io.RepoFacts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes batches of cards into the store, each batch in one transaction with all its child rows, through
 * DuckDB appenders. A card that replaces an older version first has the old rows of every table with a
 * {@code card_id} column deleted (annotations included), in the same transaction. The only writer of a run.
 */
public final class StoreWriter implements AutoCloseable {

    private static final String REPLACED = "cardminer_replaced_ids";

    private final DuckDBConnection connection;
    private final Statement statement;
    private final List<String> cardIdTables = new ArrayList<>();
    private final Table cards;
    private final Table replaced;
    private final Table metadata;
    private final Table values;
    private final Table sections;
    private final Table evals;
    private final Table links;
    private final Table problems;
    private final Table sentences;
    private final Table annotations;
    private final Table annotated;
    private final Table pending;
    private final List<Table> all;
    private long commitNanos;
    private long appendNanos;

    public StoreWriter(DuckDBConnection connection) throws SQLException {
        this.connection = connection;
        this.statement = connection.createStatement();
        try (ResultSet rs = statement.executeQuery("SELECT DISTINCT table_name FROM information_schema.columns "
                + "WHERE table_catalog = current_database() AND table_schema = 'main' AND column_name = 'card_id' "
                + "ORDER BY table_name")) {
            while (rs.next()) {
                cardIdTables.add(rs.getString(1));
            }
        }
        statement.execute("CREATE OR REPLACE TEMP TABLE " + REPLACED + " (id VARCHAR)");
        cards = table(null, "cards", "id", "source", "content_hash", "bytes", "author", "downloads", "likes",
                "pipeline_tag", "library_name", "tags", "created_at", "last_modified", "has_metadata", "metadata_json",
                "completeness", "section_count", "problem_count", "body", "fingerprint");
        replaced = table("temp", REPLACED, "id");
        metadata = table(null, "metadata", "card_id", "key", "value_json");
        values = table(null, "metadata_values", "card_id", "key", "position", "value");
        sections = table(null, "sections", "card_id", "position", "level", "title", "canonical", "start_offset",
                "end_offset", "line", "placeholder", "empty");
        evals = table(null, "eval_results", "card_id", "position", "model_name", "task_type", "task_name",
                "dataset_type", "dataset_name", "dataset_config", "dataset_split", "dataset_revision", "metric_type",
                "metric_name", "metric_value", "metric_value_text", "verified", "source_name", "source_url");
        links = table(null, "links", "card_id", "position", "kind", "target", "text", "line", "col");
        problems = table(null, "problems", "card_id", "position", "severity", "code", "message", "line", "col");
        sentences = table(null, "sentences", "card_id", "position", "section", "heading", "start_offset", "end_offset",
                "text", "text_hash");
        annotations = table(null, "annotations", "card_id", "sentence", "subject", "category", "description",
                "span_start", "span_end", "annotator");
        annotated = table(null, "annotated_sentences", "card_id", "sentence", "annotator");
        pending = table(null, "known_names_pending", "card_id");
        all = List.of(cards, replaced, metadata, values, sections, evals, links, problems, sentences, annotations,
                annotated, pending);
    }

    /** Writes the cards in one transaction: all of them, or (on an exception) none. */
    public void write(List<CardRows> batch) throws SQLException {
        statement.execute("BEGIN TRANSACTION");
        try {
            long t0 = System.nanoTime();
            deleteReplaced(batch);
            for (CardRows card : batch) {
                append(card);
            }
            for (Table t : all) {
                if (t != replaced) {
                    t.appender.flush();
                }
            }
            long t1 = System.nanoTime();
            statement.execute("COMMIT");
            long t2 = System.nanoTime();
            appendNanos += t1 - t0;
            commitNanos += t2 - t1;
        } catch (SQLException | RuntimeException e) {
            try {
                statement.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void deleteReplaced(List<CardRows> batch) throws SQLException {
        boolean any = false;
        for (CardRows card : batch) {
            if (card.replaces()) {
                replaced.begin().str(card.id()).end();
                any = true;
            }
        }
        if (!any) {
            return;
        }
        replaced.appender.flush();
        String ids = "(SELECT id FROM temp.main." + REPLACED + ")";
        for (String table : cardIdTables) {
            statement.execute("DELETE FROM main." + quote(table) + " WHERE card_id IN " + ids);
        }
        statement.execute("DELETE FROM main.cards WHERE id IN " + ids);
        statement.execute("DELETE FROM temp.main." + REPLACED);
    }

    private void append(CardRows c) throws SQLException {
        RepoFacts f = c.facts();
        cards.begin().str(c.id()).str(c.source()).str(c.contentHash()).i64(c.bytes()).str(f.author())
                .i64(f.downloads()).i64(f.likes()).str(f.pipelineTag()).str(f.libraryName()).list(f.tags())
                .time(f.createdAt()).time(f.lastModified()).bool(c.hasMetadata()).str(c.metadataJson())
                .f64(c.completeness()).i32(c.sections().size()).i32(c.problems().size()).str(c.body())
                .i64(c.fingerprint()).end();
        for (CardRows.MetadataRow m : c.metadata()) {
            metadata.begin().str(c.id()).str(m.key()).str(m.valueJson()).end();
        }
        for (CardRows.ValueRow v : c.values()) {
            values.begin().str(c.id()).str(v.key()).i32(v.position()).str(v.value()).end();
        }
        int position = 0;
        for (Section s : c.sections()) {
            sections.begin().str(c.id()).i32(position++).i32(s.level()).str(s.title())
                    .str(s.canonical() == null ? null : s.canonical().title()).i32(s.start()).i32(s.end())
                    .i32(s.line()).bool(s.placeholder()).bool(s.empty()).end();
        }
        position = 0;
        for (CardRows.EvalRow e : c.evalResults()) {
            evals.begin().str(c.id()).i32(position++).str(e.modelName()).str(e.taskType()).str(e.taskName())
                    .str(e.datasetType()).str(e.datasetName()).str(e.datasetConfig()).str(e.datasetSplit())
                    .str(e.datasetRevision()).str(e.metricType()).str(e.metricName()).f64(e.metricValue())
                    .str(e.metricValueText()).bool(e.verified()).str(e.sourceName()).str(e.sourceUrl()).end();
        }
        position = 0;
        for (Link l : c.links()) {
            links.begin().str(c.id()).i32(position++).str(l.kind().name().toLowerCase(Locale.ROOT)).str(l.target())
                    .str(l.text()).i32(l.line()).i32(l.column()).end();
        }
        position = 0;
        for (Problem p : c.problems()) {
            problems.begin().str(c.id()).i32(position++).str(p.severity().name().toLowerCase(Locale.ROOT))
                    .str(p.code()).str(p.message()).i32(p.line()).i32(p.column()).end();
        }
        if (c.sentences() != null) {
            append(c.id(), c.sentences());
        }
    }

    /**
     * Sentences made in one pass, with their annotations and done-marks when an annotator ran; a card the
     * rules annotated waits in {@code known_names_pending} until the corpus's own names are known
     * ({@link KnownNamesRevision}).
     */
    private void append(String id, CardSentences c) throws SQLException {
        for (int i = 0; i < c.sentences().size(); i++) {
            Sentence s = c.sentences().get(i);
            sentences.begin().str(id).i32(s.index()).str(s.section()).str(s.heading()).i32(s.start()).i32(s.end())
                    .str(s.text()).str(c.hashes().get(i)).end();
        }
        if (c.annotator() == null) {
            return;
        }
        for (Annotation a : c.annotations()) {
            annotations.begin().str(id).i32(a.sentenceIndex()).str(a.subject()).str(a.category())
                    .str(a.description() == null ? "" : a.description()).i32(a.spanStart()).i32(a.spanEnd())
                    .str(a.annotator()).end();
        }
        for (Sentence s : c.sentences()) {
            annotated.begin().str(id).i32(s.index()).str(c.annotator()).end();
        }
        if (c.annotator().equals(RuleAnnotator.NAME)) {
            pending.begin().str(id).end();
        }
    }

    /** Nanoseconds spent appending rows and committing, for profiling. */
    public long appendNanos() {
        return appendNanos;
    }

    public long commitNanos() {
        return commitNanos;
    }

    private Table table(String catalog, String name, String... columns) throws SQLException {
        List<String> actual = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_catalog = coalesce(?, current_database()) AND table_schema = 'main' AND table_name = ? "
                + "ORDER BY ordinal_position")) {
            st.setString(1, catalog);
            st.setString(2, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getString(1));
                }
            }
        }
        if (actual.size() < columns.length || !actual.subList(0, columns.length).equals(List.of(columns))) {
            throw new SQLException("the store's table " + name + " has columns " + actual + "; cardminer writes "
                    + List.of(columns) + " first (was the store made by another version?)");
        }
        DuckDBAppender appender = catalog == null ? connection.createAppender("main", name)
                : connection.createAppender(catalog, "main", name);
        return new Table(appender, actual.size() - columns.length);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (Table t : all) {
            try {
                t.appender.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statement.close();
        if (first != null) {
            throw first;
        }
    }

    /** An appender that writes the columns cardminer knows, then nulls for any columns added after them. */
    private static final class Table {
        final DuckDBAppender appender;
        final int extraColumns;

        Table(DuckDBAppender appender, int extraColumns) {
            this.appender = appender;
            this.extraColumns = extraColumns;
        }

        Table begin() throws SQLException {
            appender.beginRow();
            return this;
        }

        Table str(String v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v);
            }
            return this;
        }

        Table list(List<String> v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v);
            }
            return this;
        }

        Table i32(int v) throws SQLException {
            appender.append(v);
            return this;
        }

        Table i64(long v) throws SQLException {
            appender.append(v);
            return this;
        }

        Table i64(Long v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.longValue());
            }
            return this;
        }

        Table f64(Double v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.doubleValue());
            }
            return this;
        }

        Table bool(Boolean v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.append(v.booleanValue());
            }
            return this;
        }

        Table time(Instant v) throws SQLException {
            if (v == null) {
                appender.appendNull();
            } else {
                appender.appendEpochMicros(Math.addExact(Math.multiplyExact(v.getEpochSecond(), 1_000_000L),
                        v.getNano() / 1000));
            }
            return this;
        }

        void end() throws SQLException {
            for (int i = 0; i < extraColumns; i++) {
                appender.appendNull();
            }
            appender.endRow();
        }
    }
}
