package dev.cardminer.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Placeholder so that {@code analyze --report} compiles on the io branch; the report module's real
 * writer replaces this class when the branches are merged.
 */
public final class ReportWriter {

    public void write(Connection store, Path outDir) throws IOException, SQLException {
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("index.html"),
                "<!doctype html><title>cardminer</title><p>The HTML report is not part of this build.</p>\n");
    }
}
