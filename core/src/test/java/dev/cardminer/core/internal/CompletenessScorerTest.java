package dev.cardminer.core.internal;

import static dev.cardminer.core.CanonicalSection.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessScorerTest {

    private final CompletenessScorer scorer = new CompletenessScorer();

    /** A card with every template heading at the template's depth, each with the given text. */
    private static String templateCard(String text) {
        StringBuilder sb = new StringBuilder("---\nlicense: mit\n---\n# Model Card for x\n\n");
        for (CanonicalSection s : CanonicalSection.values()) {
            int depth = 1;
            for (CanonicalSection p = s.parent(); p != null; p = p.parent()) {
                depth++;
            }
            sb.append("#".repeat(depth + 1)).append(' ').append(s.title()).append("\n\n").append(text).append("\n\n");
        }
        return sb.toString();
    }

    @Test
    void aFullTemplateCardScoresOne() {
        ModelCard full = ModelCard.parse(templateCard("Real text about this part of the model."));
        assertThat(full.sections()).hasSize(35);
        assertThat(full.completeness()).isEqualTo(1.0);
    }

    @Test
    void aTemplateLeftAsPlaceholdersScoresZero() {
        ModelCard stub = ModelCard.parse(templateCard("[More Information Needed]"));
        assertThat(stub.sections()).filteredOn(Section::placeholder).hasSize(34);
        assertThat(stub.completeness()).isZero();
    }

    @Test
    void completenessOrdersCards() {
        double full = ModelCard.parse(templateCard("Text.")).completeness();
        double trainer = ModelCard.parse("""
                # m

                ## Model description

                More information needed

                ## Training procedure

                ### Training hyperparameters

                - learning_rate: 2e-05

                ### Framework versions

                - Transformers 4.24.0
                """).completeness();
        double stub = ModelCard.parse("# m\n\nA model.\n").completeness();
        assertThat(full).isGreaterThan(trainer);
        assertThat(trainer).isGreaterThan(stub);
        assertThat(stub).isZero();
    }

    @Test
    void parentsCountThroughTheirDescendants() {
        List<Section> sections = List.of(
                section(1, TRAINING_DETAILS, false),
                section(2, TRAINING_PROCEDURE, false),
                section(3, TRAINING_HYPERPARAMETERS, true));
        assertThat(scorer.filled(sections)).containsExactlyInAnyOrder(
                TRAINING_DETAILS, TRAINING_PROCEDURE, TRAINING_HYPERPARAMETERS);
        // A template parent the card never names still counts.
        assertThat(scorer.filled(List.of(section(2, HARDWARE, true))))
                .containsExactlyInAnyOrder(HARDWARE, COMPUTE_INFRASTRUCTURE, TECHNICAL_SPECIFICATIONS);
        // But a child does not count because its parent has content.
        assertThat(scorer.filled(List.of(section(1, USES, true), section(2, DIRECT_USE, false))))
                .containsExactly(USES);
    }

    @Test
    void unmappedSubsectionsCountForTheNearestMappedHeading() {
        List<Section> sections = List.of(
                section(2, EVALUATION, false),
                section(3, null, true),
                section(2, null, true));
        assertThat(scorer.filled(sections)).containsExactly(EVALUATION);
        assertThat(scorer.score(sections)).isEqualTo(1.0 / CanonicalSection.values().length);
    }

    private static Section section(int level, CanonicalSection canonical, boolean content) {
        return new Section(level, canonical == null ? "x" : canonical.title(), canonical, 0, 0, 1, false, !content);
    }
}
