package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void locatedIsCheckFormatWithLineAndColumnAtLeastOne() {
        assertThat(Problem.error("yaml-syntax", "bad", 3, 7).located()).isEqualTo("3:7: error yaml-syntax bad");
        assertThat(Problem.warning("no-card", "whole card", 0, 0).located()).isEqualTo("1:1: warning no-card whole card");
    }

    /** A place before the card's start is a bug of whoever made the problem (an extractor): it is refused there. */
    @Test
    void aNegativeLineOrColumnIsRefused() {
        assertThatThrownBy(() -> Problem.error("mine", "x", -5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line -5");
        assertThatThrownBy(() -> Problem.warning("mine", "x", 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Problem.info("mine", "whole card", 0, 0).line()).isZero();
    }

    @Test
    void addedAreTheProblemsNotThereBeforeWhereverTheyMovedAndCounted() {
        Problem a = Problem.warning("unknown-license", "license 'x' is unknown", 2, 1);
        Problem moved = Problem.warning("unknown-license", "license 'x' is unknown", 5, 1);
        Problem other = new Problem(Problem.Severity.WARNING, "invalid-type", "tags should be a list", 3, 1, "tags");
        assertThat(Problem.added(java.util.List.of(a), java.util.List.of(moved))).isEmpty();
        assertThat(Problem.added(java.util.List.of(a), java.util.List.of(moved, other))).containsExactly(other);
        assertThat(Problem.added(java.util.List.of(a), java.util.List.of(moved, a))).containsExactly(a);
        assertThat(Problem.added(java.util.List.of(a, other), java.util.List.of())).isEmpty();
    }
}
