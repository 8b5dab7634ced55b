package dev.cardminer.web;

import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.concepts.AnnotationPhase;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;

/** A small store made by the real pipeline from cards written here (testkit-store's builder), one of them hostile. */
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

    private static SyntheticStore.CardBuilder card(String id, String text, long downloads, long likes,
                                                  LocalDateTime created) {
        return SyntheticStore.card(id).text(text).downloads(downloads).likes(likes).created(created);
    }

    /** A store of one short card per id, made as {@link #create} makes its store (no annotations). */
    static Path withIds(Path dir, String... ids) throws Exception {
        SyntheticStore.Builder builder = SyntheticStore.builder();
        long downloads = 1_000;
        for (String id : ids) {
            builder.card(card(id, "# Card " + id + "\n\nA short card.\n", downloads--, 1,
                    LocalDateTime.of(2024, 3, 1, 0, 0)).build());
        }
        Path jsonl = builder.build().writeJsonLines(java.nio.file.Files.createDirectories(dir).resolve("ids.jsonl"));
        Path db = dir.resolve("ids.duckdb");
        try (CardSource source = CardSources.open(jsonl.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        return db;
    }

    /** Writes the cards as JSON Lines into {@code dir} and analyses them (with rule annotations) into {@code dir}/store.duckdb. */
    static Path create(Path dir) throws Exception {
        SyntheticStore cards = SyntheticStore.builder()
                .card(card("evil/model", HOSTILE, 50, 1, LocalDateTime.of(2023, 5, 2, 10, 0)).build())
                .card(card("good-org/classifier", """
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
                """, 120_000, 40, LocalDateTime.of(2022, 11, 20, 8, 0)).build())
                .card(card("other/speech", """
                ---
                license: cc-by-4.0
                pipeline_tag: automatic-speech-recognition
                library_name: nemo
                ---
                # Speech model

                ## Uses

                Transcribes English speech. Word error rate 5.1 on LibriSpeech.
                """, 3_000, 5, LocalDateTime.of(2023, 5, 17, 12, 0)).build())
                // No YAML at all: its task comes from the Hub column only.
                .card(card("bare/nometa", "# A card without metadata\n\nJust text.\n", 2_500_000, 300,
                        LocalDateTime.of(2021, 1, 4, 0, 0)).hubPipelineTag("text-generation").build())
                .build();
        Path jsonl = cards.writeJsonLines(dir.resolve("cards.jsonl"));
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
