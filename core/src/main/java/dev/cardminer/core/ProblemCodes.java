package dev.cardminer.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@link Problem#code()} cardminer reports, in one place: code compares against these
 * constants, never against string literals. docs/metadata.md explains the metadata codes.
 */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    // The file
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String BOM_HIDES_METADATA = "bom-hides-metadata";
    public static final String METADATA_UNCLOSED = "metadata-unclosed";

    // YAML
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String YAML_NOT_MAPPING = "yaml-not-mapping";
    public static final String YAML_TOO_LARGE = "yaml-too-large";
    public static final String YAML_TOO_DEEP = "yaml-too-deep";
    public static final String YAML_ALIAS_BOMB = "yaml-alias-bomb";
    public static final String YAML_RECURSIVE_ALIAS = "yaml-recursive-alias";
    public static final String YAML_UNDEFINED_ALIAS = "yaml-undefined-alias";
    public static final String YAML_COMPLEX_KEY = "yaml-complex-key";
    public static final String YAML_DUPLICATE_KEY = "yaml-duplicate-key";
    public static final String YAML_MULTIPLE_DOCUMENTS = "yaml-multiple-documents";
    public static final String YAML_TAG = "yaml-tag";
    public static final String YAML11_SCALAR = "yaml11-scalar";
    /** A plain integer of more than 4,300 digits: kept as text (Python's {@code int()} refuses it; reading it costs quadratic time). */
    public static final String YAML_NUMBER_TOO_LONG = "yaml-number-too-long";
    public static final String YAML11_TAB = "yaml11-tab";
    public static final String YAML11_MERGE_KEY = "yaml11-merge-key";
    public static final String YAML11_ERROR = "yaml11-error";

    // Metadata values
    public static final String INVALID_TYPE = "invalid-type";
    public static final String INVALID_MODEL_ID = "invalid-model-id";
    public static final String INVALID_DATASET_ID = "invalid-dataset-id";
    public static final String INVALID_GATED_FIELD = "invalid-gated-field";
    public static final String UNKNOWN_LICENSE = "unknown-license";
    public static final String LICENSE_OTHER_INCOMPLETE = "license-other-incomplete";
    public static final String UNKNOWN_LANGUAGE = "unknown-language";
    public static final String UNKNOWN_LIBRARY = "unknown-library";
    public static final String UNKNOWN_PIPELINE_TAG = "unknown-pipeline-tag";
    public static final String UNKNOWN_BASE_MODEL_RELATION = "unknown-base-model-relation";

    // model-index
    public static final String MODEL_INDEX_TYPE = "model-index-type";
    public static final String MODEL_INDEX_INVALID = "model-index-invalid";
    public static final String MODEL_INDEX_MISSING_FIELD = "model-index-missing-field";

    // The body
    public static final String EMPTY_BODY = "empty-body";
    public static final String UNCLOSED_CODE_FENCE = "unclosed-code-fence";
    public static final String PLACEHOLDER_SECTIONS = "placeholder-sections";
    /** A heading is the template's title left as it is ("Model Card for Model ID"). */
    public static final String PLACEHOLDER_TITLE = "placeholder-title";

    // Per-card limits (see CardLimits): what was cut is always said, located where the cut begins
    /** The body is longer than the analysed prefix; sections, links and sentences cover only the prefix. */
    public static final String BODY_TOO_LARGE = "body-too-large";
    /** The card's time limit ran out; what was not read is named in the message. */
    public static final String TIMEOUT = "timeout";
    /** Markdown nested deeper than the splitter follows. */
    public static final String TOO_DEEP = "too-deep";
    public static final String SECTIONS_CAPPED = "sections-capped";
    public static final String LINKS_CAPPED = "links-capped";
    public static final String PROBLEMS_CAPPED = "problems-capped";
    public static final String SENTENCES_CAPPED = "sentences-capped";
    /** The store cut a card's metadata or metadata value rows (io: 10,000 of each per card). */
    public static final String ROWS_CAPPED = "rows-capped";
    /** The sentence splitter failed on this card (a bug, recorded so that the run goes on). */
    public static final String SPLIT_ERROR = "split-error";

    // Linting (cardminer check): what a publisher should add before pushing
    public static final String NO_METADATA = "no-metadata";
    public static final String EMPTY_METADATA = "empty-metadata";
    public static final String PLACEHOLDER_SECTION = "placeholder-section";
    public static final String MISSING_SECTION = "missing-section";
    public static final String MISSING_LICENSE = "missing-license";
    public static final String MISSING_PIPELINE_TAG = "missing-pipeline-tag";
    public static final String MISSING_LIBRARY_NAME = "missing-library-name";
    public static final String MISSING_LANGUAGE = "missing-language";
    public static final String MISSING_BASE_MODEL = "missing-base-model";
    /** A key that is probably a Hub key misspelt ({@code licence:}, {@code pipline_tag:}); the Hub ignores it. */
    public static final String MISSPELLED_KEY = "misspelled-key";

    // Editing
    /** A requested edit is not possible (the block is not readable, a key cannot be written). */
    public static final String EDIT_NOT_POSSIBLE = "edit-not-possible";
    /** The edited block would no longer read as YAML; the edit was not applied. */
    public static final String EDIT_NOT_READABLE = "edit-not-readable";

    // The pipeline
    /** A card source could not deliver the card (unreadable file, bad row). */
    public static final String SOURCE_ERROR = "source-error";
    /** Reading the card failed unexpectedly: a bug, recorded so that the run goes on. */
    public static final String INTERNAL_ERROR = "internal-error";
    /** An added {@link CardExtractor} threw: a bug in it, recorded so that the parse goes on. */
    public static final String EXTRACTOR_FAILED = "extractor-failed";

    /** Every code above. */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>();
        for (Field f : ProblemCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    all.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }

    /**
     * Whether the problem says the card's metadata block is there but broken (never closed, or hidden behind a BOM):
     * an edit that writes a new block on top would turn the author's block into body text, so editors refuse such a
     * card until its author fixes it.
     */
    public static boolean breaksMetadataBlock(Problem problem) {
        return problem.code().equals(METADATA_UNCLOSED) || problem.code().equals(BOM_HIDES_METADATA);
    }

    /** Whether the problem says the card could not be read at all (its rows record a failure). */
    public static boolean isFailure(Problem problem) {
        return problem.code().equals(INTERNAL_ERROR) || problem.code().equals(SOURCE_ERROR);
    }
}
