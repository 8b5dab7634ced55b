package dev.cardminer.annotate;

import dev.cardminer.core.ModelCard;
import java.util.List;

/** Cuts a card body into sentences, Markdown-aware; the metadata block is never included. */
public interface SentenceSplitter {

    List<Sentence> split(ModelCard card);
}
