package dev.cardminer.annotate.internal;

import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.ModelCard;
import java.util.ArrayList;
import java.util.List;

/** Placeholder splitter (one sentence per non-blank line) until the Markdown-aware splitter lands. */
public final class ParagraphSentenceSplitter implements SentenceSplitter {

    @Override
    public List<Sentence> split(ModelCard card) {
        List<Sentence> out = new ArrayList<>();
        String body = card.body();
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            String line = body.substring(start, end).strip();
            if (!line.isEmpty()) {
                out.add(new Sentence(card.id(), out.size(), null, null, start, end, line));
            }
            start = end + 1;
        }
        return out;
    }
}
