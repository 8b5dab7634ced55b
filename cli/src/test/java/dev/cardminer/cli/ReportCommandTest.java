package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReportOfAStoreFile() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement st = c.createStatement()) {
            createSchema(st);
            st.execute("INSERT INTO cards (id, content_hash, has_metadata, completeness) VALUES "
                    + "('org/a', 'h1', true, 0.5), ('org/b', 'h2', false, 0.0), ('org/c', 'h3', true, 0.25)");
            st.execute("INSERT INTO metadata VALUES ('org/a', 'license', '\"mit\"'), ('org/c', 'license', '\"x\"')");
            st.execute("INSERT INTO metadata_values VALUES ('org/a', 'license', 0, 'mit'), "
                    + "('org/c', 'license', 0, 'not-a-licence')");
        }
        long size = Files.size(db);
        Path out = dir.resolve("report");
        StringWriter stdout = new StringWriter();
        int exit = new CommandLine(new Cardminer()).setOut(new PrintWriter(stdout))
                .execute("report", "--db", db.toString(), "--out", out.toString(), "--rows", "5");
        assertThat(exit).isZero();
        assertThat(stdout.toString()).contains("wrote").contains("index.html");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("3 Hugging Face model cards").contains("<section id=\"licenses\">");
        assertThat(Files.readString(out.resolve("data/licenses.csv")))
                .contains("mit,1,33.33,accepted").contains("not-a-licence,1,33.33,rejected");
        assertThat(out.resolve("img/licenses.png")).isRegularFile();
        // Read-only: the store file is left as it was.
        assertThat(Files.size(db)).isEqualTo(size);
    }

    @Test
    void aMissingStoreIsAnErrorWithoutAReport() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Cardminer()).setErr(new PrintWriter(err))
                .execute("report", "--db", dir.resolve("nope.duckdb").toString(), "--out", dir.resolve("r").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no store at");
        assertThat(dir.resolve("r")).doesNotExist();
        assertThat(dir.resolve("nope.duckdb")).doesNotExist();
    }

    @Test
    void isListedInTheHelp() {
        StringWriter out = new StringWriter();
        new CommandLine(new Cardminer()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("report");
        StringWriter help = new StringWriter();
        assertThat(new CommandLine(new Cardminer()).setOut(new PrintWriter(help)).execute("report", "--help")).isZero();
        assertThat(help.toString()).contains("--db=FILE").contains("--out=DIR").contains("read-only");
    }

    private static void createSchema(Statement st) throws Exception {
        String schema;
        try (InputStream in = ReportCommandTest.class.getResourceAsStream("/dev/cardminer/io/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : schema.replaceAll("(?m)--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                st.execute(statement);
            }
        }
    }
}
