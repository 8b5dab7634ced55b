package dev.cardminer.annotate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads seed 000's answer format, {@code entity -|- concept -|- description}, one per line, tolerantly:
 * numbering and bullets, quotes and bold around fields, blank lines, a missing description, extra
 * separators (folded into the description) and lines that are not annotations (skipped).
 */
public final class AnswerParser {

    /** One parsed line. */
    public record Item(String entity, String concept, String description) {
    }

    private static final Pattern SEPARATOR = Pattern.compile("\\s*-\\s*\\|\\s*-\\s*");
    private static final Pattern LEADER = Pattern.compile("^(?:[-*•+]\\s+|\\d{1,3}[.)]\\s+|\\(\\d{1,3}\\)\\s+)");

    public List<Item> parse(String answer) {
        List<Item> out = new ArrayList<>();
        if (answer == null) {
            return out;
        }
        for (String raw : answer.split("\\R")) {
            String line = LEADER.matcher(raw.strip()).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = SEPARATOR.split(line, -1);
            if (parts.length < 2) {
                continue;
            }
            String entity = clean(parts[0]);
            String concept = clean(parts[1]);
            StringBuilder description = new StringBuilder();
            for (int i = 2; i < parts.length; i++) {
                String p = clean(parts[i]);
                if (!p.isEmpty()) {
                    if (!description.isEmpty()) {
                        description.append(" - ");
                    }
                    description.append(p);
                }
            }
            if (entity.isEmpty() || concept.isEmpty() || entity.length() > 200 || concept.length() > 80) {
                continue;
            }
            out.add(new Item(entity, concept, description.toString()));
        }
        return out;
    }

    /** Strips the wrapping a model puts around a field: quotes, backticks, bold, a label like "Entity:". */
    static String clean(String field) {
        String s = field.strip();
        s = s.replaceFirst("^(?i)(entity|concept|description)\\s*:\\s*", "");
        boolean changed = true;
        while (changed && s.length() >= 2) {
            changed = false;
            char a = s.charAt(0);
            char b = s.charAt(s.length() - 1);
            if ((a == '"' && b == '"') || (a == '\'' && b == '\'') || (a == '`' && b == '`') || (a == '*' && b == '*')
                    || (a == '“' && b == '”') || (a == '[' && b == ']')) {
                s = s.substring(1, s.length() - 1).strip();
                changed = true;
            }
        }
        return s;
    }
}
