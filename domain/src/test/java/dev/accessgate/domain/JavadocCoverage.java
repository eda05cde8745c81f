package dev.accessgate.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds public and protected declarations without a Javadoc comment, as the javadoc tool itself
 * sees them (doclint's "no comment"). Javadoc is not visible at run time, so the check runs the
 * tool on the sources; {@code @param} and {@code @return} are not demanded. Two kinds of
 * declaration are exempt: a record's compact constructor (the record's own comment and its
 * {@code @param} tags describe it) and private fields (javadoc asks for them only because the
 * class is serializable).
 */
public final class JavadocCoverage {

    private JavadocCoverage() {
    }

    /** Each undocumented declaration under {@code sourceRoot}, as {@code file:line: declaration}. */
    public static List<String> undocumented(Path sourceRoot) {
        DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = tool.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
             Stream<Path> walk = Files.walk(sourceRoot)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            Path out = Files.createTempDirectory("javadoc-coverage");
            List<String> options = List.of("-d", out.toString(), "-quiet", "-notimestamp", "-protected",
                    "-Xdoclint:missing", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
                    "-classpath", System.getProperty("java.class.path"));
            Boolean ok = tool.getTask(null, files, diagnostics, null, options, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            List<String> missing = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getMessage(Locale.ROOT).startsWith("no comment"))
                    .filter(d -> !exempt(sourceLine(d)))
                    .map(d -> describe(d) + ": " + sourceLine(d).strip())
                    .sorted()
                    .toList();
            if (!ok && missing.isEmpty()) {
                throw new IllegalStateException("javadoc failed: " + diagnostics.getDiagnostics());
            }
            return missing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("\\s*public \\w+ \\{\\s*");

    private static boolean exempt(String line) {
        return COMPACT_CONSTRUCTOR.matcher(line).matches() || line.strip().startsWith("private ");
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        try {
            List<String> lines = Files.readAllLines(Path.of(d.getSource().toUri()));
            return lines.get((int) d.getLineNumber() - 1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : Path.of(d.getSource().toUri()).getFileName().toString();
        return file + ":" + d.getLineNumber();
    }
}
