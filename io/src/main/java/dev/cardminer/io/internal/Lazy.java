package dev.cardminer.io.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made once, on first use, by whichever thread asks first; the others wait for it. For what a run needs only
 * when a card must be parsed (the parser, the rules annotator with its gazetteers, the JSON mapper): a re-run on an
 * unchanged store parses nothing and does not pay for them (docs/bench.md, "Unchanged re-run: where the CPU goes").
 */
public final class Lazy<T> implements Supplier<T> {
    private Supplier<? extends T> make;
    private volatile T value;

    public Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(make.get(), "a lazy value");
                    value = v;
                    make = null;
                }
            }
        }
        return v;
    }
}
