package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceCardTest {

    /** The caller's array is the caller's: writing to it, or to what the card hands out, does not change the card. */
    @Test
    void theBytesAreTheCardsOwn() {
        byte[] file = "# M\n".getBytes(StandardCharsets.UTF_8);
        SourceCard card = SourceCard.ofBytes("me/m", "m.md", file, RepoFacts.NONE);
        String hash = card.contentHash();
        file[0] = 'X';
        card.utf8()[2] = 'X';
        card.bytes()[2] = 'X';
        assertThat(card.contentHash()).isEqualTo(hash);
        assertThat(new String(card.utf8(), StandardCharsets.UTF_8)).isEqualTo("# M\n");
    }

    @Test
    void cardsWithTheSameBytesAreEqual() {
        SourceCard a = SourceCard.ofBytes("me/m", "m.md", "# M\n".getBytes(StandardCharsets.UTF_8), RepoFacts.NONE);
        SourceCard b = SourceCard.ofBytes("me/m", "m.md", "# M\n".getBytes(StandardCharsets.UTF_8), RepoFacts.NONE);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(SourceCard.ofBytes("me/m", "m.md", "# N\n".getBytes(StandardCharsets.UTF_8),
                RepoFacts.NONE));
        assertThat(a).isNotEqualTo(SourceCard.ofText("me/m", "m.md", "# M\n", RepoFacts.NONE));
    }
}
