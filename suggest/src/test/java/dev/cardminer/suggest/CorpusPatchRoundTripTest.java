package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.testkit.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On every card of the shared corpus: suggest (all confidences), patch, parse the patch again; the body is
 * byte-exact, no new problem, every YAML value the card had is unchanged, and the suggested keys read back.
 */
class CorpusPatchRoundTripTest {

    @Test
    void everyCorpusCardPatchesCleanly() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedData.corpusCards())) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        Suggester suggester = Suggester.builder().build();
        CardPatcher patcher = new CardPatcher();
        int patched = 0;
        List<String> refused = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        for (Path file : files) {
            ModelCard card = ModelCard.parse(file.getFileName().toString(), Files.readAllBytes(file));
            List<Suggestion> suggestions = suggester.suggest(card).suggestions();
            if (suggestions.isEmpty()) {
                // Every card still goes through the editor: a valid value for the first of these keys it lacks.
                suggestions = Stream.of(new String[]{"pipeline_tag", "text-classification"}, new String[]{"library_name", "transformers"},
                                new String[]{"metrics", "accuracy"}, new String[]{"license", "mit"},
                                new String[]{"datasets", "someone/round-trip"}, new String[]{"language", "en"}, new String[]{"base_model", "someone/base"})
                        .filter(kv -> !card.metadata().has(kv[0])).limit(1)
                        .map(kv -> new Suggestion(kv[0], kv[1], new Evidence("", 0, 0, -1, -1), 1, "test")).toList();
            }
            assertThat(suggestions).as(file + " has every key tried").isNotEmpty();
            Patch patch = patcher.patch(card, suggestions);
            if (!patch.ok()) {
                refused.add(file.getFileName() + ": " + patch.failure());
                assertThat(patch.failure()).as(file.toString()).containsAnyOf("cannot be edited", "nothing to add");
                continue;
            }
            patched++;
            ModelCard after = ModelCard.parse(card.id(), patch.patched());
            assertThat(after.body()).as(file.toString()).isEqualTo(card.body());
            assertThat(Problem.added(card.problems(), after.problems())).as(file.toString()).isEmpty();
            Set<String> written = new HashSet<>();
            patch.applied().forEach(x -> written.add(x.field()));
            card.metadata().values().forEach((k, v) -> {
                if (Suggester.holdsValue(card, k) || !written.contains(k)) {
                    assertThat(after.metadata().get(k)).as(file + " " + k).isEqualTo(v);
                } else {
                    // a key the YAML held no value for (base_model:, language: [], model-index without results) is filled
                    filled.add(file.getFileName() + " " + k);
                    assertThat(Suggester.holdsValue(after, k)).as(file + " " + k).isTrue();
                    if (k.equals("model-index")) {   // the author's entry keeps its name, whatever it is
                        assertThat(((Map<?, ?>) ((List<?>) after.metadata().get(k)).get(0)).get("name"))
                                .isEqualTo(((Map<?, ?>) ((List<?>) v).get(0)).get("name"));
                    }
                }
            });
            for (Suggestion s : patch.applied()) {
                assertThat(after.metadata().has(s.field())).as(file + " " + s.field()).isTrue();
            }
            assertThat(patch.diff()).as(file.toString()).startsWith("--- a/README.md\n+++ b/README.md\n@@ ");
            assertThat(after.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count())
                    .isLessThanOrEqualTo(card.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).count());
        }
        System.out.printf("patch round trip: %d of %d corpus cards patched; %d refused: %s; %d empty keys filled: %s%n",
                patched, files.size(), refused.size(), refused, filled.size(), filled);
        assertThat(patched + refused.size()).isEqualTo(files.size());
        assertThat(patched).isGreaterThan(files.size() * 9 / 10);
    }
}
