package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query} as an attacker would use it (issue 9): every attempt to write, to reach files or the
 * network, to change settings or to sneak in a second statement fails in one line, and the store is
 * unchanged afterwards. Card text with terminal escapes is shown escaped.
 */
class QuerySecurityTest {

    @TempDir
    Path dir;

    private Path db;
    private Path secret;

    @BeforeEach
    void store() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("acme__m.md"), "---\nlicense: mit\n---\n# Model\n\nIt works.\n");
        Files.writeString(cards.resolve("evil__m.md"),
                "---\nlicense: mit\n---\n# Evil\n\nClear \u001b[2J screen and \u001b]0;owned\u0007 title \u202Etxt.exe\n");
        db = dir.resolve("x.duckdb");
        CliRun analyze = run("analyze", cards.toString(), "--db", db.toString(), "--progress", "none");
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("other.duckdb"));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT 1 AS x");
        }
    }

    private void refused(String sql, String why) throws Exception {
        long before = Files.size(db);
        CliRun r = run("query", "--db", db.toString(), sql);
        assertThat(r.exit()).as("%s: %s", sql, r.out()).isNotZero();
        assertThat(r.err()).as(sql).startsWith("cardminer query: ").contains(why).doesNotContain("\tat ")
                .hasLineCount(1);
        assertThat(r.out()).as(sql).doesNotContain("top secret");
        CliRun check = run("query", "--db", db.toString(), "SELECT count(*) AS n FROM cards");
        assertThat(check.exit()).as("the store still opens after %s: %s", sql, check.err()).isZero();
        assertThat(check.out()).contains("2");
        assertThat(Files.size(db)).as(sql).isEqualTo(before);
    }

    @Test
    void copyToOverwritingTheStoreIsRefused() throws Exception {
        refused("COPY (SELECT 'x') TO '" + db + "' (FORMAT csv)", "disabled by configuration");
    }

    @Test
    void copyToAnyPathIsRefused() throws Exception {
        Path target = dir.resolve("out.csv");
        refused("COPY cards TO '" + target + "'", "disabled by configuration");
        assertThat(target).doesNotExist();
    }

    @Test
    void exportDatabaseIsRefused() throws Exception {
        refused("EXPORT DATABASE '" + dir.resolve("dump") + "'", "disabled by configuration");
        assertThat(dir.resolve("dump")).doesNotExist();
    }

    @Test
    void attachingAnotherStoreToWriteItIsRefused() throws Exception {
        refused("ATTACH '" + dir.resolve("other.duckdb") + "' AS o (READ_WRITE)", "disabled by configuration");
        refused("DELETE FROM cards", "read-only");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("other.duckdb"));
             Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void readingFilesIsRefused() throws Exception {
        refused("SELECT * FROM read_text('" + secret + "')", "disabled by configuration");
        refused("SELECT * FROM read_csv('" + secret + "')", "disabled by configuration");
        refused("SELECT * FROM '" + Files.writeString(dir.resolve("secret.csv"), "top secret") + "'",
                "disabled by configuration");
        refused("SELECT * FROM glob('" + dir + "/*')", "disabled by configuration");
    }

    @Test
    void extensionsAreNeitherInstalledNorLoaded() throws Exception {
        refused("INSTALL httpfs", "disabled by configuration");
        refused("LOAD httpfs", "disabled through configuration");
        refused("SELECT * FROM read_parquet('https://example.org/x.parquet')", "disabled by configuration");
    }

    @Test
    void settingsAreLocked() throws Exception {
        refused("SET enable_external_access = true", "locked");
        refused("SET lock_configuration = false", "locked");
        refused("RESET enable_external_access", "locked");
    }

    @Test
    void oneStatementOnly() throws Exception {
        refused("SELECT 1; COPY cards TO '" + dir.resolve("x.csv") + "'", "one statement at a time");
        refused("SELECT 'a;b' AS s; SELECT 2", "one statement at a time");
        refused("SELECT 1 /* c; */; DELETE FROM cards", "one statement at a time");
        // A semicolon inside a string, a quoted name or a comment, and a trailing one, are not a second statement.
        CliRun ok = run("query", "--db", db.toString(), "--format", "csv",
                "SELECT 'a;b' AS \"x;y\", $$c;d$$ AS z -- e;f\n;  ");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEqualTo("x;y,z\r\na;b,c;d\r\n");
    }

    @Test
    void terminalEscapesFromCardsAreShownEscaped() throws Exception {
        String sql = "SELECT text FROM sentences WHERE card_id = 'evil/m' AND text LIKE 'Clear%'";
        for (String format : new String[] {"table", "csv"}) {
            CliRun r = run("query", "--db", db.toString(), "--format", format, "--max-width", "200", sql);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(format).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202E")
                    .contains("Clear \\x1b[2J screen").contains("\\x1b]0;owned\\x07 title \\u202etxt.exe");
        }
        CliRun json = run("query", "--db", db.toString(), "--format", "json", sql);
        assertThat(json.out()).doesNotContain("\u001b").contains("\\u001B[2J");
    }

    @Test
    void csvTextThatStartsLikeAFormulaIsDefusedButNumbersAreNot() throws Exception {
        // a licence such as =HYPERLINK(...) in a card would run when the CSV is opened in a spreadsheet
        CliRun r = run("query", "--db", db.toString(), "--format", "csv",
                "SELECT '=HYPERLINK(\"http://x\")' AS t, '@SUM(A1)' AS u, -1.5 AS n, -2 AS i, 'mit' AS ok");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("t,u,n,i,ok\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),-1.5,-2,mit\r\n");
        // json keeps the text as it is
        assertThat(run("query", "--db", db.toString(), "--format", "json", "SELECT '=1+1' AS t").out()).contains("\"=1+1\"");
    }
}
