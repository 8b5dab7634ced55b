package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line gives picocli only the subcommand the arguments name, and all of them where help needs them. */
class SubcommandsTest {

    private static final List<String> ALL = List.of("analyze", "card", "query", "stats", "report", "concepts", "export",
            "collect", "validate", "taxonomy", "suggest", "eval", "classify", "serve", "check", "edit", "help");

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Cardminer.commandLine("analyze", "x.parquet").getSubcommands().keySet()).containsExactly("analyze");
        assertThat(Cardminer.commandLine("stats").getSubcommands().keySet()).containsExactly("stats");
    }

    @Test
    void helpAndUnknownNamesGetEverySubcommand() {
        assertThat(Cardminer.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cardminer.commandLine("--help").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cardminer.commandLine("help", "analyze").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(Cardminer.commandLine("analyse").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
    }

    @Test
    void theCommandsBehaveAsWithAllOfThem() {
        CliRun help = run("--help");
        assertThat(help.exit()).isZero();
        for (String name : ALL) {
            assertThat(help.out()).containsPattern("(?m)^\\s+" + name + "\\s");
        }
        assertThat(run("help", "analyze").out()).contains("Usage: cardminer analyze");
        assertThat(run("analyze", "-V").out()).contains("cardminer 0.1.0");
        CliRun unknown = run("analyse", "x");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cardminer: unknown command 'analyse'; did you mean analyze?").hasLineCount(1);
        // The handlers are handed on to the one subcommand: a bad option is one line, exit 2.
        CliRun bad = run("stats", "--no-such-option");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--no-such-option").doesNotContain("Exception");
    }
}
