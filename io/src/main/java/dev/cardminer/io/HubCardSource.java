package dev.cardminer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cardminer.io.internal.HubClient;
import dev.cardminer.io.internal.HubClient.RemoteFile;
import dev.cardminer.io.internal.ProgressMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hub's daily model-card dataset ({@code librarian-bots/model_cards_with_metadata}): its Parquet
 * shards under {@code data/} are downloaded once into the cache (resumable, verified against the
 * listing's size and SHA-256) and then read like a local {@link ParquetCardSource}.
 *
 * <p>Shards are fetched as reading reaches them, so a run with a card limit downloads only what it
 * reads; {@link #downloadAll()} fetches them all first, so the expected card count is known. When the
 * Hub cannot be reached but an earlier run left every shard of its listing in the cache, the cached
 * copy is used.
 */
public final class HubCardSource implements CardSource {

    private static final String LISTING = "listing.json";

    private final HubOptions options;
    private final ProgressOutput progress;
    private final HubClient client;
    private final List<RemoteFile> shards;
    private final Path folder;
    private int nextShard;
    private ParquetCardSource current;
    private long expected = -1;

    private HubCardSource(HubOptions options, ProgressOutput progress, List<RemoteFile> shards, HubClient client) {
        this.options = options;
        this.progress = progress;
        this.client = client;
        this.shards = shards;
        this.folder = cacheFolder(options);
    }

    /** Lists the dataset's shards (or falls back to a complete cached copy when the Hub is unreachable). */
    public static HubCardSource open(HubOptions options, ProgressOutput progress) throws IOException {
        HubClient client = new HubClient(options);
        Path folder = cacheFolder(options);
        List<RemoteFile> shards;
        try {
            shards = client.list("data", ".parquet");
            if (shards.isEmpty()) {
                throw new IOException("the Hub lists no Parquet files under data/ in " + options.dataset());
            }
            saveListing(folder, shards);
        } catch (HubUnavailableException e) {
            List<RemoteFile> cached = cachedListing(folder);
            if (cached == null || !cached.stream().allMatch(f -> isCached(folder, f))) {
                throw e;
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
        for (RemoteFile shard : shards) {
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
                current.close();
                current = null;
            }
            if (nextShard >= shards.size()) {
                return null;
            }
            RemoteFile shard = shards.get(nextShard++);
            current = ParquetCardSource.open(List.of(fetch(shard)), "hub:" + options.dataset() + "/" + shard.path());
        }
    }

    private Path fetch(RemoteFile shard) throws IOException {
        Path target = folder.resolve(shard.path());
        if (isCached(folder, shard)) {
            return target;
        }
        try (ProgressMeter meter = new ProgressMeter(progress, "download " + shard.name(), " MB", 1_000_000,
                shard.size())) {
            return client.download(shard, target, meter);
        }
    }

    /** The shards this source reads, in order. */
    public List<String> shards() {
        return shards.stream().map(RemoteFile::path).toList();
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

    private static boolean isCached(Path folder, RemoteFile f) {
        Path target = folder.resolve(f.path());
        Path verified = target.resolveSibling(target.getFileName() + ".sha256");
        try {
            return Files.isRegularFile(target) && Files.size(target) == f.size() && Files.isRegularFile(verified)
                    && Files.readString(verified).strip().equals(f.sha256() != null ? f.sha256() : "size:" + f.size());
        } catch (IOException e) {
            return false;
        }
    }

    private static void saveListing(Path folder, List<RemoteFile> shards) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode array = json.createArrayNode();
        for (RemoteFile f : shards) {
            array.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256());
        }
        Files.createDirectories(folder);
        Path tmp = folder.resolve(LISTING + ".tmp");
        json.writeValue(tmp.toFile(), array);
        Files.move(tmp, folder.resolve(LISTING), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<RemoteFile> cachedListing(Path folder) {
        Path file = folder.resolve(LISTING);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            List<RemoteFile> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(file.toFile())) {
                out.add(new RemoteFile(n.path("path").asText(), n.path("size").asLong(),
                        n.path("sha256").isNull() ? null : n.path("sha256").asText(null)));
            }
            return out;
        } catch (IOException e) {
            return null;
        }
    }
}
