package dev.accessgate.app.cli;

import java.io.PrintStream;

/**
 * Runs a subcommand and returns its exit code. The only code that writes to standard
 * streams (an architecture rule): the output of a command is its interface.
 */
public final class CommandLine {

    static final String USAGE = """
            usage: java -jar accessgate.jar [command]
              (none) | serve    run the service (see README)
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
        err.print("unknown command: " + String.join(" ", args) + "\n" + USAGE);
        return 2;
    }
}
