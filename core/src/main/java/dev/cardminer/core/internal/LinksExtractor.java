package dev.cardminer.core.internal;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.Link;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import java.util.List;

/**
 * {@link CardParser.BuiltIn#LINKS}: references in the body to Hub repos, papers and GitHub repositories,
 * read from the same bounded prefix as the sections and at most {@code maxLinks} of them.
 */
final class LinksExtractor implements CardExtractor {

    @Override
    public void extract(Input card, Output out) {
        CardContext context = (CardContext) card;
        if (context.body.isBlank() || context.bodyTimedOut) {
            return;
        }
        String body = context.analysedEnd < context.body.length()
                ? context.body.substring(0, context.analysedEnd) : context.body;
        List<Link> links = new LinkExtractor().extract(body, context.lines, context.bodyOffset);
        int max = context.limits.maxLinks();
        if (links.size() > max) {
            Link first = links.get(max);
            context.problems.add(Problem.warning(ProblemCodes.LINKS_CAPPED, String.format("the body has %,d links;"
                    + " only the first %,d are kept (the rest from here on)", links.size(), max), first.line(),
                    first.column()));
            links = links.subList(0, max);
        }
        context.links = List.copyOf(links);
    }
}
