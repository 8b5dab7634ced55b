package dev.cardminer.core.internal;

import static dev.cardminer.core.CanonicalSection.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class BodyAnalyzerTest {

    private static final String CARD = """
            ---
            license: mit
            ---

            # my-model

            This model is a fine-tuned version of gpt2.

            ## Model description

            More information needed

            ## Intended uses & limitations

            ### Direct Use

            Chat with it.

            Setext title
            ------------

            ```
            ---
            # not a heading
            ```

              ### Indented heading ###
            """;

    @Test
    void sectionsHaveLevelsTitlesOffsetsAndCardLines() {
        ModelCard card = ModelCard.parse(CARD);
        List<Section> sections = card.sections();
        assertThat(sections).extracting(Section::title).containsExactly("my-model", "Model description",
                "Intended uses & limitations", "Direct Use", "Setext title", "Indented heading");
        assertThat(sections).extracting(Section::level).containsExactly(1, 2, 2, 3, 2, 3);
        assertThat(sections).extracting(Section::canonical)
                .containsExactly(null, MODEL_DESCRIPTION, USES, DIRECT_USE, null, null);
        // Lines count in the card file, metadata block included.
        assertThat(sections).extracting(Section::line).containsExactly(5, 9, 13, 15, 19, 27);
        String body = card.body();
        for (Section s : sections) {
            String at = body.substring(s.start());
            assertThat(at).startsWith(s.title().equals("Setext title") ? "Setext" : "#".repeat(s.level()) + " ");
            assertThat(card.text().substring(card.bodyOffset() + s.start())).startsWith(at.substring(0, 5));
        }
        // A section ends at the next heading of the same or a higher level.
        assertThat(sections.get(0).end()).isEqualTo(body.length());
        assertThat(sections.get(1).end()).isEqualTo(sections.get(2).start());
        assertThat(sections.get(2).end()).isEqualTo(sections.get(4).start());
        assertThat(sections.get(3).end()).isEqualTo(sections.get(4).start());
    }

    @Test
    void dashesAndHashesInsideCodeBlocksAreNoStructure() {
        ModelCard card = ModelCard.parse(CARD);
        assertThat(card.sections()).noneMatch(s -> s.title().contains("not a heading"));
        assertThat(card.hasMetadata()).isTrue();
        assertThat(card.body()).contains("# not a heading");
    }

    @Test
    void placeholderAndEmptyAreJudgedOnTheSectionsOwnText() {
        List<Section> sections = ModelCard.parse(CARD).sections();
        Section description = sections.get(1);
        Section uses = sections.get(2);
        Section direct = sections.get(3);
        assertThat(description.placeholder()).isTrue();
        assertThat(description.empty()).isFalse();
        assertThat(description.hasContent()).isFalse();
        // "Intended uses" has no text before its subsection: empty, although Direct Use has content.
        assertThat(uses.empty()).isTrue();
        assertThat(uses.placeholder()).isFalse();
        assertThat(direct.hasContent()).isTrue();
        assertThat(sections.get(0).hasContent()).isTrue();
    }

    @Test
    void crlfCardsGiveTheSameSectionsAndLines() {
        ModelCard lf = ModelCard.parse(CARD);
        ModelCard crlf = ModelCard.parse(CARD.replace("\n", "\r\n"));
        assertThat(crlf.sections()).extracting(Section::title).isEqualTo(lf.sections().stream().map(Section::title).toList());
        assertThat(crlf.sections()).extracting(Section::line).isEqualTo(lf.sections().stream().map(Section::line).toList());
        for (Section s : crlf.sections()) {
            assertThat(crlf.body().substring(s.start())).startsWith(s.title().equals("Setext title") ? "Setext" : "#");
        }
    }

    @Test
    void tablesShapeHeadingsAsInGfm() {
        // Rows then "---": a table and a rule for GFM, a setext heading for plain CommonMark.
        assertThat(ModelCard.parse("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n").sections())
                .extracting(Section::title).containsExactly("T");
        // A heading line with a pipe right after a row continues the table.
        assertThat(ModelCard.parse("# T\n\n| a | b |\n|---|---|\n## x | y\n\n## Real | one\n").sections())
                .extracting(Section::title).containsExactly("T", "Real | one");
        // Pipes without a table change nothing.
        assertThat(ModelCard.parse("a | b\n---\n\n## c | d\n").sections())
                .extracting(Section::title).containsExactly("a | b", "c | d");
    }

    @Test
    void headingsInsideQuotesAndListsAreNoSections() {
        ModelCard card = ModelCard.parse("# Title\n\n> ## Quoted\n\n- ## In a list\n\n## Real\n");
        assertThat(card.sections()).extracting(Section::title).containsExactly("Title", "Real");
    }

    @Test
    void titlesArePlainTextOfTheInlineContent() {
        ModelCard card = ModelCard.parse("## **Bold** `code` [link](https://example.com) ![img](x.png) &amp; \\*\n");
        assertThat(card.sections().get(0).title()).isEqualTo("Bold code link img & *");
    }

    @Test
    void emptyBodyIsReported() {
        ModelCard card = ModelCard.parse("---\nlicense: mit\n---\n\n  \n");
        assertThat(card.sections()).isEmpty();
        assertThat(card.completeness()).isZero();
        assertThat(card.problems()).filteredOn(p -> p.code().equals("empty-body")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the card has no text after the metadata block"));
        assertThat(ModelCard.parse("# T\ntext\n").problems()).extracting(Problem::code).doesNotContain("empty-body");
        // no block to be after: an empty file is said to be empty
        assertThat(ModelCard.parse(" \n").problems()).filteredOn(p -> p.code().equals("empty-body")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the card has no text"));
    }

    @Test
    void unclosedFenceIsReportedWhereItOpens() {
        ModelCard card = ModelCard.parse("---\na: 1\n---\n# T\n\n```python\nx = 1\n## Swallowed\n");
        assertThat(card.sections()).extracting(Section::title).containsExactly("T");
        assertThat(card.problems()).filteredOn(p -> p.code().equals("unclosed-code-fence"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.column()).isEqualTo(1);
                    assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                });
        assertThat(ModelCard.parse("```\nx\n```\n").problems()).extracting(Problem::code)
                .doesNotContain("unclosed-code-fence");
    }

    @Test
    void placeholderSectionsAreSummedUpInOneInfo() {
        ModelCard card = ModelCard.parse(CARD);
        assertThat(card.problems()).filteredOn(p -> p.code().equals("placeholder-sections"))
                .singleElement().satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(Problem.Severity.INFO);
                    assertThat(p.line()).isEqualTo(9);
                    assertThat(p.message()).contains("1 section", "Model description");
                });
    }

    @Test
    void theTemplatesTitleLeftAsItIsIsAWarningAtItsHeading() {
        ModelCard card = ModelCard.parse("---\nlicense: mit\n---\n\n# Model Card for Model ID\n\nA small model.\n");
        assertThat(card.problems()).filteredOn(p -> p.code().equals("placeholder-title")).singleElement()
                .satisfies(p -> {
                    assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.message()).isEqualTo("the heading is the template's title \"Model Card for Model ID\": "
                            + "name the model");
                });
        for (String named : List.of("# Model Card for acme/tiny-llm\n", "# Model ID\n", "Model Card for Model ID\n",
                "```\n# Model Card for Model ID\n```\n")) {
            assertThat(ModelCard.parse(named).problems()).as(named).extracting(Problem::code)
                    .doesNotContain("placeholder-title");
        }
    }

    @Test
    void theFullMarkdownTreeAgreesWithTheSectionOffsets() {
        ModelCard card = ModelCard.parse("---\na: 1\n---\n# Title\n\nSee [gpt2](https://huggingface.co/gpt2).\n");
        Node document = MarkdownParserFactory.create().parse(card.body());
        assertThat(document).isInstanceOf(Document.class);
        Node heading = document.getFirstChild();
        assertThat(heading).isInstanceOf(Heading.class);
        assertThat(heading.getSourceSpans().get(0).getInputIndex()).isEqualTo(card.sections().get(0).start());
        Node paragraph = heading.getNext();
        boolean hasLink = false;
        for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
            hasLink |= n instanceof Link;
        }
        assertThat(hasLink).isTrue();
    }

    @Test
    void aTenMegabyteSingleLineBodyCompletes() {
        // Hang guard: link scans, placeholder checks and the Markdown parse must stay linear.
        StringBuilder sb = new StringBuilder("# Title\n");
        String[] pieces = {"[a](", "https://huggingface.co/", "arXiv:", "github.com/x", "](/", "[", "]", ".co/",
            "{{", "eed ", "hf.co/datasets/", "<!--", " x ", "_", "*", " https://github.com/a/b "};
        int k = 0;
        while (sb.length() < 10_000_000) {
            sb.append(pieces[k++ % pieces.length]);
        }
        ModelCard card = ModelCard.parse(sb.toString());
        assertThat(card.sections()).hasSize(1);
        assertThat(card.links()).isNotEmpty();
        // One line longer than the body limit: the analysis stops inside it, where the problem says.
        assertThat(card.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("body-too-large");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(dev.cardminer.core.CardLimits.DEFAULTS.maxBodyChars() - 8 + 1);
        });
    }
}
