package dev.cardminer.suggest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results block that the transformers Trainer writes into the cards it generates ("It achieves the
 * following results on the evaluation set: - Loss: 0.12 - Accuracy: 0.97") and the dataset of its opening
 * sentence ("... fine-tuned version of [X](...) on the imdb dataset.").
 */
public final class TrainerResults {

    /** "It achieves the following results on the evaluation set:", also "on the common_voice_11_0 evaluation set." */
    private static final Pattern BLOCK = Pattern.compile(
            "(?:achieves|obtains|achieved|gets) the following results on the (?:[\\w./-]{1,60} )?(?:evaluation|test|validation) set[:.]?[ \\t]*\\r?\\n");
    /** "- Accuracy: 0.97"; the bullet may be missing where a card's Markdown was pasted from a rendered page. */
    private static final Pattern ITEM = Pattern.compile("[ \\t]*(?:[-*][ \\t]+)?([A-Za-z][\\w .@/()-]{0,60}?)[ \\t]*:[ \\t]*"
            + "(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(?:[ \\t]+\\([^()\\n]{1,40}\\))?[ \\t]*\\r?$", Pattern.MULTILINE);
    /** "- Loss: nan": a value the run did not get (fp16 overflow); the block goes on after it. */
    private static final Pattern NOT_A_NUMBER_ITEM = Pattern.compile("[ \\t]*(?:[-*][ \\t]+)?[A-Za-z][\\w .@/()-]{0,60}?[ \\t]*:[ \\t]*"
            + "-?(?:nan|inf)\\b[^\\n]{0,40}$", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** The opening sentence up to its dataset: "fine-tuned version of X ... on the ", or "trained from scratch on the ". */
    private static final String OPENING = "(?:(?:fine-?tuned|trained) (?:version of|on) .{0,400}? |trained from scratch )on the ";
    static final Pattern DATASET_SENTENCE = Pattern.compile(
            OPENING + HubRefs.REF + "(?: ([\\w.-]{1,60})|((?: - [\\w.-]{1,60}){1,3}))? dataset",
            Pattern.CASE_INSENSITIVE);
    /** transformers' wording for several datasets: "on the A, the B and the C datasets." (group 1: the list after "on the "). */
    private static final Pattern DATASETS_SENTENCE = Pattern.compile(
            OPENING + "((?:[^\\n.]|\\.(?! )){1,600}?) datasets\\.", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_SEPARATOR = Pattern.compile(",\\s*(?:and\\s+)?(?:the\\s+)?|\\s+and\\s+(?:the\\s+)?");
    private static final Pattern LIST_ITEM = Pattern.compile(HubRefs.REF + "(?=$|[ ,])");

    /** "... on the [ATCOSIM corpus](https://huggingface.co/datasets/x/atcosim)": a dataset link, whatever its words. */
    private static final Pattern LINKED_DATASET = Pattern.compile(
            OPENING + "\\[[^\\]\\n]{1,200}\\]\\((https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);

    /** "Common Voice 11.0", as the speech fine-tuning scripts name Mozilla's versioned datasets. */
    private static final Pattern COMMON_VOICE = Pattern.compile(
            OPENING + "(?:mozilla-foundation/)?common[ _]voice[ _-]?(\\d{1,2})(?:[._](\\d))?\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * "common_voice_11_0" with no org: a script's own dataset name, which the Trainer writes into the YAML as it
     * is (10 of 12 such dev cards list it so), not Mozilla's id.
     */
    private static final Pattern LITERAL_COMMON_VOICE = Pattern.compile("common_voice_\\d{1,2}_\\d");

    /**
     * The metric ids the Trainer writes into model-index, after transformers' METRIC_TAGS: a results key
     * whose lower-cased, underscored name is one of these (and "Rouge1" as rouge) becomes a metric; cer, which
     * the speech fine-tuning scripts add, too.
     */
    private static final Map<String, String> TRAINER_METRICS = Map.ofEntries(
            Map.entry("accuracy", "accuracy"), Map.entry("bleu", "bleu"), Map.entry("f1", "f1"),
            Map.entry("matthews_correlation", "matthews_correlation"), Map.entry("pearsonr", "pearsonr"),
            Map.entry("precision", "precision"), Map.entry("recall", "recall"), Map.entry("rouge", "rouge"),
            Map.entry("sacrebleu", "sacrebleu"), Map.entry("spearmanr", "spearmanr"), Map.entry("wer", "wer"),
            Map.entry("rouge1", "rouge"), Map.entry("cer", "cer"));

    /** One "- Key: value" line of the block, with the metric id it maps to (null when none). */
    public record Item(String key, String metricType, double value, String valueText, int start, int end) {
    }

    private TrainerResults() {
    }

    /** The items of every results block in the body (usually one). */
    public static List<Item> items(String body) {
        List<Item> out = new ArrayList<>();
        Matcher block = BLOCK.matcher(body);
        while (block.find()) {
            int pos = block.end();
            Matcher item = ITEM.matcher(body);
            Matcher notANumber = NOT_A_NUMBER_ITEM.matcher(body);
            boolean blank = false;
            while (pos < body.length()) {
                int lineEnd = body.indexOf('\n', pos);
                int end = lineEnd < 0 ? body.length() : lineEnd;
                if (body.substring(pos, end).isBlank() && !blank) {
                    blank = true;   // one blank line between items, as in cards pasted from a rendered page
                    pos = end + 1;
                    continue;
                }
                blank = false;
                item.region(pos, end);
                if (!item.lookingAt()) {
                    if (notANumber.region(pos, end).lookingAt()) {
                        pos = end + 1;
                        continue;
                    }
                    break;
                }
                String key = item.group(1).strip();
                String number = item.group(2);
                double value;
                try {
                    value = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    break;
                }
                out.add(new Item(key, metricType(key), value, number, item.start(1), item.end(2)));
                pos = end + 1;
            }
        }
        return out;
    }

    /**
     * "WER on validation set", "Accuracy on the test split": a key that names the evaluation split it was measured
     * on, as hand-edited blocks write it when they give the test result beside the validation one; the training
     * split is no evaluation and keeps its key unmapped.
     */
    private static final Pattern SPLIT_SUFFIX = Pattern.compile(
            "\\s+on\\s+(?:the\\s+)?(?:validation|test|evaluation|eval|dev)(?:\\s+(?:set|split|data))?$", Pattern.CASE_INSENSITIVE);

    /** The Hub metric id the Trainer gives a results key, or null. */
    public static String metricType(String key) {
        String k = SPLIT_SUFFIX.matcher(key.strip()).replaceFirst("").toLowerCase(Locale.ROOT).replace(' ', '_');
        // the speech fine-tuning scripts print the Trainer's raw keys ("eval_wer")
        return TRAINER_METRICS.get(k.startsWith("eval_") ? k.substring(5) : k);
    }

    /** The dataset id of the Trainer's opening sentence, or null ("on the None dataset" gives none). */
    public static DatasetMention dataset(String body) {
        Matcher cv = COMMON_VOICE.matcher(body);
        if (cv.find() && !literalCommonVoice(body, cv)) {
            String id = "mozilla-foundation/common_voice_" + cv.group(1) + "_" + (cv.group(2) == null ? "0" : cv.group(2));
            return new DatasetMention(id, null, cv.start(1), cv.end());
        }
        Matcher linked = LINKED_DATASET.matcher(body);
        if (linked.find()) {
            String id = HubRefs.datasetFromUrl(linked.group(1));
            if (id != null) {
                return new DatasetMention(id, null, linked.start(), linked.end());
            }
        }
        Matcher m = DATASET_SENTENCE.matcher(body);
        if (!m.find()) {
            return null;
        }
        String id = HubRefs.datasetId(m, 1);
        if (id == null && m.group(1) != null) {
            id = HubRefs.valid(m.group(1).strip());
        }
        if (id == null && m.group(4) != null) {
            // "the GLUE QNLI dataset", "the wmt16 ro-en dataset": the Trainer's dataset name, then its config
            String first = m.group(4);
            boolean idLike = m.group(5) == null || first.matches(".*[\\d_/-].*") || first.matches("[A-Z0-9]{2,}");
            String bare = m.group(5) != null && first.indexOf('/') < 0 ? first.toLowerCase(Locale.ROOT) : first;
            id = idLike ? HubRefs.valid(bare) : null;
        }
        int start = m.start(1) >= 0 ? m.start(1) : m.start(3) >= 0 ? m.start(3) : m.start(4);
        int end = m.end(2) >= 0 ? m.end(2) + 1 : m.end(3) >= 0 ? m.end(3) : m.end(4);
        if (m.group(5) != null) {
            end = m.end(5);
        }
        if (id != null && m.group(6) != null) {
            // "the NBAILAB/NPSC - 16K_MP3 dataset": the speech scripts' upper-cased name, then its config
            id = unshout(id);
            end = m.end(6);
        }
        return id == null ? null : new DatasetMention(id, m.group(5), start, end);
    }

    /**
     * The datasets of the opening sentence's plural form, "on the MOZILLA-FOUNDATION/COMMON_VOICE_8_0 - CA, the
     * [tv3_parla](https://huggingface.co/datasets/org/tv3_parla) and the org/x datasets.": each item that is a Hub
     * dataset link or an {@code org/name} id (an item such as "the Fleurs" names no id); empty when none.
     */
    public static List<DatasetMention> datasets(String body) {
        Matcher m = DATASETS_SENTENCE.matcher(body);
        if (!m.find()) {
            return List.of();
        }
        List<DatasetMention> out = new ArrayList<>();
        int from = m.start(1);
        for (String item : LIST_SEPARATOR.split(m.group(1), -1)) {
            int at = body.indexOf(item, from);
            from = at + item.length();
            Matcher ref = LIST_ITEM.matcher(item);
            if (item.isBlank() || !ref.lookingAt()) {
                continue;
            }
            String id = HubRefs.datasetId(ref, 1);
            if (id != null && id.indexOf('/') > 0) {
                out.add(new DatasetMention(ref.group(4) != null ? unshout(id) : id, null, at, at + ref.end()));
            }
        }
        return out;
    }

    /** An id the speech scripts upper-cased ("NBAILAB/NPSC") in lower case, the Hub's ids matching without case; others as they are. */
    private static String unshout(String id) {
        return id.equals(id.toUpperCase(Locale.ROOT)) ? id.toLowerCase(Locale.ROOT) : id;
    }

    /** Whether the Common Voice match is a bare "common_voice_11_0", with no org. */
    private static boolean literalCommonVoice(String body, Matcher cv) {
        int name = cv.start(1) - "common_voice_".length();
        return name > 0 && body.charAt(name - 1) == ' '
                && LITERAL_COMMON_VOICE.matcher(body).region(name, cv.end()).matches();
    }

    /** A dataset id, its config when the sentence names one (null otherwise), and where it stands in the body. */
    public record DatasetMention(String id, String config, int start, int end) {
    }
}
