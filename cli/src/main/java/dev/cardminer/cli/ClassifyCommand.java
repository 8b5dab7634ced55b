package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.classify.CardText;
import dev.cardminer.classify.Classification;
import dev.cardminer.classify.ClassificationLog;
import dev.cardminer.classify.Classifier;
import dev.cardminer.classify.EmbeddingClassifier;
import dev.cardminer.classify.EnsembleClassifier;
import dev.cardminer.classify.Evaluation;
import dev.cardminer.classify.LabelSet;
import dev.cardminer.classify.LlmClassifier;
import dev.cardminer.classify.Prediction;
import dev.cardminer.classify.RuleClassifier;
import dev.cardminer.classify.embedding.MiniLmEmbedder;
import dev.cardminer.core.ModelCard;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.SourceCard;
import dev.cardminer.io.concepts.StoreLlmCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer classify}: zero-shot classification of cards, its log, comparison and evaluation. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify cards into the Hub's tasks, domains, modalities or your own labels, with rules, "
                + "an embedded all-MiniLM-L6-v2, an LLM, or an ensemble that abstains when unsure.",
                "cardminer classify SOURCE --task pipeline_tag --eval scores the methods against the source's own pipeline_tag."})
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE",
            description = "A folder of cards, a .md, .parquet or .jsonl file, or hub: (not needed with --compare).")
    String source;

    @Option(names = "--db", paramLabel = "FILE", description = "Store every output in this DuckDB file's classifications table.")
    Path db;

    @Option(names = "--task", paramLabel = "pipeline_tag|domain|modality", description = "A built-in label set.")
    String task;

    @Option(names = "--labels", split = ",", paramLabel = "L1,L2,...", hideParamSyntax = true, description = "Your own labels.")
    List<String> labels;

    @Option(names = "--label-file", paramLabel = "FILE",
            description = "Your own labels, one per line, optionally followed by a tab and a description.")
    Path labelFile;

    @Option(names = "--method", defaultValue = "ensemble", paramLabel = "rules|embedding|llm|ensemble",
            description = "Method (default ${DEFAULT-VALUE}: rules and embedding, plus llm when --llm-url is given).")
    String method;

    @Option(names = "--multi-label", description = "Give every label that fits, not only the best.")
    boolean multiLabel;

    @Option(names = "--json", description = "One JSON object per card (with --eval: the scores as JSON).")
    boolean json;

    @Mixin
    TextOrJsonFormat format;

    @Option(names = "--limit", paramLabel = "N", description = "Classify only the first N cards.")
    Integer limit;

    @Option(names = "--compare", arity = "2", paramLabel = "RUN", description = "What changed between two runs of the store (--db).")
    List<String> compare;

    @Option(names = "--eval", description = "Score every method, the ensemble and a majority baseline against the "
            + "source's pipeline_tag on the test split (30%% of cards by a hash of their id), after fitting the ensemble on the rest.")
    boolean eval;

    @Option(names = "--eval-all", description = "With --eval: also score on the dev split (the cards the ensemble is "
            + "fitted on and rules were revised on, so its figures flatter; the test split's are the ones to report).")
    boolean evalAll;

    @Option(names = "--embedding-tokens", defaultValue = "64", paramLabel = "N",
            description = "Word pieces of each card the embedding model reads (8 to 256; default ${DEFAULT-VALUE}).")
    int embeddingTokens;

    @Mixin
    LlmServerOptions llmOptions;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        json = format.json(spec.commandLine(), json);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit != null) {
            OptionRules.atLeast(spec.commandLine(), "--limit", limit, 0);
        }
        OptionRules.atLeast(spec.commandLine(), "--embedding-tokens", embeddingTokens, 8);
        OptionRules.atMost(spec.commandLine(), "--embedding-tokens", embeddingTokens, 256);
        if (compare != null) {
            return compare(out);
        }
        if (source == null) {
            throw new ParameterException(spec.commandLine(), "classify needs a SOURCE (or --compare RUN_A RUN_B --db F)");
        }
        LabelSet labelSet = labelSet();
        if (eval && !labelSet.name().equals("pipeline_tag")) {
            throw new ParameterException(spec.commandLine(), "--eval scores against pipeline_tag: use --task pipeline_tag");
        }
        List<String> methods = switch (method) {
            case "rules", "embedding", "llm" -> List.of(method);
            case "ensemble" -> !llmOptions.given() ? List.of("rules", "embedding") : List.of("rules", "embedding", "llm");
            default -> throw new ParameterException(spec.commandLine(), "--method must be rules, embedding, llm or ensemble");
        };
        llmOptions.validate(spec.commandLine());
        LlmConfig llmConfig = null;
        if (methods.contains("llm")) {
            try {
                llmConfig = llmOptions.config("--method " + method);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            // Before any card is read: without this, a server that is not there gave every card "(none)", exit 0.
            LlmServerOptions.checkServer(llmConfig);
        }
        // The store (with --db) logs every output and caches LLM answers; opened the one way every command does.
        CardStore cardStore = db == null ? null : CardStore.open(db);
        Connection store = cardStore == null ? null : cardStore.connection();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            List<Classifier> members = new ArrayList<>();
            for (String m : methods) {
                members.add(member(m, store, llmConfig, resources));
            }
            Classifier classifier = method.equals("ensemble") ? new EnsembleClassifier(members) : members.get(0);
            Cards cards = read(labelSet, err);
            if (eval) {
                return evaluate(cards, members, labelSet, store, out, err);
            }
            List<Classification> results = classifier.classify(cards.texts, labelSet, multiLabel);
            for (Classification c : results) {
                out.println(json ? json(c) : text(c));
            }
            if (store != null) {
                Instant now = Instant.now();
                String run = ClassificationLog.newRunId(classifier.method(), labelSet, now);
                new ClassificationLog(store).write(run, labelSet, classifier, results, now);
                err.println("classify: run " + run + " stored in " + db);
            }
            for (Classifier m : members) {
                if (m instanceof LlmClassifier llm) {
                    err.printf("classify: llm: requests=%d cached=%d retries=%d failures=%d out-of-set labels dropped=%d%n",
                            llm.chat().requests(), llm.chat().cacheHits(), llm.chat().retries(), llm.failures(), llm.outOfSet());
                }
            }
            out.flush();
            err.flush();
            return 0;
        } finally {
            for (AutoCloseable r : resources) {
                r.close();
            }
            if (cardStore != null) {
                cardStore.close();
            }
        }
    }

    private Classifier member(String m, Connection store, LlmConfig llmConfig, List<AutoCloseable> resources)
            throws Exception {
        return switch (m) {
            case "rules" -> new RuleClassifier();
            case "embedding" -> {
                MiniLmEmbedder embedder = MiniLmEmbedder.load(embeddingTokens);
                resources.add(embedder);
                yield new EmbeddingClassifier(embedder);
            }
            default -> {
                LlmCache cache = store == null ? LlmCache.inMemory() : new StoreLlmCache(store);
                LlmClassifier llm = new LlmClassifier(llmConfig, cache);
                resources.add(llm);
                yield llm;
            }
        };
    }

    private LabelSet labelSet() throws Exception {
        int given = (task != null ? 1 : 0) + (labels != null ? 1 : 0) + (labelFile != null ? 1 : 0);
        if (given != 1) {
            throw new ParameterException(spec.commandLine(), "give one of --task, --labels or --label-file");
        }
        if (task != null) {
            return LabelSet.builtIn(task).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--task must be one of " + String.join(", ", LabelSet.BUILT_IN) + ", not " + task));
        }
        try {
            return labels != null ? LabelSet.ofIds("user", labels) : LabelSet.parse("user", Files.readString(labelFile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (labelFile != null ? labelFile + ": " : "") + e.getMessage());
        }
    }

    /** The cards of the source as classifiers see them, and the pipeline_tag each came with (hidden from them). */
    private record Cards(List<CardText> texts, Map<String, String> known) {
    }

    private Cards read(LabelSet labelSet, PrintWriter err) throws Exception {
        List<CardText> texts = new ArrayList<>();
        Map<String, String> known = new HashMap<>();
        try (CardSource cards = CardSources.open(source, HubSettings.options(null, null), ProgressOutput.none(), limit == null)) {
            SourceCard sc;
            SourceNotes notes = new SourceNotes("classify", err);
            while ((limit == null || texts.size() < limit) && (sc = cards.next()) != null) {
                if (sc.failure() != null) {
                    notes.unreadable(sc);
                    continue;
                }
                ModelCard card = sc.text() != null ? ModelCard.parse(sc.id(), sc.text()) : ModelCard.parse(sc.id(), sc.utf8());
                texts.add(CardText.of(card, labelSet));
                String tag = sc.facts().pipelineTag() != null ? sc.facts().pipelineTag()
                        : card.metadata().string("pipeline_tag").orElse(null);
                if (tag != null && !tag.isBlank()) {
                    known.put(sc.id(), tag);
                }
            }
            notes.finish(source, cards);
        }
        return new Cards(texts, known);
    }

    private int evaluate(Cards cards, List<Classifier> members, LabelSet labelSet, Connection store, PrintWriter out,
                         PrintWriter err) throws Exception {
        Map<String, String> dev = new HashMap<>();
        Map<String, String> test = new HashMap<>();
        cards.known.forEach((id, tag) -> (Evaluation.inTestSplit(id) ? test : dev).put(id, tag));
        err.printf("classify: %,d cards, %,d with a pipeline_tag: dev %,d, test %,d%n", cards.texts.size(),
                cards.known.size(), dev.size(), test.size());
        err.flush();
        Map<String, List<Classification>> byMethod = new LinkedHashMap<>();
        Map<String, Double> speed = new LinkedHashMap<>();
        // CPU time next to wall time: on a shared machine the wall time says more about the neighbours.
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        ClassificationLog log = store == null ? null : new ClassificationLog(store);
        for (Classifier c : members) {
            // Outputs logged by an earlier run of the same model and prompt on the same input are reused.
            Map<String, Classification> previous = log == null ? Map.of() : log.previous(c, labelSet);
            List<CardText> todo = cards.texts.stream()
                    .filter(t -> previous.get(t.id()) == null || !previous.get(t.id()).inputHash().equals(t.hash())).toList();
            long t0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            Map<String, Classification> fresh = new HashMap<>();
            for (Classification x : c.classify(todo, labelSet, false)) {
                fresh.put(x.cardId(), x);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            List<Classification> all = cards.texts.stream()
                    .map(t -> fresh.containsKey(t.id()) ? fresh.get(t.id()) : previous.get(t.id())).toList();
            byMethod.put(c.method(), all);
            if (!todo.isEmpty()) {
                speed.put(c.method(), todo.size() / seconds);
            }
            if (todo.isEmpty()) {
                err.printf("classify: %s: all %,d cards reused from the log%n", c.method(), cards.texts.size());
            } else {
                err.printf(Locale.ROOT, "classify: %s: %,d cards in %.1f s (%.1f CPU s), %.1f cards/s, %.1f cards per CPU second;"
                                + " %,d reused from the log%n", c.method(), todo.size(), seconds, cpu, todo.size() / seconds,
                        todo.size() / cpu, cards.texts.size() - todo.size());
            }
            err.flush();
            if (log != null && !todo.isEmpty()) {
                Instant now = Instant.now();
                log.write(ClassificationLog.newRunId(c.method(), labelSet, now), labelSet, c, all, now);
            }
        }
        EnsembleClassifier.Weights bundled = new EnsembleClassifier(members).weights(labelSet);
        EnsembleClassifier.Weights fitted = members.size() > 1 ? Evaluation.fit(byMethod, dev, 0.92) : null;
        List<String> ids = cards.texts.stream().map(CardText::id).toList();
        List<Evaluation.Scores> scores = new ArrayList<>();
        List<Map<String, String>> parts = evalAll ? List.of(test, dev) : List.of(test);
        for (Map<String, String> part : parts) {
            String suffix = part == dev ? " (dev)" : "";
            for (var e : byMethod.entrySet()) {
                scores.add(Evaluation.score(e.getKey() + suffix, e.getValue(), part));
            }
            if (members.size() > 1) {
                scores.add(Evaluation.score("ensemble" + suffix, EnsembleClassifier.combine(byMethod, bundled, false), part));
                scores.add(Evaluation.score("ensemble-fitted" + suffix, EnsembleClassifier.combine(byMethod, fitted, false), part));
            }
            scores.add(Evaluation.score("majority" + suffix, Evaluation.majority(ids, dev), part));
        }
        if (json) {
            ObjectNode root = mapper.createObjectNode();
            root.put("cards", cards.texts.size()).put("labelled", cards.known.size()).put("dev", dev.size()).put("test", test.size());
            root.put("ensembleWeights", bundled.toString());
            if (fitted != null) {
                root.put("fittedOnDev", fitted.toString());
            }
            ObjectNode s = root.putObject("cardsPerSecond");
            speed.forEach(s::put);
            root.set("scores", mapper.valueToTree(scores));
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf("test split: %,d labelled cards (dev: %,d)%n", test.size(), dev.size());
            out.printf("%-22s %8s %8s %9s %8s %8s %8s%n", "method", "coverage", "accuracy", "precision", "macroF1", "P@C.75", "C@P.90");
            for (Evaluation.Scores x : scores) {
                out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.3f %8.3f %8.3f %8.3f%n", x.method(), x.coverage(), x.accuracy(),
                        x.precision(), x.macroF1(), x.precisionAt75(), x.coverageAt90());
            }
            out.println("ensemble weights: " + bundled);
            if (fitted != null) {
                out.println("fitted on dev (precision 0.92): " + fitted);
            }
            speed.forEach((m, v) -> out.printf(Locale.ROOT, "speed %s: %.1f cards/s%n", m, v));
            for (Evaluation.Scores x : scores) {
                out.println("confusions " + x.method() + ": " + x.confusions());
            }
        }
        out.flush();
        return 0;
    }

    private int compare(PrintWriter out) throws Exception {
        if (db == null) {
            throw new ParameterException(spec.commandLine(), "--compare needs --db");
        }
        try (CardStore store = CardStore.openExisting(db)) {
            ClassificationLog log = new ClassificationLog(store.connection());
            List<String> runs = log.runs();
            for (String run : compare) {
                if (!runs.contains(run)) {
                    throw new ParameterException(spec.commandLine(), "no run " + run + " in " + db + (runs.isEmpty()
                            ? ": it has no classify runs (classify SOURCE --db stores one)"
                            : "; its runs: " + String.join(", ", runs)));
                }
            }
            ClassificationLog.Comparison cmp = log.compare(compare.get(0), compare.get(1));
            if (json) {
                out.println(mapper.writeValueAsString(cmp));
            } else {
                out.println("A: " + cmp.runA() + "  " + cmp.settingsA());
                out.println("B: " + cmp.runB() + "  " + cmp.settingsB());
                out.printf("cards in both %,d: same %,d, changed %,d, newly labelled %,d, newly abstained %,d; "
                                + "input changed %,d; only in A %,d, only in B %,d%n", cmp.common(), cmp.same(), cmp.changed(),
                        cmp.nowLabelled(), cmp.nowAbstained(), cmp.inputChanged(), cmp.onlyA(), cmp.onlyB());
                cmp.transitions().entrySet().stream().limit(20)
                        .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
            }
        }
        out.flush();
        return 0;
    }

    private String json(Classification c) throws Exception {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", c.cardId());
        o.put("method", c.method());
        ArrayNode a = o.putArray("labels");
        for (Prediction p : c.labels()) {
            a.addObject().put("label", p.label()).put("score", Math.round(p.score() * 1e4) / 1e4);
        }
        return mapper.writeValueAsString(o);
    }

    /** Card ids and evidence are card text: control characters are dropped before they reach a terminal. */
    private static String text(Classification c) {
        StringBuilder b = new StringBuilder(clean(c.cardId()));
        if (c.abstained()) {
            return b.append("\t(none)").toString();
        }
        for (Prediction p : c.labels().subList(0, Math.min(3, c.labels().size()))) {
            b.append('\t').append(p.label()).append(String.format(Locale.ROOT, " %.2f", p.score()));
        }
        if (!c.labels().get(0).evidence().isEmpty()) {
            b.append("\t[").append(clean(c.labels().get(0).evidence())).append(']');
        }
        return b.toString();
    }

    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }
}
