package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void locatedIsCheckFormatWithLineAndColumnAtLeastOne() {
        assertThat(Problem.error("yaml-syntax", "bad", 3, 7).located()).isEqualTo("3:7: error yaml-syntax bad");
        assertThat(Problem.warning("no-card", "whole card", 0, 0).located()).isEqualTo("1:1: warning no-card whole card");
    }
}
