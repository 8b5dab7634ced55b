package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.Suggester;
import dev.cardminer.suggest.Suggestion;
import dev.cardminer.suggest.TaskClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static dev.cardminer.suggest.internal.Cards.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline_tag extractor with a task classifier plugged in: consulted only when its patterns find nothing. */
class PipelineTagClassifierPluginTest {

    /** Answers from a keyword in the card's body, and records which cards it was asked about. */
    private static final class KeywordClassifier implements TaskClassifier {
        final List<String> asked = new ArrayList<>();
        private final String keyword;
        private final Guess guess;

        KeywordClassifier(String keyword, Guess guess) {
            this.keyword = keyword;
            this.guess = guess;
        }

        @Override
        public String name() {
            return "keywords";
        }

        @Override
        public Optional<Guess> classify(ModelCard card) {
            asked.add(card.id());
            return card.body().contains(keyword) ? Optional.of(guess) : Optional.empty();
        }
    }

    private static PipelineTagExtractor extractor(TaskClassifier classifier, double minScore) {
        return new PipelineTagExtractor(Vocabularies.bundled(), classifier, minScore);
    }

    @Test
    void theClassifiersTaskIsProposedAboveTheMinimumWithItsNameAsMethod() {
        var classifier = new KeywordClassifier("speech", new TaskClassifier.Guess("automatic-speech-recognition", 0.93, "text~speech"));
        List<Suggestion> found = extractor(classifier, 0.9).extract(body("# A model\n\nIt turns speech into text.\n"));
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("automatic-speech-recognition");
            assertThat(s.method()).isEqualTo("classifier:keywords");
            assertThat(s.confidence()).isEqualTo(0.93);
            assertThat(s.evidence().text()).isEqualTo("classifier keywords: automatic-speech-recognition 0.93 (text~speech)");
        });
    }

    @Test
    void belowTheMinimumOrAbstainingNothingIsProposed() {
        var classifier = new KeywordClassifier("speech", new TaskClassifier.Guess("automatic-speech-recognition", 0.85, ""));
        assertThat(extractor(classifier, 0.9).extract(body("It turns speech into text.\n"))).isEmpty();
        assertThat(extractor(classifier, 0.8).extract(body("It turns speech into text.\n"))).hasSize(1);
        assertThat(extractor(classifier, 0.8).extract(body("Nothing to see.\n"))).isEmpty();
    }

    @Test
    void patternsWinAndTheClassifierIsNotAskedWhenTheyFindTheTask() {
        var classifier = new KeywordClassifier("pipeline", new TaskClassifier.Guess("translation", 0.99, ""));
        var card = body("```py\nsummarizer = pipeline(\"summarization\", model=\"x/y\")\n```\n");
        assertThat(extractor(classifier, 0.5).extract(card)).extracting(Suggestion::value).containsExactly("summarization");
        assertThat(classifier.asked).isEmpty();
    }

    @Test
    void aTaskOutsideTheHubsListIsDropped() {
        var classifier = new KeywordClassifier("chess", new TaskClassifier.Guess("chess-playing", 0.99, ""));
        assertThat(extractor(classifier, 0.5).extract(body("It plays chess.\n"))).isEmpty();
        assertThat(classifier.asked).hasSize(1);
    }

    @Test
    void theSuggesterPlugsItIntoTheDefaultExtractorsAndWithoutItNothingChanges() {
        var classifier = new KeywordClassifier("speech", new TaskClassifier.Guess("automatic-speech-recognition", 0.95, ""));
        String card = "---\nlicense: mit\n---\n# A model\n\nIt turns speech into text.\n";
        var plugged = Suggester.builder().fields(List.of("pipeline_tag")).taskClassifier(classifier, 0.9).build();
        var plain = Suggester.builder().fields(List.of("pipeline_tag")).build();
        assertThat(plugged.suggest(ModelCard.parse("me/a-model", card)).suggestions()).extracting(Suggestion::value)
                .containsExactly("automatic-speech-recognition");
        assertThat(plain.suggest(ModelCard.parse("me/a-model", card)).suggestions()).isEmpty();
    }
}
