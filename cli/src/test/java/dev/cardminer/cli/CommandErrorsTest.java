package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes and failures users meet (issue 9): each ends with one line naming what is wrong, and the same
 * kind of failure has the same exit status in every command.
 */
class CommandErrorsTest {

    @TempDir
    Path dir;

    private Path store() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("acme__m.md"), "---\nlicense: mit\n---\n# Model\n\nIt reaches 90% accuracy.\n\n"
                + "=cmd|' /C calc'!A0 is what a formula looks like.\n");
        Path db = dir.resolve("x.duckdb");
        CliRun r = run("analyze", cards.toString(), "--db", db.toString(), "--progress", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        return db;
    }

    private static void oneLine(CliRun r, int exit, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).isEqualTo(expected + "\n");
    }

    @Test
    void numbersOutOfRangeAreUsageErrors() throws Exception {
        Path db = store();
        oneLine(run("analyze", "x", "--db", db.toString(), "-j", "0"), 2,
                "cardminer analyze: -j/--threads must be at least 1, not 0 (see cardminer analyze --help)");
        oneLine(run("analyze", "x", "--db", db.toString(), "--limit", "-5"), 2,
                "cardminer analyze: --limit must be at least 0, not -5 (see cardminer analyze --help)");
        oneLine(run("analyze", "x", "--db", db.toString(), "--concurrency", "0", "--annotator", "llm"), 2,
                "cardminer analyze: --concurrency must be at least 1, not 0 (see cardminer analyze --help)");
        oneLine(run("concepts", "--db", db.toString(), "--top", "-5"), 2,
                "cardminer concepts: --top must be at least 1, not -5 (see cardminer concepts --help)");
        oneLine(run("report", "--db", db.toString(), "--out", dir.resolve("r").toString(), "--rows", "0"), 2,
                "cardminer report: --rows must be at least 1, not 0 (see cardminer report --help)");
        CliRun unknown = run("stats", "--db", db.toString(), "--bogus");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cardminer stats: Unknown option: '--bogus'").hasLineCount(1);
    }

    @Test
    void pruneNeedsTheWholeSource() throws Exception {
        Path db = store();
        Path cards = dir.resolve("cards");
        oneLine(run("analyze", cards.toString(), "--db", db.toString(), "--prune", "--limit", "5"), 2,
                "cardminer analyze: --prune needs the whole source: it cannot go with --limit "
                        + "(see cardminer analyze --help)");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("acme__n.md"), "# Another\n\nA second model.\n");
        CliRun kept = run("analyze", other.toString(), "--db", db.toString(), "--progress", "none");
        assertThat(kept.exit()).as(kept.err()).isZero();
        assertThat(kept.out()).doesNotContain("pruned");
        assertThat(run("query", "--db", db.toString(), "SELECT count(*) AS cards FROM cards").out())
                .contains("2").contains("(1 row)");
        CliRun pruned = run("analyze", other.toString(), "--db", db.toString(), "--progress", "none", "--prune");
        assertThat(pruned.exit()).as(pruned.err()).isZero();
        assertThat(pruned.out()).contains("1 unchanged").contains(", 1 pruned)");
        assertThat(run("query", "--db", db.toString(), "SELECT string_agg(id) AS ids FROM cards").out())
                .contains("acme/n").doesNotContain("acme/m");
    }

    @Test
    void reportIntoAFileSaysWhy() throws Exception {
        Path db = store();
        Path file = Files.writeString(dir.resolve("taken"), "x");
        oneLine(run("report", "--db", db.toString(), "--out", file.toString()), 2,
                "cardminer report: cannot write the report: " + file + ": exists and is not a folder");
    }

    @Test
    void exportCreatesAMissingFolderAndDefusesFormulasInCsv() throws Exception {
        Path db = store();
        Path out = dir.resolve("new/deeper/sentences.csv");
        CliRun r = run("export", "--db", db.toString(), "--what", "sentences", "--format", "csv", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String csv = Files.readString(out);
        assertThat(csv).contains(",'=cmd|' /C calc'!,").doesNotContain(",=cmd");
        Path annotations = dir.resolve("new/annotations.csv");
        assertThat(run("export", "--db", db.toString(), "--what", "annotations", "--format", "csv", "--out",
                annotations.toString()).exit()).isZero();
        assertThat(Files.readString(annotations)).contains("accuracy").doesNotContain(",=cmd");
        // Parquet keeps the text as it is: only spreadsheets need the apostrophe.
        Path parquet = dir.resolve("new/sentences.parquet");
        assertThat(run("export", "--db", db.toString(), "--what", "sentences", "--out", parquet.toString()).exit()).isZero();
        CliRun q = run("query", "--db", db.toString(), "--format", "csv",
                "SELECT count(*) AS n FROM sentences WHERE starts_with(text, '=cmd')");
        assertThat(q.out()).isEqualTo("n\r\n1\r\n");
    }

    @Test
    void aMissingStoreIsExitTwoInEveryCommand() throws Exception {
        String missing = dir.resolve("none.duckdb").toString();
        for (List<String> args : List.of(List.of("query", "--db", missing, "SELECT 1"), List.of("stats", "--db", missing),
                List.of("concepts", "--db", missing), List.of("report", "--db", missing, "--out", dir.resolve("r").toString()),
                List.of("export", "--db", missing, "--what", "sentences", "--out", dir.resolve("s.csv").toString()))) {
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(args.toString()).contains(missing + ": no such store (run cardminer analyze first)")
                    .hasLineCount(1);
        }
    }

    @Test
    void aStoreHeldByAnotherRunIsNamedAsSuchInEveryCommand() throws Exception {
        Path db = store();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");
            String expected = "the store " + db.toAbsolutePath() + " is in use by another process (a cardminer run, "
                    + "cardminer serve, or another program that has it open); try again when it has finished";
            for (List<String> args : List.of(List.of("query", "--db", db.toString(), "SELECT 1"),
                    List.of("stats", "--db", db.toString()), List.of("concepts", "--db", db.toString()),
                    List.of("report", "--db", db.toString(), "--out", dir.resolve("r").toString()),
                    List.of("export", "--db", db.toString(), "--what", "sentences", "--out", dir.resolve("s.csv").toString()),
                    List.of("analyze", dir.resolve("cards").toString(), "--db", db.toString(), "--progress", "none"))) {
                CliRun r = run(args.toArray(String[]::new));
                assertThat(r.exit()).as(args + ": " + r.err()).isEqualTo(2);
                assertThat(r.err()).as(args.toString()).isEqualTo("cardminer " + args.getFirst() + ": " + expected + "\n");
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String command : List.of("card", "analyze", "suggest", "check")) {
            CliRun r = run(command, "-V");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as(command).isEqualTo(run("-V").out()).startsWith("cardminer ");
        }
    }

    @Test
    void aFileThatIsNotAStoreIsAnInputErrorInEveryCommand() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a database\n");
        for (List<String> command : List.of(List.of("query", "SELECT 1"), List.of("suggest"), List.of("stats"),
                List.of("concepts"))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--db", text.toString()));
            CliRun r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(command.toString()).contains(text + " is not a cardminer store");
        }
    }
}
