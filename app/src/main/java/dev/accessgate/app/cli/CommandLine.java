package dev.accessgate.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Runs a subcommand and returns its exit code. The only code that writes to standard
 * streams (an architecture rule): the output of a command is its interface.
 */
public final class CommandLine {

    static final String USAGE = """
            usage: java -jar accessgate.jar [command]
              (none) | serve                         run the service (see README)
              filter check '<expression>' <event.json>
                                                     evaluate a filter expression against an event;
                                                     prints {"result", "error", "steps", "complexity"},
                                                     exits 0 when the result is a Boolean, 1 otherwise
            """;

    private final PrintStream out;
    private final PrintStream err;

    public CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static CommandLine standard() {
        return new CommandLine(System.out, System.err);
    }

    /** True when these arguments ask to run the service rather than a command. */
    public static boolean servesWith(String[] args) {
        return args.length == 0 || args[0].equals("serve");
    }

    public int run(String... args) {
        if (args.length > 0 && (args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("filter")) {
            return filter(args);
        }
        err.print("unknown command: " + String.join(" ", args) + "\n" + USAGE);
        return 2;
    }

    private int filter(String[] args) {
        if (args.length != 4 || !args[1].equals("check")) {
            err.print("usage: java -jar accessgate.jar filter check '<expression>' <event.json>\n");
            return 2;
        }
        try {
            FilterCheck.Outcome outcome = FilterCheck.run(args[2], Path.of(args[3]));
            out.println(outcome.line());
            return outcome.exitCode();
        } catch (IOException | RuntimeException e) {
            err.println("cannot read the event " + args[3] + ": " + FilterCheck.unreadable(e));
            return 2;
        }
    }
}
