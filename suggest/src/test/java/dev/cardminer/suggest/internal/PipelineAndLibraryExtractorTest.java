package dev.cardminer.suggest.internal;

import dev.cardminer.core.Vocabularies;
import org.junit.jupiter.api.Test;

import static dev.cardminer.suggest.internal.Cards.body;
import static dev.cardminer.suggest.internal.Cards.card;
import static dev.cardminer.suggest.internal.Cards.values;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineAndLibraryExtractorTest {

    private final PipelineTagExtractor task = new PipelineTagExtractor(Vocabularies.bundled());
    private final LibraryNameExtractor library = new LibraryNameExtractor(Vocabularies.bundled());

    @Test
    void aTaskFromTheModelIndexPointsAtTheModelIndexKeysLine() {
        var card = card("me/m", "license: mit\ntags:\n- x\nmodel-index:\n- name: m\n  results:\n  - task:\n"
                + "      type: text-classification\n    dataset:\n      type: imdb\n      name: IMDB\n    metrics:\n"
                + "    - type: accuracy\n      value: 0.9\n", "# M\n\nA model.\n");
        var found = task.extract(card);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("model-index-task");
            assertThat(s.evidence().line()).isEqualTo(5);   // "model-index:", not the block's first line (license)
        });
    }

    @Test
    void autoClassHeads() {
        var card = body("```python\nfrom transformers import AutoModelForTokenClassification\nm = AutoModelForTokenClassification.from_pretrained('x/y')\n```\n");
        assertThat(values(task, card)).containsExactly("token-classification");
        assertThat(values(library, card)).containsExactly("transformers");
    }

    @Test
    void taskWordsInTheRepoNameAndTaskLines() {
        assertThat(values(task, card("someone/distilbert-base-uncased-finetuned-ner", null, "Weights.\n"))).containsExactly("token-classification");
        assertThat(values(task, card("someone/roberta-squad2-small", null, "Weights.\n"))).containsExactly("question-answering");
        assertThat(values(task, card("someone/wav2vec2-large-frisian", null, "Weights.\n"))).containsExactly("automatic-speech-recognition");
        assertThat(values(task, body("**task**: `token-classification`\n**Backend:** `local`\n"))).containsExactly("token-classification");
        assertThat(values(task, card("a/b", "tags:\n- Text Classification\n", "Weights.\n"))).containsExactly("text-classification");
    }

    @Test
    void taskWordsGiveWayToTheTextAndNeedAWholeWord() {
        // A snippet beats the name; words only count whole: "posterior" is no POS tagger, "nervous" no NER.
        assertThat(values(task, card("someone/ner-data-tools", null, "```py\nclf = pipeline('sentiment-analysis', model='x/y')\n```\n")))
                .containsExactly("text-classification");
        assertThat(task.extract(card("someone/posterior-nervous-model", null, "Weights.\n"))).isEmpty();
        // A name that says the model classifies vetoes a backbone's usual task: keyword spotting is no ASR.
        assertThat(task.extract(card("someone/wav2vec2-base-ft-keyword-spotting-int8", null, "Weights.\n"))).isEmpty();
        assertThat(values(task, card("someone/vit-base-classifier", null, "Weights.\n"))).containsExactly("image-classification");
        assertThat(task.extract(body("The task: make it faster.\n"))).isEmpty();
        assertThat(task.extract(body("Task: no-such-task\n"))).isEmpty();
    }

    @Test
    void pipelineCallsWithAliases() {
        assertThat(values(task, body("```py\nsummarizer = pipeline(\"summarization\", model=\"x/y\")\n```\n"))).containsExactly("summarization");
        assertThat(values(task, body("```py\nclf = pipeline('sentiment-analysis', model='x/y')\n```\n"))).containsExactly("text-classification");
        assertThat(task.extract(body("```py\np = pipeline('no-such-task')\n```\n"))).isEmpty();
    }

    @Test
    void sentenceTransformers() {
        var card = body("```python\nfrom sentence_transformers import SentenceTransformer\nmodel = SentenceTransformer('x/y')\n```\n");
        assertThat(values(task, card)).containsExactly("sentence-similarity");
        assertThat(values(library, card)).containsExactly("sentence-transformers");
    }

    @Test
    void diffusers() {
        var card = body("```python\nfrom diffusers import StableDiffusionPipeline\npipe = StableDiffusionPipeline.from_pretrained('x/y')\n```\n");
        assertThat(values(task, card)).containsExactly("text-to-image");
        assertThat(values(library, card)).containsExactly("diffusers");
    }

    @Test
    void reinforcementLearningLibraries() {
        var sb3 = body("This is a trained PPO agent using the [stable-baselines3 library](https://github.com/DLR-RM/stable-baselines3).\n");
        assertThat(values(task, sb3)).containsExactly("reinforcement-learning");
        assertThat(values(library, sb3)).containsExactly("stable-baselines3");
        assertThat(values(library, body("Resume with `mlagents-learn ./config.yaml --resume`.\n"))).containsExactly("ml-agents");
    }

    @Test
    void specificLibrariesWinOverTransformers() {
        assertThat(values(library, body("```python\nfrom setfit import SetFitModel\nfrom transformers import AutoTokenizer\n```\n"))).containsExactly("setfit");
        assertThat(values(library, body("```python\nimport timm\nm = timm.create_model('hf_hub:x/y')\n```\n"))).containsExactly("timm");
        assertThat(values(library, body("### Framework versions\n\n- PEFT 0.7.1\n- Transformers 4.36.0\n"))).containsExactly("peft");
        assertThat(values(library, body("### Framework versions\n\n- Transformers 4.36.0\n- Pytorch 2.1.0\n"))).containsExactly("transformers");
        assertThat(values(library, body("```\npip install https://huggingface.co/spacy/xx_model/resolve/main/xx_model-any-py3-none-any.whl\n```\n"))).containsExactly("spacy");
    }

    @Test
    void adapterHubCardsAreAdapterTransformers() {
        var adapter = body("An adapter for the `acme-base` model.\n\nFirst, install `adapter-transformers`:\n\n```\npip install -U adapter-transformers\n```\n\n"
                + "```python\nfrom transformers import AutoModelWithHeads\nmodel = AutoModelWithHeads.from_pretrained(\"acme-base\")\n"
                + "adapter_name = model.load_adapter(\"acme/acme-base-pf-tags\", source=\"hf\")\n```\n");
        assertThat(values(library, adapter)).containsExactly("adapter-transformers");
        assertThat(values(library, body("```python\nfrom adapters import AutoAdapterModel\nm = AutoAdapterModel.from_pretrained('acme-base')\n```\n")))
                .containsExactly("adapter-transformers");
        // a plain transformers snippet and a PEFT adapter stay what they are
        assertThat(values(library, body("```python\nfrom transformers import AutoModel\nm = AutoModel.from_pretrained('x/y')\n```\nA LoRA adapter.\n")))
                .containsExactly("transformers");
        assertThat(values(library, body("```python\nfrom peft import PeftModel\n```\nAn adapter.\n"))).containsExactly("peft");
    }

    @Test
    void aTrainerBlockOfClassifierScoresVetoesTheSpeechWordsOfTheName() {
        String block = "This model is a fine-tuned version of [acme/speech-base](https://huggingface.co/acme/speech-base) on the intents dataset.\n"
                + "It achieves the following results on the evaluation set:\n- Loss: 0.56\n- F1: 0.87\n- Accuracy: 0.88\n";
        assertThat(task.extract(card("someone/xlsr-300m-intents-2", null, block))).isEmpty();
        assertThat(task.extract(card("someone/wav2vec2-base-finetuned-ks", null, block))).isEmpty();
        // an error rate says it transcribes
        String asr = "This model is a fine-tuned version of [acme/speech-base](https://huggingface.co/acme/speech-base) on the talks dataset.\n"
                + "It achieves the following results on the evaluation set:\n- Loss: 0.56\n- Wer: 0.31\n- Accuracy: 0.88\n";
        assertThat(values(task, card("someone/xlsr-300m-talks", null, asr))).containsExactly("automatic-speech-recognition");
        // a reader's F1 does not veto the question-answering word
        assertThat(values(task, card("someone/deberta-base-squad", null, block))).containsExactly("question-answering");
    }

    @Test
    void modelIndexTaskAndTags() {
        var indexed = card("a/b", "model-index:\n- name: b\n  results:\n  - task:\n      type: automatic-speech-recognition\n    dataset:\n      type: d\n      name: d\n    metrics:\n    - type: wer\n      value: 0.2\n", "Text.\n");
        assertThat(values(task, indexed)).containsExactly("automatic-speech-recognition");
        assertThat(values(task, card("a/b", "tags:\n- image-classification\n", "Text.\n"))).containsExactly("image-classification");
        assertThat(values(library, card("a/b", "tags:\n- generated_from_trainer\n", "Text.\n"))).containsExactly("transformers");
    }

    @Test
    void nothingWithoutASign() {
        assertThat(task.extract(body("A model that does things.\n"))).isEmpty();
        assertThat(library.extract(body("A model that does things.\n"))).isEmpty();
    }

    @Test
    void tagEvidencePointsAtTheTagsOwnLine() {
        var card = Cards.card("a/b", "license: mit\ntags:\n  - generated_from_trainer\n  - 'text-classification'\nmetrics:\n- f1\n", "Nothing.\n");
        var lib = library.extract(card).get(0);
        assertThat(lib.method()).isEqualTo("trainer-tag");
        assertThat(lib.evidence().line()).isEqualTo(4);     // "---" is line 1, "license" 2, "tags:" 3
        assertThat(lib.evidence().column()).isEqualTo(5);
        var tag = task.extract(card).get(0);
        assertThat(tag.method()).isEqualTo("task-tag");
        assertThat(tag.evidence().line()).isEqualTo(5);
        assertThat(tag.evidence().column()).isEqualTo(5);
        var flow = task.extract(Cards.card("a/b", "license: mit\ntags: [foo, text-classification]\n", "Nothing.\n")).get(0);
        assertThat(flow.evidence().line()).isEqualTo(3);
        assertThat(flow.evidence().column()).isEqualTo(13);
        // A tag the YAML writes in a form the line scan does not read (an escape) points at the tags key.
        var escaped = task.extract(Cards.card("a/b", "tags:\n- \"text\\x2Dclassification\"\n", "Nothing.\n")).get(0);
        assertThat(escaped.evidence().line()).isEqualTo(2);
        assertThat(escaped.evidence().start()).isEqualTo(-1);
    }

    @Test
    void theFrameworkVersionsEvidenceIsTheVersionLineNotTheBlankLineAbove() {
        var card = body("# m\n\n### Framework versions\n\n- Transformers 4.36.0\n- Pytorch 2.1.0\n");
        var found = library.extract(card);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.evidence().text()).contains("Transformers 4.36.0");
            assertThat(card.text().lines().toList().get(s.evidence().line() - 1)).isEqualTo("- Transformers 4.36.0");
        });
    }
}
