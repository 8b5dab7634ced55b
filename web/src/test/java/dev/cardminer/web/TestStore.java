package dev.cardminer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.concepts.AnnotationPhase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small store made by the real pipeline from cards written here, one of them hostile. */
final class TestStore {

    static final String HOSTILE_ID = "evil/model";

    /** Every payload sets window.__xss; a test asserts it stays undefined. */
    static final String HOSTILE = """
            ---
            license: mit
            pipeline_tag: text-classification
            library_name: transformers
            tags:
            - "<img src=x onerror=window.__xss=1>"
            "<script>window.__xss=1</script>": 1
            ---
            # Model Card for evil <script>window.__xss=1</script>

            <script>window.__xss = 1</script>
            <img src="x" onerror="window.__xss=1">
            <svg onload="window.__xss=1"><script>window.__xss=1</script></svg>
            <a href="javascript:window.__xss=1" id="raw-js">raw javascript link</a>
            <iframe src="javascript:window.__xss=1"></iframe>

            [markdown javascript link](javascript:window.__xss=1)
            [data link](data:text/html,<script>window.__xss=1</script>)
            ![svg image](data:image/svg+xml,<svg onload="window.__xss=1"/>)

            ## Uses

            This model is a fine-tuned BERT evaluated on GLUE with accuracy and F1.
            """;

    private TestStore() {
    }

    /** A line in the Hub dataset's schema (the fields a JSON Lines source reads). */
    private static Map<String, Object> row(String id, String card, long downloads, long likes, String created,
                                           String pipelineTag) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("modelId", id);
        r.put("author", id.substring(0, id.indexOf('/')));
        r.put("downloads", downloads);
        r.put("likes", likes);
        r.put("createdAt", created);
        if (pipelineTag != null) {
            r.put("pipeline_tag", pipelineTag);
        }
        r.put("card", card);
        return r;
    }

    /** Writes the cards as JSON Lines into {@code dir} and analyses them (with rule annotations) into {@code dir}/store.duckdb. */
    static Path create(Path dir) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("evil/model", HOSTILE, 50, 1, "2023-05-02T10:00:00Z", null));
        rows.add(row("good-org/classifier", """
                ---
                license: apache-2.0
                language: [en]
                pipeline_tag: text-classification
                library_name: transformers
                datasets: [glue]
                model-index:
                - name: classifier
                  results:
                  - task: {type: text-classification}
                    dataset: {type: glue, name: GLUE}
                    metrics:
                    - {type: accuracy, value: 0.91}
                ---
                # Model Card for classifier

                ## Model Details

                ### Model Description

                A BERT model fine-tuned for sentiment classification on GLUE.

                ## Uses

                Classify short English reviews.

                ## Bias, Risks, and Limitations

                It was trained on English reviews only and fails on sarcasm.

                ## Evaluation

                Accuracy 0.91 on the GLUE SST-2 validation split.

                ## Citation

                See https://arxiv.org/abs/1810.04805 and https://github.com/google-research/bert.
                """, 120_000, 40, "2022-11-20T08:00:00Z", null));
        rows.add(row("other/speech", """
                ---
                license: cc-by-4.0
                pipeline_tag: automatic-speech-recognition
                library_name: nemo
                ---
                # Speech model

                ## Uses

                Transcribes English speech. Word error rate 5.1 on LibriSpeech.
                """, 3_000, 5, "2023-05-17T12:00:00Z", null));
        // No YAML at all: its task comes from the Hub column only.
        rows.add(row("bare/nometa", "# A card without metadata\n\nJust text.\n", 2_500_000, 300,
                "2021-01-04T00:00:00Z", "text-generation"));
        Path jsonl = dir.resolve("cards.jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> r : rows) {
            lines.append(json.writeValueAsString(r)).append('\n');
        }
        Files.writeString(jsonl, lines);
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = CardSources.open(jsonl.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        try (CardStore store = CardStore.open(db)) {
            AnnotationPhase phase = new AnnotationPhase(store.connection(), 500);
            phase.ensureSentences();
            phase.run(new RuleAnnotator(phase.knownNames()), new PrintWriter(new StringWriter()));
            // What suggest --db and classify --db write; hostile text in the evidence, two runs of one label set.
            try (java.sql.Statement st = store.connection().createStatement()) {
                st.execute("INSERT INTO suggestions VALUES "
                        + "('good-org/classifier', 'base_model', 'google-bert/bert-base-uncased', 0.8, 'fine-tuned-from', "
                        + "'A BERT model fine-tuned <script>window.__xss=1</script>', 12, 3, 10, 40, false, NULL), "
                        + "('good-org/classifier', 'license', 'mit', 0.6, 'license-sentence', 'MIT licensed', 20, 1, "
                        + "50, 62, true, '\"apache-2.0\"')");
                st.execute("INSERT INTO classifications VALUES "
                        + "('run-old', 'good-org/classifier', 'task', '1', 'rules', 1, 'old-label', 0.5, NULL, 'rules', "
                        + "NULL, 'p1', 'h', TIMESTAMP '2026-01-01 10:00:00'), "
                        + "('run-new', 'good-org/classifier', 'task', '1', 'rules', 1, 'sentiment-analysis', 0.93, "
                        + "'<img src=x onerror=window.__xss=1>', 'rules', NULL, 'p1', 'h', TIMESTAMP '2026-02-01 10:00:00'), "
                        + "('run-new', 'good-org/classifier', 'task', '1', 'rules', 2, 'text-classification', 0.41, "
                        + "NULL, 'rules', NULL, 'p1', 'h', TIMESTAMP '2026-02-01 10:00:00'), "
                        + "('run-x', 'good-org/classifier', 'domain', '2', 'embedding', 1, 'nlp', 0.7, NULL, "
                        + "'all-MiniLM-L6-v2', 'v1', 'p1', 'h', TIMESTAMP '2025-12-01 10:00:00')");
            }
        }
        return db;
    }
}
