package dev.cardminer.cli;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.CardLinter;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code card --summary}: a few lines about a card for people; card text made terminal-safe. */
final class CardSummary {

    private static final int MAX_PROBLEMS = 20;

    private CardSummary() {
    }

    /** The digest, with {@code problems} (those {@code cardminer check} lists: {@link CardLinter#check}) counted. */
    static String of(ModelCard card, List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        out.append(safe(card.id().isEmpty() ? "(no id)" : card.id())).append('\n');
        Metadata m = card.metadata();
        if (!card.hasMetadata()) {
            out.append("  metadata: none\n");
        } else {
            List<String> facts = new ArrayList<>();
            facts.add(count(m.keys().size(), "key"));
            m.license().ifPresent(v -> facts.add("license " + v));
            m.pipelineTag().ifPresent(v -> facts.add("task " + v));
            m.libraryName().ifPresent(v -> facts.add("library " + v));
            if (!m.language().isEmpty()) {
                facts.add("language " + String.join(", ", m.language()));
            }
            if (!m.baseModel().isEmpty()) {
                facts.add("base model " + String.join(", ", m.baseModel()));
            }
            out.append("  metadata: ").append(safe(String.join(" · ", facts))).append('\n');
        }
        List<CanonicalSection> top = Arrays.stream(CanonicalSection.values()).filter(s -> s.parent() == null).toList();
        List<String> missing = top.stream().filter(t -> card.sections().stream()
                .noneMatch(s -> s.canonical() == t && s.hasContent() || s.canonical() != null
                        && s.canonical().parent() == t && s.hasContent())).map(CanonicalSection::title).toList();
        long placeholders = card.sections().stream().filter(Section::placeholder).count();
        out.append(String.format(Locale.ROOT, "  sections: %s, completeness %.0f%%, %d placeholder-only%n",
                count(card.sections().size(), "heading"), card.completeness() * 100, placeholders));
        if (!missing.isEmpty()) {
            out.append("  template sections without content: ").append(String.join(", ", missing)).append('\n');
        }
        Map<String, Long> links = card.links().stream().collect(Collectors.groupingBy(
                l -> l.kind().name().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()));
        out.append("  eval results: ").append(card.evalResults().size()).append(" · links: ")
                .append(links.isEmpty() ? "none" : links.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))).append('\n');
        Map<Problem.Severity, Long> bySeverity = problems.stream()
                .collect(Collectors.groupingBy(Problem::severity, Collectors.counting()));
        out.append("  problems: ").append(count(bySeverity.getOrDefault(Problem.Severity.ERROR, 0L), "error"))
                .append(", ").append(count(bySeverity.getOrDefault(Problem.Severity.WARNING, 0L), "warning"))
                .append(", ").append(bySeverity.getOrDefault(Problem.Severity.INFO, 0L)).append(" info\n");
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> out.append("    ").append(safe(p.located())).append('\n'));
        if (problems.size() > MAX_PROBLEMS) {
            out.append("    … ").append(problems.size() - MAX_PROBLEMS).append(" more (cardminer check lists all)\n");
        }
        return out.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String safe(String s) {
        return CardFiles.oneLine(s);
    }
}
