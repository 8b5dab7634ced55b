package dev.cardminer.suggest.internal;

import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cardminer.suggest.internal.Cards.body;
import static dev.cardminer.suggest.internal.Cards.card;
import static org.assertj.core.api.Assertions.assertThat;

class ModelIndexExtractorTest {

    private final ModelIndexExtractor extractor = new ModelIndexExtractor(new PipelineTagExtractor(Vocabularies.bundled()));

    private static final String TRAINER = "# tuned\n\nThis model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the reviews_tiny dataset.\n"
            + "It achieves the following results on the evaluation set:\n- Loss: 0.3120\n- Accuracy: 0.9012\n- F1: 0.8877\n- Gen Len: 12.5\n\n## Model description\n";

    @Test
    void trainerBlockGivesOneEntryPerMetricLossLeftOut() {
        List<Suggestion> found = extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n", TRAINER));
        assertThat(found).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) found.get(0).value();
        assertThat(first.get("task")).isEqualTo(Map.of("type", "text-classification", "name", "Text Classification"));
        assertThat(first.get("dataset")).isEqualTo(Map.of("type", "reviews_tiny", "name", "reviews_tiny"));
        assertThat(first.get("metric")).isEqualTo(Map.of("type", "accuracy", "value", 0.9012, "name", "Accuracy"));
        assertThat(((Map<?, ?>) found.get(1).value()).get("metric")).isEqualTo(Map.of("type", "f1", "value", 0.8877, "name", "F1"));
        assertThat(found.get(0).evidence().text()).isEqualTo("- Accuracy: 0.9012");
    }

    @Test
    void taskFromTheSnippetWhenTheYamlHasNone() {
        List<Suggestion> found = extractor.extract(body(TRAINER + "\n```python\nAutoModelForSequenceClassification.from_pretrained('me/tuned')\n```\n"));
        assertThat(((Map<?, ?>) found.get(0).value()).get("task")).isEqualTo(Map.of("type", "text-classification", "name", "Text Classification"));
    }

    @Test
    void aLossThatIsNotANumberDoesNotEndTheBlock() {
        List<Suggestion> found = extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n",
                TRAINER.replace("- Loss: 0.3120", "- Loss: nan")));
        assertThat(found).extracting(s -> (Object) ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("type")).containsExactly("accuracy", "f1");
    }

    @Test
    void itemsWithoutBulletsAndWithBlankLinesBetween() {
        String pasted = "# tuned\n\nThis model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the talks_small dataset.\n"
                + "It achieves the following results on the evaluation set:\n\nLoss: 0.41\n\nWer: 23.5\n\n## Model description\n\nSteps: 12\n";
        List<Suggestion> found = extractor.extract(card("me/tuned", "pipeline_tag: automatic-speech-recognition\n", pasted));
        assertThat(found).extracting(s -> (Object) ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("value")).containsExactly(23.5);
        // two blank lines end the block
        assertThat(TrainerResults.items("achieves the following results on the evaluation set:\n- Loss: 0.1\n\n\nAccuracy: 0.5\n"))
                .extracting(TrainerResults.Item::key).containsExactly("Loss");
    }

    @Test
    void noDatasetNoEntry() {
        assertThat(extractor.extract(body(TRAINER.replace("the reviews_tiny dataset", "the None dataset")))).isEmpty();
    }

    @Test
    void leaderboardTable() {
        List<Suggestion> found = extractor.extract(body("|Metric|Value|\n|---|---:|\n|Avg.|50.1|\n|AI2 Reasoning Challenge (25-Shot)|61.20|\n|GSM8k (5-shot)|33.9|\n"));
        assertThat(found).hasSize(2);
        Map<?, ?> arc = (Map<?, ?>) found.get(0).value();
        assertThat(((Map<?, ?>) arc.get("dataset")).get("type")).isEqualTo("ai2_arc");
        assertThat(arc.get("metric")).isEqualTo(Map.of("type", "acc_norm", "value", 61.2, "name", "acc_norm"));
    }

    @Test
    void trainedFromScratchAndAValueWithItsPercentage() {
        String text = "This model was trained from scratch on the calls_small dataset.\nIt achieves the following results on the evaluation set:\n"
                + "- Loss: 0.0850\n- Wer: 0.0167 (1.67% WER)\n";
        List<Suggestion> found = extractor.extract(card("me/asr", "pipeline_tag: automatic-speech-recognition\n", text));
        assertThat(found).hasSize(1);
        assertThat(((Map<?, ?>) found.get(0).value()).get("metric")).isEqualTo(Map.of("type", "wer", "value", 0.0167, "name", "Wer"));
        assertThat(((Map<?, ?>) found.get(0).value()).get("dataset")).isEqualTo(Map.of("type", "calls_small", "name", "calls_small"));
    }

    @Test
    void theYamlsOnlyDatasetWhenTheSentenceHasNone() {
        String none = TRAINER.replace("the reviews_tiny dataset", "the None dataset");
        List<Suggestion> found = extractor.extract(card("me/tuned", "pipeline_tag: text-classification\ndatasets:\n- someone/reviews\n", none));
        assertThat(found).hasSize(2);
        assertThat(found.get(0).method()).isEqualTo("trainer-results-yaml-dataset");
        assertThat(((Map<?, ?>) found.get(0).value()).get("dataset")).isEqualTo(Map.of("type", "someone/reviews", "name", "someone/reviews"));
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\ndatasets:\n- someone/reviews\n- someone/tweets\n", none)))
                .isEmpty();
    }

    @Test
    void cardsWithTheirOwnEvaluationScriptAreBelowTheThreshold() {
        String text = TRAINER + "\n## Evaluation Commands\n\n`python eval.py --model_id me/tuned --split test`\n";
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n", text)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
    }
    @Test
    void cardsTaggedForTheSpeechEventAreBelowTheThresholdToo() {
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\ntags:\n- robust-speech-event\n", TRAINER)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\ntags:\n- other-event\n", TRAINER)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.confidence()).isGreaterThanOrEqualTo(0.8));
    }

    @Test
    void aCerThatTheTrainerDoesNotWriteIsBelowTheThreshold() {
        String speech = "This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the voices_tiny dataset.\n"
                + "It achieves the following results on the evaluation set:\n- Loss: 0.41\n- Wer: 0.2345\n- Cer: 0.0612\n\n## Model description\n";
        assertThat(extractor.extract(card("me/asr", "pipeline_tag: automatic-speech-recognition\n", speech)))
                .extracting(s -> ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("type") + (s.confidence() >= 0.8 ? " proposed" : " below"))
                .containsExactly("wer proposed", "cer below");
    }

    @Test
    void aBlockThatNamesItsEvaluationSetOrEndsInAStop() {
        String named = TRAINER.replace("on the evaluation set:", "on the reviews_tiny evaluation set:");
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n", named)))
                .extracting(s -> (Object) ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("value")).containsExactly(0.9012, 0.8877);
        String stop = TRAINER.replace("on the evaluation set:", "on the evaluation set.");
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n", stop))).hasSize(2);
        String other = TRAINER.replace("on the evaluation set:", "on the evaluation set we hold back, and more:");
        assertThat(extractor.extract(card("me/tuned", "pipeline_tag: text-classification\n", other))).isEmpty();
    }

    @Test
    void aKeyThatNamesItsEvaluationSplit() {
        String text = "This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the voices_tiny dataset.\n"
                + "It achieves the following results on the evaluation set:\n- Loss on validation: 0.0712\n- WER on validation set: 6.4012\n"
                + "- WER on the test split: 6.81\n- Accuracy on train set: 0.99\n\n## Model description\n";
        assertThat(extractor.extract(card("me/asr", "pipeline_tag: automatic-speech-recognition\n", text)))
                .extracting(s -> ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("type") + "=" + ((Map<?, ?>) ((Map<?, ?>) s.value()).get("metric")).get("value"))
                .containsExactly("wer=6.4012", "wer=6.81");
        assertThat(TrainerResults.metricType("Accuracy on the eval set")).isEqualTo("accuracy");
        // not a split: another condition of the measurement, or a word that only ends in one
        assertThat(TrainerResults.metricType("WER with LM")).isNull();
        assertThat(TrainerResults.metricType("WER on contest")).isNull();
        assertThat(TrainerResults.metricType("Loss on test set")).isNull();
    }

    @Test
    void aLeaderboardTableThatTheCardHoldsTwiceGivesEachBenchmarkOnce() {
        String table = "|Metric|Value|\n|---|---:|\n|AI2 Reasoning Challenge (25-Shot)|61.20|\n|HellaSwag (10-Shot)|80.34|\n";
        List<Suggestion> found = extractor.extract(body(table + "\n## Details\n\n" + table.replace("(10-Shot)", "(10-shot)")));
        assertThat(found).extracting(s -> (Object) ((Map<?, ?>) ((Map<?, ?>) s.value()).get("dataset")).get("type"))
                .containsExactly("ai2_arc", "hellaswag");
    }
}
