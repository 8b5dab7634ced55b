package dev.cardminer.classify.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.classify.CardText;
import dev.cardminer.classify.Classification;
import dev.cardminer.classify.EmbeddingClassifier;
import dev.cardminer.classify.LabelSet;
import dev.cardminer.core.ModelCard;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model loads from the Maven artifact and embeds with no network: the test JVM runs with every
 * proxy pointed at a closed local port (see the pom's surefire argLine), so any download would fail.
 */
class MiniLmEmbedderTest {

    static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void networkIsClosedForThisJvm() {
        assertThat(System.getProperty("https.proxyHost")).isEqualTo("127.0.0.1");
        assertThat(System.getProperty("https.proxyPort")).isEqualTo("9");
    }

    @Test
    void similarSentencesScoreHigherThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of(
                "The cat sits on the mat.",
                "A kitten is sitting on a rug.",
                "Quarterly revenue of the bank grew by four percent."));
        assertThat(v).hasSize(3).allSatisfy(x -> assertThat(x).hasSize(384));
        double norm = 0;
        for (float f : v.get(0)) {
            norm += f * f;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.2);
    }

    @Test
    void batchedAndSingleEmbeddingsAgree() {
        String shortText = "speech recognition";
        String longText = "This model transcribes English speech audio into text. ".repeat(10);
        float[] alone = embedder.embed(List.of(shortText)).get(0);
        float[] inBatch = embedder.embed(List.of(longText, shortText)).get(1);
        assertThat(dot(alone, inBatch)).isGreaterThan(0.999);
    }

    @Test
    void classifiesCardsWrittenForTheTestZeroShot() {
        EmbeddingClassifier classifier = new EmbeddingClassifier(embedder);
        LabelSet labels = LabelSet.builtIn("pipeline_tag").orElseThrow();
        List<CardText> cards = List.of(
                card("org/speech", "# Speech model\n\nThis model transcribes spoken English audio into written text."),
                card("org/painter", "# Painter\n\nGenerate images from a text prompt with this Stable Diffusion model."),
                card("org/translator", "# Translator\n\nTranslates text from English into German."));
        List<Classification> out = classifier.classify(cards, labels, false);
        assertThat(out).extracting(Classification::best)
                .containsExactly("automatic-speech-recognition", "text-to-image", "translation");
        assertThat(out.get(0).labels().get(0).score()).isGreaterThan(out.get(0).labels().get(1).score());
    }

    private static CardText card(String id, String text) {
        return CardText.of(ModelCard.parse(id, text), Set.of());
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
