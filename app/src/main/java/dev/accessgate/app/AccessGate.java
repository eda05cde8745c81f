package dev.accessgate.app;

import dev.accessgate.app.cli.CommandLine;
import io.micronaut.runtime.Micronaut;
import org.sqlite.SQLiteJDBCLoader;

/** {@code java -jar accessgate.jar} serves; anything else is a subcommand. */
public final class AccessGate {

    private static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private AccessGate() {
    }

    /**
     * Work that later lands on the start's critical path, done meanwhile on a spare core: (1)
     * Micronaut records every request as a JFR event, and the first one sets up the JVM's event
     * machinery (~100 classes, 0.1 to 0.2 s) on the first request's path; loading one such event
     * class does it now. (2) sqlite-jdbc copies its native library out of the jar and loads it when
     * the database is first opened (~0.1 s); it does so once per JVM, here if it comes first. Both
     * are self-contained (no lock the main thread holds); if either fails, the work is simply
     * done later where it was before.
     */
    private static void warmUpInBackground() {
        Thread thread = new Thread(() -> {
            try {
                Class.forName(REQUEST_EVENT, true, AccessGate.class.getClassLoader());
                SQLiteJDBCLoader.initialize();
            } catch (Exception | LinkageError doneLaterInstead) {
                // nothing lost: the first request or the first connection does it, as before
            }
        }, "accessgate-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 1 && args[0].equals(StartupTraining.COMMAND)) {
            System.exit(StartupTraining.run());
        }
        if (!CommandLine.servesWith(args)) {
            System.exit(CommandLine.standard().run(args));
        }
        warmUpInBackground();
        ExtraConfig.install(System.getenv());
        ShutdownSignals.install();
        Micronaut.build(args).mainClass(AccessGate.class).banner(false).start();
    }
}
