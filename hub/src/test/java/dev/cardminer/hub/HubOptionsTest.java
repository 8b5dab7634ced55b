package dev.cardminer.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** TESTER-SUGGEST F18: the file {@code hf auth login} writes, found as huggingface_hub finds it; never the real home. */
    @Test
    void withoutHfTokenTheTokenFileOfHfAuthLoginIsReadAsHuggingfaceHubReadsIt(@TempDir Path home) throws Exception {
        Path standard = Files.createDirectories(home.resolve(".cache/huggingface")).resolve("token");
        Files.writeString(standard, "hf_FROMLOGINfile\r\n");
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString())).token()).isEqualTo("hf_FROMLOGINfile");
        // HF_TOKEN wins; one that cleans to nothing counts as unset, as `os.environ.get("HF_TOKEN") or ...` does
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString(), "HF_TOKEN", "hf_FROMvariable")).token())
                .isEqualTo("hf_FROMvariable");
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString(), "HF_TOKEN", " \r\n")).token())
                .isEqualTo("hf_FROMLOGINfile");
        // HF_HOME, then XDG_CACHE_HOME, move the file; HF_TOKEN_PATH names it (~ and $VAR expanded)
        Files.createDirectories(home.resolve("hfhome"));
        Files.writeString(home.resolve("hfhome/token"), "hf_FROMhfhome");
        Files.createDirectories(home.resolve("xdg/huggingface"));
        Files.writeString(home.resolve("xdg/huggingface/token"), "hf_FROMxdg");
        Files.writeString(home.resolve("my-token"), "  hf_FROMtokenpath\n");
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString(), "HF_HOME", "~/hfhome")).token())
                .isEqualTo("hf_FROMhfhome");
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString(), "XDG_CACHE_HOME", "$HOME/xdg")).token())
                .isEqualTo("hf_FROMxdg");
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.toString(), "HF_HOME", "~/hfhome",
                "HF_TOKEN_PATH", "${HOME}/my-token")).token()).isEqualTo("hf_FROMtokenpath");
        // no file, or no home to look in: no token, no error
        assertThat(HubOptions.fromEnvironment(Map.of("HOME", home.resolve("nobody").toString())).token()).isNull();
        assertThat(HubOptions.fromEnvironment(Map.of("HF_HOME", "~/hfhome")).token()).isNull();
        assertThat(HubOptions.fromEnvironment(Map.of()).token()).isNull();
    }

    /** As huggingface_hub's {@code HF_HUB_DISABLE_IMPLICIT_TOKEN}: the token found on the machine is not used. */
    @Test
    void hfHubDisableImplicitTokenKeepsTheTokenFileUnread(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("token"), "hf_FROMLOGINfile");
        Map<String, String> env = new HashMap<>(Map.of("HF_TOKEN_PATH", home.resolve("token").toString()));
        for (String yes : new String[] {"1", "true", "ON", "yes"}) {
            env.put("HF_HUB_DISABLE_IMPLICIT_TOKEN", yes);
            assertThat(HubOptions.fromEnvironment(env).token()).as(yes).isNull();
        }
        env.put("HF_HUB_DISABLE_IMPLICIT_TOKEN", "0");
        assertThat(HubOptions.fromEnvironment(env).token()).isEqualTo("hf_FROMLOGINfile");
    }

    @Test
    void aTokenFileThatCannotBeReadOrHoldsNoTokenIsOneLineWithoutItsContent(@TempDir Path home) throws Exception {
        Path bad = home.resolve("token");
        Files.writeString(bad, "hf_SECRETfile\u001b[0m\n");
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN_PATH", bad.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Hub token file " + bad + " (HF_TOKEN_PATH) holds a control character (U+001B)")
                .message().doesNotContain("SECRET").doesNotContain("\n");
        Files.createDirectories(home.resolve(".cache/huggingface/token"));
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HOME", home.toString())))
                .hasMessage("the Hub token file " + home.resolve(".cache/huggingface/token")
                        + " (the token file of hf auth login) cannot be read: it is a directory");
        Files.write(bad, new byte[70_000]);
        assertThatThrownBy(() -> HubOptions.fromEnvironment(Map.of("HF_TOKEN_PATH", bad.toString())))
                .hasMessage("the Hub token file " + bad + " (HF_TOKEN_PATH) is larger than 65536 bytes: it holds no token");
        // a set HF_TOKEN means the file is not read at all
        assertThat(HubOptions.fromEnvironment(Map.of("HF_TOKEN_PATH", bad.toString(), "HF_TOKEN", "hf_x")).token())
                .isEqualTo("hf_x");
    }
}
