package dev.cardminer.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubOptionsTest {

    @Test
    void anEndpointFromTheEnvironmentThatIsNoHttpAddressIsOneClearLineWithCredentialsMasked() {
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_ENDPOINT", "not a url")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("HF_ENDPOINT not a url is not an address");
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_ENDPOINT", "file:///etc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("HF_ENDPOINT file:///etc is not an http(s) address");
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_ENDPOINT", "ftp://me:hf_secret123456@host")))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hf_secret123456");
        assertThat(HubOptions.fromEnvironment(Map.of("HF_ENDPOINT", "http://127.0.0.1:9/")).endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(HubOptions.fromEnvironment(Map.of()).endpoint()).isEqualTo(URI.create(HubOptions.DEFAULT_ENDPOINT));
    }

    /** As huggingface_hub's {@code _clean_token}: every CR and LF removed, then surrounding whitespace. */
    @Test
    void aTokenIsCleanedAsTheHubsPythonClientCleansIt() {
        assertThat(HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_SECRETxyz\r")).token()).isEqualTo("hf_SECRETxyz");
        assertThat(HubOptions.fromEnvironment(Map.of("HF_TOKEN", "  hf_SECRETxyz\r\n")).token()).isEqualTo("hf_SECRETxyz");
        assertThat(HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_ab\r\ncd")).token()).isEqualTo("hf_abcd");
        assertThat(HubOptions.fromEnvironment(Map.of("HF_TOKEN", "\r\n")).token()).isNull();
        assertThat(new HubOptions(URI.create("http://h"), "d/s", Path.of("c"), "hf_SECRETxyz\r\n").token())
                .isEqualTo("hf_SECRETxyz");
    }

    @Test
    void aTokenThatStillHoldsACharacterNoTokenHasIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_SECRETxyz\u001b[0m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HF_TOKEN holds a control character (U+001B) at character 13 of 16")
                .message().doesNotContain("SECRET");
        // the line break goes, as in Python, and what is left is no token
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_SECRETxyz\nX: 1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("HF_TOKEN holds a space (U+0020)")
                .message().doesNotContain("SECRET");
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_SECRET\txyz")))
                .hasMessageStartingWith("HF_TOKEN holds a control character (U+0009)").message().doesNotContain("SECRET");
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN", "hf_SECRETé")))
                .hasMessageStartingWith("HF_TOKEN holds a character that is not ASCII (U+00E9)").message().doesNotContain("SECRET");
        assertThatThrownBy(() -> new HubOptions(URI.create("http://h"), "d/s", Path.of("c"), "hf_SECRET\u0000"))
                .hasMessageStartingWith("the Hub token holds a control character (U+0000)").message().doesNotContain("SECRET");
    }
}
