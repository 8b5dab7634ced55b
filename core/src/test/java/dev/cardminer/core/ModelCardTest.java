package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModelCardTest {

    /** '---' right above '---' is body text by the Hub's rule until the editor writes keys between the two lines. */
    @Test
    void theBodyAfterAnEmptyBlockIsTheBodyOnceTheEditorFillsIt() {
        for (String text : List.of("---\n---\n# Empty\n", "\n---\n---  \n# Empty\n", " \n---\n---\n")) {
            ModelCard card = ModelCard.parse(text);
            ModelCard filled = ModelCard.parse(CardEditor.of(text).set("license", "mit").apply().text());
            assertThat(card.body()).isEqualTo(text);
            assertThat(filled.metadata().license()).contains("mit");
            assertThat(card.bodyAfterEmptyBlock()).as(text).contains(filled.body());
        }
        assertThat(ModelCard.parse("---\nlicense: mit\n---\n---\n---\n").bodyAfterEmptyBlock()).isEmpty();
        assertThat(ModelCard.parse("# M\n---\n---\n").bodyAfterEmptyBlock()).isEmpty();
        assertThat(ModelCard.parse("---\n\n---\n# M\n").bodyAfterEmptyBlock()).isEmpty();   // a block, only blank
        assertThat(ModelCard.parse("---\n--- x\n# M\n").bodyAfterEmptyBlock()).isEmpty();
    }

    /** A card made by hand (a test double, a store's row read back) is held to what the parser gives. */
    @Test
    void aValueOutsideItsDomainIsRefused() {
        ModelCard real = ModelCard.parse("me/m", "---\nlicense: mit\n---\n# M\n");
        assertThat(withCompleteness(real, real.completeness())).isEqualTo(real);
        for (Function<ModelCard, ModelCard> bad : List.<Function<ModelCard, ModelCard>>of(
                c -> withCompleteness(c, 7.5), c -> withCompleteness(c, -0.1), c -> withCompleteness(c, Double.NaN),
                c -> new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), -3, c.metadata(), c.body(), c.bodyOffset(),
                        c.bodyLine(), c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()),
                c -> new ModelCard(c.id(), c.text(), false, c.yaml(), c.yamlLine(), c.metadata(), c.body(), c.bodyOffset(),
                        c.bodyLine(), c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()),
                c -> new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), c.yamlLine(), c.metadata(), c.body(),
                        c.bodyOffset(), 0, c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()),
                c -> new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), c.yamlLine(), c.metadata(), "not the body",
                        c.bodyOffset(), c.bodyLine(), c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()),
                c -> new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), c.yamlLine(), c.metadata(), "# X\n",
                        c.bodyOffset(), c.bodyLine(), c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()),
                c -> new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), c.yamlLine(), c.metadata(), c.body(), 99,
                        c.bodyLine(), c.evalResults(), c.sections(), c.links(), c.completeness(), c.problems()))) {
            assertThatThrownBy(() -> bad.apply(real)).isInstanceOf(IllegalArgumentException.class);
        }
        // without a block: no yaml, yamlLine 0, the body is the whole text
        ModelCard none = ModelCard.parse("# M\n");
        assertThat(withCompleteness(none, 1).completeness()).isEqualTo(1);
        assertThatThrownBy(() -> new ModelCard("", "# M\n", false, null, 1, Metadata.empty(), "# M\n", 0, 1, List.of(),
                List.of(), List.of(), 0, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static ModelCard withCompleteness(ModelCard c, double completeness) {
        return new ModelCard(c.id(), c.text(), c.hasMetadata(), c.yaml(), c.yamlLine(), c.metadata(), c.body(),
                c.bodyOffset(), c.bodyLine(), c.evalResults(), c.sections(), c.links(), completeness, c.problems(),
                c.extensions());
    }
}
