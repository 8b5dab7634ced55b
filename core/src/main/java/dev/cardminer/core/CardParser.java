package dev.cardminer.core;

import dev.cardminer.core.internal.DefaultCardParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads model cards. Build one with {@link #builder()} and share it: parsers are immutable,
 * thread-safe, and never throw on bad input (problems are recorded in the returned card). A card
 * parses to the same {@link ModelCard} on any platform thread and under any load: the per-card time
 * limit ({@link CardLimits#timeLimitMillis()}) counts the parsing thread's CPU time (on a virtual
 * thread, whose CPU time the JVM cannot read, the wall clock's).
 *
 * <p>{@link CardLimits} bound what the body analysis keeps, not the text it is given: {@code parse}
 * reads a text of any length (the metadata block and {@code model-index} in full, so memory grows
 * with them). cardminer's own sources refuse files over {@link CardLimits#MAX_CARD_BYTES} before
 * reading them; a service parsing uploaded text should apply that cap itself.
 *
 * <pre>{@code
 * CardParser parser = CardParser.builder()
 *         .vocabularies(Vocabularies.bundled())
 *         .extractor(new MyExtractor())
 *         .build();
 * ModelCard card = parser.parse("org/model", text);
 * }</pre>
 */
public interface CardParser {

    /** Parses the card text. */
    ModelCard parse(String id, String text);

    /** Parses the raw bytes of a card file, decoding UTF-8; invalid sequences are replaced and reported. */
    ModelCard parse(String id, byte[] utf8);

    /**
     * Parses the card text, then runs {@code whileInHand} for this call only, after every other extractor:
     * it sees what exists only while the card is parsed, such as {@link CardExtractor.Input#markdown()}, and
     * keeps what it makes (sentences, say) itself or as an extension. A parser that has no such hook (the
     * default) parses without it, so callers fall back to what the returned card gives them.
     */
    default ModelCard parse(String id, String text, CardExtractor whileInHand) {
        return parse(id, text);
    }

    /** {@link #parse(String, String, CardExtractor)} of the raw bytes of a card file. */
    default ModelCard parse(String id, byte[] utf8, CardExtractor whileInHand) {
        return parse(id, utf8);
    }

    /** A builder with the bundled vocabularies and every built-in extractor on. */
    static Builder builder() {
        return new Builder();
    }

    /**
     * What the parser reads besides the metadata block itself; each is on unless disabled. They run in
     * this order, before the added extractors.
     */
    enum BuiltIn {
        /** Metadata values checked against the Hub's rules and vocabularies (problems). */
        METADATA_VALIDATION,
        /** {@code model-index} flattened to {@link ModelCard#evalResults()}. */
        MODEL_INDEX,
        /** The body's headings as {@link ModelCard#sections()}, placeholders and completeness. */
        SECTIONS,
        /** References to Hub repos, papers and GitHub repositories as {@link ModelCard#links()}. */
        LINKS
    }

    /** Configures a {@link CardParser}. Not thread-safe; the parser it builds is. */
    final class Builder {
        private Vocabularies vocabularies;
        private CardLimits limits = CardLimits.DEFAULTS;
        private final Set<BuiltIn> builtIns = EnumSet.allOf(BuiltIn.class);
        private final List<CardExtractor> extractors = new ArrayList<>();

        private Builder() {
        }

        /** The values {@code license}, {@code pipeline_tag}, ... are checked against; default {@link Vocabularies#bundled()}. */
        public Builder vocabularies(Vocabularies vocabularies) {
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
            return this;
        }

        /** Per-card bounds on size, rows and time; default {@link CardLimits#DEFAULTS}. */
        public Builder limits(CardLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Adds an extractor; added extractors run after the built-ins, in the order added. */
        public Builder extractor(CardExtractor extractor) {
            extractors.add(Objects.requireNonNull(extractor, "extractor"));
            return this;
        }

        /** Adds extractors in order. */
        public Builder extractors(Iterable<? extends CardExtractor> extractors) {
            for (CardExtractor e : extractors) {
                extractor(e);
            }
            return this;
        }

        /** Turns built-in extractors off, for callers that need less (the metadata only, say) and want it faster. */
        public Builder disable(BuiltIn... builtIns) {
            for (BuiltIn b : builtIns) {
                this.builtIns.remove(b);
            }
            return this;
        }

        /**
         * A parser with this configuration: the bundled vocabularies unless others were set. The builder may be
         * reused.
         */
        public CardParser build() {
            return new DefaultCardParser(vocabularies != null ? vocabularies : Vocabularies.bundled(), limits,
                    builtIns, extractors);
        }
    }

}
