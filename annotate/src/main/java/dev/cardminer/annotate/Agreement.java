package dev.cardminer.annotate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How far two annotators agree on the same sentences: the share of one's annotations whose subject the
 * other also labelled in the same sentence (subjects compared after normalisation), each way.
 *
 * @param first          the first annotator's name
 * @param second         the second's
 * @param firstTotal     the first's annotations
 * @param firstMatched   of those, labelled by the second too
 * @param secondTotal    the second's annotations
 * @param secondMatched  of those, labelled by the first too
 */
public record Agreement(String first, String second, long firstTotal, long firstMatched, long secondTotal,
                        long secondMatched) {

    /**
     * The agreement of annotations {@code a} (by {@code first}) and {@code b} (by {@code second}) of the same
     * sentences: an annotation matches when the other side labelled the same card, sentence and subject (compared
     * by {@code normaliser}'s subject key).
     */
    public static Agreement of(String first, List<Annotation> a, String second, List<Annotation> b,
                               ConceptNormaliser normaliser) {
        Set<String> keysA = keys(a, normaliser);
        Set<String> keysB = keys(b, normaliser);
        long matchedA = a.stream().filter(x -> keysB.contains(key(x, normaliser))).count();
        long matchedB = b.stream().filter(x -> keysA.contains(key(x, normaliser))).count();
        return new Agreement(first, second, a.size(), matchedA, b.size(), matchedB);
    }

    /** Adds the counts of another set of sentences. */
    public Agreement plus(Agreement other) {
        return new Agreement(first, second, firstTotal + other.firstTotal, firstMatched + other.firstMatched,
                secondTotal + other.secondTotal, secondMatched + other.secondMatched);
    }

    /** {@link #firstMatched} over {@link #firstTotal}, 0 to 1; 0 when the first made no annotations. */
    public double firstShare() {
        return firstTotal == 0 ? 0 : (double) firstMatched / firstTotal;
    }

    /** {@link #secondMatched} over {@link #secondTotal}, 0 to 1; 0 when the second made no annotations. */
    public double secondShare() {
        return secondTotal == 0 ? 0 : (double) secondMatched / secondTotal;
    }

    private static Set<String> keys(List<Annotation> annotations, ConceptNormaliser normaliser) {
        Set<String> out = new HashSet<>();
        annotations.forEach(x -> out.add(key(x, normaliser)));
        return out;
    }

    private static String key(Annotation x, ConceptNormaliser normaliser) {
        return x.cardId() + '\u0000' + x.sentenceIndex() + '\u0000' + normaliser.subjectKey(x.subject());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d/%d (%.1f%%) also labelled by %s; %s: %d/%d (%.1f%%) also labelled by %s",
                first, firstMatched, firstTotal, 100 * firstShare(), second, second, secondMatched, secondTotal,
                100 * secondShare(), first);
    }
}
