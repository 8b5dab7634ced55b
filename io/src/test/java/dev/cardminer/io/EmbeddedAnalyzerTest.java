package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Analyzer inside a caller's program: the caller's DuckDB settings, and the checks on its configuration. */
class EmbeddedAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void aLowerMemoryLimitOfTheCallerIsKeptAndBothSettingsArePutBackAfterTheRun() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            set(store.connection(), "SET memory_limit = '256MB'");
            List<String> during = new ArrayList<>();
            try (Connection watcher = ((DuckDBConnection) store.connection()).duplicate()) {
                new Analyzer(Analyzer.Config.of(db)).run(watching(watcher, during, null), store);
            }
            // While the run wrote: the caller's 256 MB (shown as 244.1 MiB) and one checkpoint at the end (1 GB).
            assertThat(during).containsOnly("244.1 MiB / 953.6 MiB");
            assertThat(settings(store.connection())).isEqualTo("244.1 MiB / 16.0 MiB");
        }
    }

    @Test
    void aHigherLimitIsLoweredForTheRunOnlyAndDuckDbsDefaultsComeBackExactly() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            String defaults = settings(store.connection());
            List<String> during = new ArrayList<>();
            try (Connection watcher = ((DuckDBConnection) store.connection()).duplicate()) {
                new Analyzer(Analyzer.Config.builder(db).memoryLimitBytes(300_000_000L).build())
                        .run(watching(watcher, during, null), store);
            }
            assertThat(during).containsOnly("286.1 MiB / 953.6 MiB");
            assertThat(settings(store.connection())).isEqualTo(defaults);

            // A caller's own limit above the run's comes back as DuckDB shows it.
            set(store.connection(), "SET memory_limit = '2GB'");
            set(store.connection(), "SET checkpoint_threshold = '40MB'");
            String callers = settings(store.connection());
            new Analyzer(Analyzer.Config.of(db)).run(CardSources.of(card("org/b")), store);
            assertThat(settings(store.connection())).isEqualTo(callers).isEqualTo("1.8 GiB / 38.1 MiB");

            // And no limit at all comes back as no limit.
            set(store.connection(), "SET memory_limit = '-1'");
            String none = settings(store.connection());
            new Analyzer(Analyzer.Config.of(db)).run(CardSources.of(card("org/c")), store);
            assertThat(settings(store.connection())).isEqualTo(none);
        }
    }

    @Test
    void keptRunSettingsStayAfterTheRunAsTheCommandLineKeepsThem() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            Analyzer analyzer = new Analyzer(Analyzer.Config.of(db));
            analyzer.keepRunSettings(store);
            analyzer.run(CardSources.of(card("org/a")), store);
            assertThat(settings(store.connection())).isEqualTo("953.6 MiB / 953.6 MiB");
        }
    }

    @Test
    void theSettingsArePutBackWhenTheRunFails() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            set(store.connection(), "SET memory_limit = '3GB'");
            String before = settings(store.connection());
            List<String> during = new ArrayList<>();
            try (Connection watcher = ((DuckDBConnection) store.connection()).duplicate()) {
                assertThatThrownBy(() -> new Analyzer(Analyzer.Config.of(db))
                        .run(watching(watcher, during, new IOException("the source broke")), store))
                        .isInstanceOf(IOException.class).hasMessage("the source broke");
            }
            assertThat(during).containsOnly("953.6 MiB / 953.6 MiB");
            assertThat(settings(store.connection())).isEqualTo(before);
        }
    }

    @Test
    void aSecondRunOnAStoreThatIsBeingWrittenIsRefusedAndTheFirstFinishes() throws Exception {
        Path db = dir.resolve("store.duckdb");
        List<Throwable> second = new ArrayList<>();
        try (CardStore store = CardStore.open(db)) {
            Analyzer analyzer = new Analyzer(Analyzer.Config.of(db));
            CardSource startsAnother = new CardSource() {
                private int given;

                @Override
                public SourceCard next() {
                    if (given++ == 0) {
                        try {
                            analyzer.run(CardSources.of(card("org/b")), store);
                        } catch (Exception e) {
                            second.add(e);
                        }
                        return card("org/a");
                    }
                    return null;
                }

                @Override
                public String description() {
                    return "starts another run";
                }

                @Override
                public void close() {
                }
            };
            Analyzer.Result first = analyzer.run(startsAnother, store);
            Analyzer.finish(store, first);
            assertThat(first.written()).isEqualTo(1);
            // Free again once the first run is over.
            Analyzer.finish(store, analyzer.run(CardSources.of(card("org/c")), store));
        }
        assertThat(second).singleElement().isInstanceOf(SQLException.class).extracting(Throwable::getMessage)
                .asString().contains("store.duckdb").contains("already writing this store: one run per store");
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(2);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE id IN ('org/a', 'org/c')")).isEqualTo(2);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")).isEqualTo(0);
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheValue() {
        Path db = dir.resolve("store.duckdb");
        assertThatThrownBy(() -> Analyzer.Config.builder(db).limit(-5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not -5");
        assertThatThrownBy(() -> Analyzer.Config.builder(db).threads(10_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 10000");
        assertThatThrownBy(() -> Analyzer.Config.builder(db).threads(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> Analyzer.Config.builder(db).memoryLimitBytes(1000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 1000");
        assertThat(Analyzer.Config.builder(db).limit(-1).threads(Analyzer.Config.MAX_THREADS).build().limit())
                .isEqualTo(-1);
    }

    private static SourceCard card(String id) {
        return SourceCard.ofText(id, "test", "---\nlicense: mit\n---\n# " + id + "\n\nA card.\n", RepoFacts.NONE);
    }

    /** One card, after which the source notes the settings the run writes with, then ends (or fails). */
    private static CardSource watching(Connection watcher, List<String> seen, IOException failure) {
        return new CardSource() {
            private int given;

            @Override
            public SourceCard next() throws IOException {
                if (given++ == 0) {
                    return card("org/a");
                }
                try {
                    seen.add(settings(watcher));
                } catch (SQLException e) {
                    throw new IOException(e);
                }
                if (failure != null) {
                    throw failure;
                }
                return null;
            }

            @Override
            public String description() {
                return "watching";
            }

            @Override
            public void close() {
            }
        };
    }

    private static String settings(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT current_setting('memory_limit') || ' / ' || current_setting('checkpoint_threshold')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void set(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
