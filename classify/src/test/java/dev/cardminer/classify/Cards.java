package dev.cardminer.classify;

import dev.cardminer.core.ModelCard;

/** Cards written for the tests, as classifiers see them. */
final class Cards {

    private Cards() {
    }

    static CardText card(String id, String text) {
        return CardText.of(ModelCard.parse(id, text), LabelSet.builtIn("pipeline_tag").orElseThrow());
    }

    static final String AGENT = """
            ---
            library_name: stable-baselines3
            tags:
            - LunarLander-v2
            - deep-reinforcement-learning
            ---
            # PPO Agent playing LunarLander-v2
            This is a trained model of a PPO agent.
            """;

    static final String TRANSLATOR = """
            ---
            tags:
            - generated_from_trainer
            metrics:
            - bleu
            ---
            # my-model
            This model translates English into German. It achieves a BLEU of 31.2 on the evaluation set.
            """;

    static final String NOTHING = """
            # notes
            Some thoughts on a rainy afternoon.
            """;

    /** Its only signal is the label being predicted, which classifiers must not see. */
    static final String ONLY_THE_ANSWER = """
            ---
            pipeline_tag: translation
            ---
            # notes
            Some thoughts on a rainy afternoon.
            """;
}
