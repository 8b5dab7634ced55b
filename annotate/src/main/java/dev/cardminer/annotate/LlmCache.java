package dev.cardminer.annotate;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where LLM answers are kept, keyed by (model, prompt version, sentence hash): a cached sentence is
 * never sent again. Implementations are thread-safe; the store's is in cardminer-io.
 */
public interface LlmCache {

    /**
     * An answer as the server gave it, with its token counts (0 when the server gave none).
     *
     * @param response         the answer's text
     * @param promptTokens     tokens the server counted in the prompt, 0 when not said
     * @param completionTokens tokens the server counted in the answer, 0 when not said
     */
    record Answer(String response, int promptTokens, int completionTokens) {
    }

    /** The answer kept for this model, prompt version and text hash ({@link PromptTemplate#hash}), if any. */
    Optional<Answer> get(String model, String promptVersion, String textHash);

    /** Keeps an answer, replacing any under the same key. */
    void put(String model, String promptVersion, String textHash, Answer answer);

    /**
     * Called with the hashes of a batch before its lookups, so that a cache behind a database can read
     * them in a few queries; does nothing by default.
     */
    default void preload(String model, String promptVersion, Collection<String> textHashes) {
    }

    /** A cache in memory, for one process (benchmarks, tests). */
    static LlmCache inMemory() {
        ConcurrentHashMap<String, Answer> map = new ConcurrentHashMap<>();
        return new LlmCache() {
            @Override
            public Optional<Answer> get(String model, String promptVersion, String textHash) {
                return Optional.ofNullable(map.get(model + '\u0000' + promptVersion + '\u0000' + textHash));
            }

            @Override
            public void put(String model, String promptVersion, String textHash, Answer answer) {
                map.put(model + '\u0000' + promptVersion + '\u0000' + textHash, answer);
            }
        };
    }

    /** No cache at all. */
    static LlmCache none() {
        return new LlmCache() {
            @Override
            public Optional<Answer> get(String model, String promptVersion, String textHash) {
                return Optional.empty();
            }

            @Override
            public void put(String model, String promptVersion, String textHash, Answer answer) {
            }
        };
    }
}
