package dev.cardminer.annotate;

/**
 * What an LLM annotation run did.
 *
 * @param requests         HTTP requests sent (retries included)
 * @param cacheHits        sentences answered from the cache
 * @param answered         sentences answered by the server
 * @param retries          requests that were retries
 * @param failures         sentences given up after all retries
 * @param hallucinations   entities dropped because they do not occur in their sentence
 * @param annotations      annotations kept
 * @param promptTokens     prompt tokens the server reported
 * @param completionTokens completion tokens the server reported
 * @param stopped          the failure budget was spent and the run stopped
 * @param unreadable       answers that were too large or not chat-completions JSON (each retried)
 */
public record LlmStats(long requests, long cacheHits, long answered, long retries, long failures,
                       long hallucinations, long annotations, long promptTokens, long completionTokens,
                       boolean stopped, long unreadable) {

    @Override
    public String toString() {
        return "requests=" + requests + " cached=" + cacheHits + " answered=" + answered + " retries=" + retries
                + " failures=" + failures + " hallucinations=" + hallucinations + " annotations=" + annotations
                + " tokens=" + promptTokens + "+" + completionTokens
                + (unreadable > 0 ? " unreadable=" + unreadable : "") + (stopped ? " (stopped: failure budget spent)" : "");
    }
}
