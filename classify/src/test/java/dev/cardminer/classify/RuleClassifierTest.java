package dev.cardminer.classify;

import static dev.cardminer.classify.Cards.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.classify.internal.RuleTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleClassifierTest {

    private final RuleClassifier rules = new RuleClassifier();
    private final LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();

    @Test
    void labelsWithTheRulesThatFiredAsEvidence() {
        List<Classification> out = rules.classify(List.of(card("me/ppo-LunarLander-v2", Cards.AGENT),
                card("me/my-model", Cards.TRANSLATOR)), tasks, false);
        assertThat(out.get(0).best()).isEqualTo("reinforcement-learning");
        assertThat(out.get(0).labels().get(0).evidence()).contains("library=stable-baselines3").contains("tag=LunarLander-v2").contains("id=me/ppo-LunarLander-v2");
        assertThat(out.get(0).bestScore()).isGreaterThan(0.99);
        assertThat(out.get(1).best()).isEqualTo("translation");
        assertThat(out.get(1).labels().get(0).evidence()).contains("metric=bleu");
        assertThat(out.get(1).method()).isEqualTo("rules");
    }

    @Test
    void abstainsWhenNothingFires() {
        assertThat(rules.classify(List.of(card("me/notes", Cards.NOTHING)), tasks, false).get(0).abstained()).isTrue();
    }

    @Test
    void theLabelBeingPredictedIsHidden() {
        CardText text = card("me/notes", Cards.ONLY_THE_ANSWER);
        assertThat(rules.classify(List.of(text), tasks, false).get(0).abstained()).isTrue();
        assertThat(text.headline(1000)).doesNotContain("translation");
    }

    @Test
    void userLabelsAreTheirOwnLexicon() {
        LabelSet mine = LabelSet.ofIds("user", List.of("lunar-lander", "chess"));
        List<Classification> out = rules.classify(List.of(card("me/a", Cards.AGENT), card("me/b", Cards.NOTHING)), mine, false);
        assertThat(out.get(0).best()).isEqualTo("lunar-lander");
        assertThat(out.get(0).labels().get(0).evidence()).contains("text~lunarlander");
        assertThat(out.get(1).abstained()).isTrue();
        assertThat(rules.promptVersion(mine)).isNotEqualTo(rules.promptVersion(tasks));
    }

    @Test
    void badRuleLinesAreLocated() {
        assertThatThrownBy(() -> RuleTable.parse("# x\nner\t0.9\ttag\t(unclosed"))
                .hasMessageContaining("line 2").hasMessageContaining("bad regex");
        assertThatThrownBy(() -> RuleTable.parse("ner\t1.5\ttag\tner")).hasMessageContaining("weight");
    }

    @Test
    void everyBundledRuleNamesALabelOfItsSet() {
        for (String set : LabelSet.BUILT_IN) {
            LabelSet labels = LabelSet.builtIn(set).orElseThrow();
            RuleClassifier fresh = new RuleClassifier();
            fresh.classify(List.of(), labels, false); // loads and parses the table
            assertThat(fresh.promptVersion(labels)).hasSize(12);
        }
    }
}
