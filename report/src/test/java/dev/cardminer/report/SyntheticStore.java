package dev.cardminer.report;

import dev.cardminer.io.CardStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic cards written into a store made from the io module's schema.sql. The tests compute what
 * the report should say from these objects, not from the report's own SQL.
 */
final class SyntheticStore {

    static final String HOSTILE = "<script>alert(1)</script>";
    static final String HOSTILE_LINK = "javascript:alert(2)";

    record SectionRow(String title, String canonical, boolean placeholder, boolean empty) {
    }

    record ProblemRow(String severity, String code, String message) {
    }

    record EvalRow(String task, String dataset, String metric, Double value, boolean verified) {
    }

    record AnnotationRow(String subject, String category) {
    }

    record Card(String id, Long downloads, LocalDateTime created, boolean hasMetadata, double completeness,
                Map<String, List<String>> metadata, List<SectionRow> sections, List<ProblemRow> problems,
                List<EvalRow> evals, List<AnnotationRow> annotations) {
    }

    final List<Card> cards = new ArrayList<>();

    /** A varied corpus with hostile text in ids, titles, licences, keys, messages and subjects. */
    static SyntheticStore varied(boolean withDatesAndDownloads) {
        SyntheticStore s = new SyntheticStore();
        String[] licenses = {"apache-2.0", "apache-2.0", "mit", "apache-2.0", "Apache 2.0", "mit", "other",
                HOSTILE, "apache-2.0", HOSTILE_LINK, null, null};
        String[][] languages = {{"en"}, {"en", "fr"}, {"jp"}, {"eng"}, {"es-ES"}, {"de"}, {}, {"en"}, {}, {"zh"},
                {}, {}};
        String[] pipelines = {"text-classification", "text-generation", "text-generation", "fill-mask",
                "not-a-task", null, "text-generation", null, null, null, null, null};
        String[] libraries = {"transformers", "transformers", "peft", "Transformers", null, "diffusers", null, null,
                null, null, null, null};
        String[] ids = {"org-a/model-0", "org-a/model-1", "org-b/model-2", "org-b/model-3", "solo-4",
                "org-c/model-5", "org-c/model-6", HOSTILE, "org-d/model-8", HOSTILE_LINK, "org-e/model-10",
                "org-e/model-11"};
        long[] downloads = {0, 5, 50, 500, 5000, 50000, 500000, 5000000, 12, 7, 0, 3};
        for (int i = 0; i < ids.length; i++) {
            boolean meta = i < 10;
            Map<String, List<String>> md = new LinkedHashMap<>();
            if (meta) {
                if (licenses[i] != null) {
                    md.put("license", List.of(licenses[i]));
                }
                if (languages[i].length > 0) {
                    md.put("language", List.of(languages[i]));
                }
                if (pipelines[i] != null) {
                    md.put("pipeline_tag", List.of(pipelines[i]));
                }
                if (libraries[i] != null) {
                    md.put("library_name", List.of(libraries[i]));
                }
                if (i % 3 == 0) {
                    md.put("model-index", List.of());
                }
                if (i == 7) {
                    md.put("<b>bold-key</b>", List.of("x"));
                }
                md.put("tags", List.of("tag-" + (i % 2)));
            }
            List<SectionRow> sections = new ArrayList<>();
            // Training Details with content in most cards; Environmental Impact placeholder-only in a few.
            if (i % 4 != 3) {
                sections.add(new SectionRow("Training", "Training Details", false, true));
                sections.add(new SectionRow("Training data", "Training Data", false, false));
            }
            if (i % 3 == 1) {
                sections.add(new SectionRow("Environmental Impact", "Environmental Impact", true, false));
            }
            if (i % 2 == 0) {
                sections.add(new SectionRow("Uses", "Uses", false, false));
                sections.add(new SectionRow("Evaluation", "Evaluation", false, true));
            }
            sections.add(new SectionRow(i == 7 ? HOSTILE : i == 9 ? "<img src=x onerror=alert(3)>" : "Acknowledgements",
                    null, false, false));
            List<ProblemRow> problems = new ArrayList<>();
            if (i % 2 == 1) {
                problems.add(new ProblemRow("warning", "unknown-license", "license " + HOSTILE + " is not a Hub id"));
            }
            if (i % 5 == 0) {
                problems.add(new ProblemRow("error", "yaml-syntax", "bad YAML"));
                problems.add(new ProblemRow("error", "yaml-syntax", "bad YAML again"));
            }
            if (i == 7) {
                problems.add(new ProblemRow("info", "no-card-body", "empty body"));
            }
            List<EvalRow> evals = new ArrayList<>();
            if (i % 3 == 0) {
                evals.add(new EvalRow("text-classification", "imdb", "accuracy", 0.9, i == 0));
                evals.add(new EvalRow("text-classification", "imdb", "f1", 0.8, false));
                if (i == 9) {
                    evals.add(new EvalRow("text-generation", "glue", HOSTILE, null, false));
                }
            }
            List<AnnotationRow> annotations = new ArrayList<>();
            if (i < 6) {
                annotations.add(new AnnotationRow("accuracy", "metric"));
                annotations.add(new AnnotationRow("training", "process"));
                if (i % 2 == 0) {
                    annotations.add(new AnnotationRow("perplexity", "metric"));
                    annotations.add(new AnnotationRow(HOSTILE, "dataset"));
                }
            }
            LocalDateTime created = LocalDateTime.of(2023, 1 + i % 3, 10, 12, 0);
            s.cards.add(new Card(ids[i], withDatesAndDownloads ? downloads[i] : null,
                    withDatesAndDownloads ? created : null, meta, (i % 11) / 10.0, md, sections, problems, evals,
                    annotations));
        }
        return s;
    }

    static void createSchema(Connection c) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            st.execute(CardStore.schema());
        }
    }

    void insert(Connection c) throws SQLException {
        try (PreparedStatement card = c.prepareStatement("INSERT INTO cards (id, source, content_hash, bytes, author, "
                + "downloads, likes, created_at, has_metadata, completeness, section_count, problem_count, body) "
                + "VALUES (?, 'synthetic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'body')");
             PreparedStatement meta = c.prepareStatement("INSERT INTO metadata (card_id, key, value_json) VALUES (?, ?, ?)");
             PreparedStatement value = c.prepareStatement("INSERT INTO metadata_values (card_id, key, position, value) VALUES (?, ?, ?, ?)");
             PreparedStatement section = c.prepareStatement("INSERT INTO sections (card_id, position, level, title, "
                     + "canonical, placeholder, empty) VALUES (?, ?, 2, ?, ?, ?, ?)");
             PreparedStatement problem = c.prepareStatement("INSERT INTO problems (card_id, position, severity, code, message, line, col) "
                     + "VALUES (?, ?, ?, ?, ?, 1, 1)");
             PreparedStatement eval = c.prepareStatement("INSERT INTO eval_results (card_id, position, task_type, "
                     + "dataset_type, metric_type, metric_value, verified) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement annotation = c.prepareStatement("INSERT INTO annotations (card_id, sentence, subject, category, "
                     + "description, span_start, span_end, annotator) VALUES (?, 0, ?, ?, 'd', 0, 1, "
                     + "'synthetic')")) {
            for (Card k : cards) {
                card.setString(1, k.id());
                card.setString(2, Integer.toHexString(k.id().hashCode()));
                card.setLong(3, 1000L + k.id().length());
                card.setString(4, k.id().contains("/") ? k.id().substring(0, k.id().indexOf('/')) : null);
                card.setObject(5, k.downloads());
                card.setObject(6, k.downloads() == null ? null : k.downloads() / 10);
                card.setObject(7, k.created() == null ? null : Timestamp.valueOf(k.created()));
                card.setBoolean(8, k.hasMetadata());
                card.setDouble(9, k.completeness());
                card.setInt(10, k.sections().size());
                card.setInt(11, k.problems().size());
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
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO runs (run_id, source, started_at, finished_at, cards_seen, cards_new, "
                    + "cards_skipped, failures) VALUES ('run-1', 'synthetic', TIMESTAMP '2026-01-02 03:04:05', "
                    + "TIMESTAMP '2026-01-02 03:05:00', " + cards.size() + ", " + cards.size() + ", 0, 0)");
        }
    }
}
