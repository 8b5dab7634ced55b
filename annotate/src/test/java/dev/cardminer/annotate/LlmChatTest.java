package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.FakeChatServer.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LlmChatTest {

    private static LlmConfig config(FakeChatServer server, int concurrency) {
        return LlmConfig.defaults(server.url(), "m").withRetries(1, Duration.ofMillis(1)).withConcurrency(concurrency)
                .withPrompt(new PromptTemplate("be brief", "{input}", "v1"));
    }

    @Test
    void answersAreCachedByModelPromptVersionAndMessage() throws Exception {
        try (FakeChatServer server = new FakeChatServer((n, req) -> Reply.ok("answer " + n));
             LlmChat chat = new LlmChat(config(server, 2), LlmCache.inMemory())) {
            assertThat(chat.ask("hello").orElseThrow().response()).isEqualTo("answer 1");
            assertThat(chat.ask("hello").orElseThrow().response()).isEqualTo("answer 1");
            assertThat(chat.ask("other").orElseThrow().response()).isEqualTo("answer 2");
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(chat.cacheHits()).isEqualTo(1);
            assertThat(server.requests().get(0).json().path("messages").get(0).path("content").asText()).isEqualTo("be brief");
        }
    }

    @Test
    void aFailureAfterTheRetriesIsEmptyAndCounted() throws Exception {
        try (FakeChatServer server = new FakeChatServer((n, req) -> new Reply(500, Map.of(), "", 0));
             LlmChat chat = new LlmChat(config(server, 1), LlmCache.inMemory())) {
            assertThat(chat.ask("hello")).isEmpty();
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(chat.failures()).isEqualTo(1);
            assertThat(chat.retries()).isEqualTo(1);
        }
    }

    @Test
    void noMoreThanTheConcurrencyInFlight() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try (FakeChatServer server = new FakeChatServer((n, req) -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            return Reply.ok("x");
        }); LlmChat chat = new LlmChat(config(server, 3), LlmCache.none())) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 12; i++) {
                    int k = i;
                    pool.submit(() -> chat.ask("q" + k));
                }
            }
            assertThat(server.requestCount()).isEqualTo(12);
            assertThat(peak.get()).isBetween(1, 3);
        }
    }
}
