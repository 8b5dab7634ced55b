package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user's first session ran into: every mistake ends in one line naming it, with the exit status of
 * docs/analyze.md's table (2 for usage and for inputs and outputs that cannot be used), before any work.
 */
class NewUserFindingsTest {

    private static final List<String> COMMANDS = List.of("analyze", "card", "query", "stats", "report", "concepts",
            "export", "collect", "validate", "taxonomy", "suggest", "eval", "classify", "serve", "check", "edit");

    @TempDir
    Path dir;

    private Path cards() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("acme__m.md"), "---\nlicense: mit\n---\n# Model\n\nIt reaches high accuracy.\n");
        return cards;
    }

    private Path store() throws Exception {
        Path db = dir.resolve("x.duckdb");
        CliRun r = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        return db;
    }

    private static void refused(CliRun r, String... parts) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains(parts);
    }

    @Test
    void editRefusesValuesThatAreNoMetadata() throws Exception {
        Path card = cards().resolve("acme__m.md");
        refused(run("edit", card.toString(), "--set", "license=!!binary aGVsbG8="),
                "cardminer edit: the value of 'license' cannot be written as card metadata: it is a YAML binary (!!binary)");
        refused(run("edit", card.toString(), "--set", "tags=!!set {a, b}"), "it is a YAML set (!!set)");
        refused(run("edit", card.toString(), "--add", "tags=[!!binary aGVsbG8=]"), "a YAML binary");
        refused(run("edit", card.toString(), "--set", "x=!!omap [a: 1, b: 2]"), "cardminer edit: ");
        assertThat(Files.readString(card)).contains("license: mit");
    }

    @Test
    void everyHelpFormatsWithoutPicocliWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        // picocli's tracer writes to System.err, not to the command line's err
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : COMMANDS) {
                CliRun help = run(command, "--help");
                assertThat(help.exit()).as(command).isZero();
                assertThat(help.out() + help.err()).as(command).doesNotContain("picocli WARN");
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
        assertThat(run("classify", "--help").out()).contains("(30% of cards")
                .contains("--labels=L1,L2,...").doesNotContain("[,L1");
    }

    @Test
    void exportChecksItsOutputFirstAndTakesTheFormatFromTheName() throws Exception {
        Path db = store();
        Path folder = Files.createDirectories(dir.resolve("out"));
        refused(run("export", "--db", db.toString(), "--what", "sentences", "--format", "csv", "--out", folder.toString()),
                "cardminer export: cannot write --out " + folder + ": ", "is a folder");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        refused(run("export", "--db", db.toString(), "--what", "sentences", "--out", file.resolve("s.csv").toString()),
                "cardminer export: cannot write --out " + file.resolve("s.csv"));
        refused(run("export", "--db", db.toString(), "--what", "sentences", "--format", "parquet", "--out",
                dir.resolve("s.csv").toString()), "--format parquet contradicts the --out name");
        assertThat(dir.resolve("s.csv")).doesNotExist();
        CliRun csv = run("export", "--db", db.toString(), "--what", "sentences", "--out", dir.resolve("s.csv").toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(Files.readString(dir.resolve("s.csv"))).doesNotStartWith("PAR1").contains("high accuracy");
        CliRun jsonl = run("export", "--db", db.toString(), "--what", "sentences", "--out", dir.resolve("s.jsonl").toString());
        assertThat(jsonl.exit()).as(jsonl.err()).isZero();
        assertThat(Files.readString(dir.resolve("s.jsonl"))).startsWith("{");
    }

    @Test
    void comparingRunsAStoreLacksListsItsRuns() throws Exception {
        Path db = store();
        refused(run("classify", "--compare", "a", "b", "--db", db.toString()),
                "cardminer classify: no run a in " + db + ": it has no classify runs");
    }

    @Test
    void negativeNumbersAreRefusedByEveryCommand() throws Exception {
        Path db = store();
        String cards = dir.resolve("cards").toString();
        refused(run("classify", cards, "--task", "domain", "--limit", "-1"),
                "cardminer classify: --limit must be at least 0, not -1");
        refused(run("classify", cards, "--task", "domain", "--embedding-tokens", "0"), "--embedding-tokens must be at least 8");
        refused(run("suggest", cards, "--limit", "-1"), "cardminer suggest: --limit must be at least 0, not -1");
        refused(run("query", "--db", db.toString(), "--max-width", "-3", "SELECT 1"),
                "cardminer query: --max-width must be at least 1, not -3");
    }

    @Test
    void evalMissesNamesAKnownField() throws Exception {
        refused(run("eval", cards().toString(), "--misses", "nosuchfield"),
                "cardminer eval: --misses: unknown field nosuchfield (known: ", "license");
    }

    @Test
    void classifyWithAnLlmChecksTheServerFirst() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        refused(run("classify", cards().toString(), "--task", "domain", "--method", "llm", "--llm-url",
                "http://127.0.0.1:" + port, "--llm-model", "x"),
                "cardminer classify: LLM server http://127.0.0.1:" + port + "/v1/chat/completions: connection refused");
        refused(run("classify", cards().toString(), "--task", "domain", "--method", "llm", "--llm-url",
                "http://127.0.0.1:" + port), "--method llm needs --llm-url and --llm-model");
    }

    @Test
    void aFolderWithoutCardsIsAUsageErrorAndCreatesNoStore() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        refused(run("check", empty.toString()), "cardminer check: no cards (*.md) in " + empty);
        Path db = dir.resolve("n.duckdb");
        refused(run("analyze", empty.toString(), "--db", db.toString(), "--progress", "none"),
                "cardminer analyze: no cards (*.md) in " + empty);
        assertThat(db).doesNotExist();
    }

    @Test
    void suggestOnOneCardOverTheSizeLimitFailsAsCheckDoes() throws Exception {
        Path huge = dir.resolve("acme__huge.md");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength((32L << 20) + 1);
        }
        assertThat(run("check", huge.toString()).exit()).isEqualTo(2);
        CliRun suggest = run("suggest", huge.toString());
        assertThat(suggest.exit()).as(suggest.err()).isEqualTo(2);
        assertThat(suggest.err()).contains("not read");
    }

    @Test
    void analyzeChecksTheReportFolderBeforeAnalysing() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        Path db = dir.resolve("r.duckdb");
        refused(run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none", "--report",
                file.resolve("rep").toString()), "cardminer analyze: cannot write --report " + file.resolve("rep"));
        assertThat(db).as("nothing was analysed").doesNotExist();
    }

    @Test
    void serveOnABusyPortNamesThePort() throws Exception {
        Path db = store();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            refused(run("serve", "--db", db.toString(), "--port", String.valueOf(port)),
                    "cardminer serve: port " + port + " on 127.0.0.1 is in use", "--port");
        }
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        CliRun explore = run("explore");
        refused(explore, "cardminer: unknown command 'explore'; did you mean export?; the commands are: analyze, card, query");
        assertThat(OneLineErrorHandler.editDistance("analyse", "analyze")).isEqualTo(1);
        assertThat(OneLineErrorHandler.editDistance("explore", "export")).isEqualTo(2);
        assertThat(OneLineErrorHandler.editDistance("", "card")).isEqualTo(4);
        CliRun far = run("zzzzzzzz");
        refused(far, "cardminer: unknown command 'zzzzzzzz'; the commands are: analyze, card, query");
        refused(run("anlyze", "x"), "cardminer: unknown command 'anlyze'; did you mean analyze?");
    }

    @Test
    void aliasesOfOptionNames() throws Exception {
        Path db = store();
        Path card = dir.resolve("cards").resolve("acme__m.md");
        CliRun check = run("check", card.toString(), "--json");
        assertThat(check.out()).startsWith("{").contains("\"id\" : \"acme/m\"");
        refused(run("check", card.toString(), "--json", "--format", "sarif"), "--json contradicts --format sarif");
        assertThat(run("query", "--db", db.toString(), "--json", "SELECT 1 AS one").out()).contains("\"one\"");
        // The commands whose switch is --json take check's and query's spelling too.
        assertThat(run("stats", "--db", db.toString(), "--format", "json").out()).startsWith("{").contains("\"cards\"");
        assertThat(run("stats", "--db", db.toString(), "--format", "text").out()).doesNotStartWith("{");
        Path licensed = dir.resolve("acme__licensed.md");
        Files.writeString(licensed, "---\ntags: [x]\n---\n# A model\n\nThe weights are released under the Apache 2.0 license.\n");
        assertThat(run("suggest", licensed.toString(), "--format", "json").out()).isEqualTo(run("suggest",
                licensed.toString(), "--json").out()).startsWith("{\"id\":\"acme/licensed\"").contains("apache-2.0");
        refused(run("stats", "--db", db.toString(), "--format", "csv"), "--format");
        refused(run("check", card.toString(), "--json", "--format", "text"), "--json contradicts --format text");
        refused(run("stats", "--db", db.toString(), "--json", "--format", "text"), "--json contradicts --format text");
        assertThat(run("stats", "--db", db.toString(), "--json", "--format", "json").exit()).isZero();
        assertThat(run("eval", "--help").out()).contains("--format=text|json");
        Path out = dir.resolve("edited.md");
        assertThat(run("edit", card.toString(), "--set", "license=apache-2.0", "--out", out.toString()).exit()).isZero();
        assertThat(Files.readString(out)).contains("license: apache-2.0");
        assertThat(run("collect", "--help").out()).containsPattern("--db, --from-db=FILE|--from-db, --db=FILE");
        assertThat(run("classify", "--help").out()).doesNotContain("--annotator").doesNotContain("--llm-failure-budget")
                .contains("--llm-url");
    }

    @Test
    void countsAreGroupedAndAgreeInNumber() throws Exception {
        assertThat(CardFiles.count(1, "model")).isEqualTo("1 model");
        assertThat(CardFiles.count(2040, "warning")).isEqualTo("2,040 warnings");
        Path card = cards().resolve("acme__m.md");
        assertThat(run("check", card.toString()).out()).contains("1 card checked: 0 errors, ");
        Path db = store();
        CliRun again = run("analyze", dir.resolve("cards").toString(), "--db", db.toString(), "--progress", "none");
        assertThat(again.err()).contains("annotated sentences, 1 annotation)");
    }

    private Path licensedReadme(String... folders) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(Path.of("", folders)));
        Path readme = folder.resolve("README.md");
        Files.writeString(readme, "---\ntags: [x]\n---\n# A model\n\nThe weights are released under the Apache 2.0 "
                + "license.\n");
        return readme;
    }

    @Test
    void suggestSendsNoPullRequestToARepoGuessedFromFolders() throws Exception {
        // A publisher's clone in code/my-model: its id "code/my-model" is a guess, maybe somebody else's repo.
        Path readme = licensedReadme("code", "my-model");
        refused(run("suggest", readme.toString(), "--patch-dir", dir.resolve("p").toString(), "--open-prs"),
                "--open-prs with a README.md file needs --id org/name", "(code/my-model)");
        assertThat(dir.resolve("p")).doesNotExist();
        // --id names the one card of a file, as it does for '-'.
        CliRun named = run("suggest", readme.toString(), "--id", "me/my-model", "--json");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out()).startsWith("{\"id\":\"me/my-model\"").contains("apache-2.0");
        refused(run("suggest", readme.getParent().toString(), "--id", "me/my-model"), "--id names one card");
        // the folder itself, whose own README.md is named the same way: refused too
        refused(run("suggest", readme.getParent().toString(), "--patch-dir", dir.resolve("p").toString(), "--open-prs"),
                "--open-prs with a folder whose own README.md is a card", "(code/my-model)");
        assertThat(dir.resolve("p")).doesNotExist();
        // a card file that is not there is said to be missing, --id or not
        CliRun missing = run("suggest", dir.resolve("nosuch.md").toString(), "--id", "a/b");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).doesNotContain("--id names one card");
    }

    @Test
    void suggestRefusesWhatItCannotWriteOrRead() throws Exception {
        Path readme = licensedReadme("acme", "m");
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        refused(run("suggest", readme.toString(), "--patch-dir", file.resolve("drafts").toString()),
                "cannot write --patch-dir");
        refused(run("suggest", Files.createDirectories(dir.resolve("empty")).toString()), "no cards (*.md) in");
        // --repo-files for a card whose id names no repo says so instead of reading it alone in silence
        Path plain = Files.writeString(dir.resolve("trainer.md"), Files.readString(readme));
        CliRun alone = run("suggest", plain.toString(), "--repo-files");
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(alone.err()).contains("1 card had no org/name repo id (first: trainer) and was read without repo files");
    }

    @Test
    void suggestStopsWhenItsOutputIsClosed() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(cards.resolve("acme__m" + i + ".md"), "---\ntags: [x]\n---\n# M\n\nReleased under the "
                    + "Apache 2.0 license.\n");
        }
        int[] writes = {0};
        // `suggest ... | head -1`: the reader goes away after the first line
        PrintWriter closing = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes[0] > 1) {
                    throw new IOException("Broken pipe");
                }
            }
        }, true);
        Path drafts = dir.resolve("drafts");
        String[] args = {"suggest", cards.toString(), "--json", "--patch-dir", drafts.toString()};
        int exit = Cardminer.commandLine(args).setOut(closing).setErr(new PrintWriter(new StringWriter())).execute(args);
        assertThat(exit).isEqualTo(SuggestCommand.OUTPUT_CLOSED);
        assertThat(writes[0]).isLessThanOrEqualTo(3);
        // the cards printed before the reader went away have their drafts; the run read no further
        try (var folders = Files.list(drafts)) {
            assertThat(folders.count()).isBetween(1L, 3L);
        }
    }
}
