package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import dev.cardminer.io.CardStore;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationLogTest {

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void storesEveryOutputAndComparesRuns() throws Exception {
        LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();
        RuleClassifier rules = new RuleClassifier();
        List<CardText> before = List.of(Cards.card("me/agent", Cards.AGENT), Cards.card("me/t", Cards.TRANSLATOR),
                Cards.card("me/n", Cards.NOTHING));
        List<CardText> after = List.of(Cards.card("me/agent", Cards.AGENT), Cards.card("me/t", Cards.NOTHING),
                Cards.card("me/n", Cards.TRANSLATOR));
        try (CardStore store = CardStore.open(dir.resolve("s" + System.nanoTime() + ".duckdb"))) {
            Connection c = store.connection();
            ClassificationLog log = new ClassificationLog(c);
            log.write("A", tasks, rules, rules.classify(before, tasks, false), Instant.parse("2026-01-01T00:00:00Z"));
            log.write("B", tasks, rules, rules.classify(after, tasks, false), Instant.parse("2026-01-02T00:00:00Z"));
            assertThat(log.runs()).containsExactly("A", "B");
            try (ResultSet r = c.createStatement().executeQuery("SELECT label, model, prompt_version, input_hash, "
                    + "label_set, label_set_version FROM classifications WHERE run_id = 'A' AND card_id = 'me/n'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNull(); // abstention is a row too
                assertThat(r.getString(2)).isEqualTo("rules");
                assertThat(r.getString(3)).isEqualTo(rules.promptVersion(tasks));
                assertThat(r.getString(4)).isEqualTo(before.get(2).hash());
                assertThat(r.getString(6)).isEqualTo(tasks.version());
            }
            ClassificationLog.Comparison cmp = log.compare("A", "B");
            assertThat(cmp.common()).isEqualTo(3);
            assertThat(cmp.same()).isEqualTo(1);
            assertThat(cmp.nowAbstained()).isEqualTo(1);
            assertThat(cmp.nowLabelled()).isEqualTo(1);
            assertThat(cmp.inputChanged()).isEqualTo(2);
            assertThat(cmp.transitions()).containsEntry("translation -> (none)", 1).containsEntry("(none) -> translation", 1);
        }
    }

    @Test
    void previousOutputsOfTheSameModelAndPromptCanBeReused() throws Exception {
        LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();
        RuleClassifier rules = new RuleClassifier();
        List<CardText> cards = List.of(Cards.card("me/agent", Cards.AGENT), Cards.card("me/n", Cards.NOTHING));
        try (CardStore store = CardStore.open(dir.resolve("s" + System.nanoTime() + ".duckdb"))) {
            Connection c = store.connection();
            ClassificationLog log = new ClassificationLog(c);
            assertThat(log.previous(rules, tasks)).isEmpty();
            log.write("A", tasks, rules, rules.classify(cards, tasks, false), Instant.parse("2026-01-01T00:00:00Z"));
            var previous = log.previous(rules, tasks);
            assertThat(previous.get("me/agent").best()).isEqualTo("reinforcement-learning");
            assertThat(previous.get("me/agent").inputHash()).isEqualTo(cards.get(0).hash());
            assertThat(previous.get("me/n").abstained()).isTrue();
            // another label set (so another prompt version) has nothing to reuse
            assertThat(log.previous(rules, LabelSet.builtIn("domain").orElseThrow())).isEmpty();
        }
    }

    @Test
    void runIdsSayWhenWhatAndWhich() {
        assertThat(ClassificationLog.newRunId("ensemble", LabelSet.builtIn("domain").orElseThrow(),
                Instant.parse("2026-11-30T17:40:01.123Z"))).isEqualTo("20261130-174001Z-ensemble-domain");
    }
}
