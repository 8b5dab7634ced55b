package dev.cardminer.core.internal;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardParser;

/** {@link CardParser.BuiltIn#LINKS}: references in the body to Hub repos, papers and GitHub repositories. */
final class LinksExtractor implements CardExtractor {

    @Override
    public void extract(Input card, Output out) {
        CardContext context = (CardContext) card;
        if (!context.body.isBlank()) {
            context.links = new LinkExtractor().extract(context.body, context.lines, context.bodyOffset);
        }
    }
}
