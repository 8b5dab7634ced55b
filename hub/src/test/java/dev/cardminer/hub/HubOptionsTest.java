package dev.cardminer.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
}
