package dev.cardminer.io;

import dev.cardminer.hub.HubOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Opens the source a command-line location names. */
public final class CardSources {

    /** The location that means the Hub's model-card dataset. */
    public static final String HUB = "hub:";

    private CardSources() {
    }

    /**
     * Opens a source by location: {@code hub:} (or null/empty) for the Hub dataset; a {@code .parquet} file
     * or a folder holding Parquet files; a {@code .jsonl}/{@code .ndjson}/{@code .json} file (optionally
     * {@code .gz}); a folder of Markdown cards or a single {@code .md} file.
     *
     * @param hubAll for the Hub: download every shard before reading (false: as reading reaches them)
     */
    public static CardSource open(String location, HubOptions hub, ProgressOutput progress, boolean hubAll)
            throws IOException {
        if (location == null || location.isBlank() || location.equals(HUB)) {
            HubCardSource source = HubCardSource.open(hub, progress);
            return hubAll ? source.downloadAll() : source;
        }
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new IOException(location + ": no such file or folder (use hub: for the Hub's dataset)");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            return hasParquet(path) && !hasMarkdown(path) ? ParquetCardSource.open(path) : MarkdownFolderCardSource.open(path);
        }
        if (name.endsWith(".parquet")) {
            return ParquetCardSource.open(path);
        }
        if (name.matches(".*\\.(jsonl|ndjson|json)(\\.gz)?")) {
            return JsonLinesCardSource.open(path);
        }
        if (name.endsWith(".md")) {
            return MarkdownFolderCardSource.open(path);
        }
        throw new IOException(location + ": not a card source (expected a folder, .md, .parquet or .jsonl)");
    }

    /** As {@link #open(String, HubOptions, ProgressOutput, boolean)}, reading the Hub shard by shard. */
    public static CardSource open(String location, HubOptions hub, ProgressOutput progress) throws IOException {
        return open(location, hub, progress, false);
    }

    private static boolean hasParquet(Path dir) throws IOException {
        return anyEndingWith(dir, ".parquet");
    }

    private static boolean hasMarkdown(Path dir) throws IOException {
        return anyEndingWith(dir, ".md");
    }

    private static boolean anyEndingWith(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix));
        }
    }
}
