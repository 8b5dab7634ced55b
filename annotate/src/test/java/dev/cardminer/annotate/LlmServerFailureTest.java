package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.LocalHttpServer;
import dev.cardminer.testkit.LocalHttpServer.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server that is not there, refuses the key, or answers far too much (issue 9): one request tells, in
 * one line naming the address; huge answers are cut off while reading, counted, never cached.
 */
class LlmServerFailureTest {

    private static final Sentence SENTENCE = new Sentence("org/a", 0, null, null, 0, 30, "We fine-tuned BERT on SQuAD.");

    private static String json(String content) {
        StringBuilder quoted = new StringBuilder();
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(content, quoted);
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + quoted + "\"}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}";
    }

    private static LlmConfig config(URI url) {
        return LlmConfig.defaults(url, "m").withRetries(1, Duration.ofMillis(1)).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatIsNotThereFailsTheCheckInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LlmAnnotator llm = new LlmAnnotator(config(URI.create("http://127.0.0.1:" + port)), LlmCache.inMemory())) {
            assertThat(llm.checkServer()).hasValue(
                    "LLM server http://127.0.0.1:" + port + "/v1/chat/completions: connection refused");
            assertThat(llm.stats().requests()).isZero();
        }
    }

    @Test
    void aRefusedKeyOrWrongRouteFailsTheCheckWithTheStatusAndNoSecret() throws Exception {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("POST", "/v1/chat/completions", (r, g) -> Response.text(401, "bad key sk-secret"));
            URI withUser = URI.create("http://user:hunter2@127.0.0.1:" + server.uri().getPort());
            try (LlmAnnotator llm = new LlmAnnotator(config(withUser).withApiKey("sk-secret"), LlmCache.inMemory())) {
                String why = llm.checkServer().orElseThrow();
                assertThat(why).startsWith("LLM server http://127.0.0.1:" + server.uri().getPort()
                        + "/v1/chat/completions: HTTP 401").doesNotContain("hunter2").doesNotContain("sk-secret")
                        .doesNotContain("\n");
            }
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aHealthyServerPassesTheCheckWithOneSmallRequest() throws Exception {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("POST", "/v1/chat/completions", (r, g) -> Response.json(json("OK")));
            try (LlmAnnotator llm = new LlmAnnotator(config(server.uri()), LlmCache.inMemory())) {
                assertThat(llm.checkServer()).isEmpty();
            }
            assertThat(server.requests()).hasSize(1);
            assertThat(server.requests().getFirst().bodyText()).contains("\"max_tokens\":1");
        }
    }

    @Test
    void anAnswerOfManyMegabytesIsCutOffCountedAndNotCached() throws Exception {
        byte[] huge = json("BERT -|- model -|- " + "x".repeat(8 << 20)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("POST", "/v1/chat/completions", (r, g) -> new Response(200,
                    java.util.Map.of("Content-Type", "application/json"), huge, -1));
            LlmCache cache = LlmCache.inMemory();
            try (LlmAnnotator llm = new LlmAnnotator(config(server.uri()), cache)) {
                AnnotationOutcome outcome = llm.annotateAll(List.of(SENTENCE));
                assertThat(outcome.completed()).isEmpty();
                assertThat(llm.stats().unreadable()).isEqualTo(2); // the first attempt and its retry
                assertThat(llm.stats().failures()).isEqualTo(1);
                assertThat(cache.get("m", llm.config().prompt().version(), PromptTemplate.hash(SENTENCE.text())))
                        .isEmpty();
            }
        }
    }

    @Test
    void anAnswerTextFarLongerThanMaxTokensAllowsIsUnreadableAndNotCached() throws Exception {
        // 20,000 lines naming an entity: small enough to download, far more than 450 tokens can say.
        String lines = "BERT -|- model -|- a model\n".repeat(20_000);
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("POST", "/v1/chat/completions", (r, g) -> Response.json(json(lines)));
            LlmCache cache = LlmCache.inMemory();
            try (LlmAnnotator llm = new LlmAnnotator(config(server.uri()), cache)) {
                AnnotationOutcome outcome = llm.annotateAll(List.of(SENTENCE));
                assertThat(outcome.completed()).isEmpty();
                assertThat(outcome.annotations()).isEmpty();
                assertThat(llm.stats().unreadable()).isEqualTo(2);
                assertThat(cache.get("m", llm.config().prompt().version(), PromptTemplate.hash(SENTENCE.text())))
                        .isEmpty();
            }
        }
    }
}
