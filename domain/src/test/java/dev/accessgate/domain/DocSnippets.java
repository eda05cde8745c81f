package dev.accessgate.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the code in the guides (docs/*.md) equal to compiled, tested source. A source file
 * marks a region with {@code // tag::name[]} and {@code // end::name[]}; the guide puts
 * {@code <!-- snippet: name -->} on the line before a fenced code block. Each is read with
 * its common indentation removed.
 */
public final class DocSnippets {

    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w-]+)\\[]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([\\w-]+)\\[]\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([\\w-]+) -->\\s*$");

    private DocSnippets() {
    }

    /** The marked regions of a source file, by name, in file order. */
    public static Map<String, String> regions(Path source) {
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (String line : read(source)) {
            Matcher tag = TAG.matcher(line);
            Matcher end = END.matcher(line);
            if (tag.matches()) {
                open.put(tag.group(1), new ArrayList<>());
            } else if (end.matches()) {
                List<String> lines = open.remove(end.group(1));
                if (lines == null) {
                    throw new IllegalStateException(source + ": end::" + end.group(1) + " without its tag");
                }
                regions.put(end.group(1), dedent(lines));
            } else {
                open.values().forEach(lines -> lines.add(line));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(source + ": regions never closed: " + open.keySet());
        }
        return regions;
    }

    /** The marked code blocks of a markdown file, by name, in file order. */
    public static Map<String, String> blocks(Path markdown) {
        Map<String, String> blocks = new LinkedHashMap<>();
        List<String> lines = read(markdown);
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(markdown + ":" + (i + 1) + ": a snippet marker must precede a code fence");
            }
            List<String> code = new ArrayList<>();
            int j = i + 2;
            while (j < lines.size() && !lines.get(j).startsWith("```")) {
                code.add(lines.get(j++));
            }
            if (blocks.put(marker.group(1), dedent(code)) != null) {
                throw new IllegalStateException(markdown + ": snippet " + marker.group(1) + " appears twice");
            }
            i = j;
        }
        return blocks;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
