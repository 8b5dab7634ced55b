package dev.cardminer.core.internal;

import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Link;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.core.Vocabularies;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The parser behind {@link ModelCard#parse}: splitter, YAML reader, body analysis, in that order. */
public final class DefaultCardParser implements CardParser {

    public static final DefaultCardParser DEFAULT = new DefaultCardParser(Vocabularies.bundled());

    private final Vocabularies vocabularies;
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final YamlBlockReader yamlReader = new YamlBlockReader();

    public DefaultCardParser(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    @Override
    public ModelCard parse(String id, byte[] utf8) {
        List<Problem> problems = new ArrayList<>();
        String text = Utf8Decoder.decode(utf8, problems);
        return parse(id, text, problems);
    }

    @Override
    public ModelCard parse(String id, String text) {
        return parse(id, text, new ArrayList<>());
    }

    private ModelCard parse(String id, String text, List<Problem> problems) {
        LineIndex lines = new LineIndex(text);
        FrontMatterSplitter.Split split = splitter.split(text);
        Metadata metadata = Metadata.empty();
        String yaml = null;
        int yamlLine = 0;
        List<EvalResult> evalResults = List.of();
        if (split.found()) {
            yaml = text.substring(split.yamlStart(), split.yamlEnd());
            yamlLine = lines.line(split.yamlStart());
            Map<String, Object> map = yamlReader.read(yaml, yamlLine, problems);
            if (map != null) {
                metadata = Metadata.of(map);
            }
        }
        String body = text.substring(split.bodyStart());
        List<Section> sections = List.of();
        List<Link> links = List.of();
        double completeness = 0;
        return new ModelCard(id, text, split.found(), yaml, yamlLine, metadata, body, split.bodyStart(),
                lines.line(split.bodyStart()), evalResults, sections, links, completeness, problems);
    }

    String vocabulariesSummary() {
        return vocabularies.licenses().size() + " licenses";
    }
}
