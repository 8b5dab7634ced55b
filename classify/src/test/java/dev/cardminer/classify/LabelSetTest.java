package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSetTest {

    @Test
    void builtInSetsHaveDescriptions() {
        LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();
        assertThat(tasks.ids()).contains("text-classification", "reinforcement-learning", "text2text-generation");
        assertThat(tasks.labels()).allSatisfy(l -> assertThat(l.description()).isNotEqualTo(l.id()));
        assertThat(LabelSet.builtIn("domain").orElseThrow().ids()).contains("medical", "legal", "general");
        assertThat(LabelSet.builtIn("modality").orElseThrow().ids()).contains("text", "image", "audio");
        assertThat(LabelSet.builtIn("nope")).isEmpty();
    }

    @Test
    void labelFileWithDescriptionsCommentsAndBlankLines() {
        LabelSet s = LabelSet.parse("user", "# mine\nchess\tplays chess\n\ngo, plays go\nshogi\n");
        assertThat(s.ids()).containsExactly("chess", "go", "shogi");
        assertThat(s.labels().get(1).description()).isEqualTo("plays go");
        assertThat(s.labels().get(2).description()).isEqualTo("shogi");
        assertThat(s.version()).hasSize(12).isNotEqualTo(LabelSet.parse("user", "chess\ngo\nshogi").version());
    }

    @Test
    void duplicatesAndTooFewLabelsAreRejected() {
        assertThatThrownBy(() -> LabelSet.parse("user", "a\nb\na")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> LabelSet.ofIds("user", List.of("only"))).hasMessageContaining("at least two");
    }
}
