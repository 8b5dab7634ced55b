package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void locatedIsCheckFormatWithLineAndColumnAtLeastOne() {
        assertThat(Problem.error("yaml-syntax", "bad", 3, 7).located()).isEqualTo("3:7: error yaml-syntax bad");
        assertThat(Problem.warning("no-card", "whole card", 0, 0).located()).isEqualTo("1:1: warning no-card whole card");
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
