package dev.cardminer.core;

/**
 * The sections of the Hub's annotated model card template, in template order. {@link #parent()}
 * gives the template's nesting (Direct Use sits under Uses, and so on).
 */
public enum CanonicalSection {
    MODEL_DETAILS("Model Details", null),
    MODEL_DESCRIPTION("Model Description", MODEL_DETAILS),
    MODEL_SOURCES("Model Sources", MODEL_DETAILS),
    USES("Uses", null),
    DIRECT_USE("Direct Use", USES),
    DOWNSTREAM_USE("Downstream Use", USES),
    OUT_OF_SCOPE_USE("Out-of-Scope Use", USES),
    BIAS_RISKS_AND_LIMITATIONS("Bias, Risks, and Limitations", null),
    RECOMMENDATIONS("Recommendations", BIAS_RISKS_AND_LIMITATIONS),
    HOW_TO_GET_STARTED("How to Get Started with the Model", null),
    TRAINING_DETAILS("Training Details", null),
    TRAINING_DATA("Training Data", TRAINING_DETAILS),
    TRAINING_PROCEDURE("Training Procedure", TRAINING_DETAILS),
    PREPROCESSING("Preprocessing", TRAINING_PROCEDURE),
    TRAINING_HYPERPARAMETERS("Training Hyperparameters", TRAINING_PROCEDURE),
    SPEEDS_SIZES_TIMES("Speeds, Sizes, Times", TRAINING_PROCEDURE),
    EVALUATION("Evaluation", null),
    TESTING_DATA("Testing Data", EVALUATION),
    FACTORS("Factors", EVALUATION),
    METRICS("Metrics", EVALUATION),
    RESULTS("Results", EVALUATION),
    SUMMARY("Summary", RESULTS),
    MODEL_EXAMINATION("Model Examination", null),
    ENVIRONMENTAL_IMPACT("Environmental Impact", null),
    TECHNICAL_SPECIFICATIONS("Technical Specifications", null),
    MODEL_ARCHITECTURE_AND_OBJECTIVE("Model Architecture and Objective", TECHNICAL_SPECIFICATIONS),
    COMPUTE_INFRASTRUCTURE("Compute Infrastructure", TECHNICAL_SPECIFICATIONS),
    HARDWARE("Hardware", COMPUTE_INFRASTRUCTURE),
    SOFTWARE("Software", COMPUTE_INFRASTRUCTURE),
    CITATION("Citation", null),
    GLOSSARY("Glossary", null),
    MORE_INFORMATION("More Information", null),
    MODEL_CARD_AUTHORS("Model Card Authors", null),
    MODEL_CARD_CONTACT("Model Card Contact", null);

    private final String title;
    private final CanonicalSection parent;

    CanonicalSection(String title, CanonicalSection parent) {
        this.title = title;
        this.parent = parent;
    }

    /** The heading as the template writes it. */
    public String title() {
        return title;
    }

    /** The enclosing template section, or null for a top-level one. */
    public CanonicalSection parent() {
        return parent;
    }
}
