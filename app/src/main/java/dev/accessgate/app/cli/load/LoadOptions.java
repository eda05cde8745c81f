package dev.accessgate.app.cli.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Options of one load run.
 *
 * @param rate       requests per second to start (open loop), or 0 for as fast as the
 *                   concurrency allows (closed loop)
 * @param size       ids per policy event, or objects per bulk check
 * @param blockedIds ids the query scenarios draw from (the first half of them is blocked by
 *                   a setup run of the policy scenario with the same workspace)
 * @param threads    event-loop threads of the client (the client shares the machine with the
 *                   service, so 1 by default)
 * @param warmUp     how long to send the same load first, uncounted (JIT of client and service)
 */
public record LoadOptions(String scenario, URI target, long requests, Duration duration, int concurrency,
                          int rate, int size, String workspace, int blockedIds, boolean sortedIds, String token,
                          int threads, Duration warmUp) {

    public static final Duration MAX_DURATION = Duration.ofMinutes(30);

    public LoadOptions {
        if (!java.util.Set.of("policy", "small", "check", "bulk").contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario " + scenario + " (policy, small, check, bulk)");
        }
        if (requests < 1 || concurrency < 1 || concurrency > 1_024 || rate < 0 || size < 1 || blockedIds < 1
                || threads < 1 || threads > 16) {
            throw new IllegalArgumentException(
                    "requests, concurrency (1..1024), size, ids and threads (1..16) must be positive");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("duration must be between 1s and 30m");
        }
        if (warmUp.isNegative() || warmUp.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("warm-up must be between 0s and 30m");
        }
        requireLoopback(target);
    }

    /** Load is only ever sent to this machine. */
    static void requireLoopback(URI target) {
        try {
            if (target.getHost() == null || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("load goes to loopback addresses only (127.0.0.0/8, ::1, localhost), not "
                        + target.getHost());
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + target.getHost());
        }
    }

    /** Parses {@code --name value} pairs after the scenario name. */
    public static LoadOptions parse(String scenario, String[] args, int from) {
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        LoadOptions options = new LoadOptions(scenario,
                URI.create(values.getOrDefault("url", "http://127.0.0.1:8080")),
                Long.parseLong(values.getOrDefault("requests", "100000")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("seconds", "60"))),
                Integer.parseInt(values.getOrDefault("concurrency", "16")),
                Integer.parseInt(values.getOrDefault("rate", "0")),
                Integer.parseInt(values.getOrDefault("size", scenario.equals("bulk") ? "10000" : "5000")),
                values.getOrDefault("workspace", "load"),
                Integer.parseInt(values.getOrDefault("ids", "1000000")),
                !values.getOrDefault("order", "random").equals("random"),
                values.getOrDefault("token", System.getenv().getOrDefault("ACCESSGATE_API_TOKEN", "")),
                Integer.parseInt(values.getOrDefault("threads", "1")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("warmup", "0"))));
        values.keySet().removeAll(java.util.Set.of("url", "requests", "seconds", "concurrency", "rate", "size",
                "workspace", "ids", "order", "token", "threads", "warmup"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + values.keySet());
        }
        return options;
    }
}
