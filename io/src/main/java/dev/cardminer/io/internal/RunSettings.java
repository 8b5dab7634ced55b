package dev.cardminer.io.internal;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DuckDB settings a run writes with, on the caller's database, put back as they were by {@link #close}.
 * Both settings are DuckDB's global ones: every connection to the same file sees them while the run lasts.
 *
 * <ul>
 *   <li>{@code checkpoint_threshold} 1 GB: the default (16 MB of WAL) checkpoints after nearly every batch, and each
 *       checkpoint compresses the table's open row group again: 5x slower overall. One checkpoint at the end instead.
 *   <li>{@code memory_limit} at most the run's limit: DuckDB's default (80% of RAM) keeps every block it wrote in
 *       memory, 1.9 GB resident at 100k cards, 4.4 GB at 300k; with 1 GB it lets clean blocks go (1.8 GB at 100k,
 *       no CPU-second more; 512 MB spilled: +4 CPU-s, a 14 s checkpoint). docs/bench.md, "Store side". A lower
 *       limit the caller set is kept: a run never raises it.
 * </ul>
 *
 * <p>DuckDB shows a setting only rounded down to a tenth of its unit ({@code 244.1 MiB}). A setting the run changed
 * is put back with {@code RESET} when the caller had DuckDB's default, which is exact; otherwise as the smallest
 * number of bytes DuckDB shows as the caller's value (within a tenth of its unit of what the caller set).
 */
public final class RunSettings implements AutoCloseable {

    /** DuckDB's memory limit while a run writes (and revises) the store, unless the caller's is lower. */
    public static final long MEMORY_LIMIT_BYTES = 1_000_000_000L;

    private static final long CHECKPOINT_THRESHOLD_BYTES = 1_000_000_000L;

    private static final Pattern SIZE =
            Pattern.compile("(\\d+)(?:\\.(\\d)\\d*)?\\s*([KMGTPE]i?B|bytes?|B)?", Pattern.CASE_INSENSITIVE);

    private record Changed(String name, String before) {
    }

    private final Connection connection;
    private final List<Changed> changed;

    private RunSettings(Connection connection, List<Changed> changed) {
        this.connection = connection;
        this.changed = changed;
    }

    /** Sets the run's settings on the database of this connection, remembering what they were. */
    public static RunSettings apply(Connection connection, long memoryLimitBytes) throws SQLException {
        List<Changed> changed = new ArrayList<>();
        RunSettings settings = new RunSettings(connection, changed);
        try {
            Changed checkpoint = new Changed("checkpoint_threshold", current(connection, "checkpoint_threshold"));
            changed.add(checkpoint);
            set(connection, "checkpoint_threshold", CHECKPOINT_THRESHOLD_BYTES);
            // Already the run's value as far as DuckDB shows it (the caller kept the run's settings): nothing to put
            // back, which a restore to the precision shown would only blur.
            if (current(connection, "checkpoint_threshold").equals(checkpoint.before())) {
                changed.remove(checkpoint);
            }
            String memory = current(connection, "memory_limit");
            if (smallestShownAs(memory) > memoryLimitBytes) {
                set(connection, "memory_limit", memoryLimitBytes);
                changed.add(new Changed("memory_limit", memory));
            }
        } catch (SQLException | RuntimeException e) {
            settings.restore(e);
            throw e;
        }
        return settings;
    }

    /** Sets the run's settings on the database of this connection, to stay (nothing is remembered to put back). */
    public static void keep(Connection connection, long memoryLimitBytes) throws SQLException {
        apply(connection, memoryLimitBytes).changed.clear();
    }

    /** Puts back every setting the run changed, in reverse order. */
    @Override
    public void close() throws SQLException {
        restore(null);
    }

    private void restore(Throwable failure) throws SQLException {
        SQLException first = null;
        for (int i = changed.size() - 1; i >= 0; i--) {
            Changed c = changed.get(i);
            try (Statement st = connection.createStatement()) {
                st.execute("RESET " + c.name());
                if (!current(connection, c.name()).equals(c.before())) {
                    long bytes = smallestShownAs(c.before());
                    // No limit ('-1', shown as 16383.9 PiB) is more than a long holds: set it as it was set.
                    st.execute("SET " + c.name() + " = '" + (bytes == Long.MAX_VALUE ? "-1" : bytes + " bytes") + "'");
                }
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        changed.clear();
        if (first != null) {
            throw first;
        }
    }

    private static String current(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT current_setting(?)")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void set(Connection c, String name, long bytes) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET " + name + " = '" + bytes + " bytes'");
        }
    }

    /**
     * The fewest bytes DuckDB shows as {@code shown} ({@code 953.6 MiB}, {@code 16.0 MiB}, {@code 1000 bytes}):
     * DuckDB writes the whole units and, as the tenths, only the next smaller unit's count times ten over 1024
     * (rounded down), so {@code 38.1 MiB} is at least 38 MiB and 103 KiB. A value that is no size counts as no limit.
     */
    static long smallestShownAs(String shown) {
        Matcher m = SIZE.matcher(shown.trim());
        if (!m.matches()) {
            return Long.MAX_VALUE;
        }
        BigInteger whole = new BigInteger(m.group(1));
        String unit = m.group(3) == null ? "B" : m.group(3).toUpperCase(Locale.ROOT);
        if (unit.startsWith("BYTE") || unit.equals("B")) {
            return whole.longValueExact();
        }
        int power = "KMGTPE".indexOf(unit.charAt(0)) + 1;
        BigInteger base = BigInteger.valueOf(unit.contains("I") ? 1024 : 1000);
        int tenths = m.group(2) == null ? 0 : m.group(2).charAt(0) - '0';
        // The smallest count of the next smaller unit whose tenths are these: ceil(tenths * base / 10).
        BigInteger smaller = BigInteger.valueOf(tenths).multiply(base).add(BigInteger.valueOf(9)).divide(BigInteger.TEN);
        BigInteger bytes = whole.multiply(base).add(smaller).multiply(base.pow(power - 1));
        return bytes.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    }
}
