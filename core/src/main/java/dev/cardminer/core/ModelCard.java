package dev.cardminer.core;

import dev.cardminer.core.internal.UnseenBlocks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A parsed model card: the metadata block, the Markdown body and what cardminer reads from them.
 * Parsing never throws on bad input; what went wrong is in {@link #problems()}.
 *
 * @param id             the card's id (a Hub repo id or a file name); may be empty
 * @param text           the card exactly as given
 * @param hasMetadata    whether a metadata block was found with the Hub's rule
 * @param yaml           the block's YAML text, or null when there is no block
 * @param yamlLine       1-based line of the YAML's first line in the card file (0 without a block)
 * @param metadata       the block's mapping; empty when there is no block or it could not be read
 * @param body           the text after the block, byte-exact (the whole text when there is no block)
 * @param bodyOffset     offset of the body in {@code text}
 * @param bodyLine       1-based line of the body's first character in the card file
 * @param evalResults    the flattened {@code model-index}
 * @param sections       the body's headings, in order (the tree follows from their levels)
 * @param links          references to Hub repos, arXiv papers and GitHub repositories
 * @param completeness   share of the template's sections present with real content, 0 to 1
 * @param problems       located problems, in the order found
 * @param extensions     what added {@link CardExtractor}s found, in the order added: their own objects, as
 *                       immutable as their types make them (the card keeps and hands out these very objects)
 */
public record ModelCard(
        String id,
        String text,
        boolean hasMetadata,
        String yaml,
        int yamlLine,
        Metadata metadata,
        String body,
        int bodyOffset,
        int bodyLine,
        List<EvalResult> evalResults,
        List<Section> sections,
        List<Link> links,
        double completeness,
        List<Problem> problems,
        List<Object> extensions) {

    /**
     * Checks the components and copies the lists.
     *
     * @throws NullPointerException     when id, text, metadata, body or a list is null
     * @throws IllegalArgumentException when completeness is outside 0..1, a line is outside its range (yamlLine 0
     *                                  without yaml, 1 or more with it; bodyLine 1 or more), yaml is given without
     *                                  hasMetadata, or body is not the text from bodyOffset on
     */
    public ModelCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(body, "body");
        if (!(completeness >= 0 && completeness <= 1)) {
            throw new IllegalArgumentException("completeness " + completeness + " is not in 0..1");
        }
        if (yaml != null && !hasMetadata) {
            throw new IllegalArgumentException("yaml is given, but hasMetadata is false");
        }
        if (yaml == null ? yamlLine != 0 : yamlLine < 1) {
            throw new IllegalArgumentException("yamlLine " + yamlLine + (yaml == null ? " without yaml (0)" : " (1 or more)"));
        }
        if (bodyLine < 1) {
            throw new IllegalArgumentException("bodyLine " + bodyLine + " (1 or more)");
        }
        // a length check first: equal lengths leave one comparison of the body, cheap beside the parse that made it
        if (bodyOffset < 0 || bodyOffset > text.length() || text.length() - bodyOffset != body.length()
                || !text.startsWith(body, bodyOffset)) {
            throw new IllegalArgumentException("body is not the text from bodyOffset " + bodyOffset + " on");
        }
        evalResults = List.copyOf(evalResults);
        sections = List.copyOf(sections);
        links = List.copyOf(links);
        problems = List.copyOf(problems);
        extensions = List.copyOf(extensions);
    }

    /** A card without extensions. */
    public ModelCard(String id, String text, boolean hasMetadata, String yaml, int yamlLine, Metadata metadata,
                     String body, int bodyOffset, int bodyLine, List<EvalResult> evalResults, List<Section> sections,
                     List<Link> links, double completeness, List<Problem> problems) {
        this(id, text, hasMetadata, yaml, yamlLine, metadata, body, bodyOffset, bodyLine, evalResults, sections,
                links, completeness, problems, List.of());
    }

    /**
     * Parses a card with a parser of {@link CardParser#builder()}'s defaults. Never throws on bad input.
     * For many cards, or other vocabularies or extractors, build a {@link CardParser} and keep it.
     */
    public static ModelCard parse(String text) {
        return parse("", text);
    }

    /** Parses a card with the default parser, giving it an id. Never throws on bad input. */
    public static ModelCard parse(String id, String text) {
        return DefaultParser.PARSER.parse(id, text);
    }

    /** Parses the raw bytes of a card file; invalid UTF-8 is replaced and reported. */
    public static ModelCard parse(String id, byte[] utf8) {
        return DefaultParser.PARSER.parse(id, utf8);
    }

    /** The first value of this type an added {@link CardExtractor} found. */
    public <T> Optional<T> extension(Class<T> type) {
        for (Object e : extensions) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    /**
     * The body without the empty metadata block the card starts with: {@code ---} right above {@code ---} (after
     * blank lines) is no block by the Hub's rule, so those lines are the start of {@link #body()} until keys are written
     * between them ({@link CardEditor} writes them there), after which this is the body. Empty when the card has a
     * block or does not start so.
     */
    public Optional<String> bodyAfterEmptyBlock() {
        Matcher block = hasMetadata ? null : UnseenBlocks.emptyBlock(text);
        return block == null ? Optional.empty() : Optional.of(text.substring(block.end()));
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The parser behind the static {@code parse} conveniences, built on first use; not shared beyond them. */
    private static final class DefaultParser {
        static final CardParser PARSER = CardParser.builder().build();
    }
}
