package dev.cardminer.annotate;

import dev.cardminer.core.ModelCard;
import java.util.List;

/** Cuts a card body into sentences, Markdown-aware; the metadata block is never included. */
public interface SentenceSplitter {

    List<Sentence> split(ModelCard card);

    /** The Markdown-aware splitter cardminer uses. */
    static SentenceSplitter markdown() {
        return new dev.cardminer.annotate.internal.MarkdownSentenceSplitter();
    }
}
