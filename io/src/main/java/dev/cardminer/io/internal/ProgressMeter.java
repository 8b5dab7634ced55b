package dev.cardminer.io.internal;

import dev.cardminer.io.ProgressOutput;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far a task is: a terminal progress bar (rate and ETA), or a plain line every few seconds
 * when no terminal is attached. Thread-safe.
 */
public final class ProgressMeter implements AutoCloseable {

    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final ProgressOutput output;
    private final String task;
    private final String unit;
    private final long unitSize;
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;
    private long lastLineNanos = startNanos;

    /**
     * @param task     the task's name, printed first
     * @param unit     what is counted, e.g. " cards" or " MB"
     * @param unitSize how many counted things make one unit (1 for cards, 1_000_000 for MB)
     * @param total    the expected count, -1 when unknown
     */
    public ProgressMeter(ProgressOutput output, String task, String unit, long unitSize, long total) {
        this.output = output;
        this.task = task;
        this.unit = unit;
        this.unitSize = unitSize;
        this.total = total;
        this.bar = output.style() == ProgressOutput.Style.BAR
                ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(unit, unitSize)
                        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500)
                        .continuousUpdate().build()
                : null;
    }

    public synchronized void step(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (output.style() == ProgressOutput.Style.LINES) {
            long now = System.nanoTime();
            if (now - lastLineNanos >= LINE_INTERVAL_NANOS) {
                lastLineNanos = now;
                output.log().println(line(now));
                output.log().flush();
            }
        }
    }

    /** A better total once known (e.g. after a download); -1 when still unknown. */
    public synchronized void total(long total) {
        this.total = total;
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    public synchronized void message(String extra) {
        if (bar != null) {
            bar.setExtraMessage(extra);
        }
    }

    private String line(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / (double) unitSize / seconds;
        StringBuilder b = new StringBuilder(task).append(": ").append(format(done));
        if (total > 0) {
            b.append(" / ").append(format(total)).append(String.format(" (%d%%)", Math.round(100.0 * done / total)));
        }
        b.append(unit).append(String.format(", %.1f%s/s", rate, unit));
        if (total > 0 && done > 0 && done < total) {
            long eta = Math.round((total - done) / (double) unitSize / rate);
            b.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
        }
        return b.toString();
    }

    private String format(long count) {
        return unitSize == 1 ? String.format("%,d", count) : String.format("%.1f", count / (double) unitSize);
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
