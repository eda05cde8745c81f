package dev.accessgate.app;

import dev.accessgate.app.cli.CommandLine;
import io.micronaut.runtime.Micronaut;

/** {@code java -jar accessgate.jar} serves; anything else is a subcommand. */
public final class AccessGate {

    private AccessGate() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 1 && args[0].equals(StartupTraining.COMMAND)) {
            System.exit(StartupTraining.command());
        }
        if (!CommandLine.servesWith(args)) {
            System.exit(CommandLine.standard().run(args));
        }
        ExtraConfig.install(System.getenv());
        ShutdownSignals.install();
        Micronaut.build(args).mainClass(AccessGate.class).banner(false).start();
    }
}
