package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PullRequestTest {

    private static final String HOSTILE = "Fine-tuned from [acme/base-1](https://huggingface.co/acme/base-1) <script>alert(1)</script> @everyone ```` \u001b[31mred\u001b[0m";

    private static Patch patch() {
        ModelCard card = ModelCard.parse("me/m", "# m\n\n" + HOSTILE + "\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("base_model")).build().suggest(card).suggestions();
        assertThat(found).isNotEmpty();
        return new CardPatcher().patch(card, found);
    }

    @Test
    void aQuantizedReuploadSaysWhyNotOnlyWhereTheOriginalWasFound() {
        String readme = "---\nlicense: other\nlicense_link: https://huggingface.co/acme/Lm-7B/blob/main/LICENSE\n---\n\n"
                + "# Lm-7B GGUF\n\nFiles for llama.cpp.\n";
        ModelCard card = ModelCard.parse("someone/Lm-7B-GGUF", readme);
        List<Suggestion> found = Suggester.builder().fields(List.of("base_model", "base_model_relation")).build()
                .suggest(card).suggestions();
        assertThat(found).extracting(Suggestion::method).containsOnly("quantized-repo-name");
        String description = PullRequestTexts.draft("someone/Lm-7B-GGUF", new CardPatcher().patch(card, found, "Lm-7B-GGUF"),
                readme).description();
        assertThat(description).contains("`base_model` = `acme/Lm-7B`", "`base_model_relation` = `quantized`",
                "**Why:** this repository's name is a model's name with a quantization suffix");
        assertThat(description.split("\\*\\*Why:\\*\\*", -1)).hasSize(2);   // said once for the quote both values share
    }

    @Test
    void anEmptyBlockFilledIsSaidSoNotThatTheTextIsUntouched() {
        String readme = "---\n---\n\n# Weights\n\nThe weights are released under the MIT license.\n";
        ModelCard card = ModelCard.parse("me/m", readme);
        Patch patch = new CardPatcher().patch(card, Suggester.builder().build().suggest(card).suggestions(), "m");
        assertThat(patch.patched()).startsWith("---\nlicense: mit\n---\n");
        String description = PullRequestTexts.draft("me/m", patch, readme).description();
        assertThat(description).contains("The two `---` lines at the top of the card, which the Hub showed as horizontal"
                + " rules because nothing was between them, now hold the metadata.").doesNotContain("and the card's text is untouched");

        String withBlock = "---\ntags: [a]\n---\n\n# Weights\n\nThe weights are released under the MIT license.\n";
        ModelCard other = ModelCard.parse("me/m", withBlock);
        Patch usual = new CardPatcher().patch(other, Suggester.builder().build().suggest(other).suggestions(), "m");
        assertThat(PullRequestTexts.draft("me/m", usual, withBlock).description()).contains("and the card's text is untouched")
                .doesNotContain("horizontal rules");
    }

    @Test
    void descriptionSaysWhatWhyHowAndHowToDeclineWithTheEvidenceFenced() {
        PullRequestDraft d = PullRequestTexts.draft("me/m", patch());
        assertThat(d.title()).isEqualTo("[cardminer] Add base_model to the model card metadata");
        assertThat(d.description()).contains("## What is added", "`base_model`: `acme/base-1`", "## Evidence", "from line 3 of the card",
                "## How it was found", "rule `finetuned-from`", "## If this is wrong", "Close this pull request");
        // which tool, and where its rules are described
        assertThat(d.description()).contains("opened with cardminer", "by the account shown as its author");
        // The evidence sits in a fence longer than the card's own backtick run; no terminal escapes survive.
        assertThat(d.description()).contains("`````text\n").doesNotContain("\u001b");
        assertThat(d.diff()).contains("+base_model: acme/base-1");
    }

    @Test
    void conflictsAreListedAsNotChangedWithTheHostileTextEscaped() {
        // The YAML's licence is a hostile multi-line value; the text states another licence.
        String text = "---\nlicense: \"mit`` <b>x</b>\\n@everyone\\u001b[31m\"\n---\n# m\n\n" + HOSTILE + "\n\n"
                + "The weights are released under the Apache 2.0 license. ```` <img src=x> @someone\n";
        ModelCard card = ModelCard.parse("me/m", text);
        CardSuggestions found = Suggester.builder().fields(List.of("base_model", "license")).build().suggest(card);
        assertThat(found.conflicts()).extracting(Conflict::field).containsExactly("license");
        Patch patch = new CardPatcher().patch(card, found.suggestions());
        String description = PullRequestTexts.draft("me/m", patch, text, found.conflicts()).description();
        String notChanged = description.substring(description.indexOf("## Not changed"), description.indexOf("## How it was found"));
        assertThat(notChanged).contains("leaves the YAML as it is")
                .contains("- `license`: the YAML says `mit <b>x</b> @everyone[31m`, the text says `apache-2.0` (line 8 of the card):")
                .contains("  `````text\n  The weights are released under the Apache 2.0 license. ```` <img src=x> @someone\n  `````\n")
                .doesNotContain("\u001b");
        // each list item is one line: the YAML's line break is a space in it
        assertThat(notChanged.lines().filter(l -> l.startsWith("- "))).hasSize(1);
        assertThat(PullRequestTexts.inline(List.of("a", Map.of("k", 1)))).isEqualTo("`[\"a\",{\"k\":1}]`");
        // old-Mac line ends are spaces too; a long value is cut between characters, not inside one
        assertThat(PullRequestTexts.inline("MIT\rlicence\u0085x")).isEqualTo("`MIT licence x`");
        String cut = PullRequestTexts.inline("a".repeat(199) + "\uD83D\uDE00" + "b".repeat(50));
        assertThat(cut).isEqualTo("`" + "a".repeat(199) + "…`");
        // a value read from the repository's name is not what "the text says"
        Conflict fromName = new Conflict("language", "german",
                new Suggestion("language", "de", new Evidence("me/bert-german", 0, 0, -1, -1), 0.8, "language-in-id"));
        String named = PullRequestTexts.draft("me/m", patch, text, List.of(fromName)).description();
        assertThat(named).contains("- `language`: the YAML says `german`, the repository's name suggests `de` (read as `me/bert-german`)\n")
                .contains("the card's text (or the repository's name, or another metadata key) says")
                .doesNotContain("the text says `de`");
        // no conflicts, no such part
        assertThat(PullRequestTexts.draft("me/m", patch(), null, List.of()).description()).doesNotContain("Not changed");
    }

    @Test
    void aLicenceTakenFromTheBaseModelIsMarkedImpliedNotStated() {
        ModelCard card = ModelCard.parse("me/ft", "# ft\n\nThis model is a fine-tuned version of "
                + "[bert-base-uncased](https://huggingface.co/bert-base-uncased) on an unknown dataset.\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("license")).build().suggest(card).suggestions();
        assertThat(found).extracting(Suggestion::method).contains("trainer-base-license");
        String description = PullRequestTexts.draft("me/ft", new CardPatcher().patch(card, found)).description();
        assertThat(description).contains("states or implies", "**Implied, not stated:** the card names its base model")
                .contains("Please check this value before merging.");
        // A stated value is not marked.
        assertThat(PullRequestTexts.draft("me/m", patch()).description()).doesNotContain("Implied", "implies");
    }

    @Test
    void valuesOfOneLineShareOneQuoteAndResultsSayTheirDataset() {
        ModelCard card = ModelCard.parse("me/ft", "# ft\n\nThis model is a fine-tuned version of "
                + "[bert-base-uncased](https://huggingface.co/bert-base-uncased) on the tweets_small dataset.\n"
                + "It achieves the following results on the evaluation set:\n- Loss: 0.3\n- Accuracy: 0.91\n\n"
                + "```python\nfrom transformers import AutoModelForSequenceClassification\n```\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("base_model", "language", "model-index")).build().suggest(card).suggestions();
        assertThat(found).extracting(Suggestion::field).contains("base_model", "language", "model-index");
        String description = PullRequestTexts.draft("me/ft", new CardPatcher().patch(card, found)).description();
        String evidence = description.substring(description.indexOf("## Evidence"), description.indexOf("## How it was found"));
        // the Trainer's sentence is quoted once, for the base model and the language read from it
        assertThat(evidence).contains("`base_model` = `bert-base-uncased`, `language` = `en`, from line 3 of the card:");
        assertThat(evidence.split("This model is a fine-tuned version", -1)).hasSize(2);
        // the implied value is named when it shares the quote with a stated one
        assertThat(evidence).contains("**Implied, not stated (`language`):**");
        // a result says what it was measured on
        assertThat(description).contains("`tweets_small: accuracy = 0.91`");
    }

    @Test
    void aValueFromTheRepoNameIsNotCalledStatedByTheText() {
        ModelCard card = ModelCard.parse("someone/distilbert-base-uncased-finetuned-ner", "# m\n\nWeights.\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("pipeline_tag")).build().suggest(card).suggestions();
        assertThat(found).singleElement().satisfies(s -> assertThat(s.evidence().line()).isZero());
        String description = PullRequestTexts.draft(card.id(), new CardPatcher().patch(card, found)).description();
        assertThat(description).contains("own text or the repository's name already", "from the repository's name");
        assertThat(PullRequestTexts.draft("me/m", patch()).description()).doesNotContain("repository's name");
    }

    @Test
    void aValueReadFromAnotherKeyIsShownAsCardminersReadingNotAsAQuote() {
        // tags hold the task; the header's tags are a list, so "tags: image-classification" is no line of the card
        ModelCard card = ModelCard.parse("me/vit", "---\ntags:\n- image-classification\n- vision\n---\n# m\n\nWeights.\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("pipeline_tag")).build().suggest(card).suggestions();
        assertThat(found).singleElement().satisfies(s -> assertThat(s.evidence().start()).isNegative());
        String description = PullRequestTexts.draft(card.id(), new CardPatcher().patch(card, found)).description();
        String evidence = description.substring(description.indexOf("## Evidence"), description.indexOf("## How it was found"));
        assertThat(description).contains("own text or another key of its YAML header already");
        assertThat(evidence).contains("from the card's YAML header (read as `").doesNotContain("```");
        assertThat(PullRequestTexts.draft("me/m", patch()).description()).doesNotContain("YAML header already");
    }

    @Test
    void dryRunWritesTitleDescriptionAndDiff(@TempDir Path dir) throws IOException {
        Path folder = new DryRunWriter(dir).write(PullRequestTexts.draft("me/m", patch()));
        assertThat(folder).isEqualTo(dir.resolve("me__m"));
        assertThat(Files.readString(folder.resolve("pr-title.txt"))).startsWith("[cardminer] ");
        assertThat(Files.readString(folder.resolve("pr-description.md"))).contains("## Evidence");
        assertThat(Files.readString(folder.resolve("README.md.diff"))).startsWith("--- a/README.md");
        assertThat(DryRunWriter.folder(dir, "..")).isEqualTo(dir.resolve("_.."));
    }

    /** An in-memory Hub that records calls; the HTTP protocol is the hub module's (tested there). */
    private static final class RecordingHub implements PullRequestHub {
        final Map<String, List<ExistingPullRequest>> existing;
        final String rateLimitedOn;
        final List<String> opened = new ArrayList<>();
        final List<String> parents = new ArrayList<>();

        RecordingHub(Map<String, List<ExistingPullRequest>> existing, String rateLimitedOn) {
            this.existing = existing;
            this.rateLimitedOn = rateLimitedOn;
        }

        @Override
        public Head head(String repo) {
            return new Head("b".repeat(40), null);
        }

        @Override
        public List<ExistingPullRequest> discussions(String repo) {
            return existing.getOrDefault(repo, List.of());
        }

        @Override
        public String openPullRequest(String repo, String parentCommit, String title, String description, String path,
                                      byte[] content) throws IOException {
            if (repo.equals(rateLimitedOn)) {
                throw new RateLimitedException("429 Too Many Requests");
            }
            assertThat(path).isEqualTo("README.md");
            assertThat(new String(content, StandardCharsets.UTF_8)).contains("base_model: acme/base-1");
            opened.add(repo);
            parents.add(parentCommit);
            return "https://hub.test/" + repo + "/discussions/1";
        }
    }

    @Test
    void runSkipsReposWithACardminerPullRequestAndStopsAtARateLimit() {
        PullRequestDraft d = PullRequestTexts.draft("me/m", patch());
        List<PullRequestDraft> drafts = List.of(d, with(d, "a/declined"), with(d, "a/other-pr"), with(d, "a/limited"), with(d, "a/later"));
        RecordingHub hub = new RecordingHub(Map.of(
                "a/declined", List.of(new PullRequestHub.ExistingPullRequest("[cardminer] Add license", "closed", true)),
                "a/other-pr", List.of(new PullRequestHub.ExistingPullRequest("Fix typo", "open", true))), "a/limited");
        List<PullRequestRun.Outcome> outcomes = new PullRequestRun(hub).open(drafts, Map.of("me/m", "abc123"));
        assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.OPENED,
                PullRequestRun.Status.SKIPPED_EXISTING, PullRequestRun.Status.OPENED, PullRequestRun.Status.RATE_LIMITED,
                PullRequestRun.Status.NOT_TRIED);
        assertThat(hub.opened).containsExactly("me/m", "a/other-pr");
        // me/m's revision was known; a/other-pr's was read from the Hub (its head) before committing.
        assertThat(hub.parents).containsExactly("abc123", "b".repeat(40));
    }

    private static PullRequestDraft with(PullRequestDraft d, String repo) {
        return new PullRequestDraft(repo, d.title(), d.description(), d.diff(), d.patchedReadme());
    }
}
