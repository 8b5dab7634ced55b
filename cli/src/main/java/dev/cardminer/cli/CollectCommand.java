package dev.cardminer.cli;

import dev.cardminer.io.CardStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.facts.FactsCollector;
import dev.cardminer.facts.FactsStore;
import dev.cardminer.facts.FactsValidator;
import dev.cardminer.facts.Leaderboard;
import dev.cardminer.facts.ModelFacts;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.RepoFile;
import dev.cardminer.hub.RepoType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer collect MODEL...}: model facts from the Hub, as files, a store table, or standard output. */
@Command(name = "collect", mixinStandardHelpOptions = true, description = {
        "Collects model facts from the Hub: repo facts, the parsed card, architecture from config.json, the "
                + "exact parameter count from safetensors headers (Range reads only), training data in the seed's "
                + "taxonomy, and Open LLM Leaderboard scores. Writes OUT/<org>_<name>.json per model, a model_facts "
                + "table with --from-db, or JSON to standard output. Exits 0 when every model was collected, 2 when "
                + "some do not exist or are gated (an answer: --from-db re-runs skip them; name a model to ask again), "
                + "3 when the Hub failed for some (re-runs retry them)."})
final class CollectCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Model ids, org/name or org/name@revision.")
    List<String> models = new ArrayList<>();

    @Option(names = {"--from-db", "--db"}, paramLabel = "FILE", description = "Also collect the store's top models (--top) into its model_facts table; a re-run resumes.")
    Path fromDb;

    @Option(names = "--top", paramLabel = "N", defaultValue = "100", description = "How many of the store's models (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "downloads", description = "Order of the store's models: downloads or likes.")
    String sort;

    @Option(names = "--recheck", description = "With --from-db: ask again about the store's models an earlier run "
            + "found missing or gated (after accepting a repo's conditions, or changing HF_TOKEN).")
    boolean recheck;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one facts file per model into DIR.")
    Path out;

    @Option(names = "--leaderboard", paramLabel = "FILE", description = "A local copy of the open-llm-leaderboard/contents Parquet file (default: read from the Hub).")
    Path leaderboardFile;

    @Option(names = "--no-leaderboard", description = "Do not read the leaderboard.")
    boolean noLeaderboard;

    @Option(names = "--no-dataset-cards", description = "Link training data with the curated table only (no dataset lookups).")
    boolean noDatasetCards;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", defaultValue = "4", description = "Models collected at once (default ${DEFAULT-VALUE}); the Hub's rate limit paces them all.")
    int threads;

    @Option(names = "--hub-endpoint", paramLabel = "URL", description = "The Hub's address (default: $HF_ENDPOINT or https://huggingface.co). HF_TOKEN is sent when set.")
    String hubEndpoint;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Where the leaderboard download is kept (default: ~/.cache/cardminer/hub).")
    Path cacheDir;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > 32) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 32");
        }
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        if (models.isEmpty() && fromDb == null) {
            throw new ParameterException(spec.commandLine(), "give model ids or --from-db FILE");
        }
        HubOptions options = HubSettings.options(hubEndpoint, cacheDir);
        HubClient hub = HubClient.create(options);
        Leaderboard leaderboard = leaderboard(hub, err);
        FactsCollector collector = FactsCollector.builder(hub).leaderboard(leaderboard)
                .readDatasetCards(!noDatasetCards).build();
        FactsValidator validator = new FactsValidator();
        if (out != null) {
            Files.createDirectories(out);
        }
        CardStore store = null;
        FactsStore facts = null;
        Set<String> todo = new LinkedHashSet<>(models);
        try {
            if (fromDb != null) {
                store = CardStore.openExisting(fromDb);
                facts = new FactsStore(store.connection());
                List<String> topModels = facts.topModels(top, sort);
                Set<String> done = facts.collected();
                Set<String> unavailable = recheck ? Set.of() : facts.unavailable();
                int skipped = 0;
                int answered = 0;
                for (String m : topModels) {
                    if (done.contains(m)) {
                        skipped++;
                    } else if (unavailable.contains(m) && !todo.contains(m)) {
                        answered++;
                    } else {
                        todo.add(m);
                    }
                }
                err.println("collect: " + CardFiles.count(topModels.size(), "model") + " from " + fromDb + " by " + sort
                        + (skipped > 0 ? ", " + skipped + " already collected (skipped)" : "")
                        + (answered > 0 ? ", " + answered + " not found or gated at an earlier run (skipped; name "
                        + (answered == 1 ? "it" : "them") + " or use --recheck to ask again)" : ""));
            }
            return run(collector, validator, facts, new ArrayList<>(todo), stdout, err);
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private int run(FactsCollector collector, FactsValidator validator, FactsStore store, List<String> todo,
                    PrintWriter stdout, PrintWriter err) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int failed = 0;
        int unavailable = 0;
        int collected = 0;
        try {
            ExecutorCompletionService<ModelFacts> done = new ExecutorCompletionService<>(pool);
            List<Future<ModelFacts>> futures = new ArrayList<>();
            java.util.Map<Future<ModelFacts>, String> names = new java.util.HashMap<>();
            for (String ref : todo) {
                int at = ref.indexOf('@');
                String model = at < 0 ? ref : ref.substring(0, at);
                String revision = at < 0 ? null : ref.substring(at + 1);
                Future<ModelFacts> f = done.submit(() -> collector.collect(model, revision));
                futures.add(f);
                names.put(f, ref);
            }
            for (int i = 0; i < futures.size(); i++) {
                Future<ModelFacts> f = done.take();
                String ref = names.get(f);
                String model = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
                ModelFacts facts;
                try {
                    facts = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof HubException h && h.kind() == HubException.Kind.UNREACHABLE) {
                        // Offline: one line, not one per model; nothing is marked failed, a re-run resumes.
                        err.println("collect: " + h.getMessage() + "; stopped, "
                                + CardFiles.count(futures.size() - collected - failed - unavailable, "model")
                                + " left: run again to resume");
                        failed += futures.size() - collected - failed - unavailable;
                        break;
                    }
                    if (cause instanceof HubException h && (h.kind() == HubException.Kind.NOT_FOUND
                            || h.kind() == HubException.Kind.NO_ACCESS)) {
                        // The Hub's answer, not its failure: asking again gives the same until the repo, its gate
                        // or the token changes, so it is recorded and not retried by --from-db re-runs.
                        err.println("collect " + model + ": " + h.getMessage());
                        unavailable++;
                        if (store != null && ref.equals(model)) {   // not for one revision: the model may exist
                            store.saveUnavailable(model, h.kind() == HubException.Kind.NOT_FOUND, h.getMessage());
                        }
                        continue;
                    }
                    String why = cause instanceof IOException ? cause.getMessage()
                            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    err.println("collect " + model + ": " + why);
                    failed++;
                    if (store != null) {
                        store.saveFailure(model, why);
                    }
                    continue;
                }
                List<FactsValidator.Violation> violations = validator.validate(Path.of(ModelFacts.fileName(model)), facts.json());
                for (FactsValidator.Violation v : violations) {
                    err.println("collect " + model + ": the facts break their schema (a bug): " + v);
                }
                write(facts, store, stdout, todo.size() > 1);
                collected++;
                long total = facts.json().path("parameters").path("total").asLong(-1);
                err.println("collect " + facts.model() + ": " + (total < 0 ? "no parameter count" : total + " parameters")
                        + (facts.problems().isEmpty() ? "" : ", " + facts.problems().size() + " problem(s): "
                        + String.join("; ", facts.problems())));
            }
        } finally {
            pool.shutdownNow();
        }
        stdout.flush();
        err.println("collect: " + collected + " collected, " + (unavailable > 0 ? unavailable + " not found or gated, " : "")
                + failed + " failed" + (failed > 0 ? "; run again to retry the failed ones" : ""));
        err.flush();
        // 3 only when the Hub failed (a re-run may succeed); a model that does not exist or is gated is an input
        // that cannot be read (2), as a missing file is for other commands.
        return failed > 0 ? OneLineErrorHandler.HUB_UNAVAILABLE : unavailable > 0 ? OneLineErrorHandler.IO_ERROR : 0;
    }

    private void write(ModelFacts facts, FactsStore store, PrintWriter stdout, boolean several) throws Exception {
        if (out != null) {
            Path file = out.resolve(ModelFacts.fileName(facts.model()));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), facts.json());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        if (store != null) {
            store.save(facts);
        }
        if (out == null && store == null) {
            stdout.println(several ? json.writeValueAsString(facts.json())
                    : json.writerWithDefaultPrettyPrinter().writeValueAsString(facts.json()));
        }
    }

    /** The leaderboard from --leaderboard, else its Parquet file downloaded from the Hub; without it on failure. */
    private Leaderboard leaderboard(HubClient hub, PrintWriter err) throws IOException {
        if (noLeaderboard) {
            return Leaderboard.empty();
        }
        if (leaderboardFile != null) {
            return Leaderboard.read(leaderboardFile);
        }
        try {
            List<RepoFile> files = hub.listFiles(RepoType.DATASET, Leaderboard.DATASET, null, "data").stream()
                    .filter(f -> f.path().endsWith(".parquet")).toList();
            if (files.isEmpty()) {
                throw new IOException(Leaderboard.DATASET + " lists no Parquet file");
            }
            RepoFile file = files.get(0);
            Path target = hub.options().cacheDir().resolve(Leaderboard.DATASET.replace('/', '_')).resolve(file.name());
            hub.download(RepoType.DATASET, Leaderboard.DATASET, null, file, target, n -> { });
            return Leaderboard.read(target);
        } catch (HubException e) {
            err.println("collect: leaderboard: " + e.getMessage() + "; collecting without leaderboard scores");
            return Leaderboard.empty();
        }
    }
}
