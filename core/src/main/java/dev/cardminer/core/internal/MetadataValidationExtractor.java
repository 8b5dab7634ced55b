package dev.cardminer.core.internal;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.Vocabularies;

/** {@link CardParser.BuiltIn#METADATA_VALIDATION}: each documented key checked against the Hub's rules and vocabularies. */
final class MetadataValidationExtractor implements CardExtractor {

    private final MetadataValidator validator;

    MetadataValidationExtractor(Vocabularies vocabularies) {
        this.validator = new MetadataValidator(vocabularies);
    }

    @Override
    public void extract(Input card, Output out) {
        CardContext context = (CardContext) card;
        ValueProblems problems = context.valueProblems();
        if (problems != null) {
            validator.validate(context.document.mapping(), problems);
        }
    }
}
