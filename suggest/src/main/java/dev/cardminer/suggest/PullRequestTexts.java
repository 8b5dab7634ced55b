package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Titles and descriptions of metadata pull requests, written for the maintainer who reads them: what is
 * added, the sentence each value was read from, how it was found, why it helps, how to decline. Card text
 * is hostile input: evidence is shown in a code fence longer than any backtick run it holds, with control
 * characters removed, so it can neither render HTML, mention users, nor break out of the fence.
 */
public final class PullRequestTexts {

    /** Every cardminer pull request title starts with this; it is how earlier ones are recognised. */
    public static final String TITLE_PREFIX = "[cardminer] ";

    private static final int MAX_EVIDENCE = 300;
    private static final int MAX_INLINE = 200;
    private static final Pattern BACKTICKS = Pattern.compile("`+");
    private static final Map<String, String> WHY = Map.of(
            "base_model", "lists this model on its base model's page (fine-tunes, adapters, quantizations, merges) and in the Hub's `base_model:` filter",
            "base_model_relation", "tells the Hub how this model derives from its base model instead of leaving it to guess",
            "datasets", "links this model from the dataset's page and lets people find models trained on it",
            "model-index", "shows the evaluation results on the model page and makes them comparable across models",
            "pipeline_tag", "puts the model under its task in the Hub's filters and picks the right inference widget",
            "library_name", "shows the right code snippet (\"Use this model\") and puts the model under its library's filter",
            "license", "shows the licence on the model page and in the Hub's licence filter",
            "language", "puts the model under its language in the Hub's filters",
            "metrics", "makes the model findable by the metrics it reports");

    private static final Map<String, String> WHY_COMPANIONS = Map.of(
            "license_name", "names the custom licence (`license: other`) on the model page",
            "license_link", "links the custom licence's text from the model page");

    /**
     * Rules whose evidence is where a value was found, not why it is right: the reason, said under the quote so that
     * a maintainer does not read the quoted line as the claim.
     */
    private static final Map<String, String> REASON = Map.of(
            "quantized-repo-name", "this repository's name is a model's name with a quantization suffix (such as "
                    + "`-GGUF` or `-AWQ`), the way quantized re-uploads are named, and the card links that model's "
                    + "repository or another re-upload of it");

    private PullRequestTexts() {
    }

    /** The draft for a successful patch of {@code repo}. */
    public static PullRequestDraft draft(String repo, Patch patch) {
        return draft(repo, patch, null);
    }

    /**
     * The draft for a successful patch of {@code repo} made from {@code readme} (null: unknown, and then the
     * description cannot say that a {@code ---} right above {@code ---} was filled).
     */
    public static PullRequestDraft draft(String repo, Patch patch, String readme) {
        return draft(repo, patch, readme, List.of());
    }

    /**
     * The draft for a successful patch of {@code repo} made from {@code readme} (null: unknown); {@code conflicts}, where
     * the card's text says other than its YAML, are listed under "Not changed" for the maintainer to decide.
     */
    public static PullRequestDraft draft(String repo, Patch patch, String readme, List<Conflict> conflicts) {
        if (!patch.ok()) {
            throw new IllegalArgumentException("no pull request for a failed patch: " + patch.failure());
        }
        // "---" right above "---": the patch writes the keys between, so two lines the Hub showed as rules change
        boolean emptyBlock = readme != null && ModelCard.parse(repo, readme).bodyAfterEmptyBlock().isPresent();
        return new PullRequestDraft(repo, title(patch.applied()),
                description(patch.applied(), patch.diff(), conflicts, emptyBlock), patch.diff(), patch.patched(), readme);
    }

    static String title(List<Suggestion> applied) {
        Map<String, Boolean> fields = new LinkedHashMap<>();
        applied.forEach(s -> fields.put(s.field(), true));
        return TITLE_PREFIX + "Add " + String.join(", ", fields.keySet()) + " to the model card metadata";
    }

    static String description(List<Suggestion> applied, String diff) {
        return description(applied, diff, List.of(), false);
    }

    static String description(List<Suggestion> applied, String diff, List<Conflict> conflicts, boolean emptyBlock) {
        StringBuilder sb = new StringBuilder();
        boolean inferred = applied.stream().anyMatch(Inferences::inferred);
        // A value read from the repo's name is no statement of the text: say where values come from.
        boolean fromName = applied.stream().anyMatch(s -> s.evidence().line() == 0 && !s.evidence().fromFile());
        // and one read from a file of the repo (adapter_config.json) is the repo's own statement, not the card's
        boolean fromFiles = applied.stream().anyMatch(s -> s.evidence().fromFile());
        // nor is one read from another key of the header (pipeline_tag from tags)
        boolean fromHeader = applied.stream().anyMatch(s -> fromHeader(s.evidence()));
        sb.append("This pull request adds metadata that the model card's own text")
                .append(fromName ? " or the repository's name" : "")
                .append(fromHeader ? " or another key of its YAML header" : "")
                .append(fromFiles ? " or the repository's own files (such as adapter_config.json)" : "").append(" already ")
                .append(inferred ? "states or implies (what is implied is marked below: please check it)" : "states")
                .append(", so that the Hub can show and filter on it. It changes only the YAML header of README.md: ")
                .append("the keys below are added, nothing the header already says is changed, and the ")
                .append(emptyBlock ? "rest of the card's text is untouched. The two `---` lines at the top of the card, "
                        + "which the Hub showed as horizontal rules because nothing was between them, now hold the "
                        + "metadata.\n\n" : "card's text is untouched.\n\n");
        sb.append("## What is added\n\n");
        Map<String, StringBuilder> byField = new LinkedHashMap<>();
        for (Suggestion s : applied) {
            StringBuilder line = byField.computeIfAbsent(s.field(), f -> new StringBuilder());
            if (!line.isEmpty()) {
                line.append(", ");
            }
            line.append(inlineValue(s));
        }
        byField.forEach((field, values) -> sb.append("- `").append(field).append("`: ").append(values)
                .append(" — ").append(WHY.getOrDefault(field, WHY_COMPANIONS.getOrDefault(field, "makes the model easier to find"))).append('\n'));
        sb.append("\n## Evidence\n\n");
        // values read from the same line (a merge's two bases and its relation, a Trainer line's base and language) share
        // one quote: the maintainer reads each sentence once
        Map<List<Object>, List<Suggestion>> byEvidence = new LinkedHashMap<>();
        for (Suggestion s : applied) {
            Evidence e = s.evidence();
            byEvidence.computeIfAbsent(Arrays.asList(e.file(), e.line(), e.text(), inText(e)), k -> new ArrayList<>()).add(s);
        }
        for (List<Suggestion> group : byEvidence.values()) {
            Suggestion s = group.get(0);
            sb.append(group.stream().map(g -> "`" + g.field() + "` = " + inlineValue(g)).collect(Collectors.joining(", ")))
                    .append(", from ").append(where(s.evidence()));
            if (inText(s.evidence())) {
                sb.append(":\n\n").append(fenced(s.evidence().text(), "text")).append('\n');
            } else if (s.evidence().fromFile() && s.evidence().line() > 0) {
                sb.append(":\n\n").append(fenced(s.evidence().text(), language(s.evidence().file()))).append('\n');
            } else if (s.evidence().fromFile()) {
                sb.append('\n');   // the file's presence is the evidence: its name says it all
            } else {
                // cardminer's reading of a key or of the repo id, not a quote of the card: inline, not a quoted block
                sb.append(" (read as ").append(inline(s.evidence().text())).append(")\n\n");
            }
            group.stream().map(g -> REASON.get(g.method())).filter(java.util.Objects::nonNull).distinct()
                    .forEach(reason -> sb.append("**Why:** ").append(reason).append(".\n\n"));
            // with several values on one quote, say which one is implied
            Map<String, String> implied = new LinkedHashMap<>();
            group.forEach(g -> Inferences.why(g.method()).ifPresent(why -> implied.merge(why, inline(g.field()), (a, b) -> a + ", " + b)));
            implied.forEach((why, fields) -> sb.append("**Implied, not stated").append(group.size() > 1 ? " (" + fields + ")" : "")
                    .append(":** ").append(why).append(". Please check this value before merging.\n\n"));
        }
        if (!conflicts.isEmpty()) {
            sb.append("## Not changed\n\n");
            boolean notText = conflicts.stream().anyMatch(c -> !inText(c.suggestion().evidence()));
            sb.append("For ").append(conflicts.size() == 1 ? "this key" : "these keys").append(" the card's text")
                    .append(notText ? " (or the repository's name" + (conflicts.stream().anyMatch(c -> c.suggestion().evidence().fromFile())
                            ? " or files" : "") + ", or another metadata key)" : "").append(" says ")
                    .append("something other than its YAML. This pull request leaves the YAML as it is; you know ")
                    .append("which is right:\n\n");
            for (Conflict c : conflicts) {
                Evidence e = c.suggestion().evidence();
                // "the text says" of a value read from the repo's name or another key would send the reader to the text
                sb.append("- ").append(inline(c.field())).append(": the YAML says ").append(inline(c.yamlValue()))
                        .append(inText(e) ? ", the text says " : ", " + where(e) + " suggests ")
                        .append(inlineValue(c.suggestion()));
                if (inText(e)) {
                    sb.append(" (").append(where(e)).append("):\n\n").append(indented(fenced(e.text(), "text"))).append('\n');
                } else {
                    sb.append(" (read as ").append(inline(e.text())).append(")\n\n");
                }
            }
        }
        sb.append("## How it was found\n\n");
        sb.append("cardminer read the card's text").append(fromFiles ? " and the repository's configuration files" : "")
                .append(" with rules, one per field, and proposes a value ")
                .append("only when it is a valid Hub id or vocabulary value:\n\n");
        Map<String, String> methods = new LinkedHashMap<>();
        applied.forEach(s -> methods.putIfAbsent(s.field() + "/" + s.method(),
                String.format(Locale.ROOT, "- `%s`: rule `%s` (confidence %.2f)%n", s.field(), s.method(), s.confidence())));
        methods.values().forEach(sb::append);
        // who and what: a maintainer receiving a bot's pull request wants to know which tool, and where its rules are
        sb.append("\nThe pull request was opened with cardminer, a tool that reads model cards for the metadata their text ")
                .append("states, by the account shown as its author: questions about it are best asked here, naming ")
                .append("the rule above.\n");
        sb.append("\n## If this is wrong\n\n");
        sb.append("Close this pull request, with a word on what is wrong if you like: it helps to correct the rule. ")
                .append("cardminer does not open another pull request on a repository that has an open or closed one of its own.\n\n");
        sb.append("<details><summary>Diff</summary>\n\n").append(fenced(diff, "diff")).append("</details>\n");
        return sb.toString();
    }

    private static String inlineValue(Suggestion s) {
        if (s.value() instanceof Map<?, ?> m && m.get("metric") instanceof Map<?, ?> metric) {
            // "acc = 56.51" alone does not say on what: the dataset's name does ("MMLU (5-shot)")
            String on = m.get("dataset") instanceof Map<?, ?> dataset && dataset.get("name") != null ? dataset.get("name") + ": " : "";
            return inline(on + metric.get("type") + " = " + metric.get("value"));
        }
        return inline(s.value());
    }

    private static boolean inText(Evidence e) {
        return e.line() > 0 && e.start() >= 0;
    }

    /** Whether the evidence is another key of the metadata block (a line of the card, but no body range). */
    private static boolean fromHeader(Evidence e) {
        return e.line() > 0 && e.start() < 0 && !e.fromFile();
    }

    /** The fence's language of a repo file's line. */
    private static String language(String file) {
        return file.endsWith(".json") ? "json" : file.endsWith(".yml") || file.endsWith(".yaml") ? "yaml" : "text";
    }

    /**
     * Where evidence was read: "line 12 of the card", "the repository's name", "the card's YAML header", "line 3 of
     * the repository's `adapter_config.json`", "the repository's file `adapter_model.safetensors`".
     */
    static String where(Evidence e) {
        if (e.fromFile()) {
            return e.line() > 0 ? "line " + e.line() + " of the repository's " + inline(e.file())
                    : "the repository's file " + inline(e.file());
        }
        if (inText(e)) {
            return "line " + e.line() + " of the card";
        }
        return e.line() == 0 ? "the repository's name" : "the card's YAML header";
    }

    /**
     * A value as inline code on one line (a list or map as JSON): control characters removed, line breaks and tabs as spaces, backticks
     * removed (so that it cannot close the span), at most {@value #MAX_INLINE} characters.
     */
    static String inline(Object value) {
        // lists and maps as JSON (as the store's yaml_value), which reads as YAML's flow style
        String text = value instanceof String s ? s : SuggestionStore.json(value);
        // line ends to spaces before control characters go: a lone \r would otherwise join two words
        String t = clean(text.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ")).replace("`", "").strip();
        if (t.length() > MAX_INLINE) {
            int cut = Character.isLowSurrogate(t.charAt(MAX_INLINE)) ? MAX_INLINE - 1 : MAX_INLINE;   // not half a character
            t = t.substring(0, cut) + "…";
        }
        return "`" + (t.isEmpty() ? " " : t) + "`";
    }

    /** A fenced block indented to sit in a list item. */
    private static String indented(String block) {
        return block.lines().map(l -> "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Text in a fence that it cannot close, without control characters, at most a few hundred characters. */
    static String fenced(String text, String language) {
        String t = clean(text);
        if (t.length() > MAX_EVIDENCE * 20) {
            t = t.substring(0, MAX_EVIDENCE * 20) + "\n…";
        }
        int longest = 0;
        Matcher m = BACKTICKS.matcher(t);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + t + (t.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    /** Removes control characters (terminal escapes and the like), keeping newlines and tabs. */
    public static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
