package dev.cardminer.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.hub.RepoType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects one model's facts from the Hub: its repo facts, parsed card, architecture from config.json,
 * exact parameter count from safetensors headers, training data linked to the taxonomy, and results
 * (leaderboard and the card's model-index). Only the repo info is required; every other part that fails
 * is left null with a problem line, so that one missing file never costs the rest.
 */
public final class FactsCollector {

    /** The {@code $schema} of a model-facts file. */
    public static final String SCHEMA_ID = "https://cardminer.dev/schemas/model-facts.schema.json";
    private static final long MAX_SMALL_FILE = 8L << 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final HubClient hub;
    private final Leaderboard leaderboard;
    private final TaxonomyLinker taxonomy;
    private final CardParser parser;
    private final boolean readDatasetCards;
    private final int firstRead;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    /** Dataset links are shared by many models: each dataset is looked up once per run. */
    private final Map<String, List<TaxonomyLink>> datasetLinks = new ConcurrentHashMap<>();

    private FactsCollector(Builder b) {
        this.hub = b.hub;
        this.leaderboard = b.leaderboard;
        this.taxonomy = b.taxonomy;
        this.parser = b.parser;
        this.readDatasetCards = b.readDatasetCards;
        this.firstRead = b.firstRead;
        this.clock = b.clock;
    }

    /**
     * A builder over this Hub client: no leaderboard, the default taxonomy and parser, dataset cards read, the
     * system clock (UTC).
     */
    public static Builder builder(HubClient hub) {
        return new Builder(hub);
    }

    /** Collects a model's facts at {@code revision} (null: the default branch). Thread-safe. */
    public ModelFacts collect(String model, String revision) throws IOException {
        RepoInfo info = hub.modelInfo(model, revision);
        String rev = info.sha() != null ? info.sha() : revision;
        List<String> problems = new ArrayList<>();
        ObjectNode out = NODES.objectNode();
        out.put("$schema", SCHEMA_ID);
        out.put("model", info.id() != null ? info.id() : model);
        out.put("collected_at", clock.instant().toString());
        out.set("hub", hubFacts(info));

        ModelCard card = null;
        try {
            Optional<byte[]> readme = hub.readFileIfPresent(RepoType.MODEL, model, rev, "README.md", MAX_SMALL_FILE);
            if (readme.isPresent()) {
                card = parser.parse(model, readme.get());
            } else {
                problems.add("README.md: the repo has no card");
            }
        } catch (IOException e) {
            problems.add("README.md: " + e.getMessage());
        }
        out.set("card", card == null ? NODES.nullNode() : cardFacts(card));

        JsonNode config = null;
        if (info.hasFile("config.json")) {
            try {
                config = json.readTree(hub.readFile(RepoType.MODEL, model, rev, "config.json", MAX_SMALL_FILE));
                if (!config.isObject()) {
                    problems.add("config.json: not a JSON object");
                    config = null;
                }
            } catch (IOException e) {
                problems.add("config.json: " + e.getMessage());
            }
        } else {
            // Said, so that a null architecture reads as "no config.json", not as a config without the fields.
            problems.add("config.json: model " + model + " has no config.json at revision "
                    + (revision == null ? "main" : revision) + ", so its architecture is unknown (architecture: null)");
        }
        out.set("architecture", config == null ? NODES.nullNode() : architecture(Architecture.fromConfig(config)));

        JsonNode parameters = NODES.nullNode();
        try {
            SafetensorsCounter counter = new SafetensorsCounter(
                    (path, offset, length) -> hub.readRange(RepoType.MODEL, model, rev, path, offset, length),
                    path -> hub.readFileIfPresent(RepoType.MODEL, model, rev, path, MAX_SMALL_FILE), firstRead);
            Optional<ParameterCount> count = counter.count(info.siblings(), config);
            if (count.isPresent()) {
                parameters = parameters(count.get(), info, card, problems);
            } else {
                problems.add("parameters: no safetensors weights in the repo");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("parameters: " + e.getMessage());
        }
        out.set("parameters", parameters);

        ArrayNode training = out.putArray("training_data");
        if (card != null) {
            for (String dataset : card.metadata().datasets()) {
                List<TaxonomyLink> links = datasetLinks.computeIfAbsent(dataset, d -> linkDataset(d, problems));
                ObjectNode d = training.addObject().put("dataset", dataset);
                ArrayNode categories = d.putArray("taxonomy");
                for (TaxonomyLink l : links) {
                    categories.add(link(l));
                }
            }
        }

        ObjectNode results = out.putObject("results");
        Optional<LeaderboardScores> scores = leaderboard.scores(out.path("model").asText());
        results.set("open_llm_leaderboard", scores.<JsonNode>map(FactsCollector::scores).orElse(NODES.nullNode()));
        ArrayNode index = results.putArray("model_index");
        if (card != null) {
            for (EvalResult e : card.evalResults()) {
                index.add(CardJson.evalResult(e));
            }
        }
        ArrayNode p = out.putArray("problems");
        problems.forEach(p::add);
        return new ModelFacts(out.path("model").asText(), info.sha(), out, problems);
    }

    /** The taxonomy of one dataset: the curated table, else its card on the Hub when allowed. */
    public List<TaxonomyLink> linkDataset(String dataset, List<String> problems) {
        List<TaxonomyLink> curated = taxonomy.curated(dataset);
        if (!curated.isEmpty() || !readDatasetCards || !dataset.contains("/")) {
            return curated;
        }
        try {
            RepoInfo info = hub.repoInfo(RepoType.DATASET, dataset, null);
            String description = hub.readFileIfPresent(RepoType.DATASET, dataset, info.sha(), "README.md", 1 << 20)
                    .map(b -> new String(b, StandardCharsets.UTF_8)).map(FactsCollector::withoutFrontMatter).orElse(null);
            return taxonomy.link(dataset, info.cardData(), info.tags(), description);
        } catch (IOException e) {
            problems.add("training data " + dataset + ": " + e.getMessage());
            return List.of();
        }
    }

    private static String withoutFrontMatter(String text) {
        if (text.startsWith("---")) {
            int end = text.indexOf("\n---", 3);
            return end < 0 ? text : text.substring(end + 4);
        }
        return text;
    }

    private static ObjectNode hubFacts(RepoInfo info) {
        ObjectNode h = NODES.objectNode();
        h.put("id", info.id());
        h.put("sha", info.sha());
        h.put("author", info.author());
        h.put("created_at", info.createdAt());
        h.put("last_modified", info.lastModified());
        h.put("pipeline_tag", info.pipelineTag());
        h.put("library_name", info.libraryName());
        ArrayNode tags = h.putArray("tags");
        info.tags().forEach(tags::add);
        h.put("gated", info.gated() == null ? "false" : info.gated());
        if (info.downloads() >= 0) {
            h.put("downloads", info.downloads());
        } else {
            h.putNull("downloads");
        }
        if (info.likes() >= 0) {
            h.put("likes", info.likes());
        } else {
            h.putNull("likes");
        }
        h.put("license", info.license());
        ArrayNode base = h.putArray("base_model");
        JsonNode bm = info.cardData() == null ? null : info.cardData().get("base_model");
        if (bm != null && bm.isArray()) {
            bm.forEach(b -> base.add(b.asText()));
        } else if (bm != null && bm.isTextual()) {
            base.add(bm.asText());
        } else {
            info.tags().stream().filter(t -> t.startsWith("base_model:") && t.split(":").length == 2)
                    .forEach(t -> base.add(t.substring("base_model:".length())));
        }
        return h;
    }

    private static ObjectNode cardFacts(ModelCard card) {
        ObjectNode c = NODES.objectNode();
        c.set("metadata", card.hasMetadata() ? CardJson.value(card.metadata().values()) : NODES.nullNode());
        c.put("completeness", card.completeness());
        ArrayNode problems = c.putArray("problems");
        for (Problem p : card.problems()) {
            problems.add(CardJson.problem(p));
        }
        return c;
    }

    private static ObjectNode architecture(Architecture a) {
        ObjectNode o = NODES.objectNode();
        ArrayNode archs = o.putArray("architectures");
        a.architectures().forEach(archs::add);
        o.put("model_type", a.modelType());
        o.put("num_layers", a.numLayers());
        o.put("dimension", a.dimension());
        o.put("num_heads", a.numHeads());
        o.put("num_kv_heads", a.numKvHeads());
        o.put("intermediate_size", a.intermediateSize());
        o.put("mlp_ratio", a.mlpRatio());
        o.put("activation", a.activation());
        o.put("sequence_length", a.sequenceLength());
        o.put("vocab_size", a.vocabSize());
        o.put("weight_tying", a.weightTying());
        o.put("positional_embeddings", a.positionalEmbeddings());
        o.put("rope_theta", a.ropeTheta());
        o.put("mlp_experts", a.mlpExperts());
        o.put("mlp_experts_top_k", a.mlpExpertsTopK());
        o.put("attention_variant", a.attentionVariant());
        o.set("quantization", a.quantization() == null ? NODES.nullNode() : a.quantization());
        o.put("source", a.source());
        return o;
    }

    private static ObjectNode parameters(ParameterCount count, RepoInfo info, ModelCard card, List<String> problems) {
        ObjectNode p = NODES.objectNode();
        p.put("total", count.total());
        ObjectNode byDtype = p.putObject("byDtype");
        new java.util.TreeMap<>(count.byDtype()).forEach(byDtype::put);
        p.put("source", count.source());
        ArrayNode files = p.putArray("files");
        count.files().forEach(files::add);
        if (!count.components().isEmpty()) {
            ObjectNode components = p.putObject("components");
            new java.util.TreeMap<>(count.components()).forEach(components::put);
        }
        p.put("quantization", count.quantization());
        Long declared = count.declared();
        String declaredBy = "the checkpoint's total_parameters";
        if (declared == null && card != null && card.metadata().number("total_parameters").isPresent()) {
            declared = card.metadata().number("total_parameters").get().longValue();
            declaredBy = "the card's total_parameters";
        }
        p.put("declared", declared);
        if (declared != null && declared != count.total()) {
            problems.add("parameters: " + declaredBy + " says " + declared + ", the safetensors headers count "
                    + count.total());
        }
        JsonNode hubTotal = info.safetensors() == null ? null : info.safetensors().get("total");
        p.put("hub_total", hubTotal != null && hubTotal.canConvertToLong() ? hubTotal.asLong() : null);
        return p;
    }

    private static ObjectNode link(TaxonomyLink l) {
        return NODES.objectNode().put("category", l.category()).put("confidence", l.confidence())
                .put("evidence", l.evidence());
    }

    private static ObjectNode scores(LeaderboardScores s) {
        return NODES.objectNode().put("precision", s.precision()).put("average", s.average()).put("ifeval", s.ifeval())
                .put("bbh", s.bbh()).put("math_lvl_5", s.mathLvl5()).put("gpqa", s.gpqa()).put("musr", s.musr())
                .put("mmlu_pro", s.mmluPro()).put("sha", s.sha());
    }

    /** The collector's sources: the leaderboard (default none), the taxonomy, the card parser. */
    public static final class Builder {
        private final HubClient hub;
        private Leaderboard leaderboard = Leaderboard.empty();
        private TaxonomyLinker taxonomy = TaxonomyLinker.defaults();
        private CardParser parser = CardParser.builder().build();
        private boolean readDatasetCards = true;
        private int firstRead = SafetensorsCounter.DEFAULT_FIRST_READ;
        private Clock clock = Clock.systemUTC();

        private Builder(HubClient hub) {
            this.hub = hub;
        }

        /** The leaderboard whose scores are added to the results (default: none). */
        public Builder leaderboard(Leaderboard leaderboard) {
            this.leaderboard = leaderboard;
            return this;
        }

        /** Links training datasets to the taxonomy (default: {@link TaxonomyLinker#defaults()}). */
        public Builder taxonomy(TaxonomyLinker taxonomy) {
            this.taxonomy = taxonomy;
            return this;
        }

        /** The card parser (default: {@code CardParser.builder().build()}). */
        public Builder parser(CardParser parser) {
            this.parser = parser;
            return this;
        }

        /** Whether datasets missing from the curated table are looked up on the Hub (default true). */
        public Builder readDatasetCards(boolean read) {
            this.readDatasetCards = read;
            return this;
        }

        /** Bytes of the first Range read of each safetensors file (default 100,000). */
        public Builder firstRead(int bytes) {
            this.firstRead = bytes;
            return this;
        }

        /** The clock that stamps {@code collected_at} (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A collector with these settings; thread-safe. */
        public FactsCollector build() {
            return new FactsCollector(this);
        }
    }
}
