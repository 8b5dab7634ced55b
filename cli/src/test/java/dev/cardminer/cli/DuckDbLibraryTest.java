package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's driver copies its native library into a new temp file at every JVM start, left behind when the JVM is
 * killed. Where the build extracts the library once beside a driver without it (the parent POM's profile
 * duckdb-library-once-*, which also sets the property this test needs), the JVMs the tests start, killed or not,
 * write nothing there.
 */
@EnabledIfSystemProperty(named = "cardminer.duckdb.library", matches = ".+",
        disabledReason = "the build extracts DuckDB's library once only on the platforms the parent POM's profiles name")
class DuckDbLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aJvmKilledWithAStoreOpenLeavesNothingInItsTempFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path db = dir.resolve("held.duckdb");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(),
                db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("the store is open").isEqualTo("held");
            assertThat(files(tmp)).as("the temp folder while the store is open").isEmpty();
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(files(tmp)).as("the temp folder after kill -9").isEmpty();
        assertThat(Path.of(System.getProperty("cardminer.duckdb.library"))).as("the library, extracted once").isRegularFile();
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
