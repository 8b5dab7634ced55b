package dev.cardminer.core.internal;

import static dev.cardminer.core.CanonicalSection.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Link;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sections and links on the real cards of ../shared/corpus/cards. */
class CorpusSectionsTest {

    private static final Path CARDS = SharedData.corpusCards();

    /**
     * Every heading title (normalised) that occurs in at least three corpus cards, with the section
     * it maps to without context, or "-" where it deliberately maps to none.
     */
    private static final String FREQUENT_HEADINGS = """
            about gguf                                             | -
            acknowledgement                                        | -
            acknowledgements                                       | -
            acknowledgments                                        | -
            albert persian                                         | -
            all hyperparameters                                    | TRAINING_HYPERPARAMETERS
            arm avx information                                    | -
            asr config                                             | -
            authors                                                | MODEL_CARD_AUTHORS
            benchmarks                                             | RESULTS
            bias                                                   | BIAS_RISKS_AND_LIMITATIONS
            bias risks and limitations                             | BIAS_RISKS_AND_LIMITATIONS
            bibtex                                                 | CITATION
            bibtex entry and citation info                         | CITATION
            cer                                                    | -
            citation                                               | CITATION
            citation information                                   | CITATION
            citations                                              | CITATION
            citing and authors                                     | CITATION
            citing espnet                                          | CITATION
            compatibility                                          | -
            compute infrastructure                                 | COMPUTE_INFRASTRUCTURE
            configuration                                          | -
            contact                                                | MODEL_CARD_CONTACT
            contributors                                           | MODEL_CARD_AUTHORS
            corpus                                                 | TRAINING_DATA
            credits                                                | -
            dataset                                                | TRAINING_DATA
            datasets                                               | TRAINING_DATA
            demo                                                   | MODEL_SOURCES
            demo how to use in espnet2                             | HOW_TO_GET_STARTED
            description                                            | MODEL_DESCRIPTION
            direct usage sentence transformers                     | DIRECT_USE
            direct use                                             | DIRECT_USE
            discord                                                | -
            distilbert base uncased finetuned ner                  | -
            download a file not the whole branch from below        | HOW_TO_GET_STARTED
            downloading using huggingface cli                      | HOW_TO_GET_STARTED
            downstream use                                         | DOWNSTREAM_USE
            embed output weights                                   | -
            environmental impact                                   | ENVIRONMENTAL_IMPACT
            environments                                           | -
            espnet2 asr model                                      | -
            ethical considerations                                 | BIAS_RISKS_AND_LIMITATIONS
            ethical considerations and limitations                 | BIAS_RISKS_AND_LIMITATIONS
            eval results                                           | RESULTS
            evaluation                                             | EVALUATION
            evaluation commands                                    | EVALUATION
            evaluation dataset                                     | TESTING_DATA
            evaluation results                                     | RESULTS
            example                                                | HOW_TO_GET_STARTED
            example images                                         | -
            example llama cpp command                              | -
            example usage                                          | HOW_TO_GET_STARTED
            examples                                               | HOW_TO_GET_STARTED
            explanation of quantisation methods                    | -
            factors                                                | FACTORS
            fine tuning                                            | TRAINING_PROCEDURE
            first install the package                              | HOW_TO_GET_STARTED
            framework versions                                     | SOFTWARE
            full model architecture                                | MODEL_ARCHITECTURE_AND_OBJECTIVE
            glossary                                               | GLOSSARY
            hardware                                               | HARDWARE
            hardware and software                                  | COMPUTE_INFRASTRUCTURE
            how to download gguf files                             | HOW_TO_GET_STARTED
            how to get started with the model                      | HOW_TO_GET_STARTED
            how to load this model from python using ctransformers | HOW_TO_GET_STARTED
            how to run from python code                            | HOW_TO_GET_STARTED
            how to run in text generation webui                    | HOW_TO_GET_STARTED
            how to use                                             | HOW_TO_GET_STARTED
            how to use with langchain                              | HOW_TO_GET_STARTED
            huggingface model hub                                  | -
            hyperparameters                                        | TRAINING_HYPERPARAMETERS
            in text generation webui                               | -
            inference                                              | HOW_TO_GET_STARTED
            information retrieval                                  | -
            installation                                           | HOW_TO_GET_STARTED
            intended use                                           | USES
            intended uses and limitations                          | USES
            introduction                                           | MODEL_DESCRIPTION
            json                                                   | -
            licence and usage restrictions                         | -
            license                                                | -
            limitations                                            | BIAS_RISKS_AND_LIMITATIONS
            limitations and bias                                   | BIAS_RISKS_AND_LIMITATIONS
            llama 2                                                | -
            llama model index                                      | -
            load model and tokenizer                               | HOW_TO_GET_STARTED
            merge details                                          | -
            merge method                                           | -
            metrics                                                | METRICS
            misuse and malicious use                               | OUT_OF_SCOPE_USE
            misuse and out of scope use                            | OUT_OF_SCOPE_USE
            misuse malicious use and out of scope use              | OUT_OF_SCOPE_USE
            model architecture                                     | MODEL_ARCHITECTURE_AND_OBJECTIVE
            model architecture and objective                       | MODEL_ARCHITECTURE_AND_OBJECTIVE
            model benchmark                                        | RESULTS
            model card authors                                     | MODEL_CARD_AUTHORS
            model card contact                                     | MODEL_CARD_CONTACT
            model card for model id                                | -
            model description                                      | MODEL_DESCRIPTION
            model details                                          | MODEL_DETAILS
            model examination                                      | MODEL_EXAMINATION
            model in action                                        | -
            model name                                             | -
            model overview                                         | MODEL_DESCRIPTION
            model plot                                             | -
            model sources                                          | MODEL_SOURCES
            model summary                                          | MODEL_DESCRIPTION
            model trained using autotrain                          | -
            model weights                                          | -
            models merged                                          | -
            more information                                       | MORE_INFORMATION
            multiplenegativesrankingloss                           | -
            news                                                   | -
            non default hyperparameters                            | TRAINING_HYPERPARAMETERS
            note                                                   | -
            on the command line including multiple files at once   | -
            open llm leaderboard evaluation results                | RESULTS
            original model card                                    | -
            out of scope use                                       | OUT_OF_SCOPE_USE
            output                                                 | -
            overview                                               | MODEL_DESCRIPTION
            performance                                            | RESULTS
            preprocessing                                          | PREPROCESSING
            pretraining                                            | TRAINING_PROCEDURE
            prompt format                                          | HOW_TO_GET_STARTED
            prompt template                                        | HOW_TO_GET_STARTED
            prompt template alpaca                                 | HOW_TO_GET_STARTED
            provided files                                         | -
            questions                                              | MODEL_CARD_CONTACT
            quick start                                            | HOW_TO_GET_STARTED
            quickstart                                             | HOW_TO_GET_STARTED
            recommendations                                        | RECOMMENDATIONS
            references                                             | -
            reporting issues                                       | MODEL_CARD_CONTACT
            repositories available                                 | -
            requirements                                           | HOW_TO_GET_STARTED
            results                                                | RESULTS
            sentence transformers                                  | -
            simple example code to load one of these gguf models   | HOW_TO_GET_STARTED
            software                                               | SOFTWARE
            special thanks                                         | -
            speeds sizes times                                     | SPEEDS_SIZES_TIMES
            stats                                                  | -
            summary                                                | MODEL_DESCRIPTION
            table of contents                                      | -
            technical details                                      | TECHNICAL_SPECIFICATIONS
            technical specifications                               | TECHNICAL_SPECIFICATIONS
            ter                                                    | -
            testing data                                           | TESTING_DATA
            testing data factors and metrics                       | EVALUATION
            thanks and how to contribute                           | -
            the sauce                                              | -
            training                                               | TRAINING_DETAILS
            training and evaluation data                           | TRAINING_DATA
            training data                                          | TRAINING_DATA
            training dataset                                       | TRAINING_DATA
            training details                                       | TRAINING_DETAILS
            training hyperparameters                               | TRAINING_HYPERPARAMETERS
            training logs                                          | RESULTS
            training procedure                                     | TRAINING_PROCEDURE
            training results                                       | RESULTS
            triplet                                                | -
            tripletloss                                            | -
            uploaded model                                         | -
            usage                                                  | HOW_TO_GET_STARTED
            usage huggingface transformers                         | HOW_TO_GET_STARTED
            usage sentence transformers                            | HOW_TO_GET_STARTED
            uses                                                   | USES
            validation metrics                                     | RESULTS
            wer                                                    | -
            which file should i choose                             | -
            """;

    private final SectionClassifier classifier = new SectionClassifier();

    private static List<ModelCard> cards(String kind) {
        Path dir = kind == null ? CARDS : CARDS.resolve(kind);
        try (Stream<Path> files = Files.walk(dir)) {
            List<ModelCard> out = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                out.add(ModelCard.parse(p.getFileName().toString(), Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Section> titled(ModelCard card, String title) {
        return card.sections().stream().filter(s -> s.title().equalsIgnoreCase(title)).toList();
    }

    @Test
    void trainerCardsMapTheirHeadings() {
        List<ModelCard> trainer = cards("trainer");
        assertThat(trainer).hasSize(68);
        Map<String, CanonicalSection> expected = Map.of(
                "Training hyperparameters", TRAINING_HYPERPARAMETERS,
                "Training procedure", TRAINING_PROCEDURE,
                "Training results", RESULTS,
                "Framework versions", SOFTWARE,
                "Model description", MODEL_DESCRIPTION,
                "Intended uses & limitations", USES,
                "Training and evaluation data", TRAINING_DATA);
        Map<String, Integer> seen = new HashMap<>();
        for (ModelCard card : trainer) {
            expected.forEach((title, section) -> {
                for (Section s : titled(card, title)) {
                    assertThat(s.canonical()).as(card.id() + ": " + title).isEqualTo(section);
                    seen.merge(title, 1, Integer::sum);
                }
            });
        }
        // Most trainer cards have each of them; the counts keep the test from passing on nothing.
        assertThat(seen.get("Training hyperparameters")).isGreaterThanOrEqualTo(50);
        assertThat(seen.get("Framework versions")).isGreaterThanOrEqualTo(50);
        assertThat(seen.get("Model description")).isGreaterThanOrEqualTo(40);
        // The Trainer writes "More information needed" under these until someone fills them in.
        long placeholderDescriptions = trainer.stream().flatMap(c -> titled(c, "Model description").stream())
                .filter(Section::placeholder).count();
        assertThat(placeholderDescriptions).isGreaterThanOrEqualTo(20);
        // Filled hyperparameter lists are content.
        assertThat(trainer.stream().flatMap(c -> titled(c, "Training hyperparameters").stream())
                .filter(Section::hasContent).count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void templateCardsHaveTheirPlaceholderSectionsFlagged() {
        List<ModelCard> templates = cards("template");
        assertThat(templates).hasSize(45);
        int withPlaceholders = 0;
        for (ModelCard card : templates) {
            boolean any = card.sections().stream().anyMatch(Section::placeholder);
            if (any) {
                withPlaceholders++;
            }
            assertThat(card.problems().stream().anyMatch(p -> p.code().equals("placeholder-sections")))
                    .as(card.id()).isEqualTo(any);
            // A placeholder section never has content, an empty one is never a placeholder.
            for (Section s : card.sections()) {
                assertThat(s.placeholder() && s.empty()).isFalse();
            }
        }
        assertThat(withPlaceholders).isGreaterThanOrEqualTo(35);
        // The huggingface_hub template cards: every "[More Information Needed]"-only section is flagged.
        for (ModelCard card : templates) {
            for (int i = 0; i < card.sections().size(); i++) {
                Section s = card.sections().get(i);
                int ownEnd = i + 1 < card.sections().size() ? card.sections().get(i + 1).start() : card.body().length();
                String own = card.body().substring(s.start(), ownEnd);
                String rest = own.substring(own.indexOf('\n') + 1).replaceAll("<!--[\\s\\S]*?-->", "").strip();
                if (rest.equals("[More Information Needed]")) {
                    assertThat(s.placeholder()).as(card.id() + ": " + s.title()).isTrue();
                }
            }
        }
    }

    @Test
    void filledTemplateCardsScoreAboveTrainerCardsOnAverage() {
        double template = cards("template").stream().mapToDouble(ModelCard::completeness).average().orElseThrow();
        double legacy = cards("legacy2020").stream().mapToDouble(ModelCard::completeness).average().orElseThrow();
        double trainer = cards("trainer").stream().mapToDouble(ModelCard::completeness).average().orElseThrow();
        assertThat(template).isGreaterThan(trainer);
        assertThat(trainer).isGreaterThan(0);
        assertThat(legacy).isGreaterThan(0);
        for (ModelCard card : cards(null)) {
            assertThat(card.completeness()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void everyFrequentHeadingIsMappedOrDeliberatelyUnmapped() {
        Map<String, String> table = new HashMap<>();
        for (String row : FREQUENT_HEADINGS.strip().split("\n")) {
            String[] cells = row.split("\\|");
            table.put(cells[0].strip(), cells[1].strip());
        }
        Map<String, Integer> cardsWith = new TreeMap<>();
        Map<String, String> example = new HashMap<>();
        for (ModelCard card : cards(null)) {
            Set<String> seen = new HashSet<>();
            for (Section s : card.sections()) {
                String key = SectionClassifier.normalize(s.title());
                if (seen.add(key)) {
                    cardsWith.merge(key, 1, Integer::sum);
                    example.putIfAbsent(key, s.title());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        cardsWith.forEach((key, count) -> {
            if (count >= 3) {
                if (!table.containsKey(key)) {
                    missing.add(key + " (" + count + " cards)");
                } else {
                    CanonicalSection mapped = classifier.classify(example.get(key), null);
                    assertThat(mapped == null ? "-" : mapped.name()).as(key).isEqualTo(table.get(key));
                }
            }
        });
        assertThat(missing).as("headings in >= 3 cards missing from the table").isEmpty();
        assertThat(cardsWith.entrySet().stream().filter(e -> e.getValue() >= 3).count()).isGreaterThan(150);
    }

    @Test
    void sectionOffsetsPointAtTheirHeadingsInEveryCard() {
        for (ModelCard card : cards(null)) {
            for (Section s : card.sections()) {
                String at = card.body().substring(s.start());
                char first = at.charAt(0);
                // ATX headings start with '#'; setext headings with their text.
                assertThat(first == '#' || !Character.isWhitespace(first)).as(card.id() + ": " + s.title()).isTrue();
                assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(card.body().length());
                int line = s.line();
                String cardLine = card.text().lines().skip(line - 1).findFirst().orElse("");
                assertThat(cardLine.strip()).as(card.id()).startsWith(at.lines().findFirst().orElse("").strip());
            }
        }
    }

    @Test
    void sectionsAreTheDocumentLevelHeadingsOfTheFullParse() {
        // The analysis parses without inlines and tables; its headings must still be the full tree's.
        var full = MarkdownParserFactory.create();
        var extractor = new SectionExtractor();
        for (ModelCard card : cards(null)) {
            List<String> expected = extractor.headings(full.parse(card.body()), card.body()).stream()
                    .map(h -> h.level() + " " + h.start() + " " + h.title()).toList();
            List<String> actual = card.sections().stream().map(s -> s.level() + " " + s.start() + " " + s.title()).toList();
            assertThat(actual).as(card.id()).isEqualTo(expected);
        }
    }

    @Test
    void linkLocationsPointAtTheirTextInEveryCard() {
        int count = 0;
        for (ModelCard card : cards(null)) {
            List<String> lines = card.text().lines().toList();
            for (Link l : card.links()) {
                assertThat(lines.get(l.line() - 1).substring(l.column() - 1)).as(card.id()).startsWith(l.text());
                count++;
            }
        }
        assertThat(count).isGreaterThan(2000);
    }
}
