package dev.cardminer.io;

import dev.cardminer.hub.HubOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens card sources: by the location a command line names ({@link #open}), or by kind. The local sources'
 * implementations are not public: a {@link CardSource} is all callers see. The Hub's is, {@link HubCardSource}, for
 * what only it does (download every shard first, list the shards).
 *
 * <p>A source is read by one thread at a time (one {@link Analyzer} run); the methods here may be called from any.
 */
public final class CardSources {

    /** The location that means the Hub's model-card dataset. */
    public static final String HUB = "hub:";

    private CardSources() {
    }

    /**
     * Opens a source by location, as the command line names it: {@code hub:} (or null/empty: a program that means
     * a local source should call {@link #markdown}, {@link #parquet} or {@link #jsonLines}, which never reach the
     * network) for the Hub dataset; a {@code .parquet} file
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

    /** These cards, in order (one card read from standard input, cards made by a caller). */
    public static CardSource of(SourceCard... cards) {
        java.util.Iterator<SourceCard> it = List.of(cards).iterator();
        return new CardSource() {
            @Override
            public SourceCard next() {
                return it.hasNext() ? it.next() : null;
            }

            @Override
            public long expectedCards() {
                return cards.length;
            }

            @Override
            public String description() {
                return cards.length == 1 ? cards[0].origin() : cards.length + " cards";
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The cards a store holds, rebuilt from its {@code cards.body} and {@code cards.metadata_json}: each card's text
     * is a metadata block holding the JSON on one line, then the body, byte for byte, starting on the line it
     * started on in the card file when the card has a heading to tell it (see docs/suggest.md). Not the card as
     * written: good for reading it again (suggest, eval), not for editing it. Reads through the store's
     * connection, a page at a time; the store stays open and the caller's.
     */
    public static CardSource store(CardStore store) throws IOException {
        return new StoreCardSource(store.connection(), store.file().toString());
    }

    /** As {@link #open(String, HubOptions, ProgressOutput, boolean)}, reading the Hub shard by shard. */
    public static CardSource open(String location, HubOptions hub, ProgressOutput progress) throws IOException {
        return open(location, hub, progress, false);
    }

    /** The cards of a {@code .parquet} file, or of every Parquet file under a folder, in the Hub dataset's schema. */
    public static CardSource parquet(Path fileOrFolder) throws IOException {
        return ParquetCardSource.open(fileOrFolder);
    }

    /** The cards of these Parquet files in order, described as {@code origin} (the Hub's shards, say). */
    public static CardSource parquet(List<Path> files, String origin) throws IOException {
        return ParquetCardSource.open(files, origin);
    }

    /** The cards of a JSON Lines file (optionally gzip'd) with at least {@code modelId} and {@code card}. */
    public static CardSource jsonLines(Path file) throws IOException {
        return JsonLinesCardSource.open(file);
    }

    /**
     * The cards of a folder of Markdown files ({@code org__name.md}, {@code org/name/README.md}), or one {@code .md}
     * file. A file the folder names that cannot be read as one (a link to nothing, a loop of links, a pipe) is a card
     * with a failure ({@link SourceCard#unreadable}), not a gap.
     */
    public static CardSource markdown(Path folderOrFile) throws IOException {
        return MarkdownFolderCardSource.open(folderOrFile);
    }

    /**
     * The id a card file gets in a folder of cards ({@code org__name.md} and {@code org/name/README.md} are
     * {@code org/name}), so that a single-card command names a card as {@code analyze} does.
     */
    public static String cardId(Path root, Path file) {
        return MarkdownFolderCardSource.idOf(root, file);
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
