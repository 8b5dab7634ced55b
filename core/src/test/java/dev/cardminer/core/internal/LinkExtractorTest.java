package dev.cardminer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.Link;
import dev.cardminer.core.Link.Kind;
import dev.cardminer.core.ModelCard;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinkExtractorTest {

    private static List<Link> links(String body) {
        return new LinkExtractor().extract(body, new LineIndex(body), 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "https://huggingface.co/facebook/bart-large MODEL facebook/bart-large",
        "http://www.huggingface.co/facebook/bart-large/tree/main MODEL facebook/bart-large",
        "https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf MODEL TheBloke/Llama-2-7B-GGUF",
        "https://huggingface.co/bert-base-uncased MODEL bert-base-uncased",
        "https://huggingface.co/gpt2/blob/main/config.json MODEL gpt2",
        "huggingface.co/datasets/squad DATASET squad",
        "https://huggingface.co/datasets/squad/viewer DATASET squad",
        "https://huggingface.co/datasets/allenai/c4?row=2 DATASET allenai/c4",
        "https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard SPACE HuggingFaceH4/open_llm_leaderboard",
        "https://hf.co/mistralai/Mistral-7B-v0.1 MODEL mistralai/Mistral-7B-v0.1",
        "hf.co/datasets/open-llm-leaderboard/details_x DATASET open-llm-leaderboard/details_x",
        "https://HuggingFace.co/org/name MODEL org/name",
        "https://huggingface.co/papers/2106.09685 ARXIV 2106.09685",
        "https://arxiv.org/abs/2106.09685 ARXIV 2106.09685",
        "https://arxiv.org/abs/2106.09685v2 ARXIV 2106.09685",
        "https://arxiv.org/pdf/2110.10404.pdf ARXIV 2110.10404",
        "http://arxiv.org/abs/hep-th/9901001v1 ARXIV hep-th/9901001",
        "arXiv:2106.09685 ARXIV 2106.09685",
        "ArXiv:1910.09700v3 ARXIV 1910.09700",
        "arxiv:cs/0112017 ARXIV cs/0112017",
        "https://github.com/huggingface/transformers GITHUB huggingface/transformers",
        "https://github.com/ggerganov/llama.cpp/blob/master/README.md GITHUB ggerganov/llama.cpp",
        "https://www.github.com/org/repo.git GITHUB org/repo",
        "git+https://github.com/HazyResearch/flash-attention.git@v2.1.1#subdirectory=csrc GITHUB HazyResearch/flash-attention",
        "git@github.com:Camb-ai/mars5-tts.git GITHUB Camb-ai/mars5-tts",
        "github.com/owner/repo#readme GITHUB owner/repo"})
    void eachKindIsNormalised(String text, Kind kind, String target) {
        String body = "see " + text + ", thanks";
        List<Link> found = links(body);
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(kind);
            assertThat(l.target()).isEqualTo(target);
            assertThat(l.line()).isEqualTo(1);
            // The text is the whole reference as written, from the scheme on ("git+" is no part of it).
            assertThat(text).endsWith(l.text());
            assertThat(l.column()).isEqualTo(body.indexOf(l.text()) + 1);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://huggingface.co/docs/transformers/index",
        "https://huggingface.co/blog/rlhf",
        "https://huggingface.co/models?search=llama",
        "https://huggingface.co/TheBloke",
        "https://huggingface.co/spaces",
        "https://huggingface.co/papers",
        "https://cdn-uploads.huggingface.co/production/uploads/a.png",
        "https://api-inference.huggingface.co/models/gpt2",
        "https://github.com/huggingface",
        "https://github.com/orgs/huggingface/repositories",
        "https://gist.github.com/user/abcdef",
        "https://img.shields.io/badge/arXiv-2106.09685-b31b1b.svg",
        "https://arxiv.org/list/cs.CL/recent",
        "arXiv:12345",
        "someone@github.com",
        "xarxiv:2106.09685",
        "https://huggingface.co/"})
    void nonRepositoryPathsAreIgnored(String text) {
        assertThat(links("see " + text + " here")).isEmpty();
    }

    @Test
    void aUrlAsLinkTextAndDestinationCountsOnceAtTheDestination() {
        String body = "[https://github.com/a/b](https://github.com/a/b) and [arXiv:2106.09685](https://arxiv.org/abs/2106.09685)";
        List<Link> found = links(body);
        assertThat(found).extracting(Link::kind).containsExactly(Kind.GITHUB, Kind.ARXIV);
        assertThat(found.get(0).column()).isEqualTo(body.indexOf("(https://github.com") + 2);
        assertThat(found.get(1).column()).isEqualTo(body.indexOf("(https://arxiv") + 2);
        assertThat(found.get(1).text()).isEqualTo("https://arxiv.org/abs/2106.09685");
    }

    @Test
    void differentTargetsInTextAndDestinationAreBothKept() {
        List<Link> found = links("[facebook/bart-large](https://huggingface.co/facebook/bart-base) "
                + "[see https://github.com/a/b](https://github.com/c/d)");
        assertThat(found).extracting(Link::target).containsExactly("facebook/bart-base", "a/b", "c/d");
    }

    @Test
    void everyOccurrenceIsReported() {
        List<Link> found = links("https://github.com/a/b\nhttps://github.com/a/b\n<https://github.com/a/b>");
        assertThat(found).extracting(Link::line).containsExactly(1, 2, 3);
        assertThat(found).extracting(Link::column).containsExactly(1, 1, 2);
    }

    @Test
    void siteAbsoluteLinkDestinationsAreHubIds() {
        List<Link> found = links("[base](/google/flan-t5-base) [data](/datasets/imdb) [docs](/docs/hub) [file](./config.json)");
        assertThat(found).extracting(Link::kind).containsExactly(Kind.MODEL, Kind.DATASET);
        assertThat(found).extracting(Link::target).containsExactly("google/flan-t5-base", "imdb");
        assertThat(found).extracting(Link::text).containsExactly("/google/flan-t5-base", "/datasets/imdb");
    }

    @Test
    void trailingPunctuationAndMarkupEndTheUrl() {
        List<Link> found = links("(see https://huggingface.co/org/name). **https://github.com/a/b**, `hf.co/x/y`");
        assertThat(found).extracting(Link::text)
                .containsExactly("https://huggingface.co/org/name", "https://github.com/a/b", "hf.co/x/y");
    }

    @Test
    void locationsAreInTheCardFileAlsoWithCrlf() {
        String card = "---\r\nlicense: mit\r\n---\r\n# T\r\n\r\nBased on [x](https://huggingface.co/org/x)\r\n"
                + "\tarXiv:2106.09685 and github.com/o/r\r\n";
        ModelCard parsed = ModelCard.parse(card);
        assertThat(parsed.links()).extracting(Link::line).containsExactly(6, 7, 7);
        assertThat(parsed.links()).extracting(Link::column).containsExactly(14, 2, 23);
        for (Link l : parsed.links()) {
            String line = card.split("\r\n", -1)[l.line() - 1];
            assertThat(line.substring(l.column() - 1)).startsWith(l.text());
        }
    }

    @Test
    void locationsCountUtf16UnitsAfterNonAsciiText() {
        List<Link> found = links("🤗 Modèle: https://github.com/a/b");
        assertThat(found.get(0).column()).isEqualTo("🤗 Modèle: ".length() + 1);
    }
}
