package dev.cardminer.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.report.Shares;
import org.junit.jupiter.api.Test;

/** The explorer writes shares by the report's rule: a few cards never read as none, nor most as all. */
class HtmlPercentTest {

    @Test
    void aShareThatIsNotZeroNeverReadsAsZero() {
        // 37 and 2 of 19,014 cards (hub-2023's Environmental Impact and Model Examination), and none.
        assertThat(Html.percent(37 / 19_014.0)).isEqualTo("0.2%");
        assertThat(Html.percent(2 / 19_014.0)).isEqualTo("< 0.1%");
        assertThat(Html.percent(0)).isEqualTo("0.0%");
        assertThat(Html.percent(19_013 / 19_014.0)).isEqualTo("> 99.9%");
        assertThat(Html.percent(1)).isEqualTo("100.0%");
        assertThat(Html.percent(Double.NaN)).isEmpty();
    }

    @Test
    void theRuleIsTheReportsOwn() {
        for (double share : new double[] {0, 1e-6, 0.0004, 0.0005, 0.123, 0.9994, 0.99951, 1}) {
            assertThat(Html.percent(share)).as("share %s", share).isEqualTo(Shares.percent(share * 100));
        }
    }
}
