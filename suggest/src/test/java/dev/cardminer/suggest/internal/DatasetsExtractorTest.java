package dev.cardminer.suggest.internal;

import org.junit.jupiter.api.Test;

import static dev.cardminer.suggest.internal.Cards.body;
import static dev.cardminer.suggest.internal.Cards.card;
import static dev.cardminer.suggest.internal.Cards.values;
import static org.assertj.core.api.Assertions.assertThat;

class DatasetsExtractorTest {

    private final DatasetsExtractor extractor = new DatasetsExtractor();

    @Test
    void trainerSentenceNamesTheDataset() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the tweets_small dataset.\n")))
                .containsExactly("tweets_small");
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the [someone/recipes](https://huggingface.co/datasets/someone/recipes) dataset.\n")))
                .containsExactly("someone/recipes");
    }

    @Test
    void trainerDatasetWithItsConfig() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the BENCH SUBTASK dataset.\n")))
                .containsExactly("bench");
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the wmt99 xx-yy dataset.\n")))
                .containsExactly("wmt99");
        assertThat(extractor.extract(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the spoken words dataset.\n"))).isEmpty();
    }

    @Test
    void autoTrainProjectData() {
        assertThat(values(extractor, card("someone/autotrain-pets-classifier-123456789", null, "# Model Trained Using AutoTrain\n\n- Problem type: Binary\n")))
                .containsExactly("someone/autotrain-data-pets-classifier");
        assertThat(extractor.extract(card("someone/autotrain-pets-classifier-123456789", null, "No word of the tool.\n"))).isEmpty();
    }

    @Test
    void linkedCorpusWithoutTheWordDataset() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the [Tower Talk corpus](https://huggingface.co/datasets/me/tower-talk).\n")))
                .containsExactly("me/tower-talk");
    }

    @Test
    void versionedCommonVoice() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the Common Voice 9.0 dataset.\n")))
                .containsExactly("mozilla-foundation/common_voice_9_0");
    }

    @Test
    void theTrainersNoneDatasetGivesNothing() {
        assertThat(extractor.extract(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the None dataset.\n"))).isEmpty();
    }

    @Test
    void hubDatasetLinksInTrainingProse() {
        assertThat(values(extractor, body("We trained it on [our recipes](https://huggingface.co/datasets/cook/recipes-v2) for a day.\n")))
                .containsExactly("cook/recipes-v2");
    }

    @Test
    void namedDatasetsOfTheTable() {
        assertThat(values(extractor, body("The encoder was fine-tuned on SQuAD v2 for extractive answers.\n")))
                .containsExactly("squad_v2");
    }

    @Test
    void notEmbeddingsPathsImagesOrLeaderboardDetails() {
        assertThat(extractor.extract(body("Trained on [vectors](https://huggingface.co/datasets/x/word-embeddings).\n"))).isEmpty();
        assertThat(extractor.extract(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the ./data/train.json dataset.\n"))).isEmpty();
        assertThat(extractor.extract(body("Training banner: <img src=\"https://huggingface.co/datasets/x/pics/resolve/main/banner.png\">\n"))).isEmpty();
        assertThat(extractor.extract(body("Detailed training results [here](https://huggingface.co/datasets/open-llm-leaderboard/details_x__y)\n"))).isEmpty();
    }

    @Test
    void modelIndexDatasetsAreLowConfidence() {
        var card = card("a/b", "model-index:\n- name: b\n  results:\n  - task:\n      type: text-classification\n    dataset:\n      type: bench/eval-set\n      name: eval\n    metrics:\n    - type: accuracy\n      value: 0.5\n",
                "Nothing about training.\n");
        assertThat(extractor.extract(card)).allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
    }
}
