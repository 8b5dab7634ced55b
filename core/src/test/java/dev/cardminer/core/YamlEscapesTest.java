package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every escape of YAML 1.2 §5.7, which is also every escape PyYAML (6.0.3) accepts, read as PyYAML
 * reads it: the expected values are what {@code yaml.safe_load('k: "a\\Xb"')} gives for each escape.
 */
class YamlEscapesTest {

    static List<Arguments> escapes() {
        return List.of(
                Arguments.of("\\0", "\u0000"), Arguments.of("\\a", "\u0007"), Arguments.of("\\b", "\u0008"),
                Arguments.of("\\t", "\t"), Arguments.of("\\\t", "\t"), Arguments.of("\\n", "\n"),
                Arguments.of("\\v", "\u000B"), Arguments.of("\\f", "\u000C"), Arguments.of("\\r", "\r"),
                Arguments.of("\\e", "\u001B"), Arguments.of("\\ ", " "), Arguments.of("\\\"", "\""),
                Arguments.of("\\/", "/"), Arguments.of("\\\\", "\\"), Arguments.of("\\N", "\u0085"),
                Arguments.of("\\_", "\u00A0"), Arguments.of("\\L", "\u2028"), Arguments.of("\\P", "\u2029"),
                Arguments.of("\\x41", "A"), Arguments.of("\\u00e9", "\u00e9"), Arguments.of("\\U0001F600", "\uD83D\uDE00"),
                // An escaped line break joins the lines without a space.
                Arguments.of("\\\n  ", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("escapes")
    void escapeReadsAsPyYamlReadsIt(String escape, String expected) {
        ModelCard card = ModelCard.parse("---\nk: \"a" + escape + "b\"\n---\nbody\n");
        assertThat(card.problems()).noneMatch(p -> p.code().startsWith("yaml"));
        assertThat(card.metadata().values().get("k")).isEqualTo("a" + expected + "b");
    }

    @Test
    void rejectedEscapesOutsideDoubleQuotesStayText() {
        ModelCard card = ModelCard.parse("---\nplain: C:\\Lib\\P\nsingle: 'a\\Lb'\nblock: |\n  x\\L\n"
                + "double: \"\\L\\\\L\"\nlist: [\"\\P\", q\\P]\n---\n");
        Map<String, Object> v = card.metadata().values();
        assertThat(v.get("plain")).isEqualTo("C:\\Lib\\P");
        assertThat(v.get("single")).isEqualTo("a\\Lb");
        assertThat(v.get("block")).isEqualTo("x\\L\n");
        assertThat(v.get("double")).isEqualTo("\u2028\\L");
        assertThat(v.get("list")).isEqualTo(List.of("\u2029", "q\\P"));
    }

    @Test
    void rejectedEscapeNextToEveryOtherEscapeKeepsBoth() {
        // Every candidate stand-in escape is used in the block, so none is free: snakeyaml's error stands.
        ModelCard all = ModelCard.parse("---\nk: \"\\e\\a\\v\\f\\b\\L\"\n---\n");
        assertThat(all.problems()).anyMatch(p -> p.code().equals("yaml-syntax") && p.line() == 2);
        // With one stand-in taken, another is used, and both read right.
        ModelCard some = ModelCard.parse("---\nk: \"\\e\\L\\x1b\"\n---\n");
        assertThat(some.metadata().values().get("k")).isEqualTo("\u001B\u2028\u001B");
    }

    @Test
    void problemColumnsAfterAnEscapeAreUnchanged() {
        ModelCard card = ModelCard.parse("---\nk: \"\\L\"\nlicense: [mit\n---\n");
        assertThat(card.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("yaml-syntax");
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
        });
    }
}
