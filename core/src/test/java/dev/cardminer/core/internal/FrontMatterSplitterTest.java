package dev.cardminer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrontMatterSplitterTest {

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();

    /**
     * Each case with the groups Python's {@code re} gives for the Hub's rule: yaml start, yaml end,
     * match end (where the body starts); null where the rule finds no block.
     */
    static Stream<Arguments> hubRule() {
        return Stream.of(
            Arguments.of("---\na: 1\n---\nbody", new int[]{4, 8, 13}),
            Arguments.of("---\n---\n", null),
            Arguments.of("---\n\n---\nx", new int[]{4, 4, 9}),
            Arguments.of("---\na: 1\n----\nx", null),
            Arguments.of("---\na: 1\n...\nx", null),
            Arguments.of("\ufeff---\na: 1\n---\nx", null),
            Arguments.of("\n\n  ---\na: 1\n---\nx", new int[]{8, 12, 17}),
            Arguments.of("---\r\na: 1\r\n---\r\nx", new int[]{5, 9, 16}),
            Arguments.of("---\ra: 1\r---\rx", null),
            Arguments.of("---\ra: 1\r---", new int[]{4, 8, 12}),
            Arguments.of("---\r\n---\nx", new int[]{4, 4, 9}),
            Arguments.of("---\na: 1\n---  \t\nx", new int[]{4, 8, 16}),
            Arguments.of("---\na: 1\n---x\n---\ny", new int[]{4, 13, 18}),
            Arguments.of("# t\n---\na: 1\n---\n", null),
            Arguments.of("---\na: 1\n---", new int[]{4, 8, 12}),
            Arguments.of("\u00a0---\na: 1\n---\nb", new int[]{5, 9, 14}),
            Arguments.of("---\na: 1", null),
            Arguments.of("---", null),
            Arguments.of("---\n", null),
            Arguments.of("---\na\r---\nb", new int[]{4, 5, 10}),
            Arguments.of("---\n```\n---\n```\n", new int[]{4, 7, 12}),
            Arguments.of("  \t---\na: 1\n---\r\n\r\nb", new int[]{7, 11, 17}),
            Arguments.of("---\na: 1\n---\n---\nb: 2\n---\n", new int[]{4, 8, 13}),
            Arguments.of("", null));
    }

    @ParameterizedTest
    @MethodSource("hubRule")
    void followsTheHubRule(String text, int[] expected) {
        FrontMatterSplitter.Split split = splitter.split(text);
        if (expected == null) {
            assertThat(split.found()).isFalse();
        } else {
            assertThat(split.found()).isTrue();
            assertThat(new int[]{split.yamlStart(), split.yamlEnd(), split.bodyStart()}).containsExactly(expected);
        }
    }

    @Test
    void linearOnHugeInputs() {
        String unclosed = "---\n" + "a: b\n".repeat(2_000_000);
        assertThat(splitter.split(unclosed).found()).isFalse();
        String spaces = " ".repeat(5_000_000) + "x";
        assertThat(splitter.split(spaces).found()).isFalse();
    }
}
