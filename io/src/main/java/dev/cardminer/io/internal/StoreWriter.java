package dev.cardminer.io.internal;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.core.Link;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.io.RepoFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.duckdb.DuckDBConnection;

/**
 * Writes batches of cards into the store, each batch in one transaction with all its child rows, through
 * DuckDB appenders. A card that replaces an older version first has the old rows of every table with a
 * {@code card_id} column deleted (annotations included), in the same transaction. The names a batch brings into the
 * corpus or may take out of it go to {@code known_names_changed} in its transaction ({@link KnownNameChanges}). Each
 * of a run's workers has one, on a connection of its own.
 */
public final class StoreWriter implements AutoCloseable {

    private static final String REPLACED = "cardminer_replaced_ids";
    private static final String NEW_FACTS = "cardminer_new_facts";
    /** The columns of {@code cards} a card's new facts set (where they came from, the facts, their hash), with types. */
    private static final String[][] FACT_COLUMNS = {{"source", "VARCHAR"}, {"author", "VARCHAR"},
            {"downloads", "BIGINT"}, {"likes", "BIGINT"}, {"pipeline_tag", "VARCHAR"}, {"library_name", "VARCHAR"},
            {"tags", "VARCHAR[]"}, {"created_at", "TIMESTAMP"}, {"last_modified", "TIMESTAMP"},
            {"facts_hash", "BIGINT"}};

    private final DuckDBConnection connection;
    private final Statement statement;
    private final List<String> cardIdTables = new ArrayList<>();
    private final TableAppender cards;
    private final TableAppender replaced;
    private final TableAppender newFacts;
    private final TableAppender metadata;
    private final TableAppender values;
    private final TableAppender sections;
    private final TableAppender evals;
    private final TableAppender links;
    private final TableAppender problems;
    private final TableAppender sentences;
    private final TableAppender hubIds;
    private final TableAppender annotations;
    private final TableAppender annotated;
    private final TableAppender pending;
    private final TableAppender namesChanged;
    private final List<TableAppender> all;
    private long commitNanos;
    private long appendNanos;

    public StoreWriter(DuckDBConnection connection) throws SQLException {
        this.connection = connection;
        this.statement = connection.createStatement();
        try (ResultSet rs = statement.executeQuery("SELECT DISTINCT c.table_name FROM information_schema.columns c "
                + "JOIN information_schema.tables t ON t.table_catalog = c.table_catalog "
                + "AND t.table_schema = c.table_schema AND t.table_name = c.table_name "
                + "WHERE c.table_catalog = current_database() AND c.table_schema = 'main' AND c.column_name = 'card_id' "
                + "AND t.table_type = 'BASE TABLE' ORDER BY 1")) {
            while (rs.next()) {
                cardIdTables.add(rs.getString(1));
            }
        }
        statement.execute("CREATE OR REPLACE TEMP TABLE " + REPLACED + " (id VARCHAR)");
        cards = TableAppender.open(connection, null, "cards", "id", "source", "content_hash", "bytes", "author",
                "downloads", "likes", "pipeline_tag", "library_name", "tags", "created_at", "last_modified",
                "has_metadata", "metadata_json", "completeness", "section_count", "problem_count", "body",
                "fingerprint", "sentence_count", "body_line", "facts_hash");
        replaced = TableAppender.open(connection, "temp", REPLACED, "id");
        StringBuilder factColumns = new StringBuilder("id VARCHAR");
        String[] factNames = new String[FACT_COLUMNS.length + 1];
        factNames[0] = "id";
        for (int i = 0; i < FACT_COLUMNS.length; i++) {
            factColumns.append(", ").append(FACT_COLUMNS[i][0]).append(' ').append(FACT_COLUMNS[i][1]);
            factNames[i + 1] = FACT_COLUMNS[i][0];
        }
        statement.execute("CREATE OR REPLACE TEMP TABLE " + NEW_FACTS + " (" + factColumns + ")");
        newFacts = TableAppender.open(connection, "temp", NEW_FACTS, factNames);
        metadata = TableAppender.open(connection, null, "metadata", "card_id", "key", "value_json");
        values = TableAppender.open(connection, null, "metadata_values", "card_id", "key", "position", "value");
        sections = TableAppender.open(connection, null, "sections", "card_id", "position", "level", "title",
                "canonical", "start_offset", "end_offset", "line", "placeholder", "empty");
        evals = TableAppender.open(connection, null, "eval_results", "card_id", "position", "model_name",
                "task_type", "task_name", "dataset_type", "dataset_name", "dataset_config", "dataset_split",
                "dataset_revision", "metric_type", "metric_name", "metric_value", "metric_value_text", "verified",
                "source_name", "source_url");
        links = TableAppender.open(connection, null, "links", "card_id", "position", "kind", "target", "text", "line",
                "col");
        problems = problems(connection);
        sentences = SentenceTables.sentences(connection);
        hubIds = SentenceHubIds.appender(connection);
        annotations = SentenceTables.annotations(connection);
        annotated = SentenceTables.cardMarks(connection);
        pending = TableAppender.open(connection, null, "known_names_pending", "card_id");
        namesChanged = TableAppender.open(connection, null, "known_names_changed", "kind", "name", "by_card");
        all = List.of(cards, replaced, newFacts, metadata, values, sections, evals, links, problems, sentences, hubIds,
                annotations, annotated, pending, namesChanged);
    }

    /**
     * Writes the cards, and the new repo facts of cards the store has with the same text, in one transaction: all of
     * them, or (on an exception) none.
     */
    public void write(List<CardRows> batch, List<CardFacts> facts) throws SQLException {
        long t0 = System.nanoTime();
        long[] appended = new long[1];
        StoreTransaction.run(statement, () -> {
            updateFacts(facts);
            Map<String, Set<String>> oldNames = deleteReplaced(batch);
            for (CardRows card : batch) {
                append(card);
                for (String[] name : KnownNameChanges.changed(card, oldNames.getOrDefault(card.id(), Set.of()))) {
                    namesChanged.begin().str(name[0]).str(name[1]).str(card.id()).end();
                }
            }
            for (TableAppender t : all) {
                if (t != replaced && t != newFacts) {
                    t.flush();
                }
            }
            appended[0] = System.nanoTime();
        });
        appendNanos += appended[0] - t0;
        commitNanos += System.nanoTime() - appended[0];
    }

    /** Stores the cards' new facts in their {@code cards} rows: one join with the list of them. */
    private void updateFacts(List<CardFacts> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        for (CardFacts c : facts) {
            RepoFacts f = c.facts();
            newFacts.begin().str(c.id()).str(c.source()).str(f.author()).i64(f.downloads()).i64(f.likes())
                    .str(f.pipelineTag()).str(f.libraryName()).list(f.tags()).time(f.createdAt()).time(f.lastModified())
                    .i64(c.factsHash()).end();
        }
        newFacts.flush();
        StringBuilder set = new StringBuilder();
        for (String[] column : FACT_COLUMNS) {
            if (!column[0].equals("tags")) {
                set.append(set.isEmpty() ? "" : ", ").append(column[0]).append(" = f.").append(column[0]);
            }
        }
        String join = " FROM temp.main." + NEW_FACTS + " f WHERE cards.id = f.id";
        statement.execute("UPDATE main.cards SET " + set + join);
        // DuckDB updates a list column by deleting and inserting the whole row, body included (19,014 rows: 2.9 s
        // instead of 0.1): only where the tags changed, which is rare.
        statement.execute("UPDATE main.cards SET tags = f.tags" + join + " AND cards.tags IS DISTINCT FROM f.tags");
        statement.execute("DELETE FROM temp.main." + NEW_FACTS);
    }

    /** Deletes the replaced cards' rows; returns the names they had (card id to names). */
    private Map<String, Set<String>> deleteReplaced(List<CardRows> batch) throws SQLException {
        boolean any = false;
        for (CardRows card : batch) {
            if (card.replaces()) {
                replaced.begin().str(card.id()).end();
                any = true;
            }
        }
        if (!any) {
            return Map.of();
        }
        replaced.flush();
        return deleteListed();
    }

    /**
     * Deletes the cards listed in the temp table, with their rows in every table that has a {@code card_id}, and
     * empties the list; returns the names they had (card id to names).
     */
    private Map<String, Set<String>> deleteListed() throws SQLException {
        String ids = "(SELECT id FROM temp.main." + REPLACED + ")";
        Map<String, Set<String>> oldNames = KnownNameChanges.oldNames(statement, ids);
        for (String table : cardIdTables) {
            statement.execute("DELETE FROM main." + quote(table) + " WHERE card_id IN " + ids);
        }
        statement.execute("DELETE FROM main.cards WHERE id IN " + ids);
        statement.execute("DELETE FROM temp.main." + REPLACED);
        return oldNames;
    }

    /**
     * Deletes every stored card whose id {@code seen} does not accept (the run did not see it), with all its rows,
     * and records the names it brought into the corpus in {@code known_names_changed}, all in one transaction, so a
     * run killed before the commit leaves the store as it was and the next pruning run does it. The stored ids stream
     * past {@code seen}; those to delete gather in the connection's temp table. Returns how many cards went.
     */
    public long prune(Predicate<String> seen) throws SQLException {
        statement.execute("DELETE FROM temp.main." + REPLACED);
        long count = 0;
        try (Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT id FROM main.cards")) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (!seen.test(id)) {
                    replaced.begin().str(id).end();
                    count++;
                }
            }
        }
        replaced.flush();
        if (count == 0) {
            return 0;
        }
        StoreTransaction.run(statement, () -> {
            List<String> ids = new ArrayList<>();
            try (Statement query = connection.createStatement();
                 ResultSet rs = query.executeQuery("SELECT id FROM temp.main." + REPLACED)) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            Map<String, Set<String>> oldNames = deleteListed();
            for (String id : ids) {
                for (String[] name : KnownNameChanges.removed(id, oldNames.getOrDefault(id, Set.of()))) {
                    namesChanged.begin().str(name[0]).str(name[1]).str(id).end();
                }
            }
            namesChanged.flush();
        });
        return count;
    }

    private void append(CardRows c) throws SQLException {
        RepoFacts f = c.facts();
        cards.begin().str(c.id()).str(c.source()).str(c.contentHash()).i64(c.bytes()).str(f.author())
                .i64(f.downloads()).i64(f.likes()).str(f.pipelineTag()).str(f.libraryName()).list(f.tags())
                .time(f.createdAt()).time(f.lastModified()).bool(c.hasMetadata()).str(c.metadataJson())
                .f64(c.completeness()).i32(c.sections().size()).i32(c.problems().size()).str(c.body())
                .i64(c.fingerprint()).i32(c.sentences() == null ? null : c.sentences().sentences().size()).i32(c.bodyLine())
                .i64(c.factsHash()).end();
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
            problem(problems, c.id(), position++, p);
        }
        if (c.sentences() != null) {
            append(c.id(), c.body(), c.sentences());
        }
    }

    /**
     * Sentences made in one pass, with their annotations and the card's done-mark when an annotator ran; a card the
     * rules annotated waits in {@code known_names_pending} until the corpus's own names are known
     * ({@link KnownNamesRevision}).
     */
    private void append(String id, String body, CardSentences c) throws SQLException {
        int bmpEnd = SentenceTables.bmpEnd(body);
        for (Sentence s : c.sentences()) {
            SentenceTables.sentence(sentences, id, s, body, bmpEnd);
            SentenceHubIds.append(hubIds, id, s.index(), s.text());
        }
        if (c.annotator() == null) {
            return;
        }
        for (Annotation a : c.annotations()) {
            SentenceTables.annotation(annotations, a);
        }
        SentenceTables.cardMark(annotated, id, c.annotator());
        if (c.annotator().equals(RuleAnnotator.NAME)) {
            pending.begin().str(id).end();
        }
    }

    /** An appender for {@code problems}. */
    static TableAppender problems(DuckDBConnection connection) throws SQLException {
        return TableAppender.open(connection, null, "problems", "card_id", "position", "severity", "code", "message",
                "line", "col");
    }

    /** A card's problem as a row of {@code problems}. */
    static void problem(TableAppender to, String cardId, int position, Problem p) throws SQLException {
        to.begin().str(cardId).i32(position).str(p.severity().name().toLowerCase(Locale.ROOT)).str(p.code())
                .str(p.message()).i32(p.line()).i32(p.column()).end();
    }

    /** Nanoseconds spent appending rows and committing, for profiling. */
    public long appendNanos() {
        return appendNanos;
    }

    public long commitNanos() {
        return commitNanos;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (TableAppender t : all) {
            try {
                t.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statement.close();
        if (first != null) {
            throw first;
        }
    }
}
