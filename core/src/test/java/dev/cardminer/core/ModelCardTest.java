package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
