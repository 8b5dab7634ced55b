package dev.cardminer.core;

/**
 * The sections of the Hub's annotated model card template, in template order. {@link #parent()}
 * gives the template's nesting (Direct Use sits under Uses, and so on).
 */
public enum CanonicalSection {
    /** "Model Details", top level. */
    MODEL_DETAILS("Model Details", null),
    /** "Model Description", under {@link #MODEL_DETAILS}. */
    MODEL_DESCRIPTION("Model Description", MODEL_DETAILS),
    /** "Model Sources", under {@link #MODEL_DETAILS}. */
    MODEL_SOURCES("Model Sources", MODEL_DETAILS),
    /** "Uses", top level. */
    USES("Uses", null),
    /** "Direct Use", under {@link #USES}. */
    DIRECT_USE("Direct Use", USES),
    /** "Downstream Use", under {@link #USES}. */
    DOWNSTREAM_USE("Downstream Use", USES),
    /** "Out-of-Scope Use", under {@link #USES}. */
    OUT_OF_SCOPE_USE("Out-of-Scope Use", USES),
    /** "Bias, Risks, and Limitations", top level. */
    BIAS_RISKS_AND_LIMITATIONS("Bias, Risks, and Limitations", null),
    /** "Recommendations", under {@link #BIAS_RISKS_AND_LIMITATIONS}. */
    RECOMMENDATIONS("Recommendations", BIAS_RISKS_AND_LIMITATIONS),
    /** "How to Get Started with the Model", top level. */
    HOW_TO_GET_STARTED("How to Get Started with the Model", null),
    /** "Training Details", top level. */
    TRAINING_DETAILS("Training Details", null),
    /** "Training Data", under {@link #TRAINING_DETAILS}. */
    TRAINING_DATA("Training Data", TRAINING_DETAILS),
    /** "Training Procedure", under {@link #TRAINING_DETAILS}. */
    TRAINING_PROCEDURE("Training Procedure", TRAINING_DETAILS),
    /** "Preprocessing", under {@link #TRAINING_PROCEDURE}. */
    PREPROCESSING("Preprocessing", TRAINING_PROCEDURE),
    /** "Training Hyperparameters", under {@link #TRAINING_PROCEDURE}. */
    TRAINING_HYPERPARAMETERS("Training Hyperparameters", TRAINING_PROCEDURE),
    /** "Speeds, Sizes, Times", under {@link #TRAINING_PROCEDURE}. */
    SPEEDS_SIZES_TIMES("Speeds, Sizes, Times", TRAINING_PROCEDURE),
    /** "Evaluation", top level. */
    EVALUATION("Evaluation", null),
    /** "Testing Data", under {@link #EVALUATION}. */
    TESTING_DATA("Testing Data", EVALUATION),
    /** "Factors", under {@link #EVALUATION}. */
    FACTORS("Factors", EVALUATION),
    /** "Metrics", under {@link #EVALUATION}. */
    METRICS("Metrics", EVALUATION),
    /** "Results", under {@link #EVALUATION}. */
    RESULTS("Results", EVALUATION),
    /** "Summary", under {@link #RESULTS}. */
    SUMMARY("Summary", RESULTS),
    /** "Model Examination", top level. */
    MODEL_EXAMINATION("Model Examination", null),
    /** "Environmental Impact", top level. */
    ENVIRONMENTAL_IMPACT("Environmental Impact", null),
    /** "Technical Specifications", top level. */
    TECHNICAL_SPECIFICATIONS("Technical Specifications", null),
    /** "Model Architecture and Objective", under {@link #TECHNICAL_SPECIFICATIONS}. */
    MODEL_ARCHITECTURE_AND_OBJECTIVE("Model Architecture and Objective", TECHNICAL_SPECIFICATIONS),
    /** "Compute Infrastructure", under {@link #TECHNICAL_SPECIFICATIONS}. */
    COMPUTE_INFRASTRUCTURE("Compute Infrastructure", TECHNICAL_SPECIFICATIONS),
    /** "Hardware", under {@link #COMPUTE_INFRASTRUCTURE}. */
    HARDWARE("Hardware", COMPUTE_INFRASTRUCTURE),
    /** "Software", under {@link #COMPUTE_INFRASTRUCTURE}. */
    SOFTWARE("Software", COMPUTE_INFRASTRUCTURE),
    /** "Citation", top level. */
    CITATION("Citation", null),
    /** "Glossary", top level. */
    GLOSSARY("Glossary", null),
    /** "More Information", top level. */
    MORE_INFORMATION("More Information", null),
    /** "Model Card Authors", top level. */
    MODEL_CARD_AUTHORS("Model Card Authors", null),
    /** "Model Card Contact", top level. */
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
