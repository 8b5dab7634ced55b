package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code eval --misses FIELD}: one escaped line per card whose hidden value was missed or whose proposal was wrong. */
class EvalMissesTest {

    /** The licence hidden is mit, the text says Apache 2.0: a wrong proposal. The dataset is found: no line. */
    private static final String WRONG = "---\nlicense: mit\ndatasets:\n- tiny_reviews\n---\n\n# tuned\n\n"
            + "This model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n\n"
            + "It is released under the Apache 2.0 license.\n";
    /** Nothing in the text that names a licence: a miss. */
    private static final String MISSED = "---\nlicense: mit\ntags:\n- demo\n---\n\n# plain\n\nNothing to see.\n";

    @Test
    void listsMissedAndWrongCardsOnOneLineEach(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("me__tuned.md"), WRONG);
        Files.writeString(cards.resolve("me__plain.md"), MISSED);
        CliRun run = CliRun.run("eval", cards.toString(), "--split", "all", "--fields", "license,datasets", "--misses", "license");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrong\tme/tuned\tmit\tapache-2.0 [released-under]\n")
                .contains("miss\tme/plain\tmit\t-\n");
        CliRun datasets = CliRun.run("eval", cards.toString(), "--split", "all", "--fields", "license,datasets", "--misses", "datasets");
        assertThat(datasets.out()).doesNotContain("miss\t").doesNotContain("wrong\t");
    }

    @Test
    void withJsonTheLinesGoToStandardErrorAndStandardOutputStaysOneObject(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("me__plain.md"), MISSED);
        CliRun run = CliRun.run("eval", cards.toString(), "--split", "all", "--json", "--fields", "license", "--misses", "license");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).path("fields").path("license").path("support").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("miss\tme/plain\tmit\t-");
    }

    @Test
    void theHeaderSaysHowManyOfTheCardsReadTheSplitScored(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        long heldOut = 0;
        for (int i = 0; i < 10; i++) {
            Files.writeString(cards.resolve("me__c" + i + ".md"), MISSED);
            heldOut += dev.cardminer.suggest.Split.HELD_OUT.contains("me/c" + i) ? 1 : 0;
        }
        assertThat(heldOut).isBetween(1L, 9L);
        CliRun run = CliRun.run("eval", cards.toString(), "--fields", "license");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(heldOut + " of the 10 cards read (held-out split; --split all scores every card); ");
        assertThat(CliRun.run("eval", cards.toString(), "--split", "all", "--fields", "license").out())
                .startsWith("10 cards (all split); ");
    }

    @Test
    void cardTextIsEscapedToOneLine() {
        assertThat(CardFiles.oneLine("a\nb\u202ec")).doesNotContain("\n").doesNotContain("\u202e");
    }
}
