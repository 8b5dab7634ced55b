package dev.cardminer.cli;

import dev.cardminer.web.Explorer;
import java.awt.Desktop;
import java.io.IOException;
import java.net.BindException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cardminer serve --db F}: the local web explorer of a store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = {
        "Serves a local, read-only web explorer of a store at http://127.0.0.1:PORT/ until Ctrl-C: overview charts "
                + "that click through to cards, card search, one page per card (/cards/org/name), concepts, "
                + "breakdowns and a model chooser. Needs no network; every asset is served by cardminer."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB store to read.")
    Path db;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--open", description = "Open the explorer in the desktop's browser.")
    boolean open;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("cardminer serve: --port must be 0 to 65535");
            err.flush();
            return 2;
        }
        Explorer.Running explorer;
        try {
            explorer = Explorer.builder(db).port(port).bind(InetAddress.getLoopbackAddress()).log(err).build().start();
        } catch (BindException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use (another server, or another cardminer serve); "
                    + "choose another with --port N, or --port 0 for any free port", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                explorer.close();
            } catch (SQLException e) {
                // Stopping anyway: the store was only read.
            }
            stopped.countDown();
        }, "cardminer-serve-stop"));
        out.println("cardminer serve: " + explorer.uri() + " (Ctrl-C stops)");
        out.flush();
        if (open) {
            openBrowser(explorer, err);
        }
        stopped.await();
        return 0;
    }

    private static void openBrowser(Explorer.Running explorer, PrintWriter err) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(explorer.uri());
                return;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the message
        }
        err.println("cardminer serve: cannot open a browser here; open " + explorer.uri() + " yourself");
        err.flush();
    }
}
