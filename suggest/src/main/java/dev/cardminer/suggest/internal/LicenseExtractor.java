package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code license}: a licence named where the card speaks of its licence: "released / licensed / available
 * under the X license", a "License: X" line, the first paragraph of a License section, a licence badge.
 * Names are mapped to the Hub's ids by licenses.tsv; a name the table does not know gives nothing
 * (custom licences are left to people: {@code other} needs a name and link that a rule cannot vouch for).
 */
public final class LicenseExtractor implements MetadataExtractor {

    public static final String FIELD = "license";

    private static final Pattern UNDER = Pattern.compile(
            "(?:released|licensed|distributed|available|provided|published|shared|made available|licenced|is)\\s+under\\s+(?:the\\s+)?(?:terms\\s+of\\s+(?:the\\s+)?)?(.{1,120})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LICENSE_LINE = Pattern.compile(
            "^[ \\t>*_-]*\\**Licen[cs]e\\**\\s*:\\s*\\**(.{1,120})$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern LICENSE_HEADING = Pattern.compile(
            "^#{1,6}[ \\t]+(?:Model[ \\t]+)?Licen[cs](?:e|ing)[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)*(.{1,300})",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern BADGE = Pattern.compile(
            "img\\.shields\\.io/badge/[Ll]icen[cs]e-([^-/)\\s]{1,40})-", Pattern.CASE_INSENSITIVE);

    private final Vocabularies vocabularies;
    private final List<Name> names;

    private record Name(Pattern pattern, String id) {
    }

    public LicenseExtractor(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
        this.names = readNames();
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Suggestion s = find(text, UNDER, 0.88, "released-under");
        if (s == null) {
            s = find(text, LICENSE_LINE, 0.88, "license-line");
        }
        if (s == null) {
            s = find(text, LICENSE_HEADING, 0.8, "license-section");
        }
        if (s == null) {
            s = find(text, BADGE, 0.85, "license-badge");
        }
        return s == null ? List.of() : List.of(s);
    }

    private Suggestion find(BodyText text, Pattern pattern, double confidence, String method) {
        Matcher m = pattern.matcher(text.body());
        while (m.find()) {
            if (text.inCode(m.start())) {
                continue;
            }
            String phrase = m.group(1).replace('_', ' ').replace("%20", " ");
            for (Name name : names) {
                Matcher n = name.pattern().matcher(phrase);
                if (n.find() && vocabularies.licenses().contains(name.id())) {
                    return text.suggestion(FIELD, name.id(), m.start(), m.end(), confidence, method);
                }
            }
        }
        return null;
    }

    private static List<Name> readNames() {
        List<Name> out = new ArrayList<>();
        for (String[] row : TsvResource.rows("licenses.tsv")) {
            out.add(new Name(Pattern.compile(row[0], Pattern.CASE_INSENSITIVE), row[1]));
        }
        return List.copyOf(out);
    }
}
