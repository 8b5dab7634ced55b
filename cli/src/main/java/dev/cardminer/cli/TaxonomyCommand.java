package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.facts.FactsCollector;
import dev.cardminer.facts.FactsValidator;
import dev.cardminer.facts.ModelFacts;
import dev.cardminer.facts.TaxonomyLink;
import dev.cardminer.hub.HubClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer taxonomy DATASET...}: where datasets sit in the seed's taxonomy of training-data sources. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true, description = {
        "Places datasets in the seed's taxonomy of training-data sources (web/news, books/literary/fiction, "
                + "reference/encyclopedic, code/source_code, specific_datasets/<focus>, ...) from a curated table, "
                + "else from the dataset card's metadata and description on the Hub, with the evidence and a "
                + "confidence."})
final class TaxonomyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DATASET", description = "Dataset ids (org/name, or a well-known short name).")
    List<String> datasets;

    @Option(names = "--offline", description = "The curated table only; no Hub requests.")
    boolean offline;

    @Option(names = "--json", description = "One JSON object per dataset (the dataset-facts format).")
    boolean asJson;

    @Mixin
    TextOrJsonFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one dataset-facts file per dataset into DIR.")
    Path out;

    @Option(names = "--hub-endpoint", paramLabel = "URL", description = "The Hub's address (default: $HF_ENDPOINT or https://huggingface.co).")
    String hubEndpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        asJson = format.json(spec.commandLine(), asJson);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FactsCollector collector = FactsCollector.builder(HubClient.create(HubSettings.options(hubEndpoint, null)))
                .readDatasetCards(!offline).build();
        ObjectMapper json = new ObjectMapper();
        if (out != null) {
            Files.createDirectories(out);
        }
        for (String dataset : datasets) {
            List<String> problems = new ArrayList<>();
            List<TaxonomyLink> links = collector.linkDataset(dataset, problems);
            problems.forEach(p -> err.println("taxonomy " + p));
            ObjectNode o = json.createObjectNode().put("$schema", FactsValidator.DATASET_SCHEMA_ID).put("dataset", dataset);
            ArrayNode t = o.putArray("taxonomy");
            links.forEach(l -> t.addObject().put("category", l.category()).put("confidence", l.confidence())
                    .put("evidence", l.evidence()));
            ArrayNode p = o.putArray("problems");
            problems.forEach(p::add);
            if (out != null) {
                json.writerWithDefaultPrettyPrinter().writeValue(out.resolve(ModelFacts.fileName(dataset)).toFile(), o);
            }
            if (asJson) {
                stdout.println(json.writeValueAsString(o));
            } else if (out == null) {
                if (links.isEmpty()) {
                    stdout.println(dataset + "\t(unplaced)");
                }
                for (TaxonomyLink l : links) {
                    stdout.println(dataset + "\t" + l.category() + "\t" + l.confidence() + "\t"
                            + l.evidence().replaceAll("\\p{Cntrl}", " "));
                }
            }
        }
        stdout.flush();
        err.flush();
        return 0;
    }
}
