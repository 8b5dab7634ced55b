package dev.cardminer.core.internal;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardLimits;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Vocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parser {@link CardParser#builder()} builds: split the metadata block with the Hub's rule, read
 * its YAML, run the metadata extractors, read the body's sections, run the body extractors, then the
 * added ones. Built-ins run where their problems belong in reading order (metadata before body).
 * Immutable and thread-safe.
 */
public final class DefaultCardParser implements CardParser {

    private final Vocabularies vocabularies;
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final MetadataAnalyzer metadataAnalyzer = new MetadataAnalyzer();
    private final BodyAnalyzer bodyAnalyzer;
    private final CardLimits limits;
    private final List<CardExtractor> metadataExtractors = new ArrayList<>();
    private final List<CardExtractor> bodyExtractors = new ArrayList<>();
    private final List<CardExtractor> added;

    /** Use {@link CardParser#builder()}. */
    public DefaultCardParser(Vocabularies vocabularies, CardLimits limits, Set<BuiltIn> builtIns,
            List<CardExtractor> added) {
        this.vocabularies = vocabularies;
        this.limits = limits;
        if (builtIns.contains(BuiltIn.METADATA_VALIDATION)) {
            metadataExtractors.add(new MetadataValidationExtractor(vocabularies));
        }
        if (builtIns.contains(BuiltIn.MODEL_INDEX)) {
            metadataExtractors.add(new ModelIndexExtractor());
        }
        this.bodyAnalyzer = builtIns.contains(BuiltIn.SECTIONS) ? new BodyAnalyzer(limits) : null;
        if (builtIns.contains(BuiltIn.LINKS)) {
            bodyExtractors.add(new LinksExtractor());
        }
        this.added = List.copyOf(added);
    }

    @Override
    public ModelCard parse(String id, byte[] utf8) {
        return parse(id, utf8, (CardExtractor) null);
    }

    @Override
    public ModelCard parse(String id, String text) {
        return parse(id, text, (CardExtractor) null);
    }

    @Override
    public ModelCard parse(String id, byte[] utf8, CardExtractor whileInHand) {
        ProblemList problems = new ProblemList(limits.maxProblems());
        String text = Utf8Decoder.decode(utf8, problems);
        return parse(id, text, problems, whileInHand);
    }

    @Override
    public ModelCard parse(String id, String text, CardExtractor whileInHand) {
        return parse(id, text, new ProblemList(limits.maxProblems()), whileInHand);
    }

    private ModelCard parse(String id, String text, ProblemList problems, CardExtractor whileInHand) {
        CardContext card = new CardContext(id, text, vocabularies, problems);
        FrontMatterSplitter.Split split = splitter.split(text);
        card.hasMetadata = split.found();
        if (split.found()) {
            card.yaml = text.substring(split.yamlStart(), split.yamlEnd());
            card.yamlLine = card.lines.line(split.yamlStart());
            card.document = metadataAnalyzer.read(card.yaml, card.yamlLine, problems);
            if (card.document.mapping() != null && !card.document.mapping().isEmpty()) {
                card.metadata = Metadata.of(card.document.mapping());
            }
        } else {
            metadataAnalyzer.explainMissingBlock(text, problems);
        }
        card.body = text.substring(split.bodyStart());
        card.bodyOffset = split.bodyStart();
        card.limits = limits;
        card.analysedEnd = limits.analysedEnd(card.body);
        run(metadataExtractors, card);
        if (bodyAnalyzer != null) {
            BodyAnalyzer.Result read = bodyAnalyzer.analyze(card.body, card.lines, card.bodyOffset, problems);
            card.sections = read.sections();
            card.completeness = read.completeness();
            card.analysedEnd = read.analysedEnd();
            card.bodyTimedOut = read.timedOut();
            card.markdown = read.markdown();
        }
        run(bodyExtractors, card);
        List<CardExtractor> toRun = added;
        if (whileInHand != null) {
            toRun = new ArrayList<>(added);
            toRun.add(whileInHand);
        }
        for (CardExtractor e : toRun) {
            try {
                e.extract(card, card);
            } catch (RuntimeException | StackOverflowError failure) {
                // A bug in someone's extractor must not lose the card, nor stop the corpus run. A stack overflow (an
                // extractor recursing over a deep tree) has unwound to here and left nothing half done; other
                // Errors (out of memory) are the JVM's and go on up.
                problems.add(Problem.error(ProblemCodes.EXTRACTOR_FAILED, e.getClass().getName() + " failed: "
                        + failure, 0, 0));
            }
        }
        card.markdown = null; // the tree is for extractors only; the card does not keep it
        return new ModelCard(id, text, card.hasMetadata, card.yaml, card.yamlLine, card.metadata, card.body,
                card.bodyOffset, card.lines.line(card.bodyOffset), card.evalResults, card.sections, card.links,
                card.completeness, problems.finish(), card.extensions);
    }

    private static void run(List<CardExtractor> extractors, CardContext card) {
        for (CardExtractor e : extractors) {
            e.extract(card, card);
        }
    }
}
