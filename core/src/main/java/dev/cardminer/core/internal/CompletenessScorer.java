package dev.cardminer.core.internal;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Section;
import java.util.EnumSet;
import java.util.List;

/**
 * The share of the template's sections that a card fills. A canonical section is filled when some
 * section mapped to it has content of its own, when an unmapped subsection under such a section has
 * content (it belongs to the nearest mapped heading above it), or when one of its template
 * descendants is filled (a "Training Details" heading with nothing before its filled "Training Data"
 * subsection is filled, and so is a template parent the card never names). The denominator is all
 * {@link CanonicalSection} values: docs/sections.md says why.
 */
final class CompletenessScorer {

    private static final int TOTAL = CanonicalSection.values().length;

    double score(List<Section> sections) {
        return filled(sections).size() / (double) TOTAL;
    }

    EnumSet<CanonicalSection> filled(List<Section> sections) {
        EnumSet<CanonicalSection> filled = EnumSet.noneOf(CanonicalSection.class);
        // Headings open at the current point: levels and the canonical section each one stands for.
        int[] levels = new int[7];
        CanonicalSection[] effective = new CanonicalSection[7];
        int depth = 0;
        for (Section s : sections) {
            while (depth > 0 && levels[depth - 1] >= s.level()) {
                depth--;
            }
            CanonicalSection c = s.canonical() != null ? s.canonical() : depth > 0 ? effective[depth - 1] : null;
            levels[depth] = s.level();
            effective[depth] = c;
            depth++;
            if (c != null && s.hasContent()) {
                for (CanonicalSection a = c; a != null; a = a.parent()) {
                    filled.add(a);
                }
            }
        }
        return filled;
    }
}
