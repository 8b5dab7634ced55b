package dev.cardminer.classify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A table of rules {@code label<TAB>weight<TAB>field<TAB>regex}: the regex must match a whole value of
 * a metadata field, or be found in the text. Bad lines are reported with their line number.
 */
public final class RuleTable {

    /** Where a rule looks. */
    public enum Field { ID, TAG, LIBRARY, DATASET, METRIC, TASK, TEXT }

    public record Rule(String label, double weight, Field field, Pattern pattern, String source) {
    }

    private final List<Rule> rules;

    public RuleTable(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public static RuleTable parse(String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            if (parts.length != 4) {
                throw new IllegalArgumentException("rules line " + (i + 1) + ": expected label, weight, field, regex separated by tabs");
            }
            try {
                double weight = Double.parseDouble(parts[1]);
                if (!(weight > 0 && weight < 1)) {
                    throw new IllegalArgumentException("rules line " + (i + 1) + ": weight must be between 0 and 1");
                }
                Field field = Field.valueOf(parts[2].strip().toUpperCase(java.util.Locale.ROOT));
                rules.add(new Rule(parts[0].strip(), weight, field, Pattern.compile(parts[3].strip()), parts[2] + "~" + parts[3]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rules line " + (i + 1) + ": bad weight " + parts[1]);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("rules line " + (i + 1) + ": bad regex: " + e.getDescription());
            }
        }
        return new RuleTable(rules);
    }
}
