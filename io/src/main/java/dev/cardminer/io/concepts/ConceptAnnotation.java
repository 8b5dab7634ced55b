package dev.cardminer.io.concepts;

import dev.cardminer.annotate.Agreement;
import dev.cardminer.annotate.ConceptNormaliser;
import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.LlmStats;
import dev.cardminer.annotate.RuleAnnotator;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Annotates a store's concepts the way {@code analyze} does: splits the stored cards into sentences,
 * runs the rules (with the corpus's own model and dataset names) and/or an LLM (its answers cached in
 * the store), and with both measures how far they agree. Every step resumes where a stopped run left off.
 *
 * <pre>{@code
 * new ConceptAnnotation(new ConceptAnnotation.Settings(Annotators.BOTH, llmConfig, 2000)).run(store, log);
 * }</pre>
 */
public final class ConceptAnnotation {

    /** Which annotators run. */
    public enum Annotators {
        /** The rules annotator only. */
        RULES,
        /** The LLM annotator only. */
        LLM,
        /** Both, and how far they agree. */
        BOTH,
        /** None: nothing is split or annotated. */
        NONE;

        /** {@code rules}, {@code llm}, {@code both} or {@code none} (lower case); empty for anything else. */
        public static Optional<Annotators> parse(String name) {
            for (Annotators a : values()) {
                if (a.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        /** Whether the rules run: {@link #RULES} or {@link #BOTH}. */
        public boolean rules() {
            return this == RULES || this == BOTH;
        }

        /** Whether the LLM runs: {@link #LLM} or {@link #BOTH}. */
        public boolean llm() {
            return this == LLM || this == BOTH;
        }
    }

    /**
     * @param annotators which annotators run
     * @param llm        the LLM's settings; required when {@code annotators} includes the LLM, else ignored
     * @param batchSize  sentences per batch and transaction
     */
    public record Settings(Annotators annotators, LlmConfig llm, int batchSize) {
        /**
         * Checks the settings.
         *
         * @throws NullPointerException when annotators is null
         * @throws IllegalArgumentException when the LLM runs without {@code llm} settings, or batchSize is below 1
         */
        public Settings {
            Objects.requireNonNull(annotators, "annotators");
            if (annotators.llm() && llm == null) {
                throw new IllegalArgumentException("annotating with an LLM needs its settings");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }
    }

    /**
     * What a run did.
     *
     * @param sentencesSplit sentences written by the split (0 when every card was split before)
     * @param runs           one result per annotator run, in order
     * @param llm            the LLM's figures, or null without one
     * @param agreement      rules against the LLM with both, else null
     */
    public record Report(long sentencesSplit, List<AnnotationPhase.Result> runs, LlmStats llm, Agreement agreement) {
        /** Copies {@code runs}. */
        public Report {
            runs = List.copyOf(runs);
        }

        /** Sentences some annotator still has not handled (an LLM's failures after retries): a re-run retries them. */
        public long remaining() {
            return runs.stream().mapToLong(AnnotationPhase.Result::remaining).sum();
        }
    }

    private final Settings settings;

    /**
     * Annotation with these settings.
     *
     * @throws NullPointerException when settings is null
     */
    public ConceptAnnotation(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param store an open connection to the store (the only writer)
     * @param log   where progress lines go
     */
    public Report run(Connection store, PrintWriter log) throws SQLException {
        if (settings.annotators() == Annotators.NONE) {
            return new Report(0, List.of(), null, null);
        }
        AnnotationPhase phase = new AnnotationPhase(store, settings.batchSize());
        long split = phase.ensureSentences(log);
        if (split > 0) {
            log.printf("annotate: split %,d sentences%n", split);
        }
        List<AnnotationPhase.Result> runs = new ArrayList<>();
        if (settings.annotators().rules()) {
            runs.add(phase.run(RuleAnnotator.NAME, () -> new RuleAnnotator(phase.knownNames()), log));
        }
        LlmStats stats = null;
        Agreement agreement = null;
        if (settings.annotators().llm()) {
            String name;
            try (LlmAnnotator llm = new LlmAnnotator(settings.llm(), new StoreLlmCache(store))) {
                name = llm.name();
                runs.add(phase.run(llm, log));
                stats = llm.stats();
                log.println("annotate: " + name + ": " + stats);
            }
            if (settings.annotators().rules()) {
                agreement = phase.agreement(RuleAnnotator.NAME, name, new ConceptNormaliser());
                log.println("annotate: agreement: " + agreement);
            }
        }
        log.flush();
        return new Report(split, runs, stats, agreement);
    }
}
