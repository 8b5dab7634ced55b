package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cardminer.annotate.internal.AnswerParser;
import org.junit.jupiter.api.Test;

class AnswerParserTest {

    @Test
    void readsTheSeedFormatTolerantly() {
        String answer = """
                Output:

                1. XLSR-53 -|- model -|- a large pre-trained model.

                - "English" -|- language -|- the language of the text.
                * **Fine-tuned** -|- model modification
                2) `speech recognition`-|-task-|-a task -|- with an extra separator
                just some chatter without separators
                  -|- empty entity -|- dropped
                Entity: BERT -|- Concept: model -|- Description: an encoder
                """;
        assertThat(new AnswerParser().parse(answer)).extracting(AnswerParser.Item::entity, AnswerParser.Item::concept,
                AnswerParser.Item::description).containsExactly(
                tuple("XLSR-53", "model", "a large pre-trained model."),
                tuple("English", "language", "the language of the text."),
                tuple("Fine-tuned", "model modification", ""),
                tuple("speech recognition", "task", "a task - with an extra separator"),
                tuple("BERT", "model", "an encoder"));
    }

    @Test
    void nothingFromNothing() {
        assertThat(new AnswerParser().parse(null)).isEmpty();
        assertThat(new AnswerParser().parse("")).isEmpty();
        assertThat(new AnswerParser().parse("I cannot help with that.")).isEmpty();
    }
}
