package dev.cardminer.annotate;

import dev.cardminer.annotate.internal.AnswerParser;
import dev.cardminer.annotate.internal.ChatClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seed 000's open annotation with an LLM ({@code llm:<model>}): each sentence goes, with the prompt
 * template, to an OpenAI-compatible chat-completions server; the answer's {@code entity -|- concept -|-
 * description} lines become annotations. Entities that do not occur in their sentence are dropped and
 * counted as hallucinations. Answers are cached by (model, prompt version, sentence hash). Many requests
 * are in flight at once (virtual threads, bounded by {@link LlmConfig#concurrency()}); once more sentences
 * than the failure budget have failed, the annotator stops sending and reports what it has.
 */
public final class LlmAnnotator implements Annotator {

    private final LlmConfig config;
    private final LlmCache cache;
    private final ChatClient client;
    private final AnswerParser parser = new AnswerParser();
    private final Semaphore inFlight;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong hallucinations = new AtomicLong();
    private final AtomicLong annotations = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    /** Requests in flight by sentence hash: identical sentences (repeated headings) share one request. */
    private final ConcurrentHashMap<String, CompletableFuture<LlmCache.Answer>>
            inFlightByHash = new ConcurrentHashMap<>();

    /** An annotator with this configuration and cache; opens no connection yet. Close it when done. */
    public LlmAnnotator(LlmConfig config, LlmCache cache) {
        this.config = config;
        this.cache = cache;
        this.client = new ChatClient(config);
        this.inFlight = new Semaphore(config.concurrency());
    }

    @Override
    public String name() {
        return "llm:" + config.model();
    }

    /** The configuration it was made with. */
    public LlmConfig config() {
        return config;
    }

    @Override
    public List<Annotation> annotate(List<Sentence> sentences) {
        return annotateAll(sentences).annotations();
    }

    @Override
    public AnnotationOutcome annotateAll(List<Sentence> sentences) {
        Set<String> hashes = new LinkedHashSet<>();
        sentences.forEach(s -> hashes.add(PromptTemplate.hash(s.text())));
        cache.preload(config.model(), config.prompt().version(), hashes);
        List<Annotation> out = new ArrayList<>();
        List<Sentence> completed = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Optional<List<Annotation>>>> futures = new ArrayList<>(sentences.size());
            for (Sentence s : sentences) {
                futures.add(executor.submit(() -> one(s)));
            }
            for (int i = 0; i < futures.size(); i++) {
                Optional<List<Annotation>> result;
                try {
                    result = futures.get(i).get();
                } catch (ExecutionException e) {
                    result = Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped.set(true);
                    futures.forEach(f -> f.cancel(true));
                    break;
                }
                if (result.isPresent()) {
                    out.addAll(result.get());
                    completed.add(sentences.get(i));
                }
            }
        }
        return new AnnotationOutcome(out, completed, stopped.get());
    }

    /** The annotations of one sentence, or empty when it could not be answered (or the run stopped). */
    private Optional<List<Annotation>> one(Sentence s) throws InterruptedException {
        String hash = PromptTemplate.hash(s.text());
        Optional<LlmCache.Answer> cached = cache.get(config.model(), config.prompt().version(), hash);
        LlmCache.Answer answer;
        if (cached.isPresent()) {
            cacheHits.incrementAndGet();
            answer = cached.get();
        } else {
            CompletableFuture<LlmCache.Answer> mine = new CompletableFuture<>();
            CompletableFuture<LlmCache.Answer> shared = inFlightByHash.putIfAbsent(hash, mine);
            if (shared != null) {
                try {
                    answer = shared.get();
                } catch (ExecutionException e) {
                    return Optional.empty();
                }
                cacheHits.incrementAndGet();
            } else {
                try {
                    // Another thread may have cached it between our lookup and taking the slot.
                    answer = cache.get(config.model(), config.prompt().version(), hash).orElse(null);
                    if (answer == null) {
                        answer = request(s, hash);
                    } else {
                        cacheHits.incrementAndGet();
                    }
                    if (answer == null) {
                        mine.completeExceptionally(new IllegalStateException("no answer"));
                    } else {
                        mine.complete(answer);
                    }
                } catch (RuntimeException | InterruptedException e) {
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlightByHash.remove(hash);
                }
                if (answer == null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(toAnnotations(s, answer.response()));
    }

    /** Sends one sentence; null when it failed for good or the run has stopped. */
    private LlmCache.Answer request(Sentence s, String hash) throws InterruptedException {
        if (stopped.get()) {
            return null;
        }
        LlmCache.Answer answer;
        inFlight.acquire();
        try {
            if (stopped.get()) {
                return null;
            }
            answer = client.complete(config.prompt().render(s.text()));
        } catch (ChatClient.Failure e) {
            if (failures.incrementAndGet() > config.failureBudget()) {
                stopped.set(true);
            }
            return null;
        } finally {
            inFlight.release();
        }
        answered.incrementAndGet();
        promptTokens.addAndGet(answer.promptTokens());
        completionTokens.addAndGet(answer.completionTokens());
        cache.put(config.model(), config.prompt().version(), hash, answer);
        return answer;
    }

    private List<Annotation> toAnnotations(Sentence s, String response) {
        List<Annotation> out = new ArrayList<>();
        for (AnswerParser.Item item : parser.parse(response)) {
            int at = locate(s.text(), item.entity());
            if (at < 0) {
                hallucinations.incrementAndGet();
                continue;
            }
            int end = Math.min(s.text().length(), at + item.entity().length());
            out.add(new Annotation(s.text().substring(at, end), item.concept(), item.description(), s.cardId(),
                    s.index(), at, end, name()));
        }
        annotations.addAndGet(out.size());
        return out;
    }

    /** Where the entity stands in the sentence: exact first, then ignoring case; -1 when it does not. */
    static int locate(String sentence, String entity) {
        int at = sentence.indexOf(entity);
        if (at >= 0) {
            return at;
        }
        return sentence.toLowerCase(Locale.ROOT).indexOf(entity.toLowerCase(Locale.ROOT));
    }

    /**
     * Sends the server one small request (not counted in {@link #stats()}), so that a wrong address, key or
     * model fails at once rather than after hundreds of refused requests.
     *
     * @return empty when the server answers; otherwise one line naming the address and the reason
     */
    public Optional<String> checkServer() throws InterruptedException {
        return client.check().map(why -> "LLM server " + client.endpointForMessages() + ": " + why);
    }

    /** The counters so far. */
    public LlmStats stats() {
        return new LlmStats(client.requests(), cacheHits.get(), answered.get(), client.retries(), failures.get(),
                hallucinations.get(), annotations.get(), promptTokens.get(), completionTokens.get(), stopped.get(),
                client.unreadable());
    }

    /** Whether the failure budget is spent: the annotator sends nothing more. */
    public boolean stopped() {
        return stopped.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
