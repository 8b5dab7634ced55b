package dev.cardminer.core.internal;

import dev.cardminer.core.BodyMarkdown;
import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardLimits;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Link;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.core.Vocabularies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One card while {@link DefaultCardParser} reads it: what extractors see ({@link CardExtractor.Input})
 * and where they write ({@link CardExtractor.Output}). The built-in extractors also reach the YAML
 * document for value locations. Lives for one parse, on one thread.
 */
final class CardContext implements CardExtractor.Input, CardExtractor.Output {

    final String id;
    final String text;
    final LineIndex lines;
    final Vocabularies vocabularies;
    final List<Problem> problems;
    final List<Object> extensions = new ArrayList<>();
    boolean hasMetadata;
    String yaml;
    int yamlLine;
    YamlDocument document;
    Metadata metadata = Metadata.empty();
    String body;
    int bodyOffset;
    List<Section> sections = List.of();
    double completeness;
    List<EvalResult> evalResults = List.of();
    List<Link> links = List.of();
    CardLimits limits = CardLimits.DEFAULTS;
    /** Where in the body analysis stops ({@link CardLimits#analysedEnd}). */
    int analysedEnd;
    /** The card's time limit ran out while reading the sections. */
    boolean bodyTimedOut;
    /** The body's tree while the card is parsed, or null. */
    BodyMarkdown markdown;

    CardContext(String id, String text, Vocabularies vocabularies, List<Problem> problems) {
        this.id = id;
        this.text = text;
        this.lines = new LineIndex(text);
        this.vocabularies = vocabularies;
        this.problems = problems;
    }

    /** The block's mapping as read, with locations; null without a readable, non-empty mapping. */
    ValueProblems valueProblems() {
        return document == null || document.mapping() == null || document.mapping().isEmpty() ? null
                : new ValueProblems(document.mapping(), document.locations(), problems);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public boolean hasMetadata() {
        return hasMetadata;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public String body() {
        return body;
    }

    @Override
    public int bodyOffset() {
        return bodyOffset;
    }

    @Override
    public List<Section> sections() {
        return sections;
    }

    @Override
    public Optional<BodyMarkdown> markdown() {
        return Optional.ofNullable(markdown);
    }

    @Override
    public Vocabularies vocabularies() {
        return vocabularies;
    }

    @Override
    public int line(int offset) {
        return lines.line(offset);
    }

    @Override
    public int column(int offset) {
        return lines.column(offset);
    }

    @Override
    public Problem problemAt(Problem.Severity severity, String code, String message, Object... path) {
        if (document == null || document.mapping() == null) {
            return new Problem(severity, code, message, yamlLine, yamlLine == 0 ? 0 : 1, ValueProblems.format(path));
        }
        Map<String, Object> mapping = document.mapping();
        YamlLocations.Location at = document.locations().locate(mapping, Arrays.asList(path));
        return new Problem(severity, code, message, at.line(), at.column(), ValueProblems.format(path));
    }

    @Override
    public void problem(Problem problem) {
        problems.add(problem);
    }

    @Override
    public void extension(Object value) {
        extensions.add(value);
    }
}
