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
final class ProseLanguage {

    /**
     * A language and its share of the prose's weight (0..1).
     *
     * @param first body offset of the first word or letter that counted for it
     */
    record Share(String code, double share, int weight, int first) {

        /** Whether this language was told by its function words (Latin script), a weaker signal than a script. */
        boolean latin() {
            return FUNCTION_WORDS.containsKey(code);
        }
    }

    private static final Pattern NOT_PROSE = Pattern.compile(
            "(?s)```.*?(?:```|\\z)|~~~.*?(?:~~~|\\z)|`[^`\\n]*`|<[^>\\n]{0,300}>|\\]\\([^)\\s]*\\)|https?://\\S+|\\{\\{.*?\\}\\}");
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}']+");

    /** Function words per Latin-script language; a word listed for several counts for each. */
    private static final Map<String, String> FUNCTION_WORDS = new LinkedHashMap<>();

    static {
        FUNCTION_WORDS.put("en", "the and of to is this that with for are be was it as by from which we can you an not or have has these on");
        FUNCTION_WORDS.put("de", "der die und ist das nicht mit den ein eine für auf sich von wird werden auch dem des zu im sind oder wir");
        FUNCTION_WORDS.put("fr", "le les et des est une du pour dans que qui sur avec pas au sont ce cette nous vous être par aux");
        FUNCTION_WORDS.put("es", "el los las y que es una para con por del se al este esta como más son lo entre sobre modelo");
        FUNCTION_WORDS.put("it", "il di che è una del della con sono questo gli nel dei delle alla questa anche modello");
        FUNCTION_WORDS.put("pt", "os que é um uma para com não do da dos em na este esta são ao pelo modelo foi das");
        FUNCTION_WORDS.put("nl", "de het een en van is dat op te voor met zijn niet dit wordt deze ook naar bij");
        FUNCTION_WORDS.put("vi", "của và là các có được cho trong những với này một không để người từ mô hình");
        FUNCTION_WORDS.put("tr", "ve bir bu için ile olan olarak veya gibi çok daha değil");
        FUNCTION_WORDS.put("pl", "w nie się na jest że jak dla oraz przez od są który");
        FUNCTION_WORDS.put("id", "dan yang di ini untuk dengan dari adalah dalam akan pada tidak atau ke");
        FUNCTION_WORDS.put("ca", "el de que és amb els les una del aquest aquesta al");
        FUNCTION_WORDS.put("sv", "och är att en som det av för på med till den inte har om modellen");
        FUNCTION_WORDS.put("da", "og er en det til af på med som den ikke har om modellen");
        FUNCTION_WORDS.put("fi", "ja on ei että se tämä joka mutta myös kanssa malli");
        FUNCTION_WORDS.put("cs", "je se na že s z pro jako ale jsou");
        FUNCTION_WORDS.put("ro", "și în este o cu pe care pentru nu un această acest sunt modelul");
        FUNCTION_WORDS.put("hu", "az és egy hogy nem van ez meg vagy modell");
    }

    private final Map<String, List<String>> wordLanguages = new HashMap<>();

    ProseLanguage() {
        FUNCTION_WORDS.forEach((code, words) -> {
            for (String w : words.split(" ")) {
                wordLanguages.computeIfAbsent(w, k -> new ArrayList<>()).add(code);
            }
        });
    }

    /** The languages of {@code body}'s prose, the largest share first; empty when there is too little prose. */
    List<Share> shares(String body) {
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
        weights.forEach((code, w) -> out.add(new Share(code, (double) w / total, w, firsts.getOrDefault(code, 0))));
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
