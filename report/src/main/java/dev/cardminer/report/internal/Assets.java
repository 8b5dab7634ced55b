package dev.cardminer.report.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files next to index.html: charts under {@code img/}, tables under {@code data/}. Names are
 * chosen by the report, never by card data.
 */
public final class Assets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Path root;
    private final CsvWriter csv = new CsvWriter();
    private final Set<String> used = new HashSet<>();

    public Assets(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("img"));
        Files.createDirectories(root.resolve("data"));
    }

    /** Where to write the chart {@code name}; its link is {@link #imageHref}. */
    public Path image(String name) {
        return root.resolve("img").resolve(checked(name, "png") + ".png");
    }

    public String imageHref(String name) {
        return "img/" + name + ".png";
    }

    /** Writes the table's CSV and returns its link. */
    public String csv(Table table) throws IOException {
        String name = checked(table.name(), "csv");
        csv.write(table, root.resolve("data").resolve(name + ".csv"));
        return "data/" + name + ".csv";
    }

    private String checked(String name, String kind) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad asset name " + name);
        }
        if (!used.add(kind + ":" + name)) {
            throw new IllegalStateException("asset written twice: " + name + "." + kind);
        }
        return name;
    }
}
