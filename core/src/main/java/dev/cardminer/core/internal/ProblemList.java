package dev.cardminer.core.internal;

import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Problem;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The problems of one card, at most a given number: past it, problems are counted by code and
 * {@link #finish()} adds one warning {@code problems-capped} saying what was left out and where the
 * first of it was. Without a cap, a card of a million list items that each deserve a note would
 * cost a row (and memory) per item.
 */
public final class ProblemList extends AbstractList<Problem> {

    private final int max;
    private final List<Problem> kept = new ArrayList<>();
    private final Map<String, Integer> dropped = new TreeMap<>();
    private Problem firstDropped;
    private int droppedCount;

    public ProblemList(int max) {
        this.max = max;
    }

    @Override
    public boolean add(Problem p) {
        if (kept.size() < max) {
            return kept.add(p);
        }
        if (firstDropped == null) {
            firstDropped = p;
        }
        droppedCount++;
        dropped.merge(p.code(), 1, Integer::sum);
        return false;
    }

    /**
     * Whether problems are only counted now: the cap is reached and the first one left out is known,
     * so a caller with many problems to report can {@link #countDropped} them instead of building each.
     */
    public boolean counting() {
        return firstDropped != null;
    }

    /** Counts a problem of this code as left out, without building it; only while {@link #counting()}. */
    public void countDropped(String code) {
        if (firstDropped == null) {
            throw new IllegalStateException("not counting yet: add the problem");
        }
        droppedCount++;
        dropped.merge(code, 1, Integer::sum);
    }

    @Override
    public Problem get(int index) {
        return kept.get(index);
    }

    @Override
    public Problem set(int index, Problem p) {
        return kept.set(index, p);
    }

    @Override
    public Problem remove(int index) {
        return kept.remove(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** The kept problems, and the summary of the dropped ones when there are any. */
    public List<Problem> finish() {
        List<Problem> out = new ArrayList<>(kept);
        if (droppedCount > 0) {
            StringBuilder codes = new StringBuilder();
            int shown = 0;
            for (Map.Entry<String, Integer> e : dropped.entrySet()) {
                if (shown++ == 10) {
                    codes.append(", ...");
                    break;
                }
                codes.append(codes.isEmpty() ? "" : ", ").append(e.getKey()).append(" ").append(e.getValue());
            }
            out.add(Problem.warning(ProblemCodes.PROBLEMS_CAPPED, String.format("%,d more problems are not recorded (only the"
                    + " first %,d are): %s", droppedCount, max, codes), firstDropped.line(), firstDropped.column()));
        }
        return out;
    }
}
