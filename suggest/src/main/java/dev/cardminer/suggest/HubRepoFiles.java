package dev.cardminer.suggest;

import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.hub.RepoType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model repo's {@link RepoFiles} from the Hub at the revision its info describes (the info's sha), so that
 * the files and the card read with them are of one commit. Only the files of {@link RepoFiles#READ} that the info
 * lists are requested. A file that cannot be read (too large, not UTF-8, refused) is kept as unread with why; the
 * Hub's rate limit and an unreachable Hub are thrown ({@link HubException}), since every other repo would fail the
 * same way.
 */
public final class HubRepoFiles {

    private final HubClient client;

    /** Reads through {@code client}. */
    public HubRepoFiles(HubClient client) {
        this.client = client;
    }

    /** The files of the repo {@code info} describes, at {@code info.sha()} (or {@code revision} when it has none). */
    public RepoFiles read(RepoInfo info, String revision) throws IOException {
        String at = info.sha() != null ? info.sha() : revision;
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> unread = new LinkedHashMap<>();
        for (String path : RepoFiles.wanted(info.siblings())) {
            try {
                Optional<byte[]> bytes = client.readFileIfPresent(RepoType.MODEL, info.id(), at, path, RepoFiles.MAX_BYTES);
                if (bytes.isEmpty()) {
                    unread.put(path, "listed, but the Hub has no such file at revision " + (at == null ? "main" : at));
                    continue;
                }
                texts.put(path, utf8(bytes.get()));
            } catch (CharacterCodingException e) {
                unread.put(path, "not UTF-8 text");
            } catch (HubException e) {
                if (e.kind() == HubException.Kind.RATE_LIMITED || e.kind() == HubException.Kind.UNREACHABLE) {
                    throw e;
                }
                unread.put(path, e.getMessage());
            }
        }
        return new RepoFiles(at, info.siblings(), texts, unread);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
