package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A language the YAML writes in another ISO 639 form is the same language: no conflict, and eval counts it right. */
class LanguageCodeEquivalenceTest {

    private static final String BODY = "# Model\n\n- **Language(s) (NLP):** Japanese, German\n";
    private final Suggester suggester = Suggester.builder().fields(List.of("language")).build();

    @Test
    void threeLetterAndBibliographicCodesAgreeWithTheTwoLetterOnes() {
        ModelCard card = ModelCard.parse("me/m", "---\nlanguage:\n- jpn\n- ger\n---\n" + BODY);
        CardSuggestions found = suggester.suggest(card);
        assertThat(found.suggestions()).isEmpty();
        assertThat(found.conflicts()).isEmpty();
    }

    @Test
    void anotherLanguageIsStillAConflict() {
        ModelCard card = ModelCard.parse("me/m", "---\nlanguage:\n- jpn\n- fra\n---\n" + BODY);
        assertThat(suggester.suggest(card).conflicts()).extracting(c -> c.suggestion().value()).containsExactly("de");
    }

    @Test
    void thePretrainingDatasExtraLanguagesAreNoConflictAtAnyConfidence() {
        ModelCard card = ModelCard.parse("me/m", "---\nlanguage:\n- en\n---\n# Model\n\nThe pre-training data additionally included "
                + "the following languages: Polish, Czech.\n");
        CardSuggestions found = Suggester.builder().fields(List.of("language")).minConfidence(0).build().suggest(card);
        assertThat(found.conflicts()).isEmpty();
        ModelCard none = ModelCard.parse("me/m", "# Model\n\nThe pre-training data additionally included the following languages: Polish, Czech.\n");
        assertThat(Suggester.builder().fields(List.of("language")).minConfidence(0).build().suggest(none).suggestions())
                .allSatisfy(s -> assertThat(Inferences.inferred(s)).isTrue()).isNotEmpty();
    }

    @Test
    void evalCountsAnEquivalentCodeAsRight() {
        Evaluator evaluator = new Evaluator(suggester.extractors(), dev.cardminer.core.Vocabularies.bundled(), 0.8, Split.ALL);
        evaluator.add("me/m", "---\nlicense: mit\nlanguage:\n- jpn\n---\n# Model\n\n- **Language(s) (NLP):** Japanese\n", null, null);
        assertThat(evaluator.report().fields().get("language")).extracting(s -> s.support(), s -> s.predicted(), s -> s.correct()).containsExactly(1L, 1L, 1L);
    }

    @Test
    void otherFieldsCompareAsText() {
        MetadataExtractor plain = new MetadataExtractor() {
            @Override
            public String field() {
                return "datasets";
            }

            @Override
            public List<Suggestion> extract(ModelCard card) {
                return List.of();
            }
        };
        assertThat(plain.sameValue(" Org/Data ", "org/data")).isTrue();
        assertThat(plain.sameValue("deu", "de")).isFalse();
    }
}
