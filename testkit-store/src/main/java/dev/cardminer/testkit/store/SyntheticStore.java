package dev.cardminer.testkit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Cards for a test store, written either as rows (straight into a store made from the schema given, so a test
 * can compute what a view should say from {@link #cards()} rather than from the code under test) or as JSON
 * Lines in the Hub dataset's schema (for a test that runs the real pipeline over them).
 *
 * <pre>{@code
 * SyntheticStore store = SyntheticStore.builder().schema(CardStore.schema())
 *         .card(SyntheticStore.card("org/m").downloads(5).metadata("license", "mit").build())
 *         .corpusCards(List.of("peft"))
 *         .build();
 * try (Connection c = store.open(null)) { ... }
 * }</pre>
 */
public final class SyntheticStore {

    /**
     * A row of the card's {@code sections}.
     *
     * @param title       the heading
     * @param canonical   the template section it matches, or null
     * @param placeholder whether it holds only placeholder text
     * @param empty       whether it holds nothing
     */
    public record SectionRow(String title, String canonical, boolean placeholder, boolean empty) {
    }

    /**
     * A row of the card's {@code problems}.
     *
     * @param severity {@code error}, {@code warning} or {@code info}
     * @param code     the problem code
     * @param message  the message
     */
    public record ProblemRow(String severity, String code, String message) {
    }

    /**
     * A row of the card's {@code eval_results}.
     *
     * @param task     the task type
     * @param dataset  the dataset type
     * @param metric   the metric type
     * @param value    the metric value, or null
     * @param verified whether the Hub verified it
     */
    public record EvalRow(String task, String dataset, String metric, Double value, boolean verified) {
    }

    /**
     * A row of the card's {@code annotations}.
     *
     * @param subject  the annotated subject
     * @param category its category
     */
    public record AnnotationRow(String subject, String category) {
    }

    /**
     * The runs-log line a store gets when the builder asks for one.
     *
     * @param id       the run's id
     * @param source   the source's description
     * @param started  when it started
     * @param finished when it finished
     */
    public record RunRow(String id, String source, LocalDateTime started, LocalDateTime finished) {
    }

    /**
     * One card. {@code text} is the card's file (null for a card given field by field); {@code downloads},
     * {@code likes}, {@code created}, {@code hubPipelineTag} and {@code hubLibrary} are what the Hub says
     * besides the card.
     *
     * @param id             the card's id ({@code org/name})
     * @param text           the card's file, or null
     * @param downloads      the Hub's download count, or null
     * @param likes          the Hub's like count, or null
     * @param created        the repo's creation time, or null
     * @param hubPipelineTag the Hub's pipeline_tag column, or null
     * @param hubLibrary     the Hub's library_name column, or null
     * @param body           the body as stored
     * @param hasMetadata    whether the card has a metadata block
     * @param completeness   template completeness, 0 to 1
     * @param metadata       metadata keys with their values, in order
     * @param sections       its section rows
     * @param problems       its problem rows
     * @param evals          its eval-result rows
     * @param annotations    its annotation rows
     */
    public record Card(String id, String text, Long downloads, Long likes, LocalDateTime created,
                       String hubPipelineTag, String hubLibrary, String body, boolean hasMetadata,
                       double completeness, Map<String, List<String>> metadata, List<SectionRow> sections,
                       List<ProblemRow> problems, List<EvalRow> evals, List<AnnotationRow> annotations) {

        /**
         * Copies the map and the lists.
         *
         * @throws NullPointerException when id is null
         */
        public Card {
            Objects.requireNonNull(id, "id");
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
            sections = List.copyOf(sections);
            problems = List.copyOf(problems);
            evals = List.copyOf(evals);
            annotations = List.copyOf(annotations);
        }
    }

    /** Builds a {@link Card}; unset facts stay null, the body is "body". */
    public static final class CardBuilder {
        private final String id;
        private String text;
        private Long downloads;
        private Long likes;
        private LocalDateTime created;
        private String hubPipelineTag;
        private String hubLibrary;
        private String body = "body";
        private boolean hasMetadata;
        private double completeness;
        private final Map<String, List<String>> metadata = new LinkedHashMap<>();
        private final List<SectionRow> sections = new ArrayList<>();
        private final List<ProblemRow> problems = new ArrayList<>();
        private final List<EvalRow> evals = new ArrayList<>();
        private final List<AnnotationRow> annotations = new ArrayList<>();

        private CardBuilder(String id) {
            this.id = id;
        }

        /**
         * The card's file. Parsed with core's {@link ModelCard}: the body, whether it has metadata, and its
         * {@code datasets} and {@code base_model} values (the names the annotators know) become rows.
         */
        public CardBuilder text(String text) {
            ModelCard parsed = ModelCard.parse(id, text);
            this.text = text;
            this.body = parsed.body();
            this.hasMetadata = parsed.hasMetadata();
            if (!parsed.metadata().datasets().isEmpty()) {
                metadata.put("datasets", parsed.metadata().datasets());
            }
            if (!parsed.metadata().baseModel().isEmpty()) {
                metadata.put("base_model", parsed.metadata().baseModel());
            }
            return this;
        }

        /** The body as stored, for a card given field by field ("body" unless set). */
        public CardBuilder body(String body) {
            this.body = body;
            return this;
        }

        /** The Hub's download count. */
        public CardBuilder downloads(long downloads) {
            this.downloads = downloads;
            return this;
        }

        /** The Hub's like count. */
        public CardBuilder likes(long likes) {
            this.likes = likes;
            return this;
        }

        /** When the repo was created. */
        public CardBuilder created(LocalDateTime created) {
            this.created = created;
            return this;
        }

        /** The Hub's own pipeline_tag column (not the card's YAML). */
        public CardBuilder hubPipelineTag(String tag) {
            this.hubPipelineTag = tag;
            return this;
        }

        /** The Hub's own library_name column (not the card's YAML). */
        public CardBuilder hubLibrary(String library) {
            this.hubLibrary = library;
            return this;
        }

        /** Whether the stored card has a metadata block. */
        public CardBuilder hasMetadata(boolean hasMetadata) {
            this.hasMetadata = hasMetadata;
            return this;
        }

        /** The stored template completeness, 0 to 1. */
        public CardBuilder completeness(double completeness) {
            this.completeness = completeness;
            return this;
        }

        /** A metadata key with its values in order (none for a key whose value is not a list of strings). */
        public CardBuilder metadata(String key, List<String> values) {
            metadata.put(key, List.copyOf(values));
            return this;
        }

        /** Adds a section row. */
        public CardBuilder section(SectionRow section) {
            sections.add(section);
            return this;
        }

        /** Adds a problem row. */
        public CardBuilder problem(ProblemRow problem) {
            problems.add(problem);
            return this;
        }

        /** Adds an eval-result row. */
        public CardBuilder eval(EvalRow eval) {
            evals.add(eval);
            return this;
        }

        /** Adds an annotation row. */
        public CardBuilder annotation(AnnotationRow annotation) {
            annotations.add(annotation);
            return this;
        }

        /** The card as set so far. */
        public Card build() {
            return new Card(id, text, downloads, likes, created, hubPipelineTag, hubLibrary, body, hasMetadata,
                    completeness, metadata, sections, problems, evals, annotations);
        }
    }

    /** Builds a {@link SyntheticStore}. */
    public static final class Builder {
        private String schema;
        private final List<Card> cards = new ArrayList<>();
        private RunRow run;

        private Builder() {
        }

        /** The DDL a store is made from (io's {@code CardStore.schema()}); without it rows go into existing tables. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Adds a card. */
        public Builder card(Card card) {
            cards.add(card);
            return this;
        }

        /** Adds cards, in order. */
        public Builder cards(List<Card> cards) {
            this.cards.addAll(cards);
            return this;
        }

        /** The shared corpus's cards of these kinds (folders under cards/), sorted by file name, from their text. */
        public Builder corpusCards(List<String> kinds) {
            Path root = SharedData.corpusCards();
            for (String kind : kinds) {
                try (Stream<Path> list = Files.list(root.resolve(kind))) {
                    for (Path f : list.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                        String id = f.getFileName().toString().replaceFirst("\\.md$", "").replace("__", "/");
                        cards.add(SyntheticStore.card(id).text(Files.readString(f, StandardCharsets.UTF_8)).build());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return this;
        }

        /** A line in the runs log, counting every card as seen and new. */
        public Builder run(RunRow run) {
            this.run = run;
            return this;
        }

        /** The store's cards and run, not yet written anywhere: see {@link SyntheticStore#open}. */
        public SyntheticStore build() {
            return new SyntheticStore(schema, cards, run);
        }
    }

    private final String schema;
    private final List<Card> cards;
    private final RunRow run;

    private SyntheticStore(String schema, List<Card> cards, RunRow run) {
        this.schema = schema;
        this.cards = List.copyOf(cards);
        this.run = run;
    }

    /** A builder with no schema, no cards and no run line. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for a card with this id. */
    public static CardBuilder card(String id) {
        return new CardBuilder(id);
    }

    /** The cards, in the order given: what a test computes its expectations from. */
    public List<Card> cards() {
        return cards;
    }

    /** Opens a DuckDB store ({@code file} null: in memory) and writes the schema and rows into it. */
    public Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + (file == null ? "" : file.toAbsolutePath().toString()));
        try {
            writeTo(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Writes the schema (when given) and every card's rows into an open store. */
    public void writeTo(Connection c) throws SQLException {
        if (schema != null) {
            try (Statement st = c.createStatement()) {
                st.execute(schema);
            }
        }
        try (PreparedStatement card = c.prepareStatement("INSERT INTO cards (id, source, content_hash, bytes, author, "
                + "downloads, likes, created_at, has_metadata, completeness, section_count, problem_count, body, "
                + "pipeline_tag, library_name) VALUES (?, 'synthetic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement meta = c.prepareStatement("INSERT INTO metadata (card_id, key, value_json) VALUES (?, ?, ?)");
             PreparedStatement value = c.prepareStatement("INSERT INTO metadata_values (card_id, key, position, value) VALUES (?, ?, ?, ?)");
             PreparedStatement section = c.prepareStatement("INSERT INTO sections (card_id, position, level, title, "
                     + "canonical, placeholder, empty) VALUES (?, ?, 2, ?, ?, ?, ?)");
             PreparedStatement problem = c.prepareStatement("INSERT INTO problems (card_id, position, severity, code, message, line, col) "
                     + "VALUES (?, ?, ?, ?, ?, 1, 1)");
             PreparedStatement eval = c.prepareStatement("INSERT INTO eval_results (card_id, position, task_type, "
                     + "dataset_type, metric_type, metric_value, verified) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement annotation = c.prepareStatement("INSERT INTO annotations (card_id, sentence, subject, category, "
                     + "description, span_start, span_end, annotator) VALUES (?, 0, ?, ?, 'd', 0, 1, 'synthetic')")) {
            for (Card k : cards) {
                card.setString(1, k.id());
                card.setString(2, Integer.toHexString(k.id().hashCode()));
                card.setLong(3, k.text() == null ? 1000L + k.id().length() : k.text().getBytes(StandardCharsets.UTF_8).length);
                card.setString(4, author(k.id()));
                card.setObject(5, k.downloads());
                card.setObject(6, k.likes());
                card.setObject(7, k.created() == null ? null : Timestamp.valueOf(k.created()));
                card.setBoolean(8, k.hasMetadata());
                card.setDouble(9, k.completeness());
                card.setInt(10, k.sections().size());
                card.setInt(11, k.problems().size());
                card.setString(12, k.body());
                card.setString(13, k.hubPipelineTag());
                card.setString(14, k.hubLibrary());
                card.executeUpdate();
                for (Map.Entry<String, List<String>> e : k.metadata().entrySet()) {
                    meta.setString(1, k.id());
                    meta.setString(2, e.getKey());
                    meta.setString(3, "\"x\"");
                    meta.executeUpdate();
                    int p = 0;
                    for (String v : e.getValue()) {
                        value.setString(1, k.id());
                        value.setString(2, e.getKey());
                        value.setInt(3, p++);
                        value.setString(4, v);
                        value.executeUpdate();
                    }
                }
                int p = 0;
                for (SectionRow s : k.sections()) {
                    section.setString(1, k.id());
                    section.setInt(2, p++);
                    section.setString(3, s.title());
                    section.setString(4, s.canonical());
                    section.setBoolean(5, s.placeholder());
                    section.setBoolean(6, s.empty());
                    section.executeUpdate();
                }
                p = 0;
                for (ProblemRow r : k.problems()) {
                    problem.setString(1, k.id());
                    problem.setInt(2, p++);
                    problem.setString(3, r.severity());
                    problem.setString(4, r.code());
                    problem.setString(5, r.message());
                    problem.executeUpdate();
                }
                p = 0;
                for (EvalRow r : k.evals()) {
                    eval.setString(1, k.id());
                    eval.setInt(2, p++);
                    eval.setString(3, r.task());
                    eval.setString(4, r.dataset());
                    eval.setString(5, r.metric());
                    eval.setObject(6, r.value());
                    eval.setBoolean(7, r.verified());
                    eval.executeUpdate();
                }
                for (AnnotationRow a : k.annotations()) {
                    annotation.setString(1, k.id());
                    annotation.setString(2, a.subject());
                    annotation.setString(3, a.category());
                    annotation.executeUpdate();
                }
            }
        }
        if (run != null) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO runs (run_id, source, started_at, finished_at, "
                    + "cards_seen, cards_new, cards_skipped, failures) VALUES (?, ?, ?, ?, ?, ?, 0, 0)")) {
                st.setString(1, run.id());
                st.setString(2, run.source());
                st.setTimestamp(3, Timestamp.valueOf(run.started()));
                st.setTimestamp(4, Timestamp.valueOf(run.finished()));
                st.setInt(5, cards.size());
                st.setInt(6, cards.size());
                st.executeUpdate();
            }
        }
    }

    /**
     * Writes the cards that have text as JSON Lines in the Hub dataset's schema (modelId, author, downloads,
     * likes, createdAt, pipeline_tag, library_name, card): the input of the real pipeline.
     */
    public Path writeJsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Card k : cards) {
            if (k.text() == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("modelId", k.id());
            row.put("author", author(k.id()));
            putIfSet(row, "downloads", k.downloads());
            putIfSet(row, "likes", k.likes());
            putIfSet(row, "createdAt", k.created() == null ? null
                    : k.created().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
            putIfSet(row, "pipeline_tag", k.hubPipelineTag());
            putIfSet(row, "library_name", k.hubLibrary());
            row.put("card", k.text());
            lines.append(json.writeValueAsString(row)).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static void putIfSet(Map<String, Object> row, String key, Object value) {
        if (value != null) {
            row.put(key, value);
        }
    }

    /** The id's owner, as the Hub's author column has it; null for an id without one. */
    private static String author(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? null : id.substring(0, slash);
    }
}
