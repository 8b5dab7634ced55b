package dev.cardminer.core.internal;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import java.util.List;

/** {@link CardParser.BuiltIn#MODEL_INDEX}: {@code model-index} flattened to evaluation results. */
final class ModelIndexExtractor implements CardExtractor {

    private final ModelIndexReader reader = new ModelIndexReader();

    @Override
    public void extract(Input card, Output out) {
        CardContext context = (CardContext) card;
        ValueProblems problems = context.valueProblems();
        if (problems != null) {
            List<EvalResult> results = reader.read(context.document.mapping().get("model-index"), problems);
            context.evalResults = results;
        }
    }
}
