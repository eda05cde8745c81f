package dev.accessgate.app;

import dev.accessgate.app.cli.CommandLine;
import io.micronaut.runtime.Micronaut;

/** {@code java -jar accessgate.jar} serves; anything else is a subcommand. */
public final class AccessGate {

    private static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private AccessGate() {
    }

    /**
     * Micronaut records every request as a JFR event; the first such event sets up the JVM's
     * event machinery (100 classes, 0.1 to 0.2 s), on the first request's path unless a spare
     * core did it meanwhile. Loading one such event class here does it while the context starts.
     */
    private static void setUpRequestEventsInBackground() {
        Thread thread = new Thread(() -> {
            try {
                Class.forName(REQUEST_EVENT, true, AccessGate.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notThere) {
                // another Micronaut: the first request does it, as it would without this
            }
        }, "accessgate-jfr-setup");
        thread.setDaemon(true);
        thread.start();
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 1 && args[0].equals(StartupTraining.COMMAND)) {
            System.exit(StartupTraining.command());
        }
        if (!CommandLine.servesWith(args)) {
            System.exit(CommandLine.standard().run(args));
        }
        setUpRequestEventsInBackground();
        ExtraConfig.install(System.getenv());
        ShutdownSignals.install();
        Micronaut.build(args).mainClass(AccessGate.class).banner(false).start();
    }
}
