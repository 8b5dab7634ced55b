package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class BodyMarkdownTest {

    /** What a consumer of inlines would get from a full parse: commonmark with tables and every source span. */
    private static final Parser FULL = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private static final String EDGES = """
            # Title with *emphasis* and [a ref][r]
            Plain paragraph line with trailing spaces   \t
            second line of it  
            third after a hard break

            | model | score | note |
            |---|---:|---|
            | plain cell | 0.91 | see [r] |
            |   padded   | `code` | a & b |

            Setext plain
            ------------

            - list item with [link](https://example.org) and text
              > quoted paragraph, plain
              > # nested heading with _em_

            Escaped \\* star, entity &amp; and <b>html</b>; www.example.org

            snake_case, foo__bar and a_b_c stay text. Wow! Done!

            Some _emphasis_ here, a_b_ and x_ _y

            _lead only and trail_

            Last word before a link!
            [link](https://example.org) and ![image](i.png), 5_000_000 steps_  \s

            See [the docs](https://example.org/a_b?x=1#y) and `code_span` then [two](/x) `a` b.
            Next [line](u) ends with `code`
            [lead](x) and `[not a link](y)` and [a](b)[c](d)`e``f` and ``double`` and ` spaced ` end
            [empty]() and [](empty) and [t](d "title") and [t]( d ) and ![img](i) and [x](<y>) and [a\\b](c)
            [links [nested](x)](y) and [ref] and [ref][] and [text](url)  \s
            trailing `code`\s
             lead space [a](b)

            **Developed by:** someone and *this* or **that** and **a*b** and *a **b** c* and ***x*** and **y**z
            **nbsp\u00a0** and ** spaced ** and *one* *two*, **open and close** **done.** and **x**,

            *Model type:* text **bold** [l](u) `c`

            | cell_name | wow! | x_ |
            |---|---|---|
            | [link](https://example.org) | `code` | a [b](c) `d` e |
            | `a`b | [x](y)z | [r] |

            [r]: https://example.org/r

            | cell_name | wow! | x_ |
            |---|---|---|
            | a__b | !not | _c |

            \tindented code is no paragraph

            [r]: https://example.org/ref "Title"
            Last line   \s
            """;

    @Test
    void blocksAskedForTheirInlinesAreThoseOfAFullParse() throws IOException {
        Parser deferred = BodyMarkdown.parser();
        List<String> bodies = new ArrayList<>(List.of(EDGES, "", "   ", "one line", "a\tb \t", "x\n\ny  "));
        try (Stream<Path> files = Files.walk(SharedData.corpusCards())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                bodies.add(ModelCard.parse(Files.readString(p, StandardCharsets.UTF_8)).body());
            }
        }
        assertThat(bodies).hasSizeGreaterThan(400);
        for (String body : bodies) {
            BodyMarkdown markdown = BodyMarkdown.parse(deferred, body);
            assertThat(dump(markdown, markdown.document())).as(body.length() > 80 ? body.substring(0, 80) : body)
                    .isEqualTo(dump(null, FULL.parse(body)));
        }
    }

    @Test
    void headingsHaveTheirInlinesAndParagraphsWaitForThem() {
        BodyMarkdown markdown = BodyMarkdown.parse(BodyMarkdown.parser(), "# A *b*\n\nsome *text*\n");
        Node heading = markdown.document().getFirstChild();
        assertThat(heading).isInstanceOf(Heading.class);
        assertThat(heading.getFirstChild()).isInstanceOf(Text.class);
        Node paragraph = heading.getNext();
        assertThat(paragraph).isInstanceOf(Paragraph.class);
        assertThat(paragraph.getFirstChild()).isNotInstanceOf(Text.class);
        assertThat(((Text) markdown.inlines(paragraph).getFirstChild()).getLiteral()).isEqualTo("some ");
        assertThat(markdown.inlines(paragraph).getFirstChild()).isInstanceOf(Text.class); // asked again: the same
    }

    @Test
    void anExtractorInHandGetsTheTreeTheSectionsWereReadFrom() {
        String card = "---\nlicense: mit\n---\n# Model\n\nIt is *good*.\n";
        List<Optional<BodyMarkdown>> seen = new ArrayList<>();
        ModelCard parsed = CardParser.builder().build().parse("a/b", card, (in, out) -> seen.add(in.markdown()));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).isPresent();
        assertThat(seen.get(0).get().text()).isEqualTo(parsed.body());
        assertThat(parsed.sections()).extracting(Section::title).containsExactly("Model");

        seen.clear();
        CardParser.builder().disable(CardParser.BuiltIn.SECTIONS).build()
                .parse("a/b", card.getBytes(StandardCharsets.UTF_8), (in, out) -> seen.add(in.markdown()));
        assertThat(seen).containsExactly(Optional.empty());
    }

    /** The tree as text: node types, literals, destinations and source spans; every block's inlines asked for. */
    private static String dump(BodyMarkdown markdown, Node node) {
        StringBuilder out = new StringBuilder();
        dump(markdown, node, 0, out);
        return out.toString();
    }

    private static void dump(BodyMarkdown markdown, Node node, int depth, StringBuilder out) {
        if (markdown != null) {
            markdown.inlines(node);
        }
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName());
        switch (node) {
            case Text t -> out.append(" '").append(t.getLiteral()).append('\'');
            case Code c -> out.append(" `").append(c.getLiteral()).append('`');
            case Link l -> out.append(" -> ").append(l.getDestination()).append(" \"").append(l.getTitle()).append('"');
            case Emphasis e -> out.append(' ').append(e.getOpeningDelimiter()).append(e.getClosingDelimiter());
            case StrongEmphasis e -> out.append(' ').append(e.getOpeningDelimiter()).append(e.getClosingDelimiter());
            default -> {
            }
        }
        for (SourceSpan s : node.getSourceSpans()) {
            out.append(' ').append(s.getLineIndex()).append(':').append(s.getColumnIndex()).append('@')
                    .append(s.getInputIndex()).append('+').append(s.getLength());
        }
        out.append('\n');
        for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
            dump(markdown, c, depth + 1, out);
        }
    }
}
