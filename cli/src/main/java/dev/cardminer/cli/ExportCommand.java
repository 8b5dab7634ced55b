package dev.cardminer.cli;

import dev.cardminer.io.CardStore;
import dev.cardminer.io.concepts.ConceptExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cardminer export}: a store's sentences or annotations as Parquet, CSV or JSON Lines. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the sentences or annotations of a store to a Parquet, CSV or JSON Lines file.")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The store (DuckDB file).")
    Path db;

    @Option(names = "--what", required = true, paramLabel = "sentences|annotations", description = "What to export.")
    String what;

    @Option(names = "--format", paramLabel = "parquet|csv|jsonl",
            description = "File format (default: from the --out name's .parquet, .csv, .jsonl or .json ending, else parquet).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--annotator", paramLabel = "NAME", description = "Only this annotator's annotations.")
    String annotator;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ConceptExport.What w;
        ConceptExport.Format f;
        try {
            w = ConceptExport.What.valueOf(what.toUpperCase(Locale.ROOT));
            f = format == null ? null : ConceptExport.format(format);
        } catch (IllegalArgumentException e) {
            err.println("cardminer export: --what is sentences or annotations, --format parquet, csv or jsonl");
            err.flush();
            return 2;
        }
        Optional<ConceptExport.Format> named = formatOfName(out);
        if (f == null) {
            f = named.orElse(ConceptExport.Format.PARQUET);
        } else if (named.isPresent() && named.get() != f) {
            throw new ParameterException(spec.commandLine(), "--format " + format + " contradicts the --out name " + out);
        }
        // Like --db of analyze: a missing folder is created.
        OutputPaths.checkFile("--out", out);
        try (Connection c = CardStore.openReadOnly(db)) {
            long rows = new ConceptExport(c).export(w, f, out, annotator);
            spec.commandLine().getOut().printf("%,d %s written to %s%n", rows, w.name().toLowerCase(Locale.ROOT), out);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The format a file name's ending says, if it says one. */
    private static Optional<ConceptExport.Format> formatOfName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(ConceptExport.Format.CSV);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(ConceptExport.Format.PARQUET);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return Optional.of(ConceptExport.Format.JSONL);
        }
        return Optional.empty();
    }
}
