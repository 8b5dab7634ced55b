package dev.cardminer.core.internal;

import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.MetadataKeys;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Section;
import dev.cardminer.core.TextLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The checklist rules of {@link dev.cardminer.core.CardLinter}, beyond what parsing reports. */
public final class LintRules {

    /** Tasks whose models work in a human language, so {@code language} says which. */
    private static final Set<String> LANGUAGE_TASKS = Set.of("text-classification", "token-classification",
            "question-answering", "summarization", "translation", "text-generation", "text2text-generation",
            "fill-mask", "sentence-similarity", "zero-shot-classification", "table-question-answering",
            "conversational", "automatic-speech-recognition", "text-to-speech", "text-to-audio",
            "multiple-choice", "text-ranking");
    /** Template sections a card should fill; the others are optional. */
    private static final List<CanonicalSection> EXPECTED = List.of(CanonicalSection.USES,
            CanonicalSection.BIAS_RISKS_AND_LIMITATIONS, CanonicalSection.TRAINING_DETAILS, CanonicalSection.EVALUATION);
    private static final Pattern FINE_TUNED = Pattern.compile(
            "(?i)\\bfine-?tuned (version|from|on top)\\b|\\bfine-?tuned checkpoint of\\b");
    private static final Pattern TEMPLATE_FIELD_UNFILLED = Pattern.compile(
            "(?i)fine-?tuned from model(?: \\[optional\\])?\\s*(?:\\*\\*\\s*:|:\\s*\\*\\*|:)\\s*"
                    + "(?:\\[More Information Needed\\]|\\{\\{[^}]*\\}\\})?\\s*$");

    public List<Problem> check(ModelCard card) {
        List<Problem> out = new ArrayList<>();
        int blockLine = card.hasMetadata() ? Math.max(1, card.yamlLine() - 1) : 1;
        boolean unreadable = card.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR
                && p.code().startsWith("yaml-"));
        // a block behind a BOM or never closed: its keys are in the file, so "license is missing" would mislead
        Problem broken = card.problems().stream().filter(ProblemCodes::breaksMetadataBlock).findFirst().orElse(null);
        int blankOpener = card.hasMetadata() || broken != null ? 0 : UnseenBlocks.blankAfterOpeningDashes(card.text());
        int empty = card.hasMetadata() ? 0 : UnseenBlocks.emptyBlockLine(card.text());
        if (empty > 0) {
            // "no '---' line closes it" would puzzle the author of "---" above "---": say what the Hub wants
            out.add(Problem.warning(ProblemCodes.NO_METADATA, "the Hub reads no metadata block: '---' right above '---' is"
                    + " an empty block, which it does not see; write the keys between the two lines (cardminer edit --set"
                    + " puts them there)", empty, 1));
        } else if (blankOpener > 0) {
            out.add(Problem.warning(ProblemCodes.NO_METADATA, "the Hub reads no metadata block: the line '---' that opens"
                    + " it has spaces or tabs after it, so its keys are read as text; remove them, then check again",
                    blankOpener, 4));
        } else if (!card.hasMetadata() && broken != null && UnseenBlocks.loneCrOpener(card.text()) > 0) {
            out.add(Problem.warning(ProblemCodes.NO_METADATA, "the Hub reads no metadata block: the card's lines end in a"
                    + " lone carriage return (CR, as on old Macs), and the Hub closes a block only with a '---' line ending"
                    + " in LF or CRLF; convert the line endings, then check again", broken.line(), 1));
        } else if (!card.hasMetadata() && broken != null) {
            out.add(Problem.warning(ProblemCodes.NO_METADATA, "the Hub reads no metadata block: the file's block is hidden "
                    + "or broken (" + broken.code() + " at line " + broken.line() + "); fix that, then check again", 1, 1));
        } else if (!card.hasMetadata()) {
            out.add(Problem.warning(ProblemCodes.NO_METADATA, "the card has no metadata block; the Hub warns about it and cannot "
                    + "show a license, task or library", 1, 1));
        } else if (card.metadata().isEmpty() && !unreadable) {
            out.add(Problem.warning(ProblemCodes.EMPTY_METADATA, "the metadata block is empty", blockLine, 1));
        }
        if (!unreadable && (broken == null || empty > 0) && blankOpener == 0) {
            keys(card, blockLine, out);
            mergedOnly(card, blockLine, out);
            misspelt(card, blockLine, out);
        }
        sections(card, out);
        return out;
    }

    private static void keys(ModelCard card, int line, List<Problem> out) {
        Metadata m = card.metadata();
        if (!m.has("license")) {
            out.add(missing("license", ProblemCodes.MISSING_LICENSE, "the license is unknown to users and the Hub", line));
        }
        String task = m.pipelineTag().orElse(null);
        if (!m.has("pipeline_tag")) {
            out.add(missing("pipeline_tag", ProblemCodes.MISSING_PIPELINE_TAG, "the Hub guesses the task and widget, or shows none", line));
        }
        if (!m.has("library_name")) {
            out.add(missing("library_name", ProblemCodes.MISSING_LIBRARY_NAME, "the Hub cannot show how to load the model", line));
        }
        if (!m.has("language") && task != null && LANGUAGE_TASKS.contains(task)) {
            out.add(missing("language", ProblemCodes.MISSING_LANGUAGE, "a " + task + " model should say which languages it handles", line));
        }
        if (!m.has("base_model") && fineTune(card)) {
            out.add(missing("base_model", ProblemCodes.MISSING_BASE_MODEL, "the card describes a fine-tuned model but does not name the model "
                    + "it was fine-tuned from", line));
        }
    }

    /** Keys that are probably a Hub key misspelt ({@code licence}, {@code pipline_tag}): the Hub ignores them. */
    private static void misspelt(ModelCard card, int blockLine, List<Problem> out) {
        Map<String, String> meant = new LinkedHashMap<>();
        for (String key : card.metadata().keys()) {
            MetadataKeys.didYouMean(key).ifPresent(m -> meant.put(key, m));
        }
        if (meant.isEmpty()) {
            return;
        }
        Map<String, Integer> lineOf = topLevelLines(card, meant.keySet());
        for (Map.Entry<String, String> e : meant.entrySet()) {
            String key = e.getKey();
            int line = lineOf.getOrDefault(key, blockLine);   // a flow-style block's key: at the block
            // "license is missing" alone would have the author add a second key beside the misspelt one
            out.replaceAll(p -> p.path() != null && p.path().equals(e.getValue()) && p.code().startsWith("missing-")
                    && !p.message().contains(" (the block has '") ? new Problem(p.severity(), p.code(), p.message()
                    + " (the block has '" + key + "' at line " + line + ", which the Hub does not read)", p.line(),
                    p.column(), p.path()) : p);
            out.add(new Problem(Problem.Severity.WARNING, ProblemCodes.MISSPELLED_KEY, "key '" + key
                    + "' is not one the Hub reads; did you mean '" + e.getValue() + "'?"
                    + (card.metadata().has(e.getValue()) ? " (the block has '" + e.getValue() + "' too)" : ""), line, 1,
                    key));
        }
    }

    /**
     * A recommended key said missing that the block gives through a merge key ({@code <<: *defaults}) only: YAML 1.2
     * (cardminer's reading) has {@code <<} as a plain key, PyYAML (YAML 1.1, the Hub's Python client) merges the
     * aliased mapping in. "Missing, unknown to the Hub" would be half wrong, and the merge-key note is only info (hidden
     * by --quiet): the warning itself says so, at the merge key, and how to make every reader see the key.
     */
    private static void mergedOnly(ModelCard card, int blockLine, List<Problem> out) {
        Object merged = card.metadata().get("<<");
        List<?> sources = merged instanceof List<?> l ? l : java.util.Collections.singletonList(merged);
        if (sources.stream().noneMatch(m -> m instanceof Map<?, ?>)) {
            return;
        }
        int line = topLevelLines(card, Set.of("<<")).getOrDefault("<<", blockLine);
        out.replaceAll(p -> p.path() != null && p.code().startsWith("missing-")
                && sources.stream().anyMatch(m -> m instanceof Map<?, ?> map && map.containsKey(p.path()))
                ? new Problem(p.severity(), p.code(), "recommended key '" + p.path() + "' is given only through the merge"
                + " key '<<' at line " + line + ": PyYAML (YAML 1.1, the Hub's Python client) merges it into the block,"
                + " YAML 1.2 readers (cardminer among them) read '<<' as a plain key and do not; write '" + p.path()
                + "' in the block itself so that every reader sees it", line, 1, p.path()) : p);
    }

    /** Each of these keys' first top-level line in the card, in one pass over the block (many keys stay linear). */
    private static Map<String, Integer> topLevelLines(ModelCard card, Set<String> keys) {
        String yaml = card.yaml();
        TextLines lines = TextLines.of(yaml);   // as the parser counts lines
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 1; i <= lines.lineCount() && lineOf.size() < keys.size(); i++) {
            String key = writtenKey(yaml.substring(lines.lineStart(i), lines.lineEnd(i)));
            if (key != null && keys.contains(key)) {
                lineOf.putIfAbsent(key, card.yamlLine() + i - 1);
            }
        }
        return lineOf;
    }

    /**
     * The key a top-level YAML line starts with ({@code key:}, the key plain or quoted), or null. A quoted key
     * is compared as the parser read it: escapes ({@code "licen\u001bse"}, {@code 'it''s'}) undone.
     */
    private static String writtenKey(String line) {
        if (line.isEmpty() || " \t-#{[".indexOf(line.charAt(0)) >= 0) {
            return null;
        }
        char q = line.charAt(0);
        if (q == '"' || q == '\'') {
            int close = closingQuote(line, q);
            if (close < 0 || !line.substring(close + 1).stripLeading().startsWith(":")) {
                return null;
            }
            String inner = line.substring(1, close);
            return inner.indexOf(q == '"' ? '\\' : '\'') < 0 ? inner : unquoted(line.substring(0, close + 1));
        }
        int colon = line.indexOf(':');
        return colon > 0 ? line.substring(0, colon).stripTrailing() : null;
    }

    /** The index of the quote closing the scalar opened at 0: past {@code \\x} in double quotes, {@code ''} in single. */
    private static int closingQuote(String line, char q) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A quoted scalar's value as YAML reads it, or null when it is not one (the key then stays at the block). */
    private static String unquoted(String quoted) {
        try {
            return new Load(LoadSettings.builder().build()).loadFromString(quoted) instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean fineTune(ModelCard card) {
        Metadata m = card.metadata();
        if (m.tags().contains("generated_from_trainer") || m.baseModelRelation().isPresent()) {
            return true;
        }
        Matcher said = FINE_TUNED.matcher(card.body());
        while (said.find()) {
            // the template's field "Finetuned from model [optional]: [More Information Needed]" says nothing yet
            if (!TEMPLATE_FIELD_UNFILLED.matcher(card.body()).region(said.start(), lineEnd(card.body(), said.end())).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static Problem missing(String key, String code, String why, int line) {
        return new Problem(Problem.Severity.WARNING, code,
                "recommended key '" + key + "' is missing: " + why, line, 1, key);
    }

    private static void sections(ModelCard card, List<Problem> out) {
        for (Section s : card.sections()) {
            if (s.canonical() != null && s.placeholder()) {
                out.add(Problem.warning(ProblemCodes.PLACEHOLDER_SECTION, "section " + MessageValues.quote(s.title())
                        + " holds only the template's placeholder text", s.line(), 1));
            }
        }
        for (CanonicalSection expected : EXPECTED) {
            boolean filled = card.sections().stream()
                    .anyMatch(s -> s.canonical() != null && within(s.canonical(), expected) && s.hasContent());
            // a section that is there but holds only placeholders has its placeholder-section warning: saying
            // "missing" of it too would tell the author to add a section the card has
            boolean unfilled = card.sections().stream()
                    .anyMatch(s -> s.canonical() != null && within(s.canonical(), expected) && s.placeholder());
            if (!filled && !unfilled) {
                out.add(Problem.info(ProblemCodes.MISSING_SECTION, "template section '" + expected.title()
                        + "' is missing or has no content", 1, 1));
            }
        }
    }

    private static boolean within(CanonicalSection s, CanonicalSection ancestor) {
        for (CanonicalSection c = s; c != null; c = c.parent()) {
            if (c == ancestor) {
                return true;
            }
        }
        return false;
    }
}
