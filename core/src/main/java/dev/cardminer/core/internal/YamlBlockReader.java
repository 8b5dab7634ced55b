package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a metadata block's YAML with YAML 1.2 core-schema semantics into plain Java data:
 * snakeyaml-engine's parser produces events, {@link YamlTreeBuilder} turns them into data. Every
 * failure becomes a located problem; nothing is thrown. Thread-safe: the settings are built once.
 */
public final class YamlBlockReader {

    /**
     * The largest block read, in code points. The largest real card known is a 28.9 MB README that is
     * almost all model-index; 64 Mi leaves room above it while bounding one card's memory. Measured on a
     * synthetic 29 MB model-index (98k results): about 2 s of CPU, about 9 bytes of retained heap per
     * byte of YAML, plus the parser's transient buffers (a char and an int per character).
     */
    public static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    /**
     * Parsers by input buffer size, 4 Ki to 4 Mi chars in powers of 4. snakeyaml-engine grows its
     * window by copying it once per buffer read, which is quadratic in a token longer than the buffer
     * (a 10 MB line took seconds with the default 1 Ki buffer); a buffer of the block's size avoids that,
     * picking it by block size keeps small cards from allocating large buffers, and the 4 Mi cap keeps a
     * 30 MB block from holding 180 MB of buffers (an int and a char per character) while a 30 MB token
     * costs only about eight window copies.
     */
    private final Parse[] parsers = new Parse[6];

    /** Whether blocks of the simple shape are read without snakeyaml ({@link SimpleYamlEvents}). */
    private final boolean simplePath;

    public YamlBlockReader() {
        this(true);
    }

    /** With {@code simplePath} false every block goes through snakeyaml (tests compare both ways). */
    YamlBlockReader(boolean simplePath) {
        this.simplePath = simplePath;
        for (int i = 0; i < parsers.length; i++) {
            LoadSettings settings = LoadSettings.builder()
                    .setSchema(new CoreSchema())
                    .setCodePointLimit(MAX_CODE_POINTS)
                    .setBufferSize(bufferSize(i))
                    .setParseComments(false)
                    .setUseMarks(true)
                    .setLabel("metadata")
                    .build();
            parsers[i] = new Parse(settings);
        }
    }

    private static int bufferSize(int i) {
        return 4096 << (2 * i);
    }

    private Parse parserFor(int length) {
        int i = 0;
        while (i < parsers.length - 1 && bufferSize(i) <= length) {
            i++;
        }
        return parsers[i];
    }

    /**
     * @param yaml      the block's text
     * @param firstLine 1-based line of the block's first line in the card file
     * @param problems  where problems go
     * @return the document; its mapping is null when the block could not be read or is not a mapping,
     *         empty for an empty block
     */
    public YamlDocument read(String yaml, int firstLine, List<Problem> problems) {
        YamlTreeBuilder builder = new YamlTreeBuilder(yaml, firstLine, problems);
        if (yaml.length() > MAX_CODE_POINTS && yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
            problems.add(Problem.error("yaml-too-large", "the metadata block has more than " + MAX_CODE_POINTS
                    + " characters and is not read", firstLine, 1));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        }
        try {
            if (!simplePath || !SimpleYamlEvents.readIfSimple(yaml, builder::event)) {
                YamlEscapes escapes = YamlEscapes.prepare(yaml);
                for (Event e : parserFor(yaml.length()).parseString(escapes.text())) {
                    if (!builder.event(escapes.fix(e))) {
                        break;
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            YamlLocations.Location at = m == null ? builder.locations().blockStart()
                    : builder.locations().location(YamlLocations.pack(m.getLine(), m.getColumn()));
            String context = e.getContext();
            // An unclosed [ or { is only noticed lines later: say where it opened, as the line to fix is there
            Mark opened = e.getContextMark().orElse(null);
            String where = "";
            if (opened != null && m != null && opened.getLine() != m.getLine()) {
                YamlLocations.Location o = builder.locations().location(YamlLocations.pack(opened.getLine(), opened.getColumn()));
                where = " (begun at line " + o.line() + ", column " + o.column() + ")";
            }
            String problem = oneLine(e.getProblem());
            String message = problem.contains("\\t(TAB)")
                    // snakeyaml's "found character '\t(TAB)' that cannot start any token": said for a card's author
                    ? "a tab where YAML allows only spaces (to indent, before a value or after a quoted one): "
                    + "write spaces instead"
                    : (context == null || context.isEmpty() ? "" : context + where + ": ") + problem
                    + (m == null ? "" : YamlErrorHints.hint(problem, context, yaml, m.getLine(), m.getColumn()));
            problems.add(Problem.error("yaml-syntax", "invalid YAML: " + message, at.line(), at.column()));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        } catch (ReaderException e) {
            YamlLocations.Location at = locate(yaml, e.getPosition(), firstLine);
            problems.add(Problem.error("yaml-syntax", String.format("invalid YAML: the character U+%04X is not"
                    + " allowed in YAML", e.getCodePoint()), at.line(), at.column()));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        } catch (YamlEngineException e) {
            problems.add(Problem.error("yaml-syntax", "invalid YAML: " + oneLine(e.getMessage()), firstLine, 1));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of the YAML library on some input must not stop a corpus run.
            problems.add(Problem.error("yaml-syntax", "the YAML reader failed: " + e.getClass().getSimpleName(),
                    firstLine, 1));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        }
        if (builder.failed()) {
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        }
        builder.checkTabsForYaml11();
        Object root = builder.root();
        if (root == null) {
            return new YamlDocument(Map.of(), builder.locations(), List.of(), false, -1);
        }
        if (!(root instanceof Map<?, ?> map)) {
            YamlLocations.Location at = builder.locations().location(builder.rootMark());
            problems.add(Problem.error("yaml-not-mapping", "the metadata block should be a mapping of keys to"
                    + " values, but it is " + (root instanceof List ? "a list" : "a single value")
                    + " (the Python client: \"metadata block should be a dict\")", at.line(), at.column()));
            return new YamlDocument(null, builder.locations(), List.of(), false, -1);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> mapping = (Map<String, Object>) map;
        return new YamlDocument(mapping, builder.locations(), List.copyOf(builder.entries()), builder.flowRoot(),
                (int) (builder.rootMark() >>> 32), builder.rootEnd());
    }

    /** The card position of a code point index of the block. */
    private static YamlLocations.Location locate(String yaml, int codePoint, int firstLine) {
        int offset;
        try {
            offset = yaml.offsetByCodePoints(0, Math.max(0, codePoint));
        } catch (IndexOutOfBoundsException e) {
            offset = yaml.length();
        }
        LineIndex index = new LineIndex(yaml);
        return new YamlLocations.Location(firstLine + index.line(offset) - 1, index.column(offset));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').strip();
    }
}
