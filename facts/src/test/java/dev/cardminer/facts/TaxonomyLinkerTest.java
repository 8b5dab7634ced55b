package dev.cardminer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyLinkerTest {

    private final TaxonomyLinker linker = TaxonomyLinker.defaults();

    @Test
    void curatedDatasetsAreKnownWithOrWithoutTheirOrg() {
        assertThat(linker.curated("bookcorpus")).extracting(TaxonomyLink::category).containsExactly("books/literary/fiction");
        assertThat(linker.curated("allenai/c4")).extracting(TaxonomyLink::category).containsExactly("web");
        assertThat(linker.curated("someone/cnn_dailymail")).extracting(TaxonomyLink::category).containsExactly("web/news");
        assertThat(linker.curated("bigcode/the-stack").get(0).evidence()).isEqualTo("curated table: GitHub source files");
        assertThat(linker.curated("org/unknown")).isEmpty();
    }

    @Test
    void unknownDatasetsAreLinkedFromTheirCardWithEvidence() throws Exception {
        var cardData = new ObjectMapper().readTree("{\"source_datasets\":[\"extended|wikipedia\"],\"tags\":[\"medical\"]}");

        List<TaxonomyLink> links = linker.link("org/med-wiki", cardData, List.of(),
                "Transcripts of podcasts about medicine.");

        assertThat(links).extracting(TaxonomyLink::category)
                .containsExactly("reference/encyclopedic", "specific_datasets/health", "media/podcasts");
        assertThat(links.get(0).confidence()).isEqualTo(0.8);
        assertThat(links.get(0).evidence()).contains("source_datasets names wikipedia");
        assertThat(links.get(2).confidence()).isEqualTo(0.6);
        assertThat(links.get(2).evidence()).isEqualTo("the card's description says \"podcasts\"");
    }

    @Test
    void aSpecificCategoryCoversItsParentAndSilenceGivesNothing() {
        List<TaxonomyLink> links = linker.link("org/n", null, List.of(), "Web pages of news articles crawled daily.");
        assertThat(links).extracting(TaxonomyLink::category).contains("web/news").doesNotContain("web");

        assertThat(linker.link("org/q", null, List.of(), "Numbers.")).isEmpty();
    }
}
