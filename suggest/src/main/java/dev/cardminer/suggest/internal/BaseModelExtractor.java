package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code base_model}: the model a card's model was made from. Reads the Trainer's "fine-tuned version
 * of [X](...)", "fine-tuned from / on top of / based on X", PEFT adapter configs and "LoRA adapter for X",
 * mergekit configs in code blocks, and quantized re-uploads ("GGUF quants of X", "quantized version of X",
 * "Original model: X"). Only the rule with the highest confidence speaks; a merge gives several values.
 * The relation ({@link BaseModelRelationExtractor}) is read by the same rules.
 */
public final class BaseModelExtractor implements MetadataExtractor {

    public static final String FIELD = "base_model";

    private static final int F = Pattern.CASE_INSENSITIVE;
    private static final Pattern TRAINER = Pattern.compile("fine-?tuned version of (?:the model )?" + HubRefs.REF, F);
    private static final Pattern FINETUNED_FROM = Pattern.compile(
            "(?:fine-?tuned|trained|built|initiali[sz]ed)\\s+(?:(?:it|this|this model|the model)\\s+)?(?:from|on top of|upon|off of|over(?=\\s+(?:the\\s+)?(?:model\\s+)?\\[)|starting from)\\s+(?:the\\s+)?(?:model\\s+)?"
                    + HubRefs.REF, F);
    /** "finetuned on [X](...) checkpoint": "on" names data unless the link is followed by checkpoint or model. */
    private static final Pattern FINETUNED_ON_CHECKPOINT = Pattern.compile(
            "fine-?tuned\\s+on\\s+(?:the\\s+)?(?:pre-?trained\\s+)?" + HubRefs.REF + "\\s+(?:checkpoint|model|base\\s+model)\\b", F);
    /**
     * The XLSR fine-tuning template's first line, "Fine-tuned [org/x](https://huggingface.co/org/x) on Hungarian using ...":
     * the verb opens the line (or a sentence), its object is the model.
     */
    private static final Pattern FINETUNED_LINK = Pattern.compile(
            "(?:^|(?<=[.!?][ \\t]))[ \\t]*(?:[-*][ \\t]+)?Fine-?tuned[ \\t]+(?:the[ \\t]+)?(?:model[ \\t]+)?" + HubRefs.REF
                    + "[ \\t]+(?:on|in|for|with|using)\\b", F | Pattern.MULTILINE);
    /** "initialized with [X](...)", "initialized from the weights of [X](...)": a Hub link, not a bare name. */
    private static final Pattern INITIALIZED_FROM = Pattern.compile(
            "initiali[sz]ed\\s+(?:with|from)\\s+(?:the\\s+)?(?:(?:weights|parameters|checkpoint)\\s+(?:of|from)\\s+)?(?:the\\s+)?" + HubRefs.REF, F);
    /** "..., derived from [X](...)", "built on [X](...)": a Hub link, not a bare name (data is derived from datasets too). */
    private static final Pattern DERIVED_FROM = Pattern.compile(
            "(?:derived\\s+from|built\\s+on(?:\\s+top\\s+of)?)\\s+(?:the\\s+)?(?:model\\s+)?" + HubRefs.REF, F);
    /** What a clause may say is derived or initialised other than the model: then the link is no base. */
    private static final Pattern OTHER_SUBJECT = Pattern.compile(
            "\\b(?:tokeni[sz]er|vocab\\w*|data|datasets?|corpus|corpora|code|card|readme|text|method|approach|architecture|config\\w*|embeddings?|head)\\b", F);
    /** "is a merge of [A](...) and [B](...)": the models listed after it are read one by one ({@link #mergeOf}). */
    /** "The base language model [X](…) is a fine-tuned version of [Y](…)": the line's subject is the base, Y its own base. */
    private static final Pattern BASE_SUBJECT = Pattern.compile("^[\\s>*_-]*(?:the\\s+)?base\\s+(?:language\\s+)?model\\b", F);
    private static final Pattern MERGE_OF = Pattern.compile("\\bmerge\\s+(?:of|between)\\s+(?:the\\s+(?:following\\s+)?(?:models?\\s*)?:?\\s*)?", F);
    private static final Pattern MERGE_ITEM = Pattern.compile(HubRefs.REF);
    private static final Pattern MERGE_SEPARATOR = Pattern.compile("\\s*(?:,\\s*(?:and\\s+)?|\\s(?:and|with|&|\\+)\\s+)(?:the\\s+)?");
    /** The diffusers LoRA template's title, "# LoRA DreamBooth - org/name": the repo the weights were pushed to. */
    private static final Pattern LORA_TITLE = Pattern.compile("^#[ \\t]+LoRA\\b[^\\n]*?[ \\t]-[ \\t]+(\\S+)[ \\t]*$", F | Pattern.MULTILINE);
    /** "This is a finetune of [X](...)", "a full fine-tune of X". */
    private static final Pattern FINETUNE_OF = Pattern.compile(
            "\\b(?:a|an|the)\\s+(?:full(?:-parameter)?\\s+)?fine-?tune\\s+of\\s+(?:the\\s+)?(?:model\\s+)?" + HubRefs.REF, F);
    /** A quantized re-upload's name: the original's name and a quantization suffix ("-GGUF", "-AWQ", "-exl2-4bpw", "-Q4_K_M-GGUF"). */
    private static final Pattern QUANT_SUFFIX = Pattern.compile(
            "[-_.](?:gguf|ggml|gptq|awq|exl2|hqq|mlx|imatrix|imat|i1|qat|bnb|int[48]|nf4|fp16|bf16|[0-9.]+-?bpw|[0-9]+-?bits?"
                    + "|[iq]?q[0-9](?:_[a-z0-9]+)*)$", F);
    /** The heading of an original card quoted by a re-upload: what follows describes the original's own base. */
    private static final Pattern QUOTED_ORIGINAL = Pattern.compile(
            "^#{1,6}[ \\t]*Original[ \\t]+model(?:'s)?[ \\t]+(?:card|description|readme)\\b", F | Pattern.MULTILINE);
    /** A usage snippet that loads this adapter onto a base: {@code PeftModel.from_pretrained(model, "me/adapter")}. */
    private static final Pattern PEFT_LOAD = Pattern.compile(
            "PeftModel\\.from_pretrained\\(\\s*([A-Za-z_]\\w*)\\s*,\\s*(?:model_id\\s*=\\s*)?[\"']([^\"'\\n]{1,200})[\"']");
    /** Hub model links and URLs anywhere in the body. */
    private static final Pattern HUB_MODEL_URL = Pattern.compile(
            "https?://(?:www\\.)?(?:huggingface|hf)\\.co/[A-Za-z0-9][\\w.-]*/[\\w.-]+", F);
    /** "This is the 4K version of [X](https://huggingface.co/X)": another version of a linked Hub model. */
    private static final Pattern VERSION_OF = Pattern.compile(
            "\\b(?:is|was)\\s+(?:a|an|the)\\s+(?:[\\w.+-]+\\s+){0,3}?version\\s+of\\s+(?:the\\s+)?(?:model\\s+)?(?:"
                    + "\\[[^\\]\\n]{1,200}\\]\\(\\s*(https?://(?:www\\.)?(?:huggingface|hf)\\.co/[^)\\s]{1,300})\\s*\\)"
                    + "|(https?://(?:www\\.)?(?:huggingface|hf)\\.co/[^\\s)\\]>\"'`]{1,300}))", F);
    private static final Pattern FINE_TUNED = Pattern.compile("fine-?tuned", F);
    private static final Pattern BASED_ON = Pattern.compile(
            "(?:(?:is|are|was)\\s+(?:a\\s+)?(?:fine-?tuned\\s+model\\s+)?|^[ \\t]*(?:[-*][ \\t]+)?)based\\s+on\\s+(?:the\\s+|an?\\s+)?(?:pre-?trained\\s+)?"
                    + HubRefs.REF, F | Pattern.MULTILINE);
    /** {@code v = "X"}, {@code v = Auto...from_pretrained("X")} or {@code v = ...from_pretrained(name)}, any variable. */
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^[ \\t]*([A-Za-z_]\\w*)"
            + "[ \\t]*=[ \\t]*(?:[\\w.]+\\.from_pretrained\\([ \\t]*)?(?:[\"']([^\"'\\n]{1,200})[\"']|([A-Za-z_]\\w*)[ \\t]*[,)])");
    /** The Trainer's framework list naming PEFT ("- PEFT 0.7.1"). */
    private static final Pattern PEFT_VERSION_LINE = Pattern.compile("^[ \\t]*-[ \\t]*PEFT\\s+\\d", Pattern.MULTILINE);
    /** "This model card ... is based on X": the card (or its text) is what is based on X, not the model. */
    private static final Pattern CARD_SUBJECT = Pattern.compile("\\b(?:card|readme|template|documentation|text)\\b(?!-)", F);
    private static final Pattern ADAPTER_CONFIG = Pattern.compile(
            "[\"']?base_model_name_or_path[\"']?\\s*[:=]\\s*[\"']([^\"'\\s,]{1,200})[\"']");
    private static final Pattern ADAPTER_PROSE = Pattern.compile(
            "(?:Lo-?RA|QLoRA|PEFT|adapter)\\s+(?:adapters?\\s+|adapt(?:at)?ion\\s+weights\\s+|weights\\s+|model\\s+)?(?:for|of|on|trained on top of)\\s+(?:the\\s+)?"
                    + HubRefs.REF, F);
    private static final Pattern QUANTIZED = Pattern.compile(
            "(?:(?:GGUF|GGML|GPTQ|AWQ|EXL2|exllamav2|bitsandbytes|[2-8][- ]?bit)\\s+(?:format\\s+)?(?:model\\s+files|quants?|quantizations?|quantised|quantized|versions?|model|weights)"
                    + "|(?:static|weighted/imatrix|imatrix|weighted)\\s+quants"
                    + "|converted\\s+to\\s+(?:GGUF|GGML|EXL2|GPTQ|AWQ)\\s+format"
                    + "|quanti[sz]ed\\s+(?:version|model|weights)"
                    + "|original\\s+(?:fp32\\s+|float32\\s+|fp16\\s+)?model\\s+(?:comes|is\\s+taken))\\s+(?:of|for|from)\\s+(?:the\\s+)?(?:fine-?tuned\\s+)?(?:model\\s+)?"
                    + HubRefs.REF, F);
    private static final Pattern ORIGINAL_MODEL = Pattern.compile(
            "(?:Original\\s+model|Base\\s+model|Fine-?tuned\\s+from(?:\\s+model)?(?:\\s+\\[optional\\])?)\\s*+(?:\\*\\*)?\\s*+:\\s*+(?:\\*\\*)?\\s*+(?:"
                    + HubRefs.REF + ")", F);
    private static final Pattern QUANT_WORDS = Pattern.compile("\\b(?:GGUF|GGML|GPTQ|AWQ|EXL2|quanti[sz]ed|quants)\\b", F);
    private static final Pattern MERGE_MODEL = Pattern.compile(
            "^[ \\t]*-?[ \\t]*(?:model|base_model)[ \\t]*:[ \\t]*[\"']?([A-Za-z0-9][\\w.-]*/[\\w.-]+)[\"']?[ \\t]*\\r?$",
            Pattern.MULTILINE);
    private static final Pattern MERGE_METHOD = Pattern.compile("^[ \\t]*merge_method[ \\t]*:", Pattern.MULTILINE);

    /** The Hub's legacy single-name model ids, lower case: any other single name is a local path or a typo. */
    private final Set<String> legacyIds = TsvResource.rows("legacy-models.tsv").stream()
            .map(row -> row[0].toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    /** A base model reading: the values, how they relate, the rule and its confidence. */
    record Reading(List<Suggestion> values, String relation, double confidence, String method) {
    }

    /** The last card read and its reading (null when none). */
    private record Memo(ModelCard card, Reading reading) {
    }

    /**
     * The relation, licence and language extractors ask this one for the base model of the card the
     * Suggester is on, right after it answered for the same card: one reading per card, not four.
     */
    private volatile Memo last;

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        Reading r = read(card);
        return r == null ? List.of() : r.values();
    }

    /** The best reading of {@code card}, or null; read once for the same card instance asked again. */
    Reading read(ModelCard card) {
        Memo memo = last;
        if (memo != null && memo.card() == card) {
            return memo.reading();
        }
        Reading r = read(new BodyText(card));
        last = new Memo(card, r);
        return r;
    }

    /** The best reading of the card, or null. */
    Reading read(BodyText text) {
        String body = text.body();
        boolean peft = isPeft(text.card());
        // A quantized re-upload ("...-GGUF", "...-int8") quotes the original's card: its fine-tune, merge and "based on"
        // sentences describe the original's own base, so only the quantization rules speak for the repo.
        String name = text.card().id().substring(text.card().id().indexOf('/') + 1);
        // a QLoRA adapter's name often says 4bit or bnb: its adapter config and Trainer line still name its base
        boolean quantRepo = !peft && !stripQuantSuffixes(name).equals(name);
        Reading merge = quantRepo ? null : merge(text);
        if (merge != null) {
            return merge;
        }
        Reading best = null;
        best = better(quantRepo, best, (text.mentions("base_model_name_or_path") ? first(text, ADAPTER_CONFIG, 0.95, "adapter-config", "adapter", true) : null));
        best = better(quantRepo, best, (text.mentions("version of") ? first(text, TRAINER, peft ? 0.95 : 0.97, "trainer-finetuned-version",
                peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("gguf", "ggml", "gptq", "awq", "exl2", "exllama", "bitsandbytes", "bit", "quant") ? first(text, QUANTIZED, 0.93, "quantized-version-of", "quantized", false) : null));
        boolean quantWords = QUANT_WORDS.matcher(body).find() || text.card().id().toLowerCase(Locale.ROOT)
                .matches(".*(gguf|gptq|awq|exl2|ggml|[-_]\\dbit|[-_]\\d-bit).*");
        boolean originalLine = text.mentions("original model", "base model", "from model", "tuned from");
        best = better(quantRepo, best, !originalLine ? null : quantWords
                ? first(text, ORIGINAL_MODEL, 0.9, "original-model-quantized", "quantized", false)
                : first(text, ORIGINAL_MODEL, 0.9, "base-model-line", peft ? "adapter" : "finetune", false));
        best = better(quantRepo, best, (text.mentions("lora", "peft", "adapter") ? first(text, ADAPTER_PROSE, 0.85, "adapter-for", "adapter", false) : null));
        best = better(quantRepo, best, (text.mentions("tuned", "trained", "built", "initiali") ? first(text, FINETUNED_FROM, 0.85, "finetuned-from", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("tune of") ? first(text, FINETUNE_OF, 0.85, "finetune-of", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("tuned on") ? first(text, FINETUNED_ON_CHECKPOINT, 0.85, "finetuned-from", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("fine-tuned", "finetuned") ? first(text, FINETUNED_LINK, 0.85, "finetuned-link", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("merge of", "merge between") ? mergeOf(text) : null));
        best = better(quantRepo, best, (text.mentions("initiali") ? first(text, INITIALIZED_FROM, 0.85, "initialized-from", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, (text.mentions("derived from", "built on") ? first(text, DERIVED_FROM, 0.85, "derived-from", peft ? "adapter" : "finetune", false) : null));
        best = better(quantRepo, best, quantizedRepoName(text));
        best = better(quantRepo, best, (text.mentions("peftmodel.from_pretrained") ? peftSnippet(text) : null));
        best = better(quantRepo, best, (text.mentions("version of") ? versionOf(text, peft) : null));
        best = better(quantRepo, best, (text.mentions("based on") ? first(text, BASED_ON, 0.8, "based-on", peft ? "adapter" : "finetune", false) : null));
        return best;
    }

    /**
     * A quantized re-upload ("org/Model-7B-GGUF") that links the model its name is made of ("other/Model-7B"):
     * the link is the original. Bartowski-style names ("org_Model-7B-GGUF"), this repo's or a linked quant
     * repo's, are read as "org/Model-7B". The YAML's {@code license_link} into the original repo counts as a link.
     */
    private Reading quantizedRepoName(BodyText text) {
        String id = text.card().id();
        String name = id.substring(id.indexOf('/') + 1);
        String stripped = stripQuantSuffixes(name);
        if (stripped.equals(name) || stripped.length() < 3) {
            return null;
        }
        String wanted = stripped.toLowerCase(Locale.ROOT);
        Matcher url = HUB_MODEL_URL.matcher(text.body());
        while (url.find()) {
            String found = baseOf(HubRefs.modelFromUrl(url.group()), id, wanted);
            if (found != null) {
                Suggestion s = text.suggestion(FIELD, found, url.start(), url.end(), 0.9, "quantized-repo-name");
                return new Reading(List.of(s), "quantized", 0.9, "quantized-repo-name");
            }
        }
        Object licenseLink = text.card().metadata().get("license_link");
        String found = licenseLink instanceof String link ? baseOf(HubRefs.modelFromUrl(link), id, wanted) : null;
        if (found != null) {
            Suggestion s = new Suggestion(FIELD, found, BodyText.metadataKey(text.card(), "license_link", "license_link: " + licenseLink), 0.9,
                    "quantized-repo-name");
            return new Reading(List.of(s), "quantized", 0.9, "quantized-repo-name");
        }
        return null;
    }

    /** The original's id that a linked repo names, when its name is {@code wanted} (or org_wanted plus quant suffixes). */
    private static String baseOf(String linked, String cardId, String wanted) {
        if (linked == null || linked.equalsIgnoreCase(cardId) || linked.indexOf('/') < 0) {
            return null;
        }
        String lower = linked.toLowerCase(Locale.ROOT);
        String linkedName = linked.substring(linked.indexOf('/') + 1);
        if (linkedName.equalsIgnoreCase(wanted) || lower.replace('/', '_').equals(wanted)) {
            return linked;
        }
        // "bartowski/acme_Lm-7B-GGUF": another quantizer's repo whose name spells the original id
        String linkedStripped = stripQuantSuffixes(linkedName);
        int underscore = linkedStripped.indexOf('_');
        if (underscore > 0 && linkedStripped.substring(underscore + 1).equalsIgnoreCase(wanted)) {
            return HubRefs.valid(linkedStripped.substring(0, underscore) + "/" + linkedStripped.substring(underscore + 1));
        }
        return null;
    }

    private static String stripQuantSuffixes(String name) {
        String stripped = name;
        for (Matcher m = QUANT_SUFFIX.matcher(stripped); m.find(); m = QUANT_SUFFIX.matcher(stripped)) {
            stripped = stripped.substring(0, m.start());
        }
        return stripped;
    }

    /**
     * The base a usage snippet loads this repo's adapter onto: the model variable given to
     * {@code PeftModel.from_pretrained} was loaded {@code from_pretrained("X")} (or from a variable holding
     * "X") earlier in the same code block. Only when the adapter loaded is this repo or a local folder.
     */
    private Reading peftSnippet(BodyText text) {
        String id = text.card().id();
        for (int[] block : text.codeBlocks()) {
            String code = text.body().substring(block[0], block[1]);
            Matcher load = PEFT_LOAD.matcher(code);
            Assignments assignments = new Assignments(code);
            while (load.find()) {
                String adapter = load.group(2).strip();
                boolean local = adapter.startsWith(".") || adapter.startsWith("/") || adapter.indexOf('/') < 0;
                if (!local && !adapter.equalsIgnoreCase(id)) {
                    continue;
                }
                String[] origin = assignments.last(load.start(), load.group(1));
                if (origin != null && origin[1] == null) {
                    origin = assignments.last(load.start(), origin[0]);   // from_pretrained(base_model) with base_model = "X"
                }
                String found = origin == null || origin[1] == null ? null : HubRefs.valid(origin[1]);
                if (found != null && found.indexOf('/') > 0 && !found.equalsIgnoreCase(id)) {
                    int at = block[0] + code.lastIndexOf(origin[1], load.start());
                    Suggestion s = text.suggestion(FIELD, found, at, at + origin[1].length(), 0.9, "peft-snippet");
                    return new Reading(List.of(s), "adapter", 0.9, "peft-snippet");
                }
            }
        }
        return null;
    }

    /**
     * The assignments of a code block, found once: asked for the last one before each {@code PeftModel.from_pretrained}
     * of the block, a search of the code before it for each would cost time quadratic in the block's length.
     */
    private static final class Assignments {
        private final String code;
        private final List<MatchResult> all = new ArrayList<>();
        private final Map<String, List<Integer>> byVariable = new java.util.HashMap<>();

        Assignments(String code) {
            this.code = code;
            Matcher m = ASSIGNMENT.matcher(code);
            while (m.find()) {
                byVariable.computeIfAbsent(m.group(1), v -> new ArrayList<>()).add(all.size());
                all.add(m.toMatchResult());
            }
        }

        /**
         * The last assignment to {@code variable} in the code before {@code cut}, as a search of {@code code.substring(0,
         * cut)} finds it: {@code {null, "X"}} for {@code v = "X"} or {@code v = Auto...from_pretrained("X")},
         * {@code {"name", null}} for {@code v = ...from_pretrained(name)}; null when none.
         */
        String[] last(int cut, String variable) {
            // the block's assignments that end by the cut are the cut text's (the pattern reads nothing past its match:
            // no end anchor, no lookahead); from the first that does not, the cut text is searched again
            int lo = 0;
            int hi = all.size();
            while (lo < hi) {   // k = how many end by the cut (ends increase)
                int mid = (lo + hi) >>> 1;
                if (all.get(mid).end() <= cut) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int k = lo;
            String[] last = null;
            List<Integer> mine = byVariable.getOrDefault(variable, List.of());
            int at = java.util.Collections.binarySearch(mine, k);   // k itself is not in the cut text
            int before = (at >= 0 ? at : -at - 1) - 1;
            if (before >= 0) {
                last = value(all.get(mine.get(before)));
            }
            if (k < all.size() && all.get(k).start() < cut) {
                Matcher m = ASSIGNMENT.matcher(code).region(all.get(k).start(), cut).useAnchoringBounds(false);
                while (m.find()) {
                    if (m.group(1).equals(variable)) {
                        last = value(m);
                    }
                }
            }
            return last;
        }

        private static String[] value(MatchResult m) {
            return m.group(2) != null ? new String[]{null, m.group(2)} : new String[]{m.group(3), null};
        }
    }

    private static boolean isPeft(ModelCard card) {
        return card.metadata().libraryName().map("peft"::equalsIgnoreCase).orElse(false)
                || card.metadata().tags().stream().anyMatch(t -> t.equalsIgnoreCase("peft") || t.equalsIgnoreCase("lora"))
                || PEFT_VERSION_LINE.matcher(card.body()).find();
    }

    /** The reading with the higher confidence ({@code a} on a tie); with {@code quantizedOnly}, {@code b} only if quantized. */
    private static Reading better(boolean quantizedOnly, Reading a, Reading b) {
        if (quantizedOnly && b != null && !b.relation().equals("quantized")) {
            return a;
        }
        if (a == null) {
            return b;
        }
        return b != null && b.confidence() > a.confidence() ? b : a;
    }

    private Reading first(BodyText text, Pattern pattern, double confidence, String method, String relation,
                          boolean group1IsId) {
        Matcher m = pattern.matcher(text.body());
        int quoted = quotedOriginal(text);
        String titled = pattern == ADAPTER_PROSE ? titledRepo(text) : null;   // once: it scans the whole body
        while (m.find()) {
            if (!group1IsId && (text.inCode(m.start()) || m.start() >= quoted)) {
                continue;
            }
            if (pattern == TRAINER && baseIsTheSubject(text, m.start())) {
                continue;
            }
            if (pattern == BASED_ON && CARD_SUBJECT.matcher(BodyText.clauseBefore(text.body(), m.start())).find()) {
                continue;
            }
            if ((pattern == INITIALIZED_FROM || pattern == DERIVED_FROM)
                    && (m.group(4) != null || OTHER_SUBJECT.matcher(BodyText.clauseBefore(text.body(), m.start())).find())) {
                continue;   // a bare name may be a dataset's; "the tokenizer is derived from" is not about the model
            }
            if (titled != null && titled.equalsIgnoreCase(HubRefs.modelId(m, 1))) {
                continue;   // early diffusers scripts wrote the pushed repo, not the base, into "weights for X"
            }
            String id = hubModel(group1IsId ? HubRefs.valid(m.group(1)) : HubRefs.modelId(m, 1));
            if (id == null && pattern == ORIGINAL_MODEL && m.group(4) != null) {
                // the template's own field ("Finetuned from model: gpt2") names a model: a legacy single name is one
                String bare = m.group(4).replaceAll("[.,;:]+$", "");
                id = legacyIds.contains(bare.toLowerCase(Locale.ROOT)) ? bare : null;
            }
            if (id == null || id.equalsIgnoreCase(text.card().id())) {
                continue;
            }
            Suggestion s = text.suggestion(FIELD, id, m.start(), m.end(), confidence, method);
            return new Reading(List.of(s), relation, confidence, method);
        }
        return null;
    }

    /** "is the 4K version of [X](https://huggingface.co/X)": the first such Hub model link outside code and quoted cards. */
    private Reading versionOf(BodyText text, boolean peft) {
        Matcher m = VERSION_OF.matcher(text.body());
        int quoted = quotedOriginal(text);
        while (m.find() && m.start() < quoted) {
            String id = hubModel(HubRefs.modelFromUrl(m.group(1) != null ? m.group(1) : m.group(2)));
            if (id != null && !id.equalsIgnoreCase(text.card().id()) && !text.inCode(m.start()) && !baseIsTheSubject(text, m.start())) {
                // "a fine-tuned version of the [X](...)" says how it was made; "a smaller version of" less so
                double confidence = FINE_TUNED.matcher(m.group()).find() ? 0.85 : 0.8;
                Suggestion s = text.suggestion(FIELD, id, m.start(), m.end(), confidence, "version-of-link");
                return new Reading(List.of(s), peft ? "adapter" : "finetune", confidence, "version-of-link");
            }
        }
        return null;
    }

    /** Whether the line up to {@code offset} opens with the base model as its subject ("The base model [X](…) is …"). */
    private static boolean baseIsTheSubject(BodyText text, int offset) {
        int lineStart = text.lineStart(text.line(offset));
        // such a subject is a few words and a link: a far line start bounds the work per match on a long hostile line
        return offset - lineStart <= 400 && BASE_SUBJECT.matcher(text.body()).region(lineStart, offset).lookingAt();
    }

    /**
     * {@code id} when it can be a Hub model: an {@code org/name} id, or a single name only when it is one of the Hub's
     * legacy ids (the Trainer writes a local model path such as "lstm" into its link as if it were one).
     */
    private String hubModel(String id) {
        return id == null || id.indexOf('/') > 0 || legacyIds.contains(id.toLowerCase(Locale.ROOT)) ? id : null;
    }

    /** The repo the diffusers LoRA template's title names ("# LoRA DreamBooth - org/name"), or null. */
    private static String titledRepo(BodyText text) {
        Matcher m = LORA_TITLE.matcher(text.body());
        if (!m.find()) {
            return null;
        }
        String named = m.group(1);
        return named.startsWith("http") ? HubRefs.modelFromUrl(named) : HubRefs.valid(named);
    }

    /**
     * "is a merge of [A](...) and [B](...)", "a merge of org/a, org/b and org/c": two or more models named one after
     * another (commas, "and", "with", "&") right after the phrase, every one a Hub model id; outside code and quoted cards.
     */
    private Reading mergeOf(BodyText text) {
        Matcher m = MERGE_OF.matcher(text.body());
        int quoted = quotedOriginal(text);
        while (m.find() && m.start() < quoted) {
            if (text.inCode(m.start())) {
                continue;
            }
            List<Suggestion> values = new ArrayList<>();
            Matcher item = MERGE_ITEM.matcher(text.body());
            Matcher separator = MERGE_SEPARATOR.matcher(text.body());
            int at = m.end();
            while (item.region(at, text.body().length()).lookingAt()) {
                String id = HubRefs.modelId(item, 1);
                if (id == null || id.equalsIgnoreCase(text.card().id())) {
                    values.clear();
                    break;   // a name that is no Hub id: the list is not one of models we can propose
                }
                values.add(text.suggestion(FIELD, id, item.start(), item.end(), 0.85, "merge-of"));
                if (!separator.region(item.end(), text.body().length()).lookingAt()) {
                    break;
                }
                at = separator.end();
            }
            if (values.size() >= 2) {
                return new Reading(List.copyOf(values), "merge", 0.85, "merge-of");
            }
        }
        return null;
    }

    /** Where a quoted original card starts (prose after it is not about this repo), or the body's length. */
    private static int quotedOriginal(BodyText text) {
        if (!text.mentions("original model")) {
            return text.body().length();
        }
        Matcher m = QUOTED_ORIGINAL.matcher(text.body());
        return m.find() ? m.start() : text.body().length();
    }

    /** A mergekit configuration in a code block: every model it names, and merge as the relation. */
    private Reading merge(BodyText text) {
        if (!text.mentions("merge_method")) {
            return null;
        }
        for (int[] block : text.codeBlocks()) {
            List<MergeModel> models = mergekitModels(text.body().substring(block[0], block[1]), text.card().id());
            if (!models.isEmpty()) {
                List<Suggestion> values = models.stream().map(m -> text.suggestion(FIELD, m.id(), block[0] + m.start(),
                        block[0] + m.end(), 0.9, "mergekit-config")).toList();
                return new Reading(values, "merge", 0.9, "mergekit-config");
            }
        }
        return null;
    }

    /** A model a mergekit configuration names, at its offsets in the configuration's text. */
    record MergeModel(String id, int start, int end) {
    }

    /**
     * Every valid Hub model id a mergekit configuration names ({@code model:} and {@code base_model:} at any depth),
     * once each without case and not {@code self}; none when {@code config} has no {@code merge_method}. Read the same
     * way from a code block of a card and from a repo's {@code mergekit_config.yml}.
     */
    static List<MergeModel> mergekitModels(String config, String self) {
        if (!MERGE_METHOD.matcher(config).find()) {
            return List.of();
        }
        Map<String, MergeModel> values = new LinkedHashMap<>();
        Matcher m = MERGE_MODEL.matcher(config);
        while (m.find()) {
            String id = HubRefs.valid(m.group(1));
            if (id != null && !id.equalsIgnoreCase(self)) {
                values.putIfAbsent(id.toLowerCase(Locale.ROOT), new MergeModel(id, m.start(1), m.end(1)));
            }
        }
        return List.copyOf(values.values());
    }
}
