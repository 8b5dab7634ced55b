package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option the docs use in a {@code cardminer COMMAND ...} line is one that {@code COMMAND --help} shows, so
 * that a user who reads the one finds it in the other; an option the docs themselves call hidden is exempt.
 */
class DocsAgreeWithHelpTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern COMMAND_LINE = Pattern.compile("cardminer ([a-z]+)((?: [^`|#]*)?)");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    @Test
    void everyOptionTheDocsUseIsInItsCommandsHelp() throws Exception {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Map<String, String> helps = new TreeMap<>();
        List<String> unlisted = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            String text = Files.readString(page);
            for (String line : text.lines().toList()) {
                Matcher m = COMMAND_LINE.matcher(line);
                while (m.find()) {
                    String command = m.group(1);
                    if (command.equals("bench")) {
                        continue;   // bench has subcommands of its own, in a jar of its own
                    }
                    String help = helps.computeIfAbsent(command, c -> {
                        CliRun r = run(c, "--help");
                        return r.exit() == 0 ? r.out() : null;
                    });
                    if (help == null) {
                        continue;   // prose such as "cardminer turns ...", not a command
                    }
                    Matcher o = OPTION.matcher(m.group(2));
                    while (o.find()) {
                        String option = o.group();
                        checked++;
                        if (!Pattern.compile(Pattern.quote(option) + "(?![a-z0-9-])").matcher(help).find()
                                && !Pattern.compile("hidden[^.]{0,40}`" + Pattern.quote(option)).matcher(text).find()) {
                            unlisted.add(ROOT.relativize(page) + ": cardminer " + command + " " + option);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("options found in the docs' command lines").isGreaterThan(100);
        assertThat(unlisted).as("options the docs use that --help does not show").isEmpty();
    }
}
