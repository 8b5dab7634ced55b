package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.List;

/** Test helpers: cards written for the tests, and the values an extractor finds in them. */
final class Cards {

    private Cards() {
    }

    static ModelCard card(String id, String yaml, String body) {
        String text = yaml == null ? body : "---\n" + yaml + "---\n" + body;
        return ModelCard.parse(id, text);
    }

    static ModelCard body(String body) {
        return card("someone/some-model", null, body);
    }

    static List<Object> values(MetadataExtractor extractor, ModelCard card) {
        return extractor.extract(card).stream().map(Suggestion::value).toList();
    }
}
