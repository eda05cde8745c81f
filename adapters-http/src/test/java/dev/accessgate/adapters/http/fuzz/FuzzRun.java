package dev.accessgate.adapters.http.fuzz;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.domain.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One fuzzing slice: how many inputs (the slice's size times {@code -Daccessgate.fuzz.scale},
 * default 1), from which seed ({@code -Daccessgate.fuzz.seed}, default the slice's own), and
 * what became of each. An input may be accepted or refused with a documented rejection (a 4xx
 * {@link ProblemException}, a {@link DomainException}); anything else is a crash. The counts
 * are appended to {@code target/fuzz-counts.txt}, which scripts/reliability/fuzz.sh sums up.
 */
public final class FuzzRun {

    private static final int CRASHES_SHOWN = 5;

    private final String name;
    private final long seed;
    private final int inputs;
    private long accepted;
    private final Map<String, Long> rejected = new TreeMap<>();
    private long crashes;
    private final Map<String, Long> notes = new TreeMap<>();
    private final List<String> shown = new ArrayList<>();

    public FuzzRun(String name, long defaultSeed, int sliceInputs) {
        this.name = name;
        this.seed = Long.getLong("accessgate.fuzz.seed", defaultSeed);
        this.inputs = (int) Math.round(sliceInputs * Double.parseDouble(System.getProperty("accessgate.fuzz.scale", "1")));
    }

    public long seed() {
        return seed;
    }

    public int inputs() {
        return inputs;
    }

    /** Runs one input through {@code parse} and files the outcome; {@code input} describes it for a report. */
    public void check(int index, Supplier<String> input, Runnable parse) {
        try {
            parse.run();
            accepted++;
        } catch (ProblemException e) {
            if (e.kind().status() >= 500) {
                crash(index, input, e);
            } else {
                rejected(e.kind().status() + " " + e.kind().name());
            }
        } catch (DomainException e) {
            rejected("domain " + e.kind());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            crash(index, input, e);
        }
    }

    public void accepted() {
        accepted++;
    }

    public void rejected(String kind) {
        rejected.merge(kind, 1L, Long::sum);
    }

    /** Something worth counting that is not an outcome (for example a request sent twice). */
    public void note(String what) {
        notes.merge(what, 1L, Long::sum);
    }

    public void crash(int index, Supplier<String> input, Throwable e) {
        crashes++;
        if (shown.size() < CRASHES_SHOWN) {
            String text = input.get();
            shown.add("#" + index + " " + e + "\n    at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?")
                    + "\n    input: " + (text.length() > 600 ? text.substring(0, 600) + "..." : text));
        }
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Records the counts and fails when any input crashed (showing the first few, with the seed to rerun). */
    public void finish() {
        String line = String.format("%s inputs=%d accepted=%d rejected=%d crashes=%d seed=%d rejections=%s%s%n",
                name, inputs, accepted, rejectedTotal(), crashes, seed, rejected, notes.isEmpty() ? "" : " notes=" + notes);
        try {
            Path report = Path.of("target", "fuzz-counts.txt");
            Files.createDirectories(report.getParent());
            Files.writeString(report, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (crashes > 0 || accepted + rejectedTotal() != inputs) {
            throw new AssertionError(line + String.join("\n", shown)
                    + "\n(rerun: -Daccessgate.fuzz.seed=" + seed + " -Dtest=<this test>)");
        }
    }

    /** Bytes shown as text, invalid UTF-8 replaced, for a report. */
    public static String show(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
