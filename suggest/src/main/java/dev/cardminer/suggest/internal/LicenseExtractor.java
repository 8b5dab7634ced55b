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
 * Names are mapped to the Hub's ids by licenses.tsv. A licence the table does not know gives the trio
 * {@code other} + {@code license_name} + {@code license_link} only when the card links it by name where it
 * says the model is released under it; otherwise nothing.
 */
public final class LicenseExtractor implements MetadataExtractor {

    public static final String FIELD = "license";
    /** The custom licence's name and link, proposed only with {@code license: other}. */
    public static final String NAME_FIELD = "license_name";
    public static final String LINK_FIELD = "license_link";

    private static final Pattern UNDER = Pattern.compile(
            "(?:(?:released|licensed|licenced|distributed|available|provided|published|shared|made available|is|are|falls)\\s+under"
                    + "|subject\\s+to)\\s+(?:the\\s+|an?\\s+)?(?:terms\\s+of\\s+(?:the\\s+)?)?([^\\n]{1,120}(?:\\n[^\\n]{1,80})?)",
            Pattern.CASE_INSENSITIVE);
    /** "available to all, with a CreativeML OpenRAIL-M license", "It has MIT license": the model's licence, named. */
    private static final Pattern WITH_LICENSE = Pattern.compile(
            "(?<!compatible )\\b(?:with|has|have|uses|carries)\\s+(?:an?\\s+|the\\s+)?((?:[\\w.+-]+[ \\t]+){1,4}licen[cs]e)\\b",
            Pattern.CASE_INSENSITIVE);
    /** "License: X", "- **License:** X", and Japanese cards' "- **ライセンス:** X". */
    private static final Pattern LICENSE_LINE = Pattern.compile(
            "^[ \\t>*_-]*+(?:<li>\\s*)?\\**(?:Licen[cs]e|ライセンス)\\**\\s*[:：]\\**\\s*\\**([^\\n]{1,120})",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern LICENSE_CELL = Pattern.compile(
            "^\\|\\s*\\**Licen[cs]e\\**\\s*\\|([^|\\n]{1,120})\\|", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern LICENSE_HEADING = Pattern.compile(
            "^#{1,6}[ \\t]+(?:(?:Model|Inherited)[ \\t]+)?(?:Licen(?:[cs](?:e|es|ing|ese)|ese)(?:[ \\t]+information)?)\\b([^\\n]{0,80}\\r?\\n(?:[ \\t]*\\r?\\n)*.{1,300})",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern BADGE = Pattern.compile(
            "img\\.shields\\.io/badge/[Ll]icen[cs]e-([^-/)\\s]{1,40})-", Pattern.CASE_INSENSITIVE);
    /** "licensed under the [Acme Model License](https://acme.example/LICENSE)": a named licence with its link. */
    private static final Pattern NAMED_LINK = Pattern.compile(
            "^\\[([^\\]\\n]{3,60}?\\b(?:licen[cs]e|terms of use|agreement))\\]\\((https://[^)\\s]{1,300})\\)", Pattern.CASE_INSENSITIVE);
    /** "License: [Acme](https://...)": on a licence line the link's text is the name, whatever its words. */
    private static final Pattern ANY_NAMED_LINK = Pattern.compile("^\\[([^\\]\\n]{2,60})\\]\\((https://[^)\\s]{1,300})\\)");
    private static final Pattern ID_TOKEN = Pattern.compile("[a-z0-9][a-z0-9.+-]*[a-z0-9+]");
    private static final Pattern NAME_SLUG = Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)*");
    /**
     * Link texts that are no licence's name: an address, a path or file ("https://tfhub.dev/...", "LICENSE.md") or a
     * word that only points ("here", "license"). {@code license_name} is an id for the licence (the Hub's example is
     * {@code my-license-1.0}); a slug of an address names nothing.
     */
    private static final Pattern NO_NAME = Pattern.compile("(?i)^\\s*(?:(?:https?:|www\\.).*|.*(?:://|/|\\\\).*"
            + "|.*\\.(?:com|org|net|ai|io|dev|md|txt|html?|pdf)\\b.*|(?:the\\s+)?(?:licen[cs]e|licen[cs]e file|here|link|this|this link|click here|see here))\\s*$");

    private static final Pattern SD_V1 = Pattern.compile(
            "stable-diffusion-v1-[45]|stable diffusion v?1\\.[45]|\\bsd ?v?1\\.[45]|dreambooth", Pattern.CASE_INSENSITIVE);
    private static final Pattern SD_V2 = Pattern.compile(
            "stable-diffusion-2|stable diffusion v?2|\\bsd ?v?2\\.|\\bsdxl|stable-diffusion-xl", Pattern.CASE_INSENSITIVE);
    /**
     * "licensed under a **modified** CreativeML OpenRAIL-M license" (also misspelt "licesed"): the card's own terms,
     * {@code other} in the Hub's ids.
     */
    private static final Pattern MODIFIED_LICENSE = Pattern.compile(
            "\\b(?:licen[cs]ed|licesed|released|distributed|available)\\s+under\\s+(?:an?\\s+|the\\s+)?[*_]{0,2}modified[*_]{0,2}\\s+[^\\n]{0,60}?licen[cs]e",
            Pattern.CASE_INSENSITIVE);
    /** A known licence with a non-commercial clause added to its name ("Open RAIL++-M-NC"): no longer that licence. */
    private static final Pattern NC_SUFFIX = Pattern.compile("[\\w+]-NC\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCLUDED_CONTEXT = Pattern.compile("(?i)modified|output|derived from|based on");
    /** "The datasets are all released under CC0": the sentence's subject, right before the verb, is data, not the model. */
    private static final Pattern DATA_SUBJECT = Pattern.compile(
            "(?i)\\b(?:data|datasets?|corpus|corpora)[ \t]+(?:(?:is|are|was|were|has|have|been|all|also|itself|themselves)[ \t]+){0,3}$");

    /** "is not released under", "never licensed under", "whether it can be released under", "previously released under". */
    private static final Pattern NEGATED = Pattern.compile(
            "(?i)\\b(?:not|never|no\\s+longer|cannot|neither|nor|whether|previously|formerly)\\b|n't\\b");
    /**
     * A sentence whose subject is another model: "The original model is released under ...", "Unlike Mistral, which is
     * released under ...", "The base model [acme/Base](https://huggingface.co/acme/Base) is released under ...".
     */
    private static final Pattern OTHER_MODEL = Pattern.compile(
            "(?i)\\b(?:original|base|parent|teacher|upstream|foundation|underlying|source)[ \\t]+(?:models?|weights|checkpoints?|llms?)\\b"
                    + "|\\bunlike\\b|huggingface\\.co/(?!datasets/|spaces/)([\\w.-]+/[\\w.-]+)");
    /** "Like the base model, this model is released under ...": the card's own model is the subject after all. */
    private static final Pattern OWN_MODEL = Pattern.compile(
            "(?i)\\b(?:this|our|these|my)[ \\t]+(?:[\\w-]+[ \\t]+){0,2}?(?:models?|fine-?tunes?|adapters?|lora|repo(?:sitory)?|weights"
                    + "|checkpoints?|versions?|merges?|quants?|quantizations?|variants?)\\b|\\bwe\\b");
    /**
     * The card restricts its own use: a licence that allows commercial use without conditions, read elsewhere in the
     * card, is then not its licence (the sentence is most often about the base model or the code).
     */
    private static final Pattern RESTRICTED_USE = Pattern.compile(
            "(?i)\\bresearch(?:[ \\t-]+(?:purposes?|use))?[ \\t]+only\\b|\\bonly[ \\t]+(?:be[ \\t]+)?(?:used[ \\t]+)?for[ \\t]+(?:non-?commercial|research)\\b"
                    + "|\\bnon-?commercial[ \\t]+(?:use|purposes?)[ \\t]+only\\b|\\bnot[ \\t]+(?:be[ \\t]+)?(?:used[ \\t]+)?(?:for[ \\t]+)?commercial(?:ly)?\\b"
                    + "|\\bcommercial[ \\t]+use[ \\t]+is[ \\t]+(?:not[ \\t]+(?:permitted|allowed)|prohibited|forbidden)\\b|\\bno[ \\t]+commercial[ \\t]+use\\b");
    private static final Pattern INTENDED = Pattern.compile("(?i)\\b(?:intended|meant)\\b");
    /** Licences that allow commercial use without conditions: a card that restricts its use has none of them. */
    private static final Pattern PERMISSIVE = Pattern.compile(
            "apache-2\\.0|mit|bsd.*|cc-by(?:-sa)?-\\d\\.\\d|cc0-1\\.0|unlicense|wtfpl|isc|mpl-2\\.0|bsl-1\\.0|zlib|postgresql|afl-3\\.0|ecl-2\\.0"
                    + "|artistic-2\\.0|ms-pl|odc-by|pddl|cdla-permissive.*");

    private final Vocabularies vocabularies;
    private final List<Name> names;
    private final List<Name> baseLicenses;
    private final BaseModelExtractor baseModels;

    private record Name(Pattern pattern, String id) {
    }

    public LicenseExtractor(Vocabularies vocabularies) {
        this(vocabularies, new BaseModelExtractor());
    }

    /** With the base model extractor the other extractors of a card share (it reads each card once). */
    public LicenseExtractor(Vocabularies vocabularies, BaseModelExtractor baseModels) {
        this.baseModels = baseModels;
        this.vocabularies = vocabularies;
        this.names = readNames();
        List<Name> bases = new ArrayList<>();
        for (String[] row : TsvResource.rows("base-licenses.tsv")) {
            bases.add(new Name(Pattern.compile(row[0].startsWith("~") ? row[0].substring(1) : Pattern.quote(row[0])), row[1]));
        }
        this.baseLicenses = List.copyOf(bases);
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Suggestion s = !text.mentions("licen", "shields.io", "ライセンス") ? null : modified(text);
        if (s == null && text.mentions("licen", "shields.io")) {
            s = find(text, UNDER, 0.88, "released-under");
        }
        if (s == null) {
            s = find(text, LICENSE_LINE, 0.88, "license-line");
        }
        if (s == null) {
            s = find(text, LICENSE_CELL, 0.88, "license-table");
        }
        if (s == null) {
            s = find(text, WITH_LICENSE, 0.85, "with-license");
        }
        if (s == null) {
            s = find(text, LICENSE_HEADING, 0.8, "license-section");
        }
        if (s == null) {
            s = find(text, BADGE, 0.85, "license-badge");
        }

        if (s != null) {
            return List.of(s);
        }
        List<Suggestion> custom = text.mentions("licen") ? custom(text) : List.of();
        if (!custom.isEmpty()) {
            return custom;
        }
        s = stableDiffusionV1(text);
        if (s == null) {
            s = trainerBase(text);
        }
        return s == null ? List.of() : List.of(s);
    }

    /**
     * A DreamBooth or fine-tune of Stable Diffusion v1 (tagged so, naming v1.4/1.5 or DreamBooth, not v2): the
     * CreativeML OpenRAIL-M's use restrictions bind its derivatives, and the Hub's templates give them that licence.
     */
    private Suggestion stableDiffusionV1(BodyText text) {
        boolean tagged = text.card().metadata().tags().stream()
                .anyMatch(t -> t.equals("stable-diffusion") || t.equals("text-to-image"));
        if (!tagged || !text.mentions("stable-diffusion-v1-", "stable diffusion", "sd", "dreambooth")
                || SD_V2.matcher(text.body()).find() || !vocabularies.licenses().contains("creativeml-openrail-m")) {
            return null;
        }
        Matcher m = SD_V1.matcher(text.body());
        return m.find() ? text.suggestion(FIELD, "creativeml-openrail-m", m.start(), m.end(), 0.9, "stable-diffusion-v1-derivative") : null;
    }

    /**
     * A Trainer card fine-tuned from a base model whose licence is known: the Trainer copies the base model's
     * licence into the card it writes, so the key is most likely missing because it was removed or not yet there.
     * Not when the card says anything of its terms: a licence no rule maps, a copyright, a restriction of use.
     */
    private Suggestion trainerBase(BodyText text) {
        ModelCard card = text.card();
        if (text.mentions("licen", "ライセンス", "copyright", "©", "rights reserved", "proprietary", "terms of use", "terms of service",
                "commercial use", "non-commercial", "noncommercial") || RESTRICTED_USE.matcher(text.body()).find()) {
            return null;   // the card states terms of its own ("License: proprietary", "Non-commercial use only"), read or not
        }
        for (Suggestion base : baseModels.extract(card)) {
            if (!base.method().equals("trainer-finetuned-version")) {
                continue;
            }
            String id = base.value().toString().toLowerCase(java.util.Locale.ROOT);
            for (Name known : baseLicenses) {
                if (known.pattern().matcher(id).matches() && vocabularies.licenses().contains(known.id())) {
                    return new Suggestion(FIELD, known.id(), base.evidence(), 0.88, "trainer-base-license");
                }
            }
        }
        return null;
    }

    /**
     * A custom licence: "released under the [Acme Model License](https://...)" where the name is none the Hub
     * knows. The Hub's form for it is the trio {@code license: other}, {@code license_name} (a slug of the name)
     * and {@code license_link} (the link), proposed together with the same evidence.
     */
    private List<Suggestion> custom(BodyText text) {
        if (!vocabularies.licenses().contains("other")) {
            return List.of();
        }
        for (Pattern where : List.of(UNDER, LICENSE_LINE)) {
            List<Suggestion> trio = custom(text, where, where == UNDER ? NAMED_LINK : ANY_NAMED_LINK);
            if (!trio.isEmpty()) {
                return trio;
            }
        }
        return List.of();
    }

    private List<Suggestion> custom(BodyText text, Pattern where, Pattern namedLink) {
        Matcher m = where.matcher(text.body());
        while (m.find()) {
            if (text.inCode(m.start())) {
                continue;
            }
            Matcher link = namedLink.matcher(m.group(1));
            if (!link.find() || knownId(link.group(1)) != null || EXCLUDED_CONTEXT.matcher(link.group(1)).find()
                    || !ownClaim(text, m.start(1) + link.start())
                    || NO_NAME.matcher(link.group(1)).matches()
                    || link.group(1).toLowerCase(java.util.Locale.ROOT).contains("information")) {
                continue;
            }
            String slug = link.group(1).toLowerCase(java.util.Locale.ROOT).replaceAll("^the\\s+", "")
                    .replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
            if (!NAME_SLUG.matcher(slug).matches() || slug.length() > 60) {
                continue;
            }
            int start = m.start();
            int end = m.start(1) + link.end();
            return List.of(text.suggestion(FIELD, "other", start, end, 0.8, "custom-license-link"),
                    text.suggestion(NAME_FIELD, slug, start, end, 0.8, "custom-license-link"),
                    text.suggestion(LINK_FIELD, link.group(2), start, end, 0.8, "custom-license-link"));
        }
        return List.of();
    }

    private String knownId(String phrase) {
        Known known = known(phrase);
        return known == null ? null : known.id();
    }

    /** A known licence named in a phrase, with where its name starts there. */
    private record Known(String id, int at) {
    }

    private Known known(String phrase) {
        Matcher token = ID_TOKEN.matcher(phrase.toLowerCase(java.util.Locale.ROOT));
        while (token.find()) {
            String t = token.group();
            if (t.contains("-") && vocabularies.licenses().contains(t)) {
                return new Known(t, token.start());   // the Hub's own id, as in "License: creativeml-openrail-m"
            }
        }
        for (Name name : names) {
            Matcher m = name.pattern().matcher(phrase);
            if (m.find() && vocabularies.licenses().contains(name.id())) {
                return new Known(name.id(), m.start());
            }
        }
        return null;
    }

    /**
     * A licence the card says it changed: "under a modified X license", or a licence line naming a known licence with
     * "-NC" added ("CreativeML Open RAIL++-M-NC License"); the Hub's id for such terms is {@code other}.
     */
    private Suggestion modified(BodyText text) {
        if (!vocabularies.licenses().contains("other")) {
            return null;
        }
        Matcher m = MODIFIED_LICENSE.matcher(text.body());
        while (m.find()) {
            if (!text.inCode(m.start())) {
                return text.suggestion(FIELD, "other", m.start(), m.end(), 0.85, "modified-license");
            }
        }
        Matcher line = LICENSE_LINE.matcher(text.body());
        while (line.find()) {
            String value = line.group(1);
            String id = knownId(value);
            if (!text.inCode(line.start()) && id != null && !id.contains("nc") && NC_SUFFIX.matcher(value).find()) {
                return text.suggestion(FIELD, "other", line.start(), line.end(), 0.85, "modified-license");
            }
        }
        return null;
    }

    private Suggestion find(BodyText text, Pattern pattern, double confidence, String method) {
        Matcher m = pattern.matcher(text.body());
        int[] comments = null;
        int comment = 0;   // matches come in order: the first comment not ending before this one
        int from = 0;
        while (from < text.body().length() && m.find(from)) {
            from = m.end();
            if (text.inCode(m.start())) {
                continue;
            }
            if (comments == null) {
                comments = htmlComments(text);
            }
            while (comment < comments.length && comments[comment + 1] <= m.start()) {
                comment += 2;
            }
            if (comment < comments.length && m.start() >= comments[comment]) {
                continue;   // not shown on the page: a copied source file's header ("<!--Copyright ... Licensed under ...")
            }
            String before = text.body().substring(Math.max(0, m.start() - 60), m.start());
            Known known = known(m.group(1).replace('_', ' ').replace("%20", " "));
            if (known == null || EXCLUDED_CONTEXT.matcher(before + m.group(1)).find() || DATA_SUBJECT.matcher(before).find()) {
                continue;
            }
            int nameAt = m.start(1) + Math.min(known.at(), m.group(1).length());
            if (!ownClaim(text, nameAt)) {
                // the match may run into the next sentence ("... Apache 2.0 license. This merge is released under ..."): read on from the name
                from = nameAt + 1;
                continue;
            }
            return restrictedUse(text, known.id()) ? null : text.suggestion(FIELD, known.id(), m.start(), m.end(), confidence, method);
        }
        return null;
    }

    /**
     * Whether the sentence naming a licence at {@code nameAt} says it is this card's: not negated ("is not released
     * under"), and not about another model ("The original model is released under"), unless this model is named too.
     */
    private static boolean ownClaim(BodyText text, int nameAt) {
        String clause = sentenceBefore(text.body(), nameAt);
        if (NEGATED.matcher(clause).find()) {
            return false;
        }
        Matcher other = OTHER_MODEL.matcher(clause);
        while (other.find()) {
            if (other.group(1) == null || !other.group(1).equalsIgnoreCase(text.card().id())) {
                return OWN_MODEL.matcher(clause).find();
            }
        }
        return true;
    }

    /**
     * The sentence (or line) up to {@code end}, at most 200 characters: a full stop ends a sentence only before a space,
     * so that "v1.5" and "huggingface.co/acme/Base" stay in it.
     */
    private static String sentenceBefore(String body, int end) {
        int from = end;
        while (from > 0 && end - from < 200) {
            char c = body.charAt(from - 1);
            if (c == '\n' || (c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(body.charAt(from))) {
                break;
            }
            from--;
        }
        return body.substring(from, end);
    }

    /** Whether the card restricts its own use while {@code id} allows commercial use: the licence is then not its own. */
    private static boolean restrictedUse(BodyText text, String id) {
        if (!PERMISSIVE.matcher(id).matches() || !text.mentions("only", "commercial")) {
            return false;
        }
        Matcher m = RESTRICTED_USE.matcher(text.body());
        while (m.find()) {
            // "The model is intended for research purposes only" (Stable Diffusion's template, copied onto MIT models),
            // "meant only for research purposes": what the model is for, not its terms
            if (!INTENDED.matcher(sentenceBefore(text.body(), m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The HTML comments of the body, as start and end offsets in pairs. An unclosed one runs to the end only where it
     * opens an HTML block (at a line's start, up to three spaces in), as CommonMark and so the Hub read it; opened
     * inside a line it is literal text, and the rest of the card is shown.
     */
    private static int[] htmlComments(BodyText text) {
        if (!text.mentions("<!--")) {
            return new int[0];
        }
        String body = text.body();
        List<Integer> out = new ArrayList<>();
        for (int open = body.indexOf("<!--"); open >= 0; ) {
            int close = body.indexOf("-->", open + 4);
            if (close < 0 && !opensBlock(body, open)) {
                open = body.indexOf("<!--", open + 4);
                continue;
            }
            out.add(open);
            out.add(close < 0 ? body.length() : close + 3);
            open = close < 0 ? -1 : body.indexOf("<!--", close + 3);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether only up to three spaces stand between the line's start and {@code at}. */
    private static boolean opensBlock(String body, int at) {
        int lineStart = body.lastIndexOf('\n', at - 1) + 1;
        return at - lineStart <= 3 && body.substring(lineStart, at).isBlank();
    }

    private static List<Name> readNames() {
        List<Name> out = new ArrayList<>();
        for (String[] row : TsvResource.rows("licenses.tsv")) {
            out.add(new Name(Pattern.compile(row[0], Pattern.CASE_INSENSITIVE), row[1]));
        }
        return List.copyOf(out);
    }
}
