package dev.cardminer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.RepoFile;
import dev.cardminer.hub.RepoType;
import dev.cardminer.io.internal.ProgressMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Hub's daily model-card dataset ({@code librarian-bots/model_cards_with_metadata}): its Parquet
 * shards under {@code data/} are downloaded once into the cache (resumable, verified against the
 * listing's size and SHA-256) and then read like a local {@link ParquetCardSource}.
 *
 * <p>Shards are fetched as reading reaches them, so a run with a card limit downloads only what it
 * reads; {@link #downloadAll()} fetches them all first, so the expected card count is known. When the
 * Hub cannot be reached but an earlier run left every shard of its listing in the cache, the cached
 * copy is used.
 *
 * <p>The listing comes from the server: each path in it must be relative, free of {@code ..}, and resolve
 * inside the cache folder, or the listing is refused with an error naming the entry.
 */
public final class HubCardSource implements CardSource {

    private static final String LISTING = "listing.json";

    private final HubOptions options;
    private final ProgressOutput progress;
    private final HubClient client;
    private final List<RepoFile> shards;
    private final Path folder;
    private int nextShard;
    private ParquetCardSource current;
    private long expected = -1;
    /** What the shards read so far skipped (rows of a shard that broke while read). */
    private SkippedEntries skippedBefore = SkippedEntries.NONE;

    private HubCardSource(HubOptions options, ProgressOutput progress, List<RepoFile> shards, HubClient client) {
        this.options = options;
        this.progress = progress;
        this.client = client;
        this.shards = shards;
        this.folder = cacheFolder(options);
    }

    /** Lists the dataset's shards (or falls back to a complete cached copy when the Hub is unreachable). */
    public static HubCardSource open(HubOptions options, ProgressOutput progress) throws IOException {
        HubClient client = HubClient.create(options);
        Path folder = cacheFolder(options);
        List<RepoFile> shards;
        try {
            shards = client.listFiles(RepoType.DATASET, options.dataset(), null, "data").stream()
                    .filter(f -> f.path().endsWith(".parquet")).toList();
            if (shards.isEmpty()) {
                throw new IOException("the Hub lists no Parquet files under data/ in " + options.dataset());
            }
            for (RepoFile shard : shards) {
                safeTarget(folder, shard.path());
            }
            saveListing(folder, shards);
        } catch (HubException e) {
            if (e.kind() != HubException.Kind.UNREACHABLE) {
                throw e;
            }
            List<RepoFile> cached = cachedListing(folder);
            if (cached == null || !cached.stream().allMatch(f -> isCached(folder, f))) {
                throw new HubException(e.kind(), e.status(), e.getMessage()
                        + "; analyze a local source instead: cardminer analyze <cards folder | file.parquet | file.jsonl>", e);
            }
            progress.log().println("hub: " + e.getMessage().split(";")[0] + "; using the " + cached.size()
                    + " shards cached in " + folder);
            shards = cached;
        }
        return new HubCardSource(options, progress, shards, client);
    }

    /** Downloads every shard now (instead of as reading reaches it), so that {@link #expectedCards()} is known. */
    public HubCardSource downloadAll() throws IOException {
        List<Path> files = new ArrayList<>();
        for (RepoFile shard : shards) {
            files.add(fetch(shard));
        }
        try (ParquetCardSource all = ParquetCardSource.open(files, "hub:" + options.dataset())) {
            expected = all.expectedCards();
        }
        return this;
    }

    @Override
    public SourceCard next() throws IOException {
        while (true) {
            if (current != null) {
                SourceCard card = current.next();
                if (card != null) {
                    return card;
                }
                SkippedEntries lost = current.skipped();
                skippedBefore = new SkippedEntries(skippedBefore.count() + lost.count(),
                        Stream.concat(skippedBefore.first().stream(), lost.first().stream()).limit(5).toList());
                current.close();
                current = null;
            }
            if (nextShard >= shards.size()) {
                return null;
            }
            RepoFile shard = shards.get(nextShard++);
            current = ParquetCardSource.open(List.of(fetch(shard)), "hub:" + options.dataset() + "/" + shard.path());
        }
    }

    private Path fetch(RepoFile shard) throws IOException {
        Path target = safeTarget(folder, shard.path());
        if (isCached(folder, shard)) {
            return target;
        }
        try (ProgressMeter meter = new ProgressMeter(progress, "download " + shard.name(), " MB", 1_000_000,
                shard.size())) {
            return client.download(RepoType.DATASET, options.dataset(), null, shard, target, meter::step);
        }
    }

    /** The shards this source reads, in order. */
    public List<String> shards() {
        return shards.stream().map(RepoFile::path).toList();
    }

    @Override
    public SkippedEntries skipped() {
        return skippedBefore;
    }

    @Override
    public long expectedCards() {
        return expected;
    }

    @Override
    public String description() {
        return "hub:" + options.dataset();
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private static Path cacheFolder(HubOptions options) {
        return options.cacheDir().resolve(options.dataset().replace('/', '_'));
    }

    /**
     * Where a listed file goes: under the cache folder or nowhere. A listing is the server's word, so
     * an absolute path, a {@code ..} segment or anything resolving outside the folder is refused.
     */
    static Path safeTarget(Path folder, String path) throws IOException {
        String shown = path.replaceAll("\\p{Cntrl}", "?");
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")
                || path.matches("^[A-Za-z]:.*") || java.util.Arrays.asList(path.split("/")).contains("..")
                || path.indexOf('\0') >= 0) {
            throw new IOException("the Hub's listing of the dataset has an unsafe path: '" + shown
                    + "' (must be relative, without '..'); refused it");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(path).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IOException("the Hub's listing of the dataset has an unsafe path: '" + shown
                    + "' (resolves outside the cache " + base + "); refused it");
        }
        return target;
    }

    private static boolean isCached(Path folder, RepoFile f) {
        Path target;
        try {
            target = safeTarget(folder, f.path());
        } catch (IOException e) {
            return false;
        }
        Path verified = target.resolveSibling(target.getFileName() + ".sha256");
        try {
            return Files.isRegularFile(target) && Files.size(target) == f.size() && Files.isRegularFile(verified)
                    && Files.readString(verified).strip().equals(f.sha256() != null ? f.sha256() : "size:" + f.size());
        } catch (IOException e) {
            return false;
        }
    }

    private static void saveListing(Path folder, List<RepoFile> shards) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (RepoFile f : shards) {
            array.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        Files.createDirectories(folder);
        Path tmp = folder.resolve(LISTING + ".tmp");
        json.writeValue(tmp.toFile(), array);
        Files.move(tmp, folder.resolve(LISTING), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<RepoFile> cachedListing(Path folder) {
        Path file = folder.resolve(LISTING);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<RepoFile> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
                out.add(new RepoFile(n.path("path").asText(), n.path("size").asLong(),
                        n.path("sha256").isNull() ? null : n.path("sha256").asText(null)));
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
