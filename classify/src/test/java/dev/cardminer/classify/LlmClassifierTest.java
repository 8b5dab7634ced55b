package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.testkit.LocalHttpServer;
import dev.cardminer.testkit.LocalHttpServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The LLM method against a local OpenAI-compatible chat-completions server. */
class LlmClassifierTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();

    private static Response chat(String content) {
        return Response.json(MAPPER.createObjectNode().set("choices", MAPPER.createArrayNode().add(
                MAPPER.createObjectNode().set("message", MAPPER.createObjectNode().put("role", "assistant")
                        .put("content", content)))).toString());
    }

    /** A server whose answer depends on the user message. */
    private static LocalHttpServer server(Function<String, String> answer) {
        return LocalHttpServer.start().on("POST", "/v1/chat/completions", (req, groups) -> {
            JsonNode body = MAPPER.readTree(req.bodyText());
            JsonNode messages = body.path("messages");
            return chat(answer.apply(messages.get(messages.size() - 1).path("content").asText()));
        });
    }

    private static LlmConfig config(LocalHttpServer server) {
        return LlmConfig.defaults(server.uri(), "test-model").withRetries(2, Duration.ofMillis(1))
                .withTimeout(Duration.ofSeconds(5)).withApiKey("sk-secret");
    }

    @Test
    void labelsFromTheAnswerOutOfSetLabelsCountedAndDropped() throws Exception {
        try (LocalHttpServer server = server(msg -> msg.contains("LunarLander") ? "reinforcement-learning -|- 0.95\nrobot-dancing -|- 0.4"
                : "1. `translation` -|- 0.8\n2. text2text-generation: 0.3");
             LlmClassifier llm = new LlmClassifier(config(server), LlmCache.inMemory())) {
            List<Classification> out = llm.classify(List.of(Cards.card("me/agent", Cards.AGENT),
                    Cards.card("me/t", Cards.TRANSLATOR)), tasks, false);
            assertThat(out.get(0).best()).isEqualTo("reinforcement-learning");
            assertThat(out.get(0).bestScore()).isEqualTo(0.95);
            assertThat(out.get(0).labels()).hasSize(1);
            assertThat(out.get(1).labels()).extracting(Prediction::label).containsExactly("translation", "text2text-generation");
            assertThat(out.get(1).labels().get(1).score()).isEqualTo(0.3);
            assertThat(llm.outOfSet()).isEqualTo(1);
            LocalHttpServer.Request first = server.requests().get(0);
            assertThat(first.header("authorization")).isEqualTo("Bearer sk-secret");
            JsonNode body = MAPPER.readTree(first.bodyText());
            assertThat(body.path("model").asText()).isEqualTo("test-model");
            assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
            String user = body.path("messages").get(1).path("content").asText();
            assertThat(user).contains("- reinforcement-learning: a reinforcement learning agent").contains("Model card:");
            assertThat(user).doesNotContain("{input}").doesNotContain("{labels}");
        }
    }

    @Test
    void answersAreCachedRetriedAndAFailureIsAnAbstention() throws Exception {
        LlmCache cache = LlmCache.inMemory();
        try (LocalHttpServer server = server(msg -> "translation -|- 0.9")) {
            server.once(r -> true, Response.of(503));
            try (LlmClassifier llm = new LlmClassifier(config(server), cache)) {
                List<CardText> cards = List.of(Cards.card("me/t", Cards.TRANSLATOR));
                assertThat(llm.classify(cards, tasks, false).get(0).best()).isEqualTo("translation");
                assertThat(server.requests()).hasSize(2); // the 503, then the retry
                assertThat(llm.classify(cards, tasks, false).get(0).best()).isEqualTo("translation");
                assertThat(server.requests()).hasSize(2); // from the cache
                assertThat(llm.chat().cacheHits()).isEqualTo(1);
            }
        }
        try (LocalHttpServer down = LocalHttpServer.start().on("POST", "/v1/chat/completions", (r, g) -> Response.of(500));
             LlmClassifier llm = new LlmClassifier(config(down), LlmCache.none())) {
            Classification c = llm.classify(List.of(Cards.card("me/t", Cards.TRANSLATOR)), tasks, false).get(0);
            assertThat(c.abstained()).isTrue();
            assertThat(llm.failures()).isEqualTo(1);
            assertThat(down.requests()).hasSize(3); // first try and two retries
        }
    }

    @Test
    void promptVersionFollowsTheLabelSet() {
        try (LocalHttpServer server = server(m -> "");
             LlmClassifier llm = new LlmClassifier(config(server), LlmCache.none())) {
            assertThat(llm.promptVersion(tasks)).isNotEqualTo(llm.promptVersion(LabelSet.builtIn("domain").orElseThrow()));
            assertThat(llm.model()).isEqualTo("test-model");
        }
    }
}
