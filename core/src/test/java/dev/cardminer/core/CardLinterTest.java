package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardLinterTest {

    private final CardLinter linter = new CardLinter();

    private List<String> codes(String text) {
        return linter.check(ModelCard.parse("org/m", text)).stream().map(Problem::code).toList();
    }

    @Test
    void recommendedKeysAreWarningsAtTheBlockWithTheirPath() {
        List<Problem> problems = linter.check(ModelCard.parse("x", "---\ntags: [a]\n---\n# x\n"));
        Problem license = problems.stream().filter(p -> p.code().equals("missing-license")).findFirst().orElseThrow();
        assertThat(license.severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(license.line()).isEqualTo(1);
        assertThat(license.path()).isEqualTo("license");
        assertThat(problems).extracting(Problem::code).contains("missing-pipeline-tag", "missing-library-name")
                .doesNotContain("missing-language", "missing-base-model");
    }

    @Test
    void languageOnlyForLanguageTasksAndBaseModelOnlyForFineTunes() {
        assertThat(codes("---\npipeline_tag: image-classification\n---\n# x\n")).doesNotContain("missing-language");
        assertThat(codes("---\npipeline_tag: translation\n---\n# x\n")).contains("missing-language");
        assertThat(codes("---\nlicense: mit\n---\nThis model is a fine-tuned version of bert.\n"))
                .contains("missing-base-model");
        assertThat(codes("---\nbase_model: bert-base-uncased\n---\nThis model is a fine-tuned version of bert.\n"))
                .doesNotContain("missing-base-model");
    }

    @Test
    void anUnreadableBlockGetsNoKeyWarningsOnTopOfItsError() {
        assertThat(codes("---\nlicense: [x\n---\n# x\n")).contains("yaml-syntax").doesNotContain("missing-license",
                "empty-metadata");
    }

    @Test
    void sectionsInASubsectionCountForTheirParent() {
        String card = "---\nlicense: mit\n---\n# M\n\n## Training Details\n\n### Training Data\n\nReviews.\n";
        assertThat(linter.check(ModelCard.parse(card)).stream().filter(p -> p.code().equals("missing-section"))
                .map(Problem::message).toList()).noneMatch(m -> m.contains("Training Details"))
                .anyMatch(m -> m.contains("'Evaluation'"));
    }

    @Test
    void problemsComeInLineOrder() {
        List<Problem> problems = linter.check(ModelCard.parse("---\nlicense: [x\n---\n# x\n\n## Uses\n\n"
                + "[More Information Needed]\n"));
        assertThat(problems).isSortedAccordingTo((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
    }
}
