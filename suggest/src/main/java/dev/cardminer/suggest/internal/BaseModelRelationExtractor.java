package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.List;

/**
 * {@code base_model_relation}: adapter, quantized or merge, as the base model's rule says. A plain
 * fine-tune gives nothing: the Hub infers {@code finetune} itself, so a pull request needs not say it.
 */
public final class BaseModelRelationExtractor implements MetadataExtractor {

    public static final String FIELD = "base_model_relation";

    private final BaseModelExtractor baseModel;

    public BaseModelRelationExtractor() {
        this(new BaseModelExtractor());
    }

    /** Reads the relation from {@code baseModel}'s reading, which it shares with the other extractors of a card. */
    public BaseModelRelationExtractor(BaseModelExtractor baseModel) {
        this.baseModel = baseModel;
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BaseModelExtractor.Reading r = baseModel.read(card);
        if (r == null || r.relation().equals("finetune")) {
            return List.of();
        }
        Suggestion first = r.values().get(0);
        return List.of(new Suggestion(FIELD, r.relation(), first.evidence(), r.confidence(), r.method()));
    }
}
