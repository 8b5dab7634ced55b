package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.FakeChatServer.ChatRequest;
import dev.cardminer.testkit.FakeChatServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LlmAnnotatorTest {

    /** A model that labels the sentence's first and last words, and invents one entity. */
    static String answer(String sentence) {
        String[] words = sentence.replaceAll("[.]$", "").split(" ");
        return "1. " + words[0] + " -|- first word -|- the first word of the sentence.\n\n"
                + "- \"" + words[words.length - 1] + "\" -|- last word\n"
                + "Imaginary Entity -|- hallucination -|- not in the text\n";
    }

    static List<Sentence> sentences(int n) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = "Sentence" + i + " mentions BERT and accuracy number " + i + ".";
            out.add(new Sentence("org/card" + (i % 3), i, null, null, 0, text.length(), text));
        }
        return out;
    }

    static LlmConfig config(FakeChatServer server) {
        return LlmConfig.defaults(server.url(), "test-model")
                .withRetries(3, Duration.ofMillis(10))
                .withTimeout(Duration.ofSeconds(5))
                .withConcurrency(8);
    }

    static Reply healthy(int n, ChatRequest request) {
        return Reply.ok(answer(request.sentence()));
    }

    /**
     * A key read with {@code $(cat key.txt)} from a file with Windows line ends keeps its CR: it is sent without it; a
     * key that still holds a control character is refused in a line that does not show it (the JDK's own message
     * would quote the whole Authorization header).
     */
    @Test
    void anApiKeyIsSentWithoutItsLineEndAndOneWithAControlCharacterIsRefusedUnshown() throws Exception {
        try (FakeChatServer server = new FakeChatServer(LlmAnnotatorTest::healthy);
             LlmAnnotator llm = new LlmAnnotator(config(server).withApiKey("sk-secret-value\r\n"), LlmCache.inMemory())) {
            assertThat(llm.checkServer()).isEmpty();
            assertThat(server.requests()).extracting(ChatRequest::authorization).containsExactly("Bearer sk-secret-value");
        }
        assertThatThrownBy(() -> LlmConfig.apiKey("environment variable K", "sk-secret\u001b[2Jvalue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable K holds a control character (U+001B) at character 10 of 18; set it again "
                        + "without it");
        assertThatThrownBy(() -> LlmConfig.defaults(java.net.URI.create("http://127.0.0.1:9"), "m").withApiKey("sk-secret\nX: 1"))
                .isInstanceOf(IllegalArgumentException.class).message().startsWith("the API key holds a control character")
                .doesNotContain("secret");
        assertThat(LlmConfig.apiKey("K", " \r\n")).isNull();
    }

    @Test
    void sendsTheSeedPromptAndParametersAndParsesAnswers() throws Exception {
        try (FakeChatServer server = new FakeChatServer(LlmAnnotatorTest::healthy);
             LlmAnnotator llm = new LlmAnnotator(config(server).withApiKey("sk-secret-value"), LlmCache.inMemory())) {
            Sentence s = new Sentence("org/a", 0, null, null, 0, 64,
                    "Fine-tuned XLSR-53 large model for speech recognition in English");
            AnnotationOutcome outcome = llm.annotateAll(List.of(s));
            assertThat(outcome.completed()).containsExactly(s);
            assertThat(outcome.annotations()).extracting(Annotation::subject, Annotation::category,
                    Annotation::description, Annotation::spanStart, Annotation::annotator).containsExactly(
                    tuple("Fine-tuned", "first word", "the first word of the sentence.", 0, "llm:test-model"),
                    tuple("English", "last word", "", 57, "llm:test-model"));
            JsonNode request = server.requests().getFirst().json();
            assertThat(request.path("model").asText()).isEqualTo("test-model");
            assertThat(request.path("temperature").asDouble()).isEqualTo(0.7);
            assertThat(request.path("top_p").asDouble()).isEqualTo(0.95);
            assertThat(request.path("top_k").asInt()).isEqualTo(50);
            assertThat(request.path("max_tokens").asInt()).isEqualTo(450);
            assertThat(request.path("messages").get(0).path("role").asText()).isEqualTo("system");
            assertThat(request.path("messages").get(1).path("content").asText())
                    .contains("Label as many entities, concepts, and ideas as possible in the input text.")
                    .endsWith("Input: \"Fine-tuned XLSR-53 large model for speech recognition in English\"\n\nOutput:");
            assertThat(server.requests()).extracting(ChatRequest::authorization).containsExactly("Bearer sk-secret-value");
            assertThat(llm.config().toString()).doesNotContain("sk-secret-value");
            LlmStats stats = llm.stats();
            assertThat(stats.requests()).isEqualTo(1);
            assertThat(stats.hallucinations()).isEqualTo(1);
            assertThat(stats.annotations()).isEqualTo(2);
            assertThat(stats.promptTokens()).isEqualTo(100);
            assertThat(stats.completionTokens()).isEqualTo(20);
        }
    }

    @Test
    void survivesRateLimitsServerErrorsTimeoutsAndMalformedAnswers() throws Exception {
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        try (FakeChatServer server = new FakeChatServer((n, request) -> {
            String s = request.sentence();
            int attempt = attempts.merge(s, 1, Integer::sum);
            int kind = Integer.parseInt(s.replaceAll("^Sentence(\\d+).*", "$1")) % 6;
            if (attempt == 1) {
                switch (kind) {
                    case 1: return new Reply(429, Map.of("Retry-After", "1"), "{\"error\":\"slow down\"}", 0);
                    case 2: return new Reply(500, Map.of(), "{\"error\":\"boom\"}", 0);
                    case 3: return new Reply(200, Map.of(), healthy(n, request).body(), 3_000); // past the timeout
                    case 4: return new Reply(200, Map.of(), "{\"choices\": [{\"message\": {\"content\": ", 0);
                    default: break;
                }
            }
            if (kind == 5) {
                // garbage lines and an answer cut off mid-line (max_tokens reached)
                String words = s.split(" ")[0];
                return Reply.ok("Sure! Here are the entities:\n```\n" + words + " -|- first word -|- the first\n"
                        + "BERT -|- model -|- a mod");
            }
            return healthy(n, request);
        });
             LlmAnnotator llm = new LlmAnnotator(config(server).withTimeout(Duration.ofMillis(800)),
                     LlmCache.inMemory())) {
            List<Sentence> input = sentences(12);
            long started = System.nanoTime();
            AnnotationOutcome outcome = llm.annotateAll(input);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(outcome.completed()).hasSize(12);
            assertThat(outcome.stopped()).isFalse();
            LlmStats stats = llm.stats();
            assertThat(stats.failures()).isZero();
            assertThat(stats.retries()).isEqualTo(8); // kinds 1-4 fail once, two sentences each
            assertThat(stats.requests()).isEqualTo(20);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)); // Retry-After was honoured
            for (Sentence s : input) {
                List<Annotation> mine = outcome.annotations().stream().filter(a -> a.sentenceIndex() == s.index()).toList();
                assertThat(mine).extracting(Annotation::subject).contains(s.text().split(" ")[0]);
                for (Annotation a : mine) {
                    assertThat(s.text().substring(a.spanStart(), a.spanEnd())).isEqualTo(a.subject());
                }
            }
            assertThat(outcome.annotations()).filteredOn(a -> a.category().equals("model"))
                    .extracting(Annotation::description).containsOnly("a mod");
        }
    }

    @Test
    void retriesWithoutTopKWhenTheServerRejectsIt() throws Exception {
        try (FakeChatServer server = new FakeChatServer((n, request) -> request.json().has("top_k")
                ? new Reply(400, Map.of(), "{\"error\":{\"message\":\"Unrecognized request argument supplied: top_k\"}}", 0)
                : healthy(n, request));
             LlmAnnotator llm = new LlmAnnotator(config(server), LlmCache.inMemory())) {
            AnnotationOutcome outcome = llm.annotateAll(sentences(1));
            assertThat(outcome.completed()).hasSize(1);
            assertThat(llm.annotateAll(sentences(3).subList(1, 3)).completed()).hasSize(2);
            assertThat(server.requests()).extracting(r -> r.json().has("top_k")).containsExactly(true, false, false, false);
            assertThat(llm.stats().failures()).isZero();
        }
    }

    @Test
    void stopsCleanlyOnceTheFailureBudgetIsSpent() throws Exception {
        try (FakeChatServer server = new FakeChatServer((n, request) -> new Reply(503, Map.of(), "down", 0));
             LlmAnnotator llm = new LlmAnnotator(config(server).withConcurrency(2).withFailureBudget(3)
                     .withRetries(1, Duration.ofMillis(1)), LlmCache.inMemory())) {
            AnnotationOutcome outcome = llm.annotateAll(sentences(200));
            assertThat(outcome.stopped()).isTrue();
            assertThat(outcome.completed()).isEmpty();
            assertThat(outcome.annotations()).isEmpty();
            LlmStats stats = llm.stats();
            assertThat(stats.failures()).isBetween(4L, 5L); // budget + what was in flight
            assertThat(server.requestCount()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void aRunStoppedMidwayResumesWithoutRepeatingCachedRequests() throws Exception {
        LlmCache cache = LlmCache.inMemory();
        List<Sentence> input = sentences(40);
        // First run: the server dies after 15 answers; the run stops on its failure budget.
        Set<String> answeredFirst = ConcurrentHashMap.newKeySet();
        try (FakeChatServer server = new FakeChatServer((n, request) -> {
            if (n <= 15) {
                answeredFirst.add(request.sentence());
                return healthy(n, request);
            }
            return new Reply(500, Map.of(), "gone", 0);
        });
             LlmAnnotator llm = new LlmAnnotator(config(server).withConcurrency(1).withFailureBudget(0)
                     .withRetries(0, Duration.ZERO), cache)) {
            AnnotationOutcome first = llm.annotateAll(input);
            assertThat(first.stopped()).isTrue();
            assertThat(first.completed()).hasSize(15);
        }
        // Second run over all sentences: only the 25 unanswered ones reach the server, each once.
        try (FakeChatServer server = new FakeChatServer(LlmAnnotatorTest::healthy);
             LlmAnnotator llm = new LlmAnnotator(config(server), cache)) {
            AnnotationOutcome second = llm.annotateAll(input);
            assertThat(second.completed()).hasSize(40);
            assertThat(server.requestCount()).isEqualTo(25);
            assertThat(server.requestsBySentence().keySet()).doesNotContainAnyElementsOf(answeredFirst);
            assertThat(server.requestsBySentence().values()).allMatch(c -> c == 1);
            assertThat(llm.stats().cacheHits()).isEqualTo(15);
            assertThat(second.annotations()).hasSize(80);
        }
    }

    @Test
    void promptTemplatesAreVersionedByTheirText() {
        PromptTemplate bundled = PromptTemplate.bundled();
        PromptTemplate custom = PromptTemplate.parse("Label entities in: {input}");
        assertThat(bundled.version()).hasSize(12).isNotEqualTo(custom.version());
        assertThat(custom.system()).isNull();
        assertThat(custom.render("a b")).isEqualTo("Label entities in: a b");
        assertThat(PromptTemplate.parse("Label entities in: {input}").version()).isEqualTo(custom.version());
        assertThatThrownBy(() -> PromptTemplate.parse("no placeholder"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
