package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemCodesTest {

    @Test
    void everyCodeHasADescriptionAndEveryDescriptionACode() {
        Map<String, String> descriptions = ProblemCodes.descriptions();
        assertThat(descriptions.keySet()).containsExactlyInAnyOrderElementsOf(ProblemCodes.all());
        assertThat(descriptions).allSatisfy((code, text) -> {
            assertThat(text).isNotBlank().doesNotContain("\t").endsWith(".");
            assertThat(text).isNotEqualToIgnoringCase(code);
        });
    }
}
