package dev.cardminer.annotate.internal;

import dev.cardminer.core.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The innermost enclosing section that maps to the template, for any body offset, in logarithmic
 * time: looking it up by scanning every section per sentence made cards with many headings quadratic.
 */
final class SectionIndex {

    private final int[] starts;
    private final Section[] best;

    SectionIndex(List<Section> given) {
        List<Section> sections = new ArrayList<>(given);
        sections.sort(Comparator.comparingInt(Section::start)); // stable: already in body order as a rule
        int n = sections.size();
        starts = new int[n];
        best = new Section[n];
        // Sections still open at each heading; well-formed sections nest, so this holds one per level.
        List<Section> open = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Section s = sections.get(k);
            starts[k] = s.start();
            open.removeIf(o -> !contains(o, s.start()));
            if (s.canonical() != null) {
                open.add(s);
            }
            Section innermost = null;
            for (Section o : open) {
                if (innermost == null || o.level() >= innermost.level()) {
                    innermost = o;
                }
            }
            best[k] = innermost;
        }
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    /** The canonical title at {@code offset}, or null. */
    String canonicalAt(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= offset) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Section s = k < 0 ? null : best[k];
        return s != null && contains(s, offset) ? s.canonical().title() : null;
    }

    private static boolean contains(Section s, int offset) {
        return s.start() <= offset && offset < Math.max(s.end(), s.start() + 1);
    }
}
