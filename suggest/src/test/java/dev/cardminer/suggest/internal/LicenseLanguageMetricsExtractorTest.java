package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.cardminer.suggest.internal.Cards.body;
import static dev.cardminer.suggest.internal.Cards.card;
import static dev.cardminer.suggest.internal.Cards.values;
import static org.assertj.core.api.Assertions.assertThat;

class LicenseLanguageMetricsExtractorTest {

    private final LicenseExtractor license = new LicenseExtractor(Vocabularies.bundled());
    private final LanguageExtractor language = new LanguageExtractor(Vocabularies.bundled(), ProseLanguage.bundled());
    private final MetricsExtractor metrics = new MetricsExtractor();

    @Test
    void licenceSentencesLinesSectionsAndBadges() {
        assertThat(values(license, body("The weights are released under the Apache 2.0 license.\n"))).containsExactly("apache-2.0");
        assertThat(values(license, body("**License:** CC BY-NC 4.0\n"))).containsExactly("cc-by-nc-4.0");
        assertThat(values(license, body("## License\n\nThis model is MIT licensed.\n"))).containsExactly("mit");
        assertThat(values(license, body("[![license](https://img.shields.io/badge/License-GPL%20v3-blue)](LICENSE)\n"))).containsExactly("gpl-3.0");
        assertThat(values(license, body("Available under the CreativeML OpenRAIL-M license.\n"))).containsExactly("creativeml-openrail-m");
    }

    @Test
    void licenceTablesHubIdsAndOpenRailSpellings() {
        assertThat(values(license, body("| **License** | `CC BY-SA 4.0` |\n"))).containsExactly("cc-by-sa-4.0");
        assertThat(values(license, body("- **License:** creativeml-openrail-m\n"))).containsExactly("creativeml-openrail-m");
        assertThat(values(license, body("## License\n\nOpen to all, with a Creative ML Open RAIL-M licence.\n"))).containsExactly("creativeml-openrail-m");
        assertThat(values(license, body("- **License:** [CreativeML Open RAIL++-M License](https://example.org/LICENSE)\n"))).containsExactly("openrail++");
        assertThat(values(license, body("## License\n\nThis work is licensed under a\n[Creative Commons Attribution 4.0 International License](https://example.org).\n")))
                .containsExactly("cc-by-4.0");
    }

    @Test
    void licenceNamedWithTheModelAndInheritedSections() {
        assertThat(license.extract(body("Open to everyone, with a CreativeML OpenRAIL-M license that sets the rules of use.\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("creativeml-openrail-m with-license");
        assertThat(values(license, body("It has MIT license, use it freely.\n"))).containsExactly("mit");
        assertThat(values(license, body("## Inherited License\n\nThe weights keep the Apache 2.0 license of the original.\n"))).containsExactly("apache-2.0");
        assertThat(license.extract(body("Our code is compatible with the MIT license of the toolkit.\n"))).isEmpty();
        assertThat(license.extract(body("Shipped with a modified MIT license.\n"))).isEmpty();
    }

    @Test
    void licencesOfModifiedTermsOrOfOutputsGiveNothing() {
        // A licence line naming a modified licence is neither the licence it modifies nor, by a rule, a custom one.
        assertThat(license.extract(body("- **License:** [Modified MIT License](https://example.org/LICENSE)\n"))).isEmpty();
        assertThat(license.extract(body("Images you make must be distributed under the CC0 1.0 terms.\n"))).isEmpty();
    }

    @Test
    void aModelLicensedUnderModifiedTermsIsOther() {
        // The model's own licence said to be a modified one, or a known licence with a non-commercial clause added: the
        // Hub's id for such terms is other (2 of 2 and 6 of 6 dev cards).
        assertThat(license.extract(body("This model is licensed under a modified MIT license.\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("other modified-license");
        assertThat(values(license, body("# License\n\nThe weights are licesed under a **modified** Open RAIL-M license: no hosting.\n")))
                .containsExactly("other");
        assertThat(values(license, body("- **License:** Open RAIL++-M-NC License\n"))).containsExactly("other");
        assertThat(values(license, body("- **ライセンス:** Open RAIL++-M-NC License\n"))).containsExactly("other");
        // OPT's own licence is none of the Hub's ids: other (4 of 4 dev cards that name it as theirs).
        assertThat(values(license, body("### License\nOPT-1B is licensed under the OPT-175B license, Copyright (c) Someone.\n"))).containsExactly("other");
        // A licence whose own id says non-commercial is that licence.
        assertThat(values(license, body("- **License:** CC BY-NC 4.0\n"))).containsExactly("cc-by-nc-4.0");
    }

    @Test
    void licenceHeadingsWithTyposJapaneseLinesAndCreativeCommonsAddresses() {
        assertThat(values(license, body("# Licenese\n[The MIT license](https://example.org/mit)\n"))).containsExactly("mit");
        assertThat(values(license, body("- **ライセンス:** MIT License\n"))).containsExactly("mit");
        assertThat(values(license, body("## Licence\n\nUse of these weights is covered by the [CC-BY-4 License](https://creativecommons.org/licenses/by/4.0/legalcode).\n")))
                .containsExactly("cc-by-4.0");
        assertThat(values(license, body("## License\n\nSee [the terms](https://creativecommons.org/licenses/by-nc-sa/4.0/).\n")))
                .containsExactly("cc-by-nc-sa-4.0");
        // A 3.0 address is not read: where a card links one its YAML said 4.0 (10 of 10 dev cards).
        assertThat(license.extract(body("## License\n\nSee [the terms](https://creativecommons.org/licenses/by-sa/3.0/).\n"))).isEmpty();
    }

    @Test
    void customLicenceWithItsLinkGivesTheTrio() {
        var found = license.extract(body("The weights are released under the [Acme Research Licence](https://acme.example/LICENSE.md).\n"));
        assertThat(found).extracting(s -> s.field() + "=" + s.value()).containsExactly(
                "license=other", "license_name=acme-research-licence", "license_link=https://acme.example/LICENSE.md");
        assertThat(found).allSatisfy(s -> assertThat(s.evidence().line()).isEqualTo(1));
        assertThat(license.extract(body("Released under the [MIT License](https://opensource.org/licenses/MIT).\n")))
                .extracting(s -> s.field() + "=" + s.value()).containsExactly("license=mit");
        assertThat(license.extract(body("Released under the Acme Research Licence, see the repo.\n"))).isEmpty();
        assertThat(license.extract(body("- **License:** [Acme](https://acme.example/terms)\n"))).extracting(s -> s.value())
                .containsExactly("other", "acme", "https://acme.example/terms");
        assertThat(license.extract(body("- **License:** [More Information Needed](https://example.org)\n"))).isEmpty();
        // A link whose text is an address, a file or a pointing word names no licence: no license_name from it.
        assertThat(license.extract(body("License: [https://models.example/acme/1](https://models.example/acme/1)\n"))).isEmpty();
        assertThat(license.extract(body("- **License:** [www.acme.example/terms](https://www.acme.example/terms)\n"))).isEmpty();
        assertThat(license.extract(body("License: [LICENSE.md](https://acme.example/LICENSE.md)\n"))).isEmpty();
        assertThat(license.extract(body("License: [here](https://acme.example/terms)\n"))).isEmpty();
        assertThat(license.extract(body("Released under the [license](https://acme.example/terms).\n"))).isEmpty();
        assertThat(values(license, body("This model is subject to the Llama 2 Community License.\n"))).containsExactly("llama2");
        assertThat(values(license, body("- License: see https://llama.meta.com/llama3/license\n"))).containsExactly("llama3");
    }

    @Test
    void licenceInheritedFromATrainerBaseModelOrStableDiffusionV1() {
        assertThat(license.extract(body("This model is a fine-tuned version of [roberta-base](https://huggingface.co/roberta-base) on an unknown dataset.\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("mit trainer-base-license");
        assertThat(license.extract(body("This model is a fine-tuned version of [someone/own-model](https://huggingface.co/someone/own-model) on an unknown dataset.\n")))
                .isEmpty();
        assertThat(license.extract(body("Trained with roberta-base as the start.\n"))).isEmpty();
        assertThat(values(license, card("a/b", "tags:\n- stable-diffusion\n", "A DreamBooth model of my cat.\n"))).containsExactly("creativeml-openrail-m");
        assertThat(license.extract(card("a/b", "tags:\n- stable-diffusion\n", "A DreamBooth model of my cat, on Stable Diffusion 2.1.\n"))).isEmpty();
        assertThat(license.extract(body("A DreamBooth model of my cat.\n"))).isEmpty();
    }

    @Test
    void negatedLicenceSentencesGiveNothing() {
        assertThat(license.extract(body("This model is not released under the MIT license; contact us for terms.\n"))).isEmpty();
        assertThat(license.extract(body("This model is NOT licensed under the Apache 2.0 license.\n"))).isEmpty();
        assertThat(license.extract(body("It was previously released under the MIT license; since v2 the weights are proprietary.\n"))).isEmpty();
        assertThat(license.extract(body("We do not know whether it can be released under the MIT license.\n"))).isEmpty();
        assertThat(license.extract(body("It isn't available under the GPL-3.0 license.\n"))).isEmpty();
        assertThat(license.extract(body("- **License:** not MIT, see below\n"))).isEmpty();
        assertThat(license.extract(body("This model doesn't have an MIT license.\n"))).isEmpty();
        assertThat(license.extract(body("## License\n\nThe weights are no longer under the Apache 2.0 license.\n"))).isEmpty();
        // a negation in another sentence of the same line does not reach this one
        assertThat(values(license, body("Not a chat model. It is released under the MIT license.\n"))).containsExactly("mit");
        assertThat(values(license, body("Note: this model is released under the MIT license.\n"))).containsExactly("mit");
    }

    @Test
    void licenceSentencesAboutAnotherModelGiveNothing() {
        assertThat(license.extract(body("The original model is released under the Apache 2.0 license.\n"))).isEmpty();
        assertThat(license.extract(body("Unlike Mistral, which is released under the Apache 2.0 license, this fine-tune has terms of its own.\n")))
                .isEmpty();
        assertThat(license.extract(body("The base model [acme/Base](https://huggingface.co/acme/Base) is released under the Apache 2.0 license.\n")))
                .isEmpty();
        assertThat(license.extract(body("[acme/Base](https://huggingface.co/acme/Base) is available under the MIT license.\n"))).isEmpty();
        assertThat(license.extract(body("The base model's license: Apache 2.0\n\nThe teacher model has an MIT license.\n"))).isEmpty();
        assertThat(license.extract(body("## License\n\nThe parent model is licensed under the MIT license.\n"))).isEmpty();
        assertThat(license.extract(body("The original model is released under the [Acme Model License](https://acme.example/LICENSE).\n")))
                .isEmpty();
        // the card's own model named beside the other one, or the card's own repo linked: its licence after all
        assertThat(values(license, body("Like the base model, this model is released under the Apache 2.0 license.\n")))
                .containsExactly("apache-2.0");
        assertThat(values(license, body("Like the original model, our weights are released under the MIT license.\n"))).containsExactly("mit");
        assertThat(values(license, body("[someone/some-model](https://huggingface.co/someone/some-model) is available under the MIT license.\n")))
                .containsExactly("mit");
        // another sentence names this model's own licence
        assertThat(values(license, body("The original model is released under the Apache 2.0 license. This merge is released under the MIT license.\n")))
                .containsExactly("mit");
    }

    @Test
    void aCardThatRestrictsItsOwnUseGetsNoPermissiveLicence() {
        assertThat(license.extract(body("The original model is released under the Apache 2.0 license, but this fine-tune is for research only.\n")))
                .isEmpty();
        assertThat(license.extract(body("Released under the Apache 2.0 license.\n\nNon-commercial use only.\n"))).isEmpty();
        assertThat(license.extract(body("- **License:** MIT\n\nThis model may not be used commercially.\n"))).isEmpty();
        // a licence that itself restricts use agrees with such terms
        assertThat(values(license, body("Released under the CC BY-NC 4.0 license: non-commercial use only.\n"))).containsExactly("cc-by-nc-4.0");
        assertThat(values(license, body("Released under the Apache 2.0 license. Commercial use is welcome.\n"))).containsExactly("apache-2.0");
        // what the model is intended for is no term of use (a template's sentence, copied onto MIT models)
        assertThat(values(license, body("- **License:** MIT\n\n## Uses\n\nThe model is intended for research purposes only.\n")))
                .containsExactly("mit");
        assertThat(values(license, body("- **License:** MIT\n\nThis demo is meant only for research purposes.\n"))).containsExactly("mit");
    }

    @Test
    void aTrainerCardStatingTermsOfItsOwnGetsNoInheritedLicence() {
        String trainer = "This model is a fine-tuned version of [roberta-base](https://huggingface.co/roberta-base) on an unknown dataset.\n\n";
        assertThat(license.extract(body(trainer + "## License\n\nNon-commercial use only. Contact us.\n"))).isEmpty();
        assertThat(license.extract(body(trainer + "License: proprietary\n"))).isEmpty();
        assertThat(license.extract(body(trainer + "License: see the LICENSE file\n"))).isEmpty();
        assertThat(license.extract(body(trainer + "Copyright (c) 2024 Acme Corp. All rights reserved.\n"))).isEmpty();
        assertThat(license.extract(body(trainer + "This model may only be used for research purposes.\n"))).isEmpty();
        assertThat(license.extract(body(trainer + "Use is subject to the Acme terms of use.\n"))).isEmpty();
        // terms the rules read win over the inherited licence
        assertThat(license.extract(body(trainer + "The model weights are licensed under the CC BY-NC 4.0 license.\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("cc-by-nc-4.0 released-under");
        // a Trainer card that says nothing of terms still inherits, research named or not
        assertThat(license.extract(body(trainer + "## Training procedure\n\nMore information needed\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("mit trainer-base-license");
        assertThat(license.extract(body(trainer + "Data from [VoxPopuli](https://github.com/facebookresearch/voxpopuli), "
                + "for research on speech. It may not work well on children's speech.\n")))
                .extracting(s -> s.value() + " " + s.method()).containsExactly("mit trainer-base-license");
    }

    @Test
    void unknownOrCustomLicencesGiveNothing() {
        assertThat(license.extract(body("Released under the Acme Research Licence v1.\n"))).isEmpty();
        assertThat(license.extract(body("Nothing about terms here.\n"))).isEmpty();
        assertThat(license.extract(body("```\n# licensed under the MIT license\n```\n"))).isEmpty();
    }

    @Test
    void licenceSentencesInHtmlCommentsOrAboutTheDataGiveNothing() {
        // a documentation file's header copied with the card: hidden on the page, and the file's licence, not the model's
        assertThat(license.extract(body("<!--Copyright 2021 Some Team. All rights reserved.\n\nLicensed under the Apache License, Version 2.0 (the \"License\");\n-->\n"
                + "# Tiny Jukebox\n\nA music model.\n"))).isEmpty();
        assertThat(license.extract(body("<!-- Licensed under the MIT license"))).isEmpty();
        // the sentence's subject is the data
        assertThat(license.extract(body("The datasets are all released under a CC0 or CC-BY license.\n"))).isEmpty();
        assertThat(license.extract(body("Our training corpus is available under the CC-BY 4.0 license.\n"))).isEmpty();
        // after the comment, and when the model is the subject, the sentence still gives the licence
        assertThat(values(license, body("<!-- generated by a template -->\nThe model is released under the MIT license.\n"))).containsExactly("mit");
        assertThat(values(license, body("This model, trained on open data, is available under the Apache 2.0 license.\n"))).containsExactly("apache-2.0");
        // an unclosed "<!--" inside a line is literal text (CommonMark, the Hub): what follows is shown, and read
        assertThat(values(license, body("Some text here <!-- \n\n## License\n\nThe weights are released under the Apache 2.0 license.\n")))
                .containsExactly("apache-2.0");
        // opening a line (up to three spaces in), it starts an HTML block that runs to the end: hidden
        assertThat(license.extract(body("Some text.\n\n   <!-- \n\n## License\n\nThe weights are released under the Apache 2.0 license.\n")))
                .isEmpty();
    }

    @Test
    void codeGensNaturalLanguageCheckpointIsNotDutch() {
        assertThat(language.extract(card("acme/codegen-350M-nl", null, "Short.\n"))).isEmpty();
        assertThat(values(language, card("someone/bert-base-nl-cased", null, "Short.\n"))).containsExactly("nl");
    }

    @Test
    void aLanguageVersionOfTheCardIsNoLanguageOfTheModel() {
        assertThat(language.extract(body("日本語の説明です。\n\nEnglish version is [here](README_en.md).\n"))).isEmpty();
        assertThat(language.extract(body("日本語の説明です。\n\nEnglish version: see README_en.md\n"))).isEmpty();
        // "version" naming the model still gives its language
        assertThat(values(language, body("The Swedish version of our encoder, for news.\n"))).containsExactly("sv");
    }

    @Test
    void languageNamesInContext() {
        assertThat(values(language, body("A speech recognition model for Persian.\n"))).containsExactly("fa");
        assertThat(values(language, body("German BERT, trained from scratch.\n"))).containsExactly("de");
        assertThat(values(language, body("This Turkish Sentiment Analysis model reads reviews.\n"))).containsExactly("tr");
        assertThat(values(language, body("Translates English-to-Japanese sentences.\n"))).containsExactly("en", "ja");
        assertThat(values(language, card("Helsinki-NLP/opus-mt-fi-sv", null, "A translation model.\n"))).containsExactly("fi", "sv");
        assertThat(values(language, body("This model is a fine-tuned version of [distilbert-base-uncased](https://huggingface.co/distilbert-base-uncased) on the x dataset.\n")))
                .containsExactly("en");
    }

    @Test
    void modelFamiliesSpeechModelCodesAndToolNamesInRepoIds() {
        assertThat(values(language, card("someone/camembert-base-finetuned-reviews", null, "Short.\n"))).containsExactly("fr");
        assertThat(values(language, card("someone/rugpt3-small-chat", null, "Short.\n"))).containsExactly("ru");
        assertThat(values(language, card("someone/whisper-small-hi", null, "Short.\n"))).containsExactly("hi");
        assertThat(values(language, card("someone/stanza-grc", null, "Short.\n"))).containsExactly("grc");
        assertThat(values(language, card("someone/hi_ud_demo", "tags:\n- spacy\n", "Short.\n"))).containsExactly("hi");
        // Not a language: "hi" outside a speech model's name, a spaCy-like name without the tag, FinBERT, HuBERT.
        assertThat(language.extract(card("someone/say-hi-bot", null, "Short.\n"))).isEmpty();
        assertThat(language.extract(card("someone/hi_ud_demo", null, "Short.\n"))).isEmpty();
        assertThat(language.extract(card("someone/finbert-tone", null, "Short.\n"))).isEmpty();
        assertThat(language.extract(card("someone/hubert-large-ft", null, "Short.\n"))).isEmpty();
        // A fine-tune keeps the language its base model's family says.
        assertThat(values(language, body("This model is a fine-tuned version of [camembert-base](https://huggingface.co/camembert-base) on the x dataset.\n")))
                .containsExactly("fr");
    }

    @Test
    void languageLinesListsAndBadges() {
        assertThat(values(language, body("- **Language(s) (NLP):** en\n"))).containsExactly("en");
        assertThat(values(language, body("**Language:** German  \n"))).containsExactly("de");
        assertThat(values(language, body("Handled languages: fr, es, de and ja.\n"))).containsExactly("fr", "es", "de", "ja");
        assertThat(values(language, body("<li>Supported languages: Hindi, Tamil, Odiya, and Telugu. </li>\n"))).containsExactly("hi", "ta", "or", "te");
        assertThat(values(language, body("- Language: pt-BR\n"))).containsExactly("pt");
        assertThat(values(language, body("* system info\n- languages: ['sw', 'fr']\n"))).containsExactly("sw", "fr");
        assertThat(values(language, body("[![Language](https://img.shields.io/badge/Language-eo-lightgrey)](#data)\n"))).containsExactly("eo");
        assertThat(values(language, body("Adapted to 3 languages (Hausa, Yoruba and Igbo) from a larger model.\n"))).containsExactly("ha", "yo", "ig");
        assertThat(values(language, body("The languages in the data are: ['ar', 'bn', 'de'] (ISO codes).\n"))).containsExactly("ar", "bn", "de");
        assertThat(language.extract(body("Trained on two languages (see the paper).\n"))).isEmpty();
        // The repo's name says the language: another named in the text is not taken.
        assertThat(values(language, card("someone/wav2vec2-large-xlsr-polish", null,
                "The model can be evaluated as follows on the Turkish test data of Common Voice.\n"))).containsExactly("pl");
        assertThat(values(language, body("This model was trained by someone using aishell recipe in [espnet](https://example.org).\n")))
                .containsExactly("zh");
        assertThat(values(language, body("This model was trained by someone using jsut/tts1 recipe in espnet.\n"))).containsExactly("ja");
        assertThat(language.extract(body("This model was trained by someone using chime_like recipe in espnet.\n"))).isEmpty();
        assertThat(values(language, body("- **Language(s):**\n  - Source Language(s): deu fra_Latn zza\n  - Target Language(s): eng\n")))
                .containsExactly("de", "fr", "en");
        // With the template's exact list, the source and target lines (ISO 639-3, more languages) are not read.
        assertThat(values(language, body("* source language(s): bel_Latn rue\n* target language(s): eng\n- languages: ['be', 'en']\n")))
                .containsExactly("be", "en");
        // Lines the rule cannot read whole and "language model" lines give nothing.
        assertThat(language.extract(body("- **Language(s) (NLP):** [More Information Needed]\n"))).isEmpty();
        assertThat(language.extract(body("- Language: Python and German\n"))).isEmpty();
        assertThat(values(language, body("* source language(s): fas\n"))).containsExactly("fa");   // its own rule, normalised
        assertThat(language.extract(body("**Language model:** roberta-base\n"))).isEmpty();
        assertThat(language.extract(body("```\nlanguage: fr\n```\n"))).isEmpty();
    }

    private static final String ENGLISH_PROSE = "This is a small model that we trained for a week. It is meant for people who want to "
            + "sort their notes, and it has not been tested on anything else. The weights are on this page and you can use them "
            + "with the usual tools; we have no plans for a larger one.\n";

    @Test
    void noLanguageForNonLanguageModelsOrThinProse() {
        // English prose on an RL agent, an image model or a timm classifier says nothing about a language the model handles.
        assertThat(language.extract(card("someone/ppo-CartPole", "library_name: stable-baselines3\ntags:\n- reinforcement-learning\n", ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(card("someone/cats-gen", "pipeline_tag: unconditional-image-generation\n", ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(card("someone/vit-pets", "pipeline_tag: image-classification\n", ENGLISH_PROSE))).isEmpty();
        // Codes in the names of non-language models: timm variants, RL agents, keyword spotting.
        assertThat(language.extract(card("timm/convnet_tiny_rw_224.sw_in1k", "library_name: timm\n", "# Model card\n"))).isEmpty();
        assertThat(language.extract(card("team/TA_agent", "tags:\n- deep-reinforcement-learning\n", "# Agent\n"))).isEmpty();
        assertThat(language.extract(card("lab/ks-net-small", "tags:\n- keyword-spotting\n", "# Net\n"))).isEmpty();
        // A heading or a one-line note is not enough prose.
        assertThat(language.extract(body("# My first model\n"))).isEmpty();
        assertThat(language.extract(body("This model was trained from scratch on an unknown dataset.\n"))).isEmpty();
        // The prose rule still holds for a text model with several sentences.
        assertThat(values(language, card("someone/notes-model", "pipeline_tag: text-classification\n", ENGLISH_PROSE))).containsExactly("en");
    }

    @Test
    void languagesOnlyThePretrainingDataHadAreBelowTheDefaultConfidence() {
        ModelCard card = body("# Model\n\nThe model is tuned to work in these languages: English, French and German.\n\n"
                + "The pre-training data additionally included the following languages: Polish, Czech, Greek.\n"
                + "It was also trained on some data in Finnish.\n");
        List<Suggestion> found = language.extract(card);
        assertThat(found).filteredOn(s -> s.confidence() >= 0.8).extracting(Suggestion::value).containsExactlyInAnyOrder("en", "fr", "de");
        assertThat(found).filteredOn(s -> s.confidence() < 0.8).allSatisfy(s -> {
            assertThat(s.method()).isEqualTo("pretraining-data-languages");
            assertThat(s.confidence()).isEqualTo(0.6);
        }).extracting(Suggestion::value).containsExactlyInAnyOrder("pl", "cs", "el", "fi");
        // "also" in another sentence of the paragraph says nothing about this list.
        assertThat(values(language, body("# NLI\n\nIt also handles long inputs. The languages in the dataset are: ['ar', 'bn'] (ISO codes).\n")))
                .containsExactlyInAnyOrder("ar", "bn");
        // A training sentence that names the model's own language is read as before.
        assertThat(values(language, body("# Model\n\nA BERT model trained on a large corpus of texts for Persian.\n"))).containsExactly("fa");
    }

    @Test
    void examplesInTablesAndChatTranscriptsAreNoLanguageOfTheModel() {
        assertThat(language.extract(body("# Chat\n\n| Prompt | Answer |\n|---|---|\n| How do you say hello in French? | Bonjour |\n"))).isEmpty();
        assertThat(language.extract(body("# Chat\n\n>USER: give an overview of dishes in Chinese cooking\n"))).isEmpty();
        assertThat(language.extract(body("# Chat\n\n### Instruction: write a poem in Spanish\n"))).isEmpty();
        assertThat(values(language, body("# Model\n\nA chat model for Spanish.\n"))).containsExactly("es");
    }

    @Test
    void aGlossOfTheModelsNameIsNoLanguageOfTheModel() {
        assertThat(language.extract(body("# Tesoro\n\nTess, short for Tesoro (Treasure in Italian), is a chat model.\n"))).isEmpty();
        assertThat(language.extract(body("# Nur\n\nIts name means light in Persian, and it writes code.\n"))).isEmpty();
        assertThat(values(language, body("# Model\n\nA summarisation model for Persian news.\n"))).containsExactly("fa");
        // A parenthesis of more than a name is no gloss.
        assertThat(values(language, body("# Model\n\nIt writes English (and has limited skills in Italian).\n"))).contains("it");
    }

    @Test
    void variantSuffixesAndCodesBesideALanguageNameAreNoLanguages() {
        // sh: shared heads, a size variant; si_snr: a metric.
        assertThat(language.extract(card("lab/t5-efficient-base-sh", "", "# Model\n"))).isEmpty();
        // In an OPUS-MT name the pair is the languages, sh too.
        assertThat(values(language, card("lab/opus-mt-tc-big-sh-en", "", "# Model\n"))).containsExactly("sh", "en");
        assertThat(language.extract(card("lab/enh_train_valid.si_snr.ave", "", "# Model\n"))).isEmpty();
        // The name says the language in words: its two-letter parts are variants.
        assertThat(values(language, card("lab/bert-base-arabic-ca-ner", "", "# Model\n"))).containsExactly("ar");
        assertThat(values(language, card("lab/ARMAN-SH-persian-base", "", "# Model\n"))).containsExactly("fa");
        assertThat(values(language, card("lab/bert-base-da-ner", "", "# Model\n"))).containsExactly("da");
    }

    @Test
    void visionArchitecturesInTheNameOrTheTrainersBaseModelAreNoLanguageModels() {
        assertThat(language.extract(card("someone/vit-base-patch16-224-in21k-pets", "", ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(body("This model is a fine-tuned version of [google/vit-base-patch16-224](https://huggingface.co/google/vit-base-patch16-224) "
                + "on the imagefolder dataset. It sorts photos of pets. It was trained for a day.\n"))).isEmpty();
        // Image-text models read text; a TTS model's "vits" is no "vit".
        assertThat(values(language, card("someone/clip-vit-base-patch32-notes", "", ENGLISH_PROSE))).containsExactly("en");
        assertThat(values(language, card("someone/vits-notes", "", ENGLISH_PROSE))).containsExactly("en");
    }

    @Test
    void imageGenerationKeepsEnglishProseAndLanguageNamesButNoNameCodes() {
        // Prompts are English: a text-to-image card written in English gets en.
        assertThat(values(language, card("someone/sd-cats", "pipeline_tag: text-to-image\n", ENGLISH_PROSE))).containsExactly("en");
        assertThat(values(language, card("someone/cat-style", "tags:\n- stable-diffusion\n- lora\n", ENGLISH_PROSE))).containsExactly("en");
        // A two-letter token of its name is a style or a checkpoint; a language's name is the language.
        assertThat(language.extract(card("someone/plushies-pt", "tags:\n- stable-diffusion\n", "# Plushies\n"))).isEmpty();
        assertThat(values(language, card("someone/my-korean-stable-diffusion", "tags:\n- text-to-image\n", "# Model\n"))).containsExactly("ko");
        // A language name in an audio classifier's name: the language of the speech it classifies.
        assertThat(values(language, card("someone/wav2vec2-greek-emotion", "pipeline_tag: audio-classification\n", "# Model\n")))
                .containsExactly("el");
        assertThat(language.extract(card("someone/accent-id-ecapa", "pipeline_tag: audio-classification\n", "# Model\n"))).isEmpty();
    }

    @Test
    void noEnglishFromProseWhenTheNameOrATagSaysAnotherLanguageOrAMultilingualBase() {
        assertThat(language.extract(card("someone/mt5-small-dialogue-state", "", ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(card("someone/mbart-large-50-finetuned-slots", "", ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(card("someone/roberta-base-upos", "tags:\n- coptic\n", ENGLISH_PROSE))).isEmpty();
        // English in a tag is no other language.
        assertThat(values(language, card("someone/roberta-base-upos", "tags:\n- english\n", ENGLISH_PROSE))).containsExactly("en");
    }

    @Test
    void repoNameTokensThatAreWordsOrPartsOfKnownNames() {
        assertThat(language.extract(card("someone/this_is_my_model", "", "# Model\n"))).isEmpty();
        assertThat(language.extract(card("someone/my_el_model", "", "# Model\n"))).isEmpty();
        assertThat(language.extract(card("org/ms-marco-TinyLM-L-2", "pipeline_tag: text-classification\n", "# Reranker\n"))).isEmpty();
        // A real code still counts on a text model.
        assertThat(values(language, card("someone/bert-base-de-cased", "", "# Model\n"))).containsExactly("de");
    }

    @Test
    void proseLanguageAndEnglishProse() {
        assertThat(values(language, body("Эта модель обучена на диалогах из открытых источников. Для генерации ответа нужно ввести "
                + "текст вопроса, и модель продолжит его. Она работает быстро и не требует видеокарты.\n"))).containsExactly("ru");
        assertThat(values(language, body("このモデルは、会話の要約を作るために学習させたものです。短い文章でも長い文章でも使えますが、"
                + "専門的な内容には向いていません。\n"))).containsExactly("ja");
        assertThat(values(language, body(ENGLISH_PROSE))).containsExactly("en");
        var english = language.extract(body(ENGLISH_PROSE)).get(0);
        assertThat(english.method()).isEqualTo("prose-english");
        // The evidence is the first line of the prose that counted, located in the body.
        assertThat(english.evidence().line()).isEqualTo(1);
        assertThat(english.evidence().start()).isGreaterThanOrEqualTo(0);
        assertThat(english.evidence().text()).startsWith("This is a small model");
    }

    @Test
    void proseLanguageCountsTheFunctionWordsItIsGiven() {
        ProseLanguage dutchOnly = new ProseLanguage(java.util.Map.of("nl", java.util.List.of("de", "het", "een", "is", "van")));
        var shares = dutchOnly.shares("De kat is van de buurman en het is een grote kat, de grootste van het dorp.\n");
        assertThat(shares).extracting(ProseLanguage.Share::code).containsExactly("nl");
        assertThat(shares.get(0).latin()).isTrue();
        assertThat(shares.get(0).first()).isZero();
        // Words it was not given do not count: English text gives too little to tell.
        assertThat(dutchOnly.shares(ENGLISH_PROSE)).isEmpty();
        assertThat(ProseLanguage.bundled().shares(ENGLISH_PROSE).get(0).code()).isEqualTo("en");
    }

    @Test
    void englishProseIsNoEvidenceWhenOtherLanguagesAreInPlay() {
        assertThat(language.extract(body(ENGLISH_PROSE + "It is for Turkish reviews.\n"))).extracting(s -> s.value()).containsExactly("tr");
        assertThat(language.extract(body(ENGLISH_PROSE + "It is multilingual.\n"))).isEmpty();
        assertThat(language.extract(body("<!-- This model card has been generated automatically according to the information the Trainer had access to. -->\n"
                + ENGLISH_PROSE))).isEmpty();
        assertThat(language.extract(card("someone/picture-model", "tags:\n- stable-diffusion\n",
                "这是一个用来生成动漫风格图片的模型，请在提示词里写上角色的名字和画面的细节，效果会更好。\n"))).isEmpty();
        assertThat(language.extract(body("Too short to tell.\n"))).isEmpty();
    }

    @Test
    void mergekitsTemplateProseIsNoLanguageOfTheMerge() {
        String merge = "# merged-7b\n\nThis is a merge of pre-trained language models created using [mergekit](https://github.com/cg123/mergekit).\n\n"
                + "## Merge Details\n### Merge Method\n\nThis model was merged using the SLERP merge method.\n\n"
                + "### Models Merged\n\nThe following models were included in the merge:\n* [acme/Chat-7B](https://huggingface.co/acme/Chat-7B)\n"
                + "* [acme/Base-7B](https://huggingface.co/acme/Base-7B)\n\n";
        assertThat(language.extract(body(merge))).isEmpty();
        assertThat(language.extract(body(merge + ENGLISH_PROSE))).isEmpty();
        // a merge card that names its language still gets it
        assertThat(values(language, body(merge + "It is a merge of two German chat models, trained for German text.\n"))).containsExactly("de");
        // English prose with no template gives English
        assertThat(values(language, body("A merge we made by hand of two chat models. " + ENGLISH_PROSE))).containsExactly("en");
    }

    @Test
    void englishNamedBesideAnotherLanguageIsTheContrastAndSpeechCorporaInIds() {
        assertThat(values(language, body("Unlike English models, this one is trained for Catalan news.\n"))).containsExactly("ca");
        assertThat(values(language, card("someone/jsut_tts_train_vits", null, "Weights.\n"))).containsExactly("ja");
        assertThat(values(language, card("someone/vctk+xvector_conformer", null, "Weights.\n"))).containsExactly("en");
    }

    @Test
    void aTrainerFineTuneKeepsItsBaseModelsLanguage() {
        var found = language.extract(card("someone/my-classifier", null,
                "This model is a fine-tuned version of [dbmdz/bert-base-turkish-cased](https://huggingface.co/dbmdz/bert-base-turkish-cased) on an unknown dataset.\n"));
        assertThat(found).extracting(s -> s.value() + " " + s.method()).containsExactly("tr base-model-language-name-in-id");
        assertThat(found.get(0).evidence().text()).startsWith("This model is a fine-tuned version of");
        // The repo's own name wins over the base model's.
        assertThat(values(language, card("someone/bert-base-fa-cased", null,
                "This model is a fine-tuned version of [dbmdz/bert-base-turkish-cased](https://huggingface.co/dbmdz/bert-base-turkish-cased) on an unknown dataset.\n")))
                .containsExactly("fa");
    }

    @Test
    void languageCodesInTheRepoName() {
        assertThat(values(language, card("someone/bert-base-fa-cased", null, "Weights.\n"))).containsExactly("fa");
        assertThat(values(language, card("someone/whisper-small-de", null, "Weights.\n"))).containsExactly("de");
        assertThat(language.extract(card("someone/t5-small-mt-qa", null, "Weights.\n"))).isEmpty();
        assertThat(language.extract(card("someone/gemma-2-9b-it-GGUF", null, "Weights.\n"))).isEmpty();
        assertThat(values(language, card("someone/wav2vec2-xls-r-300m-it", null, "Weights.\n"))).containsExactly("it");
    }

    @Test
    void languageNamesOutOfContextGiveNothing() {
        assertThat(language.extract(body("We polish the weights. Polish is a verb here.\n"))).isEmpty();
        assertThat(language.extract(body("```\nprint('for French')\n```\n"))).isEmpty();
    }

    @Test
    void sectionsAboutTheAuthorsSayNoLanguageOfTheModel() {
        String about = "## About us\n\nThe group's research interests include:\n* parsers and taggers for Greek,\n"
                + "* the German BERT we released last year.\n";
        var card = card("acme/legal-encoder", "tags:\n- legal\n", "# Legal encoder\n\nAn encoder for contracts.\n\n" + about);
        assertThat(language.extract(card)).extracting(Suggestion::method).doesNotContain("for-language", "language-model-name");
        // the same sentences about the model itself still count
        assertThat(values(language, body("# Tagger\n\nParsers and taggers for Greek.\n"))).containsExactly("el");
    }

    @Test
    void languagesOfModelIndexDatasetConfigs() {
        // a translation result's config is its language pair
        String translation = "model-index:\n- name: t\n  results:\n  - task:\n      type: translation\n      name: Translation\n"
                + "    dataset:\n      name: news ro-en\n      type: acme/news\n      args: ro-en\n"
                + "    metrics:\n    - type: bleu\n      value: 5.0\n";
        var pair = card("me/small-tuned", translation, "This model is a fine-tuned version of [acme/t](https://huggingface.co/acme/t).\n");
        assertThat(values(language, pair)).containsExactlyInAnyOrder("ro", "en");
        assertThat(language.extract(pair).get(0).method()).isEqualTo("translation-dataset-config");
        // the same config on a dataset that is no translation corpus, with no translation task, says nothing
        assertThat(language.extract(card("me/small-tuned", translation.replace("translation", "summarization"),
                "Text.\n"))).isEmpty();
        // a speech result's config, also written "config: xx, split: test" into args
        String speech = "model-index:\n- name: s\n  results:\n  - task:\n      type: automatic-speech-recognition\n"
                + "    dataset:\n      name: Common Voice 11.0\n      type: mozilla-foundation/common_voice_11_0\n"
                + "      args: 'config: br, split: test'\n    metrics:\n    - type: wer\n      value: 40.1\n";
        var voice = card("me/small-asr", speech, "This model is a fine-tuned version of [acme/s](https://huggingface.co/acme/s).\n");
        assertThat(values(language, voice)).containsExactly("br");
        assertThat(language.extract(voice).get(0).method()).isEqualTo("dataset-language-config");
        // the speech scripts' Trainer sentence names the config after the corpus
        var sentence = body("This model is a fine-tuned version of [acme/s](https://huggingface.co/acme/s) on the "
                + "MOZILLA-FOUNDATION/COMMON_VOICE_8_0 - NL dataset.\n");
        assertThat(values(language, sentence)).containsExactly("nl");
        assertThat(language.extract(body("Fine-tuned on the NBAILAB/NPSC - 16K_MP3 dataset.\n"))).isEmpty();
        // a stale template sentence does not add to the language the repo's name says
        assertThat(values(language, card("me/wav2vec2-swahili", null, sentence.body().replace("- NL", "- HU"))))
                .containsExactly("sw");
    }

    @Test
    void metricsFromTheTrainerBlockAndModelIndex() {
        assertThat(values(metrics, body("It achieves the following results on the evaluation set:\n- Loss: 0.2\n- Wer: 0.31\n- Matthews Correlation: 0.5\n")))
                .containsExactly("wer", "matthews_correlation");
        assertThat(values(metrics, body("It achieves the following results on the evaluation set:\n- eval_loss: 0.2\n- eval_wer: 17.5\n- eval_runtime: 12.0\n")))
                .containsExactly("wer");
        assertThat(values(metrics, card("a/b", "model-index:\n- name: b\n  results:\n  - task:\n      type: t\n    dataset:\n      type: d\n      name: d\n    metrics:\n    - type: exact_match\n      value: 0.7\n", "Text.\n")))
                .containsExactly("exact_match");
    }

    @Test
    void modelIndexMetricsAreHubMetricIdsAndNotABenchmarkSuitesDozens() {
        String suite = "model-index:\n- name: e\n  results:\n"
                + result("mteb/some-classification", "accuracy", "0.8") + result("mteb/some-classification", "f1", "0.7")
                + result("mteb/some-sts", "cos_sim_pearson", "0.8") + result("mteb/some-retrieval", "ndcg_at_10", "0.4");
        assertThat(metrics.extract(card("a/e", suite, "An embedding model.\n"))).isEmpty();
        String own = "model-index:\n- name: c\n  results:\n" + result("acme/reviews", "accuracy", "0.9")
                + result("acme/reviews", "gen_len", "12.1") + result("acme/reviews", "f1_macro", "0.8");
        assertThat(values(metrics, card("a/c", own, "A classifier.\n"))).containsExactly("accuracy");
    }

    private static String result(String dataset, String metric, String value) {
        return "  - task:\n      type: text-classification\n    dataset:\n      type: " + dataset + "\n      name: " + dataset
                + "\n    metrics:\n    - type: " + metric + "\n      value: " + value + "\n";
    }
}
