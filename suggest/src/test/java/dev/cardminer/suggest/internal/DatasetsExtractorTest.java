package dev.cardminer.suggest.internal;

import java.util.List;
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
    void aScriptsOwnCommonVoiceNameIsKeptAsWritten() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the common_voice_9_0 dataset.\n")))
                .containsExactly("common_voice_9_0");
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the mozilla-foundation/common_voice_9_0 dataset.\n")))
                .containsExactly("mozilla-foundation/common_voice_9_0");
    }

    @Test
    void speechScriptsUpperCasedNameAndConfig() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the TALKS - XX dataset.\n")))
                .containsExactly("talks");
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the SOMEONE/SPEECH-SET - 16K - XX dataset.\n")))
                .containsExactly("someone/speech-set");
    }

    @Test
    void trainerSentenceWithSeveralDatasets() {
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the ORG/TALKS - XX, "
                + "the [radio](https://huggingface.co/datasets/me/radio-set) and the other/parl_v2 datasets.\n")))
                .containsExactly("org/talks", "me/radio-set", "other/parl_v2");
        // names that are no Hub id ("the Chatter") give nothing; the rest do
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) trained on the org/talks xx and the Chatter datasets.\n")))
                .containsExactly("org/talks");
        // a singular sentence followed by another that says "datasets." is not a list
        assertThat(values(extractor, body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the None dataset. It beats me/x on two datasets.\n")))
                .isEmpty();
    }

    @Test
    void asteroidTaskAndItsDataset() {
        assertThat(values(extractor, body("## Asteroid model\n\nIt was trained on the `sep_loud` task of the Mix9 dataset.\n")))
                .containsExactly("mix9", "sep_loud");
        assertThat(extractor.extract(body("```\nIt was trained on the `sep_loud` task of the Mix9 dataset.\n```\n"))).isEmpty();
    }

    @Test
    void taggersAndParsersOfUniversalDependencies() {
        assertThat(values(extractor, body("A small encoder for POS-tagging and dependency-parsing. Tags are [UPOS](https://universaldependencies.org/u/pos/).\n")))
                .containsExactly("universal_dependencies");
        assertThat(values(extractor, body("Lemmatiser trained with UD_Xhosa-Test treebank data.\n"))).containsExactly("universal_dependencies");
        // naming the project without a tagging or parsing task, or the task without the project, gives nothing
        assertThat(extractor.extract(body("A sentiment model; see Universal Dependencies for the tag set.\n"))).isEmpty();
        assertThat(extractor.extract(body("A model for dependency-parsing of legal text.\n"))).isEmpty();
        assertThat(extractor.extract(body("An encoder. We tested it for POS-tagging on the Universal Dependencies treebanks.\n"))).isEmpty();
    }

    @Test
    void trainingDataTablesBareUrlsAndDataLines() {
        var table = body("## Training data\n\n| Set | Rows |\n|---|---|\n| [chats](https://huggingface.co/datasets/me/chats-v1) | 10k |\n\n"
                + "## Evaluation\n\n| [bench](https://huggingface.co/datasets/me/bench) | 1k |\n");
        // the evaluation table's link is left to the low-confidence rule for any dataset link (0.6, below what suggest keeps)
        assertThat(extractor.extract(table).stream().filter(s -> s.confidence() >= 0.8).map(s -> s.value()))
                .containsExactly("me/chats-v1");
        assertThat(values(extractor, body("A 13b fine tune using https://huggingface.co/datasets/me/chats-v2 for two epochs.\n")))
                .containsExactly("me/chats-v2");
        assertThat(values(extractor, body("- **Data:** https://huggingface.co/datasets/me/notes\n- **Paper:** none\n")))
                .containsExactly("me/notes");
        assertThat(extractor.extract(body("- **Data:** https://huggingface.co/datasets/me/notes and more\n")))
                .extracting(s -> s.method()).doesNotContain("dataset-line");
    }

    @Test
    void speechCorporaOfTheGazetteer() {
        assertThat(values(extractor, body("# Vocoder trained on LJSpeech\n\nA HiFiGAN pretrained on Libri2Mix for separation.\n")))
                .containsExactly("ljspeech", "libri2mix");
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
    void aSentenceTransformersEvaluatorNameIsNoDataset() {
        String index = "model-index:\n- name: m\n  results:\n  - task:\n      type: semantic-similarity\n    dataset:\n"
                + "      type: %s\n      name: x\n    metrics:\n    - type: pearson_cosine\n      value: 0.8\n";
        assertThat(extractor.extract(card("a/m", "library_name: sentence-transformers\n" + index.formatted("eval_pairs_embed"), "Text.\n")))
                .isEmpty();
        assertThat(values(extractor, card("a/m", "library_name: sentence-transformers\n" + index.formatted("acme/pairs"), "Text.\n")))
                .containsExactly("acme/pairs");
        assertThat(values(extractor, card("a/m", index.formatted("tiny_pairs"), "Text.\n"))).containsExactly("tiny_pairs");
        // An evaluator's results beside a Hub dataset's: the results are about more than one dataset.
        String both = "library_name: sentence-transformers\n" + index.formatted("acme/pairs")
                + index.formatted("eval_pairs_embed").substring("model-index:\n- name: m\n  results:\n".length());
        assertThat(extractor.extract(card("a/m", both, "Text.\n"))).isEmpty();
    }

    @Test
    void anOrganisationsDatasetPageIsNoDataset() {
        // huggingface.co/datasets/Acme lists an organisation's datasets; a legacy single-name dataset is lower case.
        assertThat(extractor.extract(body("The model has been trained on the dataset [recipes](https://huggingface.co/datasets/AcmeLabs).\n")))
                .isEmpty();
        assertThat(values(extractor, body("It was fine-tuned on the [Tiny Recipes](https://huggingface.co/datasets/tiny_recipes) dataset.\n")))
                .containsExactly("tiny_recipes");
    }

    @Test
    void aFewWordsBetweenTrainedOnAndTheLink() {
        assertThat(values(extractor, body("It was fine-tuned on the Basque portion of the [Inference set](https://huggingface.co/datasets/nli-sets/inference).\n")))
                .containsExactly("nli-sets/inference");
        // a sentence that ends before the link is no evidence
        assertThat(extractor.extract(body("It was fine-tuned on our own data. See also [Inference set](https://huggingface.co/datasets/nli-sets/inference).\n")))
                .allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
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
    void trainedFromScratchOnADataset() {
        assertThat(values(extractor, body("This model was trained from scratch on the reviews_tiny dataset.\nIt achieves the following results on the evaluation set:\n- Loss: 0.5\n")))
                .containsExactly("reviews_tiny");
        assertThat(extractor.extract(body("This model was trained from scratch on an unknown dataset.\n"))).isEmpty();
    }

    @Test
    void espnetRecipe() {
        assertThat(values(extractor, body("## ESPnet2 TTS model\n\nThis model was trained by someone using speechset/tts1 recipe in [espnet](https://github.com/espnet/espnet/).\n")))
                .containsExactly("speechset");
        assertThat(values(extractor, body("This model was trained by A. Person using chimes recipe in [espnet](https://github.com/espnet/espnet/).\n")))
                .containsExactly("chimes");
        assertThat(extractor.extract(body("Follow the recipe in [espnet](https://github.com/espnet/espnet/) to train your own.\n"))).isEmpty();
        assertThat(extractor.extract(body("This model was trained by someone using egs2/asr1 recipe in [espnet](https://github.com/espnet/espnet/).\n"))).isEmpty();
    }

    @Test
    void datasetLinesOfTemplates() {
        var card = body("## Model Details\n- **Model Type:** Image classification\n- **Dataset:** PicNet-1k\n- **Pretrain Dataset:** PicNet-22k\n");
        assertThat(values(extractor, card)).containsExactly("picnet-1k", "picnet-22k");
        assertThat(extractor.extract(body("- **Dataset:** [More Information Needed]\n- **Dataset:** ./data/train.csv\n- **Dataset:** our own photos of cats\n"))).isEmpty();
    }

    @Test
    void datasetNameHyperparameter() {
        assertThat(values(extractor, body("The following hyperparameters were used during training:\n- dataset_name: someone/book-reviews\n- learning_rate: 5e-05\n")))
                .containsExactly("someone/book-reviews");
        assertThat(extractor.extract(body("- dataset_name: None\n"))).isEmpty();
    }

    @Test
    void fineTunedUsingALinkedDataset() {
        assertThat(values(extractor, body("Fine-tuned [a/xlsr](https://huggingface.co/a/xlsr) on Breton using the [Voices](https://huggingface.co/datasets/voices) dataset.\n")))
                .containsExactly("voices");
    }

    @Test
    void modelIndexDatasetOnlyWhenItIsTheOnlyOneAndNotEvaluationData() {
        // not a task name where the id belongs
        String task = "model-index:\n- name: b\n  results:\n  - task:\n      type: token-classification\n    dataset:\n      type: ner\n      name: x\n"
                + "    metrics:\n    - type: f1\n      value: 0.5\n";
        assertThat(extractor.extract(card("a/b", task, "Nothing.\n"))).isEmpty();
        String entry = "  - task:\n      type: automatic-speech-recognition\n    dataset:\n      type: %s\n      name: x\n    metrics:\n    - type: wer\n      value: 0.5\n";
        String one = "tags:\n- generated_from_trainer\nmodel-index:\n- name: b\n  results:\n" + entry.formatted("talks/speech-set");
        assertThat(values(extractor, card("a/b", one, "This model is a fine-tuned version of [a/c](https://huggingface.co/a/c) on the None dataset.\n")))
                .containsExactly("talks/speech-set");
        String two = one + entry.formatted("other/speech-eval");
        assertThat(extractor.extract(card("a/b", two, "This model is a fine-tuned version of [a/c](https://huggingface.co/a/c) on the None dataset.\n")))
                .isEmpty();
        var plain = card("a/b", one.replace("tags:\n- generated_from_trainer\n", ""), "Nothing about training.\n");
        assertThat(values(extractor, plain)).containsExactly("talks/speech-set");
        String rl = "model-index:\n- name: b\n  results:\n  - task:\n      type: reinforcement-learning\n    dataset:\n      type: Lander-v9\n      name: Lander-v9\n"
                + "    metrics:\n    - type: mean_reward\n      value: 250.5\n";
        assertThat(extractor.extract(card("a/ppo-Lander-v9", rl, "A trained agent.\n"))).isEmpty();
        assertThat(extractor.extract(card("a/b", one.replace("talks/speech-set", "flores_101"), "Nothing.\n"))).isEmpty();
        assertThat(extractor.extract(card("a/b", one.replace("talks/speech-set", "tico19-test"), "Nothing.\n"))).isEmpty();
        String event = "tags:\n- generated_from_trainer\nmodel-index:\n- name: b\n  results:\n" + entry.formatted("speech-recognition-community-v2/dev_data");
        assertThat(extractor.extract(card("a/b", event, "This model is a fine-tuned version of [a/c](https://huggingface.co/a/c) on the None dataset.\n")))
                .isEmpty();
    }

    @Test
    void listedLinksInATrainingDataSection() {
        var card = body("## Training data\n\n- [Recipes v2](https://huggingface.co/datasets/cook/recipes-v2): cleaned, see [its source](https://huggingface.co/datasets/cook/raw-recipes)\n"
                + "- [Menus](https://huggingface.co/datasets/cook/menus)\n");
        assertThat(extractor.extract(card)).filteredOn(s -> s.confidence() >= 0.8).extracting(s -> s.value())
                .containsExactly("cook/recipes-v2", "cook/menus");
        // evaluation sections and prose lines are not lists of training data
        assertThat(extractor.extract(body("## Evaluation data\n\n- [Menus](https://huggingface.co/datasets/cook/menus)\n")))
                .allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
        assertThat(extractor.extract(body("## Training data\n\nWe left out [Menus](https://huggingface.co/datasets/cook/menus) on purpose.\n")))
                .allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
    }

    @Test
    void listsThatALineAboutTrainingIntroduces() {
        var card = body("# Pup\n\nPup was pretrained on a mix of three sets:\n\n- [Tales](https://huggingface.co/datasets/books/tales)\n"
                + "- [Songs](https://huggingface.co/datasets/books/songs) (2 GB)\n");
        assertThat(values(extractor, card)).containsExactly("books/tales", "books/songs");
        assertThat(extractor.extract(body("# Pup\n\nWe evaluated the trained model on:\n\n- [Tales](https://huggingface.co/datasets/books/tales)\n")))
                .allSatisfy(s -> assertThat(s.confidence()).isLessThan(0.8));
    }

    @Test
    void dataViewerLinksOfLegacyDatasets() {
        assertThat(values(extractor, body("## Datasets\n\n- 5000 rows of the [tagged set](https://huggingface.co/datasets/tagset/viewer/en/train)\n")))
                .containsExactly("tagset");
        assertThat(extractor.extract(body("## Datasets\n\n1. [Dialects](https://huggingface.co/datasets/viewer/?dataset=dialects)\n"))).isEmpty();
    }
    @Test
    void trainedOnALinkAfterTheBaseModelsLinkOrWithoutTheArticle() {
        assertThat(proposed(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on [Tiny-Tags](https://huggingface.co/datasets/tiny_tags) dataset.\n")))
                .containsExactly("tiny_tags");
        assertThat(proposed(body("Model trained from [a/b](https://huggingface.co/a/b) on the [moods](https://huggingface.co/datasets/moods) dataset.\n")))
                .containsExactly("moods");
        assertThat(proposed(body("It was fine tuned on the [bank_intents](https://huggingface.co/datasets/bank_intents) dataset.\n")))
                .containsExactly("bank_intents");
        assertThat(proposed(body("A fine-tuned version of [a/b](https://huggingface.co/a/b) on an [xgrid TAG.x](https://huggingface.co/datasets/xgrid/viewer/TAG.x/test) for tagging.\n")))
                .containsExactly("xgrid");
    }

    @Test
    void everyLinkOfTheListATrainingSentenceGives() {
        assertThat(proposed(body("This model was fine-tuned on [Talk A](https://huggingface.co/datasets/me/talk-a), [Talk B](https://huggingface.co/datasets/me/talk-b) "
                + "and Hard-Talk ([HT](https://huggingface.co/datasets/me/ht)).\n")))
                .containsExactlyInAnyOrder("me/talk-a", "me/talk-b", "me/ht");
        assertThat(proposed(body("The classifier head was fine-tuned on 2k labelled posts, sampled from [me/posts](https://huggingface.co/datasets/me/posts).\n")))
                .containsExactly("me/posts");
        assertThat(proposed(body("The model was trained with the shop-dataset (https://huggingface.co/datasets/me/shop).\n")))
                .containsExactly("me/shop");
    }

    @Test
    void aTrainingSentenceStopsAtEvaluationAndAtLinksThatSayWhereTheDataCameFrom() {
        assertThat(proposed(body("It was trained on [mine](https://huggingface.co/datasets/me/mine) and evaluated on [theirs](https://huggingface.co/datasets/you/theirs).\n")))
                .containsExactly("me/mine");
        assertThat(proposed(body("It was trained on [mine](https://huggingface.co/datasets/me/mine), a set we mined from the existing [big](https://huggingface.co/datasets/you/big) corpus.\n")))
                .containsExactly("me/mine");
        assertThat(proposed(body("We trained it. See [other](https://huggingface.co/datasets/you/other) for a related set.\n"))).isEmpty();
    }

    @Test
    void aLineThatIntroducesTheDataWithALink() {
        assertThat(proposed(body("Dataset is available [here](https://huggingface.co/datasets/me/pixels).\n"))).containsExactly("me/pixels");
        assertThat(proposed(body("The dataset used is the [QA corpus](https://huggingface.co/datasets/me/qa).\n"))).containsExactly("me/qa");
        assertThat(proposed(body("Pretraining Dataset: [Crawl](https://huggingface.co/datasets/crawl)\n"))).containsExactly("crawl");
        assertThat(proposed(body("Evaluation dataset: [Test](https://huggingface.co/datasets/me/test)\n"))).isEmpty();
        assertThat(proposed(body("Datasets like [this one](https://huggingface.co/datasets/me/x) are hard.\n"))).isEmpty();
        assertThat(proposed(body("Dataset [held](https://huggingface.co/datasets/me/held) was used for evaluation only.\n"))).isEmpty();
    }

    @Test
    void aTrainingSectionThatIsOneLink() {
        assertThat(proposed(body("## Training data\n\n[few-shot-cats](https://huggingface.co/datasets/me/few-shot-cats)\n\n## Images\n")))
                .containsExactly("me/few-shot-cats");
        assertThat(proposed(body("## Evaluation data\n\n[held](https://huggingface.co/datasets/me/held)\n"))).isEmpty();
    }

    @Test
    void namedDatasetsAfterACapitalisedVerbAndWellKnownNames() {
        assertThat(proposed(body("- Trained on MuST-C and a private set\n"))).containsExactly("must_c");
        assertThat(proposed(body("# Small-T5 fine-tuned on TyDiQA for question generation\n"))).containsExactly("tydiqa");
        assertThat(proposed(body("A reader model, then fine-tuned on the RACE dataset.\n"))).containsExactly("race");
        assertThat(proposed(body("An NLI model finetuned on WANLI, a collaborative NLI set.\n"))).containsExactly("alisawuffles/wanli");
        // a name the list does not hold, or a known name that is not what the model was trained on, gives nothing
        assertThat(proposed(body("Fine-tuned on Race Horses.\n"))).isEmpty();
        assertThat(proposed(body("It scores 80 on RACE.\n"))).isEmpty();
    }

    @Test
    void aBenchmarkCardsDatasetPath() {
        assertThat(proposed(body("Fixed parameters:\n* **model_name_or_path**: `me/tagger`\n* **dataset**:\n    * **path**: `tiny_ner`\n"
                + "    * **eval_split**: `validation`\n"))).containsExactly("tiny_ner");
        assertThat(proposed(body("* **dataset**: [{'path': 'tiny_qa', 'eval_split': 'validation', 'name': None}]\n"))).containsExactly("tiny_qa");
        assertThat(proposed(body("* **model**:\n    * **path**: `me/tagger`\n"))).isEmpty();
    }

    @Test
    void namedDatasetsAfterTheBaseModelsLinkAndFineTunedWrittenApart() {
        assertThat(proposed(body("The authors fine-tuned the [tiny-bert](https://huggingface.co/me/tiny-bert) model on RACE for two epochs.\n")))
                .containsExactly("race");
        assertThat(proposed(body("# Small reader Fine Tuned on BoolQ\n"))).containsExactly("boolq");
        assertThat(proposed(body("A tagger that was fine-tuned from tiny-bert on conll2003 data.\n"))).containsExactly("conll2003");
        assertThat(proposed(body("An int8 export of a reader finetuned on Squad.\n"))).containsExactly("squad");
        assertThat(proposed(body("An int8 export of a reader finetuned on Squad v2.\n"))).containsExactly("squad_v2");
        // the Trainer's sentence names its data itself; a link without "model" after it is not this shape
        assertThat(proposed(body("It was fine-tuned from [me/base](https://huggingface.co/me/base) on RACE.\n"))).isEmpty();
    }

    @Test
    void everyKnownNameOfOneTrainingList() {
        assertThat(proposed(body("- Trained on VoxPopuli, MuST-C, Europarl-ST and CoVoST 2\n")))
                .containsExactly("voxpopuli", "must_c", "europarl_st", "covost2");
        assertThat(proposed(body("A model trained on CC-100, and the Japanese portion of OSCAR.\n"))).containsExactly("cc100", "oscar");
        // the list ends at the first item the gazetteer does not know: what follows may be other data
        assertThat(proposed(body("- Trained on MuST-C, SomeCorpus and VoxPopuli\n"))).containsExactly("must_c");
        assertThat(proposed(body("Trained on MuST-C and evaluated on CoVoST 2.\n"))).containsExactly("must_c");
    }

    @Test
    void aTrainingSentenceWithTheBaseModelsLinkAndLinksToOtherSitesInItsList() {
        assertThat(proposed(body("This model is a fine-tuned version of [tiny-t5](https://huggingface.co/me/tiny-t5) on "
                + "[Alpha Talk](https://huggingface.co/datasets/me/alpha), [Beta Talk](https://huggingface.co/datasets/me/beta) "
                + "and [Gamma Talk](https://huggingface.co/datasets/me/gamma).\n")))
                .containsExactly("me/alpha", "me/beta", "me/gamma");
        assertThat(proposed(body("It was fine-tuned on the [A-NLI](https://huggingface.co/datasets/me/a-nli), [B-NLI](https://github.com/me/b-nli), "
                + "Hard-NLI ([C-NLI](https://huggingface.co/datasets/me/c-nli)), [D-NLI](https://example.org/d.pdf) and "
                + "[E-NLI](https://huggingface.co/datasets/me/e-nli) datasets.\n")))
                .containsExactly("me/a-nli", "me/c-nli", "me/e-nli");
    }

    @Test
    void anIdDatasetOnATestingLineOrAKnownNameIsNotTakenAsWritten() {
        assertThat(proposed(body("A dog concept trained by me on the me/dog-photos dataset.\n"))).containsExactly("me/dog-photos");
        assertThat(proposed(body("Evaluation results on the sts-dev_small dataset:\n"))).isEmpty();
        // the gazetteer's name gives its Hub id, not the spelling of the text
        assertThat(proposed(body("A small LM pre-trained on the WikiText-103 corpus for two epochs.\n"))).containsExactly("wikitext");
    }

    @Test
    void aTrainerDatasetWithCapitalsAndNoOrganisationIsALocalNameBelowTheDefaultMinimum() {
        // the Trainer writes the script's dataset name; "CRAFT" or "Kimiko" names no Hub dataset (legacy ids are lower case)
        var local = body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the Tumours dataset.\n");
        assertThat(values(extractor, local)).containsExactly("Tumours");
        assertThat(proposed(local)).isEmpty();
        assertThat(proposed(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the tumours_v2 dataset.\n")))
                .containsExactly("tumours_v2");
        assertThat(proposed(body("This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the [Tumours](https://huggingface.co/datasets/me/Tumours) dataset.\n")))
                .containsExactly("me/Tumours");
    }

    @Test
    void theDataOfAnotherModelThatTheSentenceDescribes() {
        // a relative clause about the base model: its pre-training data, not this model's
        assertThat(proposed(body("We started from [Pixel Painter v1](https://huggingface.co/acme/pixel-painter-v1), which is a diffusion model "
                + "trained on [Art Pairs](https://huggingface.co/datasets/acme/art-pairs). We fine-tuned it on 5K drawings.\n"))).isEmpty();
        assertThat(proposed(body("We fine-tune the [Tiny LM](https://huggingface.co/acme/tiny-lm) model originally trained by Acme on The Pile.\n"))).isEmpty();
        assertThat(proposed(body("Our corpus is larger. By contrast, multilingual encoders were trained on Wikipedia alone.\n"))).isEmpty();
        assertThat(proposed(body("We used a model trained on [Toxic Posts](https://huggingface.co/datasets/acme/toxic-posts) to score the outputs.\n"))).isEmpty();
        assertThat(proposed(body("We used the small toxicity classifier trained on [Toxic Posts](https://huggingface.co/datasets/acme/toxic-posts) as a filter.\n"))).isEmpty();
        // models this one is compared with: their data
        assertThat(proposed(body("We compare with models that were fine-tuned on the imdb dataset, such as [x/y](https://huggingface.co/x/y).\n")))
                .isEmpty();
        assertThat(proposed(body("We compared it against two baseline models trained on SQuAD v2.\n"))).isEmpty();
        assertThat(proposed(body("Unlike models which were trained on [Toxic Posts](https://huggingface.co/datasets/acme/toxic-posts), it is small.\n")))
                .isEmpty();
        // ... but the model's own sentence or clause beside a comparison still gives its data
        assertThat(proposed(body("We compare with other models. This model was fine-tuned on the imdb dataset.\n")))
                .containsExactly("imdb");
        for (String own : List.of("Compared to the base model, this model was further fine-tuned on the imdb dataset.\n",
                "Compared with other models, this one was trained on the imdb dataset.\n",
                "When compared with larger models, it does well; it was fine-tuned on the imdb dataset.\n",
                "This repository holds models that were fine-tuned on the imdb dataset.\n")) {
            assertThat(proposed(body(own))).as(own).containsExactly("imdb");
        }
        // "which" after the verb describes the data; the model's own sentence still gives it
        assertThat(proposed(body("This model was trained on the RACE dataset, which holds exam questions.\n"))).containsExactly("race");
        assertThat(proposed(body("CellNet is an encoder. CellNet was originally pretrained in 2021 on [Cells-1M](https://huggingface.co/datasets/acme/Cells-1M), a corpus.\n")))
                .containsExactly("acme/Cells-1M");
        assertThat(proposed(body("A diffusion model trained on [Art Pairs](https://huggingface.co/datasets/acme/art-pairs).\n")))
                .containsExactly("acme/art-pairs");
    }

    @Test
    void universalDependenciesOnALineAboutTestingIsNoTrainingData() {
        // the line opens with testing; the sentence naming the project does not repeat it
        assertThat(extractor.extract(body("# Benchmarks\n\nWe tested the encoder on UPOS, XPOS and NER. For UPOS and XPOS, we used the data of the "
                + "[Universal Dependencies](https://universaldependencies.org/) project.\n"))).isEmpty();
        // the same sentence on a line of its own, in a tagger's description, is its training data
        assertThat(values(extractor, body("A POS-tagging pipeline.\n\nFor UPOS, we used the data of the [Universal Dependencies](https://universaldependencies.org/) project.\n")))
                .containsExactly("universal_dependencies");
    }

    @Test
    void aSingleNameOnTheIdDatasetRuleIsALowerCaseLegacyId() {
        assertThat(proposed(body("LayoutLM fine-tuned on the Contracts-NDA dataset. Code is on GitHub.\n"))).isEmpty();
        assertThat(proposed(body("This model has been pretrained on the P9-20k corpus of radio speech.\n"))).isEmpty();
        assertThat(proposed(body("A tagger fine-tuned on the legal_ner-v2 dataset.\n"))).containsExactly("legal_ner-v2");
        assertThat(proposed(body("A tagger fine-tuned on the acme/Legal-NER dataset.\n"))).containsExactly("acme/Legal-NER");
    }

    @Test
    void anAdapterHubAdaptersTaskAsItsRepoNamesIt() {
        assertThat(proposed(body("# Adapter `AdapterHub/tiny-bert-pf-hotpotqa` for tiny-bert\n\nAn adapter with a QA head.\n")))
                .containsExactly("hotpot_qa");
        assertThat(proposed(body("# ONNX export of Adapter `AdapterHub/tiny-bert-pf-ud_pos` for tiny-bert\n"))).containsExactly("universal_dependencies");
        assertThat(proposed(body("# Adapter `AdapterHub/tiny-roberta-pf-cola` for tiny-roberta\n"))).containsExactly("glue");
        // a task the table does not hold, or an adapter outside AdapterHub's series, gives nothing
        assertThat(proposed(body("# Adapter `AdapterHub/tiny-bert-pf-wikihop` for tiny-bert\n"))).isEmpty();
        assertThat(proposed(body("# Adapter `someone/tiny-bert-pf-squad` for tiny-bert\n"))).isEmpty();
    }

    @Test
    void autoNlpProjectData() {
        assertThat(values(extractor, card("someone/autonlp-song-moods-40211", null, "# Model Trained Using AutoNLP\n\n- Problem type: Multi-class\n")))
                .containsExactly("someone/autonlp-data-song-moods");
        assertThat(extractor.extract(card("someone/autonlp-song-moods-40211", null, "No word of the tool.\n"))).isEmpty();
    }

    @Test
    void bertsOwnTrainingDataAsItsFamilyCopiesIt() {
        String text = "## Training data\n\nThe model was pretrained on [BookCorpus](https://example.org/books), a dataset consisting of 9,000\n"
                + "unpublished books and [English Wikipedia](https://example.org/wiki) (excluding lists and tables).\n";
        assertThat(proposed(card("someone/tiny-albert-v3", null, text))).containsExactly("bookcorpus", "wikipedia");
        // a fine-tune that copied its base's card: the base's pre-training data, not its own (the older named rule still
        // reads "pretrained on [BookCorpus]" there; this rule adds nothing)
        assertThat(proposed(card("someone/tiny-albert-finetuned-reviews", null, text))).doesNotContain("wikipedia");
        assertThat(proposed(card("someone/tiny-albert-v3", null,
                "This model is a fine-tuned version of [a/b](https://huggingface.co/a/b) on the reviews_small dataset.\n\n" + text)))
                .contains("reviews_small").doesNotContain("wikipedia");
    }

    @Test
    void aParserUsedThroughTheUniversalDependenciesPipeline() {
        assertThat(proposed(body("## How to Use\n\n```py\nfrom transformers import pipeline\nnlp=pipeline(\"universal-dependencies\",\"someone/tiny-ud-goeswith\",trust_remote_code=True)\n```\n")))
                .containsExactly("universal_dependencies");
        assertThat(proposed(body("```py\nnlp=pipeline(\"token-classification\",\"someone/tiny-upos\")\n```\n"))).isEmpty();
    }

    @Test
    void morePlainNamesOfTheGazetteer() {
        assertThat(proposed(body("A sentiment model fine-tuned on [Financial PhraseBank](https://example.org/fpb).\n"))).containsExactly("financial_phrasebank");
        assertThat(proposed(body("A code model pretrained on CodeSearchNet and more code.\n"))).containsExactly("code_search_net");
        assertThat(proposed(body("# Tiny T5 finetuned on CNN DailyMail\n"))).containsExactly("cnn_dailymail");
        assertThat(proposed(body("A depth model fine-tuned on ADE20k for segmentation.\n"))).containsExactly("scene_parse_150");
        // GLUE's task names: YAMLs write `glue`, the task, or a translation's id
        assertThat(proposed(body("A tiny encoder finetuned on MRPC.\n"))).isEmpty();
    }

    @Test
    void aDeduplicatedPileAsTheDedupedModelsNameSays() {
        String text = "This model was trained on the Pile after the dataset has been globally deduplicated.\n";
        assertThat(proposed(card("someone/tiny-lm-deduped", null, text))).containsExactly("EleutherAI/the_pile_deduplicated");
        assertThat(proposed(card("someone/tiny-lm", null, "This model was trained on the Pile.\n"))).containsExactly("the_pile");
    }

    @Test
    void aVersionedMozillaCommonVoiceInATrainingList() {
        assertThat(proposed(body("## Training\n\n### Datasets\n\n- Mozilla Common Voice 9.0 (Welsh) - 80 hours after cleaning\n"
                + "- MozillaCommonVoice 6.1 - 12 hours\n- A private set\n")))
                .containsExactly("mozilla-foundation/common_voice_9_0", "mozilla-foundation/common_voice_6_1");
        // under an evaluation heading, or without a version (the legacy common_voice as often), nothing
        assertThat(proposed(body("## Evaluation\n\n- Mozilla Common Voice 9.0 test split\n"))).isEmpty();
        assertThat(proposed(body("## Training data\n\n- Mozilla Common Voice (Welsh)\n"))).isEmpty();
    }

    @Test
    void aNamedDatasetsVariantOrPart() {
        assertThat(proposed(body("| Plain | Trained on the non-shuffled variant of the oscar corpus, in order. |\n"))).containsExactly("oscar");
        assertThat(proposed(body("A sentence classifier fine-tuned on french part of XNLI.\n"))).containsExactly("xnli");
        // a negation, or another version of the data (a translation), is not the named dataset
        assertThat(proposed(body("The encoder was not trained on any part of Wikipedia.\n"))).isEmpty();
        assertThat(proposed(body("A reader fine-tuned on an experimental version of SQuAD1.1 in Basque.\n"))).isEmpty();
    }

    /** What {@code suggest} proposes at its default minimum confidence (0.8); the 0.6 link rule is below it. */
    private java.util.List<Object> proposed(dev.cardminer.core.ModelCard card) {
        return extractor.extract(card).stream().filter(s -> s.confidence() >= 0.8).map(dev.cardminer.suggest.Suggestion::value).toList();
    }
}
