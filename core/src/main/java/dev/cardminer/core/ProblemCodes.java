package dev.cardminer.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** Warning: invalid UTF-8 bytes, replaced by U+FFFD; one per line that has any, at its first bad byte. */
    public static final String INVALID_UTF8 = "invalid-utf8";
    /** Warning: the file starts with a byte order mark, which hides the metadata block from the Hub. */
    public static final String BOM_HIDES_METADATA = "bom-hides-metadata";
    /**
     * Warning: the file opens a block with {@code ---} that no Hub-style {@code ---} line closes, so it is all
     * body.
     */
    public static final String METADATA_UNCLOSED = "metadata-unclosed";

    // YAML
    /** Error: the block is not valid YAML; located where the reader gave up. */
    public static final String YAML_SYNTAX = "yaml-syntax";
    /** Error: the block holds a list or a single value, not a mapping. */
    public static final String YAML_NOT_MAPPING = "yaml-not-mapping";
    /** Error: the block is longer than 64 Mi characters and is not read. */
    public static final String YAML_TOO_LARGE = "yaml-too-large";
    /** Error: the block nests deeper than 100 levels and is not read. */
    public static final String YAML_TOO_DEEP = "yaml-too-deep";
    /** Error: aliases would expand the data by more than 1,000,000 values; the block is not read. */
    public static final String YAML_ALIAS_BOMB = "yaml-alias-bomb";
    /** Error: an alias refers to a value that contains it. */
    public static final String YAML_RECURSIVE_ALIAS = "yaml-recursive-alias";
    /** Error: an alias refers to no anchor. */
    public static final String YAML_UNDEFINED_ALIAS = "yaml-undefined-alias";
    /** Warning: a mapping or list used as a key (kept as text; PyYAML rejects it). */
    public static final String YAML_COMPLEX_KEY = "yaml-complex-key";
    /**
     * Error: a key appears twice in one mapping, located at its later copy; the last value is kept, as PyYAML
     * does.
     */
    public static final String YAML_DUPLICATE_KEY = "yaml-duplicate-key";
    /** Error: the block holds more than one YAML document. */
    public static final String YAML_MULTIPLE_DOCUMENTS = "yaml-multiple-documents";
    /** Warning: a tag PyYAML's safe_load rejects, or a value that does not fit its tag; read as plain data. */
    public static final String YAML_TAG = "yaml-tag";
    /**
     * Info: a plain value that PyYAML (YAML 1.1, the Python client) reads differently, e.g. {@code no} as false.
     */
    public static final String YAML11_SCALAR = "yaml11-scalar";
    /** A plain integer of more than 4,300 digits: kept as text (Python's {@code int()} refuses it; reading it costs quadratic time). */
    public static final String YAML_NUMBER_TOO_LONG = "yaml-number-too-long";
    /** Warning: a tab PyYAML rejects, so the Python client cannot read the block. */
    public static final String YAML11_TAB = "yaml11-tab";
    /** Info: a {@code <<} key, which PyYAML treats as a merge key and YAML 1.2 as a plain key. */
    public static final String YAML11_MERGE_KEY = "yaml11-merge-key";
    /** Warning: a value PyYAML cannot construct ({@code 2023-02-30}), so the Python client rejects the block. */
    public static final String YAML11_ERROR = "yaml11-error";

    // Metadata values
    /**
     * Warning: a documented key has a value of the wrong type ({@code license} a list, {@code tags[3]} a number).
     */
    public static final String INVALID_TYPE = "invalid-type";
    /** Warning: a {@code base_model} or {@code new_version} value is not a Hub model id. */
    public static final String INVALID_MODEL_ID = "invalid-model-id";
    /** Warning: a {@code datasets} value is not a Hub dataset id (a local path, a URL, prose). */
    public static final String INVALID_DATASET_ID = "invalid-dataset-id";
    /** Warning: an {@code extra_gated_fields} entry is not of a field type the Hub knows. */
    public static final String INVALID_GATED_FIELD = "invalid-gated-field";
    /** Warning: {@code license} is not a Hub license id. */
    public static final String UNKNOWN_LICENSE = "unknown-license";
    /** Warning: {@code license: other} without {@code license_name} and/or {@code license_link}. */
    public static final String LICENSE_OTHER_INCOMPLETE = "license-other-incomplete";
    /** Warning: a {@code language} value is not an ISO 639-1, 639-2 or 639-3 code. */
    public static final String UNKNOWN_LANGUAGE = "unknown-language";
    /** Warning: {@code library_name} is not a Hub library id. */
    public static final String UNKNOWN_LIBRARY = "unknown-library";
    /** Warning: {@code pipeline_tag} is not a Hub pipeline tag. */
    public static final String UNKNOWN_PIPELINE_TAG = "unknown-pipeline-tag";
    /** Warning: {@code base_model_relation} is not adapter, merge, quantized or finetune. */
    public static final String UNKNOWN_BASE_MODEL_RELATION = "unknown-base-model-relation";

    // model-index
    /**
     * Warning: a {@code model-index} value of a type the Hub rejects (a number as {@code dataset.config}); kept as
     * text.
     */
    public static final String MODEL_INDEX_TYPE = "model-index-type";
    /** Warning: {@code model-index}, an entry, a result or a metric is not the mapping or list it should be. */
    public static final String MODEL_INDEX_INVALID = "model-index-invalid";
    /**
     * Warning: a field the Python client requires is missing from a {@code model-index} entry; the entry is kept.
     */
    public static final String MODEL_INDEX_MISSING_FIELD = "model-index-missing-field";

    // The body
    /** Info: the card has no text after the metadata block (or none at all). */
    public static final String EMPTY_BODY = "empty-body";
    /** Warning: a top-level code fence is never closed, so it swallows the rest of the card, headings included. */
    public static final String UNCLOSED_CODE_FENCE = "unclosed-code-fence";
    /** Info: how many template sections hold only placeholder text. */
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
    /** Warning: more than {@link CardLimits#maxSections()} headings; the rest are not sections. */
    public static final String SECTIONS_CAPPED = "sections-capped";
    /** Warning: more than {@link CardLimits#maxLinks()} links; the rest are not kept. */
    public static final String LINKS_CAPPED = "links-capped";
    /** Warning: more than {@link CardLimits#maxProblems()} problems; the rest are counted by code. */
    public static final String PROBLEMS_CAPPED = "problems-capped";
    /** Warning: more than {@link CardLimits#maxSentences()} sentences; the rest are not kept. */
    public static final String SENTENCES_CAPPED = "sentences-capped";
    /** The store cut a card's metadata or metadata value rows (io: 10,000 of each per card). */
    public static final String ROWS_CAPPED = "rows-capped";
    /** The sentence splitter failed on this card (a bug, recorded so that the run goes on). */
    public static final String SPLIT_ERROR = "split-error";

    // Linting (cardminer check): what a publisher should add before pushing
    /** Lint warning: the card has no metadata block (or one the Hub cannot read). */
    public static final String NO_METADATA = "no-metadata";
    /** Lint warning: the metadata block holds no keys. */
    public static final String EMPTY_METADATA = "empty-metadata";
    /** Lint warning: a template section holds only the template's placeholder text. */
    public static final String PLACEHOLDER_SECTION = "placeholder-section";
    /** Lint info: a recommended template section is missing or has no content. */
    public static final String MISSING_SECTION = "missing-section";
    /** Lint warning: no {@code license}. */
    public static final String MISSING_LICENSE = "missing-license";
    /** Lint warning: no {@code pipeline_tag}. */
    public static final String MISSING_PIPELINE_TAG = "missing-pipeline-tag";
    /** Lint warning: no {@code library_name}. */
    public static final String MISSING_LIBRARY_NAME = "missing-library-name";
    /** Lint warning: no {@code language} although {@code pipeline_tag} is a text or speech task. */
    public static final String MISSING_LANGUAGE = "missing-language";
    /** Lint warning: no {@code base_model} although the card is a fine-tune. */
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
     * A one-line description of every code in {@link #all()}, for tools that list the rules a report may hold
     * (check's SARIF output names each rule by it): code to description, in the order of this class. Read from a
     * bundled resource on each call.
     */
    public static Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = ProblemCodes.class.getResourceAsStream("problem-codes.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled problem-codes.tsv");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int tab = line.indexOf('\t');
                if (!line.startsWith("#") && tab > 0) {
                    out.put(line.substring(0, tab), line.substring(tab + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
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
