package dev.cardminer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LocalHttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (range != null) {
            b.header("Range", range);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesQueuedAnswersRangesAndRecording() throws Exception {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.onRegex("GET", "/files/(.+)", (req, groups) -> LocalHttpServer.Response.ranged(req,
                    ("content of " + groups.get(0)).getBytes()));
            server.once(r -> r.path().startsWith("/files/"), LocalHttpServer.Response.of(429).withHeader("Retry-After", "1"));

            HttpResponse<String> first = get(server.uri().resolve("/files/a.txt"), null);
            assertThat(first.statusCode()).isEqualTo(429);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("1");

            HttpResponse<String> whole = get(server.uri().resolve("/files/a.txt"), null);
            assertThat(whole.body()).isEqualTo("content of a.txt");

            HttpResponse<String> part = get(server.uri().resolve("/files/a.txt"), "bytes=3-6");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo("tent");
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 3-6/16");

            assertThat(get(server.uri().resolve("/nothing"), null).statusCode()).isEqualTo(404);
            assertThat(server.requests("/files/")).hasSize(3);
            assertThat(server.requests().get(2).header("Range")).isEqualTo("bytes=3-6");
        }
    }
}
