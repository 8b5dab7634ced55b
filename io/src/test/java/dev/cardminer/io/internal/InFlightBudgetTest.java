package dev.cardminer.io.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.Problem;
import dev.cardminer.io.RepoFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-flight budget counts a card's rows, not only its text, and never blocks a parser thread. */
class InFlightBudgetTest {

    private static CardRows rows(int values, int problems, String metadataJson) {
        List<CardRows.ValueRow> v = new ArrayList<>();
        for (int i = 0; i < values; i++) {
            v.add(new CardRows.ValueRow("language", i, "no"));
        }
        List<Problem> p = new ArrayList<>();
        for (int i = 0; i < problems; i++) {
            p.add(Problem.info("yaml11-scalar", "m", i, 1));
        }
        return new CardRows("a/b", false, 0, 0, "s", "h", 10, RepoFacts.NONE, true, metadataJson, null, "", List.of(), v,
                List.of(), List.of(), List.of(), p, 1);
    }

    @Test
    void manyRowsWeighMoreThanTheirText() {
        // A 1 MB list of "- no": 200,000 value rows and the capped problems, about 50 MiB in flight.
        int permits = Pipeline.rowPermits(rows(200_000, 1_001, "{\"language\":[" + "\"no\",".repeat(200_000) + "]}"));
        assertThat(permits).isGreaterThan(50_000).isLessThan(60_000);
        // A small card's few rows fit in the one permit its text takes at least.
        assertThat(Pipeline.rowPermits(rows(3, 1, "{}"))).isLessThanOrEqualTo(1);
    }

    @Test
    void takingMorePermitsThanAreLeftNeverBlocksAndIsPaidBack() throws InterruptedException {
        Pipeline.Budget budget = new Pipeline.Budget(100);
        budget.acquire(60);
        budget.take(80); // the parser thread's extra share: no wait, the count goes below zero
        assertThat(budget.availablePermits()).isEqualTo(-40);
        assertThat(budget.tryAcquire(1)).isFalse(); // the reader waits...
        budget.release(140); // ...until the batch with that card is committed
        assertThat(budget.availablePermits()).isEqualTo(100);
    }
}
