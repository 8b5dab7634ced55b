package dev.cardminer.cli;

import dev.cardminer.facts.FactsValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer validate FILE...}: model- and dataset-facts files against their JSON Schemas. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
        "Checks model-facts and dataset-facts files (as collect and taxonomy --out write them) against their "
                + "JSON Schemas (draft 2020-12) and prints each violation as FILE: JSON-PATH: what is wrong.",
        "Exits 1 when any file is invalid, 2 when a file cannot be read."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Facts files, or folders of them (*.json).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--print-schema", paramLabel = "KIND", description = "Print the schema instead: model or dataset.")
    String printSchema;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printSchema != null) {
            out.print(FactsValidator.schemaText(printSchema.equals("dataset") ? "dataset-facts.schema.json"
                    : "model-facts.schema.json"));
            out.flush();
            return 0;
        }
        List<Path> all = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(all::add);
                }
            } else {
                all.add(p);
            }
        }
        if (all.isEmpty()) {
            err.println("cardminer validate: no files given");
            err.flush();
            return 2;
        }
        FactsValidator validator = new FactsValidator();
        int invalid = 0;
        int unreadable = 0;
        for (Path f : all) {
            if (!Files.isRegularFile(f)) {
                err.println(f + ": no such file");
                unreadable++;
                continue;
            }
            List<FactsValidator.Violation> violations = validator.validate(f);
            if (!violations.isEmpty()) {
                invalid++;
                violations.forEach(v -> out.println(v));
            }
        }
        out.println(all.size() + (all.size() == 1 ? " file, " : " files, ") + invalid + " invalid"
                + (unreadable > 0 ? ", " + unreadable + " unreadable" : ""));
        out.flush();
        err.flush();
        return unreadable > 0 ? 2 : invalid > 0 ? 1 : 0;
    }
}
