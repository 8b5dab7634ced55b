package dev.cardminer.suggest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The languages a card's prose is written in, told by script (Hangul, kana, Han, Cyrillic letters, Arabic
 * letters, Devanagari, ...) and, for Latin text, by the most common function words of each language. Code
 * blocks, inline code, links' targets, URLs and HTML tags are left out. A small, explainable stand-in for a
 * language identifier: it only has to tell which languages hold a real share of a card's prose.
 */
public final class ProseLanguage {

    /**
     * A language and its share of the prose's weight (0..1).
     *
     * @param first body offset of the first word or letter that counted for it
     * @param latin whether it was told by its function words (Latin script), a weaker signal than a script
     */
    record Share(String code, double share, int weight, int first, boolean latin) {
    }

    // Link targets and templates are bounded: unbounded, each "](" or "{{" left open ("[a]([a]([a](...") scanned the rest
    // of the text again, quadratic in its length.
    private static final Pattern NOT_PROSE = Pattern.compile(
            "(?s)```.*?(?:```|\\z)|~~~.*?(?:~~~|\\z)|`[^`\\n]*`|<[^>\\n]{0,300}>|\\]\\([^)\\s]{0,400}\\)|https?://\\S+"
                    + "|\\{\\{.{0,300}?\\}\\}");
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}']+");

    /** Word (lower case) to the Latin-script languages it is a function word of. */
    private final Map<String, List<String>> wordLanguages;
    private final java.util.Set<String> latinLanguages;

    /**
     * @param functionWords per Latin-script language (ISO 639-1 code), its most common function words; a word listed
     *                      for several languages counts for each
     */
    public ProseLanguage(Map<String, List<String>> functionWords) {
        Map<String, List<String>> byWord = new HashMap<>();
        functionWords.forEach((code, words) -> {
            for (String w : words) {
                byWord.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(code);
            }
        });
        byWord.replaceAll((w, codes) -> List.copyOf(codes));
        this.wordLanguages = Map.copyOf(byWord);
        this.latinLanguages = java.util.Set.copyOf(functionWords.keySet());
    }

    /** The bundled function words (function-words.tsv), read once per call: build one and share it. */
    public static ProseLanguage bundled() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (String[] row : TsvResource.rows("function-words.tsv")) {
            words.put(row[0], List.of(row[1].split(" ")));
        }
        return new ProseLanguage(words);
    }

    /** The languages of {@code body}'s prose, the largest share first; empty when there is too little prose. */
    public List<Share> shares(String body) {
        String prose = blankOut(body);
        Map<String, Integer> weights = new HashMap<>();
        Map<String, Integer> firsts = new HashMap<>();
        int[] scriptFirst = new int[Script.values().length];
        java.util.Arrays.fill(scriptFirst, -1);
        int[] scripts = new int[Script.values().length];
        int cyrillicRu = 0;
        int cyrillicUk = 0;
        int cyrillicBg = 0;
        int cyrillicSr = 0;
        int kana = 0;
        int farsi = 0;
        int arabic = 0;
        int urdu = 0;
        for (int i = 0; i < prose.length(); ) {
            int cp = prose.codePointAt(i);
            i += Character.charCount(cp);
            Script s = Script.of(cp);
            if (s == null) {
                continue;
            }
            if (scriptFirst[s.ordinal()] < 0) {
                scriptFirst[s.ordinal()] = i - Character.charCount(cp);
            }
            scripts[s.ordinal()]++;
            switch (s) {
                case HAN -> {
                    if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                        kana++;
                    }
                }
                case CYRILLIC -> {
                    switch (cp) {
                        case 'ы', 'э', 'ё', 'Ы', 'Э' -> cyrillicRu++;
                        case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є' -> cyrillicUk++;
                        case 'ъ' -> cyrillicBg++;
                        case 'ђ', 'ћ', 'џ', 'љ', 'њ', 'ј' -> cyrillicSr++;
                        default -> {
                        }
                    }
                }
                case ARABIC -> {
                    switch (cp) {
                        case 0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9 -> farsi++;
                        case 0x0629, 0x064A, 0x0649 -> arabic++;
                        default -> {
                        }
                    }
                    if (cp == 0x06D2 || cp == 0x0679 || cp == 0x0688 || cp == 0x06BA) {
                        urdu++;
                    }
                }
                default -> {
                }
            }
        }
        // CJK characters carry about a word each; alphabetic letters about a fifth of one.
        addScript(weights, firsts, scripts, scriptFirst, Script.HAN, kana * 10 > scripts[Script.HAN.ordinal()] ? "ja" : "zh", 1.0);
        addScript(weights, firsts, scripts, scriptFirst, Script.HANGUL, "ko", 1.0);
        String cyrillic = cyrillicUk > cyrillicRu ? "uk" : cyrillicSr > cyrillicRu ? "sr"
                : cyrillicBg > 2 * cyrillicRu ? "bg" : "ru";
        addScript(weights, firsts, scripts, scriptFirst, Script.CYRILLIC, cyrillic, 0.2);
        String arabicScript = urdu * 20 > scripts[Script.ARABIC.ordinal()] ? "ur" : farsi > arabic ? "fa" : "ar";
        addScript(weights, firsts, scripts, scriptFirst, Script.ARABIC, arabicScript, 0.2);
        for (Script s : Script.values()) {
            if (s.code != null) {
                addScript(weights, firsts, scripts, scriptFirst, s, s.code, 0.2);
            }
        }
        var words = WORD.matcher(prose);
        while (words.find()) {
            List<String> codes = wordLanguages.get(words.group().toLowerCase(Locale.ROOT));
            if (codes != null) {
                for (String code : codes) {
                    weights.merge(code, 1, Integer::sum);
                    firsts.putIfAbsent(code, words.start());
                }
            }
        }
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (total < 8) {
            return List.of();
        }
        List<Share> out = new ArrayList<>();
        weights.forEach((code, w) -> out.add(new Share(code, (double) w / total, w, firsts.getOrDefault(code, 0),
                latinLanguages.contains(code))));
        out.sort(Comparator.comparingDouble(Share::share).reversed());
        return out;
    }

    private static void addScript(Map<String, Integer> weights, Map<String, Integer> firsts, int[] scripts, int[] scriptFirst,
                                  Script script, String code, double perLetter) {
        int w = (int) (scripts[script.ordinal()] * perLetter);
        if (w > 0) {
            weights.merge(code, w, Integer::sum);
            firsts.merge(code, scriptFirst[script.ordinal()], Math::min);
        }
    }

    /** The body with what is not prose replaced by spaces (line breaks kept), so offsets stay the body's. */
    private static String blankOut(String body) {
        StringBuilder out = new StringBuilder(body);
        var m = NOT_PROSE.matcher(body);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /** Scripts other than Latin; those with one language of their own name it. */
    private enum Script {
        HAN(null), HANGUL(null), CYRILLIC(null), ARABIC(null), DEVANAGARI("hi"), THAI("th"), GREEK("el"),
        HEBREW("he"), BENGALI("bn"), TAMIL("ta"), TELUGU("te"), KANNADA("kn"), MALAYALAM("ml"), GUJARATI("gu"),
        GURMUKHI("pa"), ORIYA("or"), SINHALA("si"), MYANMAR("my"), KHMER("km"), LAO("lo"), GEORGIAN("ka"),
        ARMENIAN("hy"), ETHIOPIC("am");

        final String code;

        Script(String code) {
            this.code = code;
        }

        static Script of(int cp) {
            if (!Character.isLetter(cp)) {
                return null;
            }
            return switch (Character.UnicodeScript.of(cp)) {
                case HAN, HIRAGANA, KATAKANA -> HAN;
                case HANGUL -> HANGUL;
                case CYRILLIC -> CYRILLIC;
                case ARABIC -> ARABIC;
                case DEVANAGARI -> DEVANAGARI;
                case THAI -> THAI;
                case GREEK -> GREEK;
                case HEBREW -> HEBREW;
                case BENGALI -> BENGALI;
                case TAMIL -> TAMIL;
                case TELUGU -> TELUGU;
                case KANNADA -> KANNADA;
                case MALAYALAM -> MALAYALAM;
                case GUJARATI -> GUJARATI;
                case GURMUKHI -> GURMUKHI;
                case ORIYA -> ORIYA;
                case SINHALA -> SINHALA;
                case MYANMAR -> MYANMAR;
                case KHMER -> KHMER;
                case LAO -> LAO;
                case GEORGIAN -> GEORGIAN;
                case ARMENIAN -> ARMENIAN;
                case ETHIOPIC -> ETHIOPIC;
                default -> null;
            };
        }
    }
}
