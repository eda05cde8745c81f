package dev.accessgate.adapters.persistence.sqlite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Is a database file's schema exactly what Flyway leaves after applying the SQL scripts shipped
 * at a location, so that Flyway would find nothing to validate against and nothing to apply? Then
 * a restart skips Flyway, 0.3 to 0.5 s of a start (its set-up, classpath scan, parse and checks).
 * Anything else answers false and Flyway runs as always: a new file, a pending script, a failed,
 * unknown or newer one, a checksum that differs, a script name Flyway would read otherwise than
 * {@code V<version>__<description>.sql}, scripts this class cannot list. The checksum is Flyway's:
 * the CRC32 of the script's lines in UTF-8 without their line ends (a leading BOM dropped);
 * MigrationHistoryTest checks it against the rows Flyway writes.
 */
final class MigrationHistory {

    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private MigrationHistory() {
    }

    /** True only when the schema history holds exactly one successful row per script at {@code location}. */
    static boolean isCurrent(DataSource dataSource, ClassLoader loader, String location) {
        try {
            Set<String> expected = expectedRows(loader, location);
            if (expected.isEmpty()) {
                return false;
            }
            Set<String> applied = new HashSet<>();
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT version, description, type, script, checksum, success FROM flyway_schema_history")) {
                while (rows.next()) {
                    applied.add(row(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getObject(5) == null ? null : rows.getInt(5), rows.getBoolean(6)));
                }
            }
            return applied.equals(expected);
        } catch (SQLException | IOException | URISyntaxException | RuntimeException noHistoryOrUnreadable) {
            return false;
        }
    }

    private static String row(String version, String description, String type, String script, Integer checksum,
                              boolean success) {
        return String.join("|", version, description, type, script, String.valueOf(checksum), String.valueOf(success));
    }

    /** One row per script, as Flyway writes it; empty when a script cannot be read or a name does not fit. */
    private static Set<String> expectedRows(ClassLoader loader, String location)
            throws IOException, URISyntaxException {
        Set<String> rows = new HashSet<>();
        Enumeration<URL> roots = loader.getResources(location);
        while (roots.hasMoreElements()) {
            for (String script : scripts(roots.nextElement())) {
                Matcher name = SCRIPT.matcher(script);
                if (!name.matches()) {
                    return Set.of();
                }
                try (InputStream in = loader.getResourceAsStream(location + "/" + script)) {
                    if (in == null || !rows.add(row(name.group(1), name.group(2).replace('_', ' '), "SQL", script,
                            checksum(in), true))) {
                        return Set.of();
                    }
                }
            }
        }
        return rows;
    }

    /** The names of the files directly at {@code root}, a directory or a directory inside a jar. */
    private static Set<String> scripts(URL root) throws IOException, URISyntaxException {
        Set<String> names = new HashSet<>();
        if (root.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if (root.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            String directory = connection.getEntryName();
            // the URL of a directory entry ends with its slash
            String prefix = directory.endsWith("/") ? directory : directory + "/";
            JarFile jar = connection.getJarFile();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                if (entry.startsWith(prefix) && entry.length() > prefix.length() && entry.indexOf('/', prefix.length()) < 0) {
                    names.add(entry.substring(prefix.length()));
                }
            }
        } else {
            throw new IOException("cannot list " + root);
        }
        return names;
    }

    private static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        for (; line != null; line = reader.readLine()) {
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
