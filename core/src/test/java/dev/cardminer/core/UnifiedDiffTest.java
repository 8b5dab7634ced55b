package dev.cardminer.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnifiedDiffTest {

    @Test
    void hunksWithContextLikeDiffU() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String after = "a\nb\nc\nd\nX\ne\nf\ng\nh\ni\nJ\n";
        assertThat(UnifiedDiff.of("f.txt", before, after)).isEqualTo("--- a/f.txt\n+++ b/f.txt\n"
                + "@@ -2,9 +2,10 @@\n b\n c\n d\n+X\n e\n f\n g\n h\n i\n-j\n+J\n");
    }

    @Test
    void separateHunksAndMissingFinalNewlineAsGnuDiffWritesThem() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = "0\n" + before + "21";
        assertThat(UnifiedDiff.of("f", before.toString(), after)).isEqualTo("--- a/f\n+++ b/f\n"
                + "@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -18,3 +19,4 @@\n 18\n 19\n 20\n+21\n\\ No newline at end of file\n");
        assertThat(UnifiedDiff.of("f", "same", "same")).isEmpty();
    }
}
