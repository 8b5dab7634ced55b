package dev.cardminer.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeLinksTest {

    private final SafeLinks links = new SafeLinks();

    @Test
    void linksHubRepoIdsToTheirPage() {
        assertThat(links.hubModelPage("meta-llama/Llama-2-7b.hf")).hasValue("https://huggingface.co/meta-llama/Llama-2-7b.hf");
        assertThat(links.hubModelPage("org_x/model_1")).hasValue("https://huggingface.co/org_x/model_1");
    }

    @Test
    void refusesAnythingElse() {
        for (String id : new String[] {"javascript:alert(1)", "<script>alert(1)</script>", "gpt2",
                "org/../../etc", "https://evil.example/x", "org/name?x=1", "org/name#frag", "org/a/b",
                "org/name\"onclick=x", " org/name", "org/name\n", "", "/name", "org/", ".org/name"}) {
            assertThat(links.hubModelPage(id)).as(id).isEmpty();
        }
        assertThat(links.hubModelPage(null)).isEmpty();
    }
}
