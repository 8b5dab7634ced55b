package dev.cardminer.suggest.internal;

import dev.cardminer.suggest.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cardminer.suggest.internal.Cards.body;
import static dev.cardminer.suggest.internal.Cards.card;
import static dev.cardminer.suggest.internal.Cards.values;
import static org.assertj.core.api.Assertions.assertThat;

class BaseModelExtractorTest {

    private final BaseModelExtractor extractor = new BaseModelExtractor();
    private final BaseModelRelationExtractor relation = new BaseModelRelationExtractor();

    @Test
    void trainerSentenceGivesTheLinkedIdWithEvidence() {
        var card = card("me/tuned", "tags:\n- generated_from_trainer\n",
                "# tuned\n\nThis model is a fine-tuned version of [acme/encoder-small](https://huggingface.co/acme/encoder-small) on the foo dataset.\n");
        List<Suggestion> found = extractor.extract(card);
        assertThat(found).hasSize(1);
        Suggestion s = found.get(0);
        assertThat(s.value()).isEqualTo("acme/encoder-small");
        assertThat(s.method()).isEqualTo("trainer-finetuned-version");
        assertThat(s.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.evidence().line()).isEqualTo(7);
        assertThat(s.evidence().column()).isEqualTo(17);
        assertThat(card.body().substring(s.evidence().start(), s.evidence().end())).startsWith("fine-tuned version of [acme");
        assertThat(s.evidence().text()).startsWith("This model is a fine-tuned version of");
        assertThat(relation.extract(card)).isEmpty();
    }

    @Test
    void oneReadingPerCardIsSharedWithTheExtractorsThatNeedIt() {
        var card = body("This model is a fine-tuned version of [acme/enc](https://huggingface.co/acme/enc) on the None dataset.\n");
        var same = extractor.read(card);
        assertThat(extractor.read(card)).isSameAs(same);
        assertThat(new BaseModelRelationExtractor(extractor).extract(card)).isEmpty();
        assertThat(extractor.read(card)).isSameAs(same);
        // another card, even with the same text, is read again
        var other = body(card.body());
        assertThat(extractor.read(other)).isNotSameAs(same).isEqualTo(same);
    }

    @Test
    void anotherVersionOfALinkedHubModel() {
        var longer = body("# Tuned 8K\n\nThis is the 8K version of https://huggingface.co/me/tuned with more samples.\n");
        assertThat(values(extractor, longer)).containsExactly("me/tuned");
        assertThat(extractor.extract(longer).get(0).method()).isEqualTo("version-of-link");
        assertThat(extractor.extract(longer).get(0).confidence()).isEqualTo(0.8);
        var tuned = body("Our classifier is a fine-tuned version of the [Acme encoder](https://huggingface.co/acme/enc-base) model.\n");
        assertThat(values(extractor, tuned)).containsExactly("acme/enc-base");
        assertThat(extractor.extract(tuned).get(0).confidence()).isEqualTo(0.85);
        // a link that is no Hub model, or a version named without a link, gives nothing
        assertThat(extractor.extract(body("This is the web version of [the demo](https://example.org/demo).\n"))).isEmpty();
        assertThat(extractor.extract(body("This is the second version of acme/enc-base, retrained.\n"))).isEmpty();
        assertThat(extractor.extract(body("This is a version of [a dataset](https://huggingface.co/datasets/acme/texts).\n"))).isEmpty();
    }

    @Test
    void legacySingleNameIdsAreKeptFromLinks() {
        assertThat(values(extractor, body("A fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on the None dataset.")))
                .containsExactly("distilbert-base-uncased");
        assertThat(values(extractor, body("It is a fine-tuned version of [XLM-RoBERTa-base](https://huggingface.co/xlm-roberta-base) on the x dataset.")))
                .containsExactly("xlm-roberta-base");
    }

    @Test
    void theBasesOwnBaseIsNoBase() {
        // the line's subject is the base model: the version it names is the base's base
        assertThat(extractor.extract(body("## The language model\n\nThe base language model [(acme-qa-v1)](https://huggingface.co/acme/acme-qa-v1) "
                + "is a fine-tuned version of [bert-base-multilingual-cased](https://huggingface.co/bert-base-multilingual-cased) for QA.\n"))).isEmpty();
        // the card's own sentence, also with the base named before it on the line
        assertThat(values(extractor, body("**Acme-QA** is a fine-tuned version of [acme/base-qa](https://huggingface.co/acme/base-qa) on news.\n")))
                .containsExactly("acme/base-qa");
    }

    @Test
    void singleNamesThatAreNoLegacyHubIdAreLocalModels() {
        // the Trainer writes the script's model argument, a local folder or name, into its link as if it were a Hub id
        assertThat(extractor.extract(body("This model is a fine-tuned version of [lstm](https://huggingface.co/lstm) on the reviews dataset."))).isEmpty();
        assertThat(extractor.extract(body("This model is a fine-tuned version of [output_run3](https://huggingface.co/output_run3) on the None dataset."))).isEmpty();
        // a later rule still speaks when the Trainer line names a local model
        assertThat(values(extractor, body("This model is a fine-tuned version of [ckpt](https://huggingface.co/ckpt) on the None dataset.\n\n"
                + "It was fine-tuned from [acme/enc-base](https://huggingface.co/acme/enc-base).\n")))
                .containsExactly("acme/enc-base");
    }

    @Test
    void localPathsAndProseGiveNothing() {
        assertThat(extractor.extract(body("This model is a fine-tuned version of [/content/drive/ckpt](https://huggingface.co//content/drive/ckpt) on the None dataset."))).isEmpty();
        assertThat(extractor.extract(body("This model is a fine-tuned version of the model we trained last week."))).isEmpty();
        assertThat(extractor.extract(body("It is based on the idea that small is beautiful."))).isEmpty();
    }

    @Test
    void fineTunedFromABareId() {
        assertThat(values(extractor, body("We fine-tuned it from `acme/chat-7b` for three epochs.\n")))
                .containsExactly("acme/chat-7b");
    }

    @Test
    void baseModelLineOfTheTemplate() {
        assertThat(values(extractor, body("## Details\n\n- **Finetuned from model:** [acme/lm-1b](https://huggingface.co/acme/lm-1b)\n")))
                .containsExactly("acme/lm-1b");
    }

    @Test
    void peftAdapterConfigIsAnAdapter() {
        var card = body("```json\n{\"base_model_name_or_path\": \"acme/lm-7b\", \"r\": 8}\n```\n");
        assertThat(values(extractor, card)).containsExactly("acme/lm-7b");
        assertThat(values(relation, card)).containsExactly("adapter");
    }

    @Test
    void loraAdapterProseIsAnAdapter() {
        var card = body("This repo holds a LoRA adapter for [acme/lm-7b](https://huggingface.co/acme/lm-7b), trained on recipes.\n");
        assertThat(values(extractor, card)).containsExactly("acme/lm-7b");
        assertThat(values(relation, card)).containsExactly("adapter");
    }

    @Test
    void dreamBoothLoraWeights() {
        var card = body("# LoRA DreamBooth - me/dogs\n\nThese are LoRA adaption weights for acme/image-base-1.0. The weights were trained on dogs.\n");
        assertThat(values(extractor, card)).containsExactly("acme/image-base-1.0");
        assertThat(values(relation, card)).containsExactly("adapter");
    }

    @Test
    void basedOnALinkedModel() {
        assertThat(values(extractor, body("Pup is based on the [acme/chat-7b](https://huggingface.co/acme/chat-7b) model, tuned further.\n")))
                .containsExactly("acme/chat-7b");
    }

    @Test
    void aCardBasedOnAnotherCardNamesNoBaseModel() {
        assertThat(values(extractor, body("# Model\n\n*This model card was written by the team and is based on the "
                + "[acme/image-gen](https://huggingface.co/acme/image-gen) card.*\n"))).isEmpty();
        assertThat(values(extractor, body("The text of this README is based on [acme/chat-7b](https://huggingface.co/acme/chat-7b).\n")))
                .isEmpty();
        // "text-generation" names a task, not the card's text
        assertThat(values(extractor, body("This text-generation model is based on [acme/chat-7b](https://huggingface.co/acme/chat-7b).\n")))
                .containsExactly("acme/chat-7b");
    }

    @Test
    void mergekitConfigGivesEveryModelAndMerge() {
        var card = body("Merged with mergekit.\n\n```yaml\nmodels:\n  - model: acme/left-7b\n  - model: other/right-7b\nmerge_method: slerp\nbase_model: acme/left-7b\n```\n");
        assertThat(values(extractor, card)).containsExactly("acme/left-7b", "other/right-7b");
        assertThat(values(relation, card)).containsExactly("merge");
    }

    @Test
    void quantizedReuploads() {
        var gguf = card("quanter/lm-7b-GGUF", null, "# lm 7b GGUF\n\nGGUF quants of [acme/lm-7b](https://huggingface.co/acme/lm-7b), made with llama.cpp.\n");
        assertThat(values(extractor, gguf)).containsExactly("acme/lm-7b");
        assertThat(values(relation, gguf)).containsExactly("quantized");
        var original = card("quanter/lm-7b-GPTQ", null, "# GPTQ files\n\nOriginal model: https://huggingface.co/acme/lm-7b\n");
        assertThat(values(extractor, original)).containsExactly("acme/lm-7b");
        assertThat(values(relation, original)).containsExactly("quantized");
        assertThat(values(extractor, body("This is a quantized version of [acme/lm-7b](https://huggingface.co/acme/lm-7b).")))
                .containsExactly("acme/lm-7b");
    }

    @Test
    void quantizationTemplates() {
        var converted = card("me/lm-7b-Q4_K_M-GGUF", null, "# me/lm-7b\nThis model was converted to GGUF format from [`acme/lm-7b`](https://huggingface.co/acme/lm-7b) using llama.cpp.\n");
        assertThat(values(extractor, converted)).containsExactly("acme/lm-7b");
        assertThat(values(relation, converted)).containsExactly("quantized");
        var statics = card("me/pup-GGUF", null, "## About\n\nstatic quants of https://huggingface.co/acme/pup\n\nweighted/imatrix quants are elsewhere.\n");
        assertThat(values(extractor, statics)).containsExactly("acme/pup");
        assertThat(extractor.extract(body("We converted to GGUF format from the raw checkpoint.\n"))).isEmpty();
    }

    @Test
    void peftUsageSnippetLoadingThisAdapter() {
        var direct = card("me/pup-lora", null, "## Use\n\n```python\nbase = AutoModelForCausalLM.from_pretrained(\"acme/lm-7b\", device_map=\"auto\")\n"
                + "model = PeftModel.from_pretrained(base, \"me/pup-lora\")\n```\n");
        assertThat(values(extractor, direct)).containsExactly("acme/lm-7b");
        assertThat(values(relation, direct)).containsExactly("adapter");
        var viaName = card("me/pup-lora", null, "```python\nbase_name = \"acme/lm-7b\"\nmodel = AutoModelForCausalLM.from_pretrained(base_name)\n"
                + "model = PeftModel.from_pretrained(model, \"./lora_adapter\")\n```\n");
        assertThat(values(extractor, viaName)).containsExactly("acme/lm-7b");
        // another repo's adapter loaded in the snippet says nothing about this one
        assertThat(extractor.extract(card("me/full-model", null, "```python\nm = AutoModelForCausalLM.from_pretrained(\"me/pretrain\")\n"
                + "m = PeftModel.from_pretrained(m, \"me/pretrain-lora\")\n```\n"))).isEmpty();
    }

    @Test
    void theCardsOwnIdIsNoBaseModel() {
        assertThat(extractor.extract(card("acme/lm-7b", null, "Original model: https://huggingface.co/acme/lm-7b\n"))).isEmpty();
    }

    @Test
    void quantizedRepoNamedAfterALinkedModel() {
        var gguf = card("quanter/Lm-7B-Chat-Q4_K_M-GGUF", null,
                "# Lm 7B Chat\n\nRun it with llama.cpp. See the [full-precision weights](https://huggingface.co/acme/Lm-7B-Chat).\n");
        assertThat(values(extractor, gguf)).containsExactly("acme/Lm-7B-Chat");
        assertThat(values(relation, gguf)).containsExactly("quantized");
        var orgPrefixed = card("quanter/acme_Lm-7B-Chat-exl2-4.0bpw", null, "Made from https://huggingface.co/acme/Lm-7B-Chat today.\n");
        assertThat(values(extractor, orgPrefixed)).containsExactly("acme/Lm-7B-Chat");
    }

    @Test
    void quantizedRepoNamedAfterTheLicenseLinkOrAnotherQuantizersRepo() {
        var license = card("quanter/Lm-7B-GGUF", "license: other\nlicense_link: https://huggingface.co/acme/Lm-7B/blob/main/LICENSE\n", "# Lm 7B\n\nRun it.\n");
        assertThat(values(extractor, license)).containsExactly("acme/Lm-7B");
        assertThat(extractor.extract(license).get(0).evidence().text()).startsWith("license_link: ");
        var other = card("quanter/Lm-7B-GGUF", null, "Also see https://huggingface.co/someone/acme_Lm-7B-GGUF for other sizes.\n");
        assertThat(values(extractor, other)).containsExactly("acme/Lm-7B");
        // another quantizer's repo of the same name is no original
        assertThat(extractor.extract(card("quanter/Lm-7B-GGUF", null, "Also https://huggingface.co/someone/Lm-7B-i1-GGUF\n"))).isEmpty();
    }

    @Test
    void quantizedRepoNameNeedsAMatchingLinkAndASuffix() {
        // a link to another model of the family is no evidence
        assertThat(extractor.extract(card("quanter/Lm-7B-Chat-GGUF", null, "Compare with https://huggingface.co/acme/Lm-13B-Chat.\n"))).isEmpty();
        // a repo without a quantization suffix is not a re-upload
        assertThat(extractor.extract(card("acme/Lm-7B-Chat-v2", null, "Older: https://huggingface.co/acme/Lm-7B-Chat\n"))).isEmpty();
        // the card's own id (download commands) is not its base
        assertThat(extractor.extract(card("acme/Lm-7B-GGUF", null, "Get https://huggingface.co/acme/Lm-7B-GGUF/resolve/main/x.gguf\n"))).isEmpty();
    }

    @Test
    void aFinetuneOfALinkedModel() {
        assertThat(values(extractor, body("This is a finetune of [Chat 3B](https://huggingface.co/acme/chat-3b) with two datasets.\n")))
                .containsExactly("acme/chat-3b");
        assertThat(extractor.extract(body("This is a finetune of the ideas we had last year.\n"))).isEmpty();
    }

    @Test
    void theQuotedOriginalCardDescribesTheOriginalsBase() {
        var card = card("quanter/pup-7b-AWQ", null, "# Pup 7B AWQ\n\nAWQ weights.\n\n# Original model card: Pup 7B\n\n"
                + "Pup is a fine-tuned version of [acme/lm-7b](https://huggingface.co/acme/lm-7b) on dialogues.\n");
        assertThat(extractor.extract(card)).isEmpty();
        var before = card("quanter/pup-7b-AWQ", null, "# Pup 7B AWQ\n\nAWQ quants of [me/pup-7b](https://huggingface.co/me/pup-7b).\n\n"
                + "# Original model card: Pup 7B\n\nPup is a fine-tuned version of [acme/lm-7b](https://huggingface.co/acme/lm-7b) on dialogues.\n");
        assertThat(values(extractor, before)).containsExactly("me/pup-7b");
    }

    @Test
    void fineTunedLinkOpeningTheLine() {
        var xlsr = body("# Wav2Vec2 Large Breton\n\nFine-tuned [acme/speech-300m](https://huggingface.co/acme/speech-300m) on Breton "
                + "using the [Common Voice](https://huggingface.co/datasets/common_voice) dataset.\n");
        assertThat(values(extractor, xlsr)).containsExactly("acme/speech-300m");
        assertThat(extractor.extract(xlsr).get(0).method()).isEqualTo("finetuned-link");
        // a dataset link, or a link that is no Hub model, is no base
        assertThat(extractor.extract(body("Fine-tuned [the corpus](https://huggingface.co/datasets/acme/corpus) on two GPUs.\n"))).isEmpty();
        assertThat(extractor.extract(body("Fine-tuned [Encoder](https://github.com/acme/encoder) on reviews.\n"))).isEmpty();
        // not the verb that opens a sentence: "models fine-tuned [...] on" lists other models
        assertThat(extractor.extract(body("We compare with models fine-tuned [acme/x](https://huggingface.co/acme/x) on news.\n"))).isEmpty();
    }

    @Test
    void fineTunedOverOrOnACheckpoint() {
        assertThat(values(extractor, body("This model is finetuned over [XLM-R](https://huggingface.co/xlm-roberta-large) using Gujarati text.\n")))
                .containsExactly("xlm-roberta-large");
        assertThat(values(extractor, body("The model is finetuned on [TinyBART](https://huggingface.co/acme/TinyBART) checkpoint.\n")))
                .containsExactly("acme/TinyBART");
        // "fine-tuned on [X]" without "checkpoint" names the data
        assertThat(extractor.extract(body("It was finetuned on [news](https://huggingface.co/acme/news-dump) for a week.\n"))).isEmpty();
    }

    @Test
    void overNamesAModelOnlyAsALinkAndHubLinksToDatasetsOrSpacesAreNoBase() {
        assertThat(extractor.extract(body("A tagger trained over en/de sentence pairs.\n"))).isEmpty();
        assertThat(extractor.extract(body("It was fine-tuned over 3/4 of the data.\n"))).isEmpty();
        // the link's text is a repo id, but the link is to a dataset or a Space of the Hub
        assertThat(extractor.extract(body("This model was built on [acme/chat-data](https://huggingface.co/datasets/acme/chat-data).\n")))
                .isEmpty();
        assertThat(extractor.extract(body("Its weights were initialized from [acme/demo](https://huggingface.co/spaces/acme/demo).\n")))
                .isEmpty();
        assertThat(values(extractor, body("This model was built on [acme/base](https://huggingface.co/acme/base).\n")))
                .containsExactly("acme/base");
    }

    @Test
    void aQloraAdapterWhoseNameSaysFourBitStillGetsItsBase() {
        var adapter = card("me/llama-qlora-4bit", "library_name: peft\n", "This model is a fine-tuned version of "
                + "[acme/llama-7b](https://huggingface.co/acme/llama-7b) on an instruction set.\n");
        assertThat(values(extractor, adapter)).containsExactly("acme/llama-7b");
    }

    @Test
    void finetunedFromLineWithoutTheWordModel() {
        var line = body("## Details\n\n- **Finetuned from:** [acme/lm-13b](https://huggingface.co/acme/lm-13b)\n");
        assertThat(values(extractor, line)).containsExactly("acme/lm-13b");
        assertThat(extractor.extract(line).get(0).method()).isEqualTo("base-model-line");
    }

    @Test
    void theTemplatesFieldWithALegacySingleName() {
        var legacy = body("## Model Details\n\n- **Developed by:** me\n- **Finetuned from model:** gpt2\n\nMore.\n");
        assertThat(values(extractor, legacy)).containsExactly("gpt2");
        assertThat(values(extractor, body("- **Finetuned from model [optional]:** bert-base-uncased.\n")))
                .containsExactly("bert-base-uncased");
        // a single name that is no legacy id is a local folder or a word, and the template's placeholder is nothing
        assertThat(values(extractor, body("- **Finetuned from model:** mymodel\n"))).isEmpty();
        assertThat(values(extractor, body("- **Finetuned from model [optional]:** [More Information Needed]\n"))).isEmpty();
    }

    @Test
    void basedOnAtTheStartOfALineOrAPretrainedModel() {
        assertThat(values(extractor, body("# Headlines\n\nBased on [small-t5](https://huggingface.co/acme/small-t5) model.\n")))
                .containsExactly("acme/small-t5");
        assertThat(values(extractor, body("The model is based on a pre-trained [GPT-2](https://huggingface.co/gpt2) tuned on posts.\n")))
                .containsExactly("gpt2");
        // a paper or a card the text is based on is no model
        assertThat(extractor.extract(body("Based on [our paper](https://arxiv.org/abs/1234.5678).\n"))).isEmpty();
        assertThat(extractor.extract(body("This card is based on the [Acme card](https://huggingface.co/acme/lm).\n"))).isEmpty();
    }

    @Test
    void mergeOfListedHubModels() {
        var linked = body("Mixed-13B is a merge of [`acme/lm-13b`](https://huggingface.co/acme/lm-13b) and "
                + "[`other/chat-13b`](https://huggingface.co/other/chat-13b).\n");
        assertThat(values(extractor, linked)).containsExactly("acme/lm-13b", "other/chat-13b");
        assertThat(relation.extract(linked)).extracting(Suggestion::value).containsExactly("merge");
        assertThat(values(extractor, body("This is a merge of acme/a-7b, acme/b-7b and other/c-7b.\n")))
                .containsExactly("acme/a-7b", "acme/b-7b", "other/c-7b");
        // names that are no Hub ids, one model, or a tool are not proposed
        assertThat(extractor.extract(body("A merge of SD 1.5, Analog Diffusion and acme/x.\n"))).isEmpty();
        assertThat(extractor.extract(body("It is a merge of [acme/a](https://huggingface.co/acme/a) with my own training.\n"))).isEmpty();
        assertThat(extractor.extract(body("This is a merge of pre-trained language models created using [mergekit](https://github.com/x/mergekit).\n")))
                .isEmpty();
    }

    @Test
    void originalFp32ModelOfAnInt8Quantization() {
        var card = card("acme/enc-mrpc-int8-static", null, "# INT8 encoder\n\nThis is an INT8 PyTorch model quantized with a compressor.\n\n"
                + "The original fp32 model comes from the fine-tuned model [enc-mrpc](https://huggingface.co/acme/enc-mrpc).\n");
        assertThat(values(extractor, card)).containsExactly("acme/enc-mrpc");
        assertThat(relation.extract(card)).extracting(Suggestion::value).containsExactly("quantized");
    }

    @Test
    void loraWeightsForTheRepoTheTitleNamesAreNoBase() {
        // early diffusers scripts wrote the pushed repo into "weights for X"; the title names the same repo
        var buggy = card("me/lora-dog", null, "# LoRA DreamBooth - https://huggingface.co/me/dog-out\n\n"
                + "These are LoRA adaption weights for https://huggingface.co/me/dog-out. The weights were trained on photos.\n");
        assertThat(extractor.extract(buggy)).isEmpty();
        var right = card("me/lora-cat", null, "# LoRA DreamBooth - me/lora-cat\n\n"
                + "These are LoRA adaption weights for acme/diffusion-v1. The weights were trained on photos.\n");
        assertThat(values(extractor, right)).containsExactly("acme/diffusion-v1");
    }

    @Test
    void aQuantizedRepoTakesOnlyAQuantizationRulesBase() {
        // the quoted original's "based on" and its merge configuration describe the original, not the GGUF repo
        String config = "```yaml\nmodels:\n  - model: acme/a-7b\n  - model: acme/b-7b\nmerge_method: slerp\nbase_model: acme/a-7b\n```\n";
        var quoted = card("q/mix-7b-GGUF", null, "# Mix 7B\n\nThis model is based on [Lm 7B](https://huggingface.co/acme/lm-7b).\n\n" + config);
        assertThat(extractor.extract(quoted)).isEmpty();
        var linked = card("q/mix-7b-GGUF", null, "# Mix 7B\n\nGGUF quants of [me/mix-7b](https://huggingface.co/me/mix-7b).\n\n"
                + "The original is based on [Lm 7B](https://huggingface.co/acme/lm-7b).\n\n" + config);
        assertThat(values(extractor, linked)).containsExactly("me/mix-7b");
        assertThat(relation.extract(linked)).extracting(Suggestion::value).containsExactly("quantized");
        // the same text on a repo that is no quantization is read as before
        assertThat(values(extractor, card("me/mix-7b", null, "# Mix 7B\n\n" + config))).containsExactly("acme/a-7b", "acme/b-7b");
    }

    @Test
    void initializedWithOrDerivedFromALinkedModel() {
        var init = body("The summarizer was initialized with [TinyBERT](https://huggingface.co/acme/tinybert) and trained on news.\n");
        assertThat(values(extractor, init)).containsExactly("acme/tinybert");
        assertThat(extractor.extract(init).get(0).method()).isEqualTo("initialized-from");
        var derived = body("This is a tagger for POS-tagging and dependency-parsing, derived from [enc-base](https://huggingface.co/acme/enc-base).\n");
        assertThat(values(extractor, derived)).containsExactly("acme/enc-base");
        assertThat(extractor.extract(derived).get(0).method()).isEqualTo("derived-from");
        assertThat(values(extractor, body("Our assistant is built on [Lm 7B](https://huggingface.co/acme/lm-7b).\n"))).containsExactly("acme/lm-7b");
        // a bare name (data is derived from datasets too), or a tokenizer, vocabulary or data that is derived
        assertThat(extractor.extract(body("The model is derived from acme/texts with filters.\n"))).isEmpty();
        assertThat(extractor.extract(body("The tokenizer is derived from [enc-base](https://huggingface.co/acme/enc-base).\n"))).isEmpty();
        assertThat(extractor.extract(body("Its training data was derived from [the dump](https://huggingface.co/acme/dump).\n"))).isEmpty();
    }
}
