package dev.accessgate.app.cli;

import dev.accessgate.app.cli.load.LoadOptions;
import dev.accessgate.app.cli.load.LoadRunner;
import dev.accessgate.adapters.http.migration.ConnectDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
              load <policy|small|check|bulk> [--url http://127.0.0.1:8080] [--requests N] [--seconds S]
                   [--concurrency C] [--rate R] [--size N] [--workspace W] [--ids N] [--order random|sorted]
                   [--token T] [--threads T] [--warmup S]
                                                     send load to a local accessgate (loopback only) and
                                                     report throughput and latency percentiles
                                                     (--rate: open loop, latency from the due time)
              descriptor                             print the Connect descriptor fragment of the migration
                                                     webhook (baseUrl from ACCESSGATE_BASE_URL when set)
              check <cloudId> <product> <type> <id> [--url U] [--token T]
                                                     is the object blocked? prints the answer; exits 0 not
                                                     blocked, 1 blocked, 2 no answer (token: ACCESSGATE_API_TOKEN)
              backup <copy.db> [--db ./accessgate.db]
                                                     online copy of the SQLite file (VACUUM INTO), safe while
                                                     the service runs; exits 0 when the copy was checked
            """ + Send.USAGE.indent(2);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public CommandLine(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** @param env the environment variables the commands read ({@code ACCESSGATE_BASE_URL}) */
    public CommandLine(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
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
        if (args.length > 1 && args[0].equals("load")) {
            return load(args);
        }
        if (args.length > 0 && args[0].equals("send")) {
            return send(args);
        }
        if (args.length > 0 && args[0].equals("check")) {
            return new Check(out, err, env).run(args);
        }
        if (args.length > 0 && args[0].equals("backup")) {
            return new Backup(out, err, env).run(args);
        }
        if (args.length == 1 && args[0].equals("descriptor")) {
            Optional<String> baseUrl = Optional.ofNullable(env.get("ACCESSGATE_BASE_URL")).filter(s -> !s.isBlank());
            out.println(ConnectDescriptor.fragment(baseUrl));
            return 0;
        }
        err.print("unknown command: " + String.join(" ", args) + "\n" + USAGE);
        return 2;
    }

    private int send(String[] args) {
        try {
            return new Send(out, err, env).run(args);
        } catch (IllegalArgumentException e) {
            err.print("send: " + e.getMessage() + "\nusage:\n" + Send.USAGE);
            return 2;
        } catch (java.io.IOException e) {
            err.println("send: no answer: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int load(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args[1], args, 2);
        } catch (IllegalArgumentException e) {
            err.println("load: " + e.getMessage());
            return 2;
        }
        err.printf("load %s -> %s: up to %,d requests in %d s, concurrency %d, %s%n", options.scenario(),
                options.target(), options.requests(), options.duration().toSeconds(), options.concurrency(),
                options.rate() == 0 ? "flat out" : options.rate() + " requests/s");
        LoadRunner.Report report = new LoadRunner().run(options, err);
        out.println(report.describe());
        return report.failures() == 0 ? 0 : 1;
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
