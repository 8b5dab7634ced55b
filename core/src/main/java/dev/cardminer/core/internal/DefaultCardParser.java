package dev.cardminer.core.internal;

import dev.cardminer.core.CardLimits;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Vocabularies;
import java.util.List;

/** The parser behind {@link ModelCard#parse}: splitter, YAML reader, body analysis, in that order. */
public final class DefaultCardParser implements CardParser {

    public static final DefaultCardParser DEFAULT = new DefaultCardParser(Vocabularies.bundled());

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final MetadataAnalyzer metadataAnalyzer;
    private final BodyAnalyzer bodyAnalyzer;
    private final CardLimits limits;

    public DefaultCardParser(Vocabularies vocabularies) {
        this(vocabularies, CardLimits.DEFAULTS);
    }

    public DefaultCardParser(Vocabularies vocabularies, CardLimits limits) {
        this.metadataAnalyzer = new MetadataAnalyzer(vocabularies);
        this.bodyAnalyzer = new BodyAnalyzer(limits);
        this.limits = limits;
    }

    @Override
    public ModelCard parse(String id, byte[] utf8) {
        ProblemList problems = new ProblemList(limits.maxProblems());
        String text = Utf8Decoder.decode(utf8, problems);
        return parse(id, text, problems);
    }

    @Override
    public ModelCard parse(String id, String text) {
        return parse(id, text, new ProblemList(limits.maxProblems()));
    }

    private ModelCard parse(String id, String text, ProblemList problems) {
        LineIndex lines = new LineIndex(text);
        FrontMatterSplitter.Split split = splitter.split(text);
        Metadata metadata = Metadata.empty();
        String yaml = null;
        int yamlLine = 0;
        List<EvalResult> evalResults = List.of();
        if (split.found()) {
            yaml = text.substring(split.yamlStart(), split.yamlEnd());
            yamlLine = lines.line(split.yamlStart());
            MetadataAnalyzer.Result read = metadataAnalyzer.analyze(yaml, yamlLine, problems);
            metadata = read.metadata();
            evalResults = read.evalResults();
        } else {
            metadataAnalyzer.explainMissingBlock(text, problems);
        }
        String body = text.substring(split.bodyStart());
        BodyAnalyzer.Result bodyResult = bodyAnalyzer.analyze(body, lines, split.bodyStart(), problems);
        return new ModelCard(id, text, split.found(), yaml, yamlLine, metadata, body, split.bodyStart(),
                lines.line(split.bodyStart()), evalResults, bodyResult.sections(), bodyResult.links(),
                bodyResult.completeness(), problems.finish());
    }
}
