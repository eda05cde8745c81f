package dev.accessgate.adapters.http.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Atlassian's query string hash ({@code qsh}): SHA-256 (hex) of the canonical request
 * {@code METHOD&path&query}, computed as the {@code atlassian-jwt} library does:
 * <ul>
 *   <li>method: upper case;</li>
 *   <li>path: the raw (still percent-encoded) path; the base URL's path is cut off when the
 *       path starts with it; empty becomes {@code /}; {@code &} becomes {@code %26}; a leading
 *       {@code /} is added and one trailing {@code /} removed;</li>
 *   <li>query: parsed as Node's {@code querystring} does ({@code +} is a space, malformed
 *       escapes are kept literally); the {@code jwt} parameter dropped; names sorted; repeated
 *       values sorted and joined with {@code ,}; names and values encoded as RFC 3986
 *       (everything but {@code A-Z a-z 0-9 - . _ ~} percent-encoded, upper-case hex).</li>
 * </ul>
 * Sorting compares UTF-16 code units, as JavaScript's {@code sort()} does.
 */
public final class QueryStringHash {

    private QueryStringHash() {
    }

    /** The hex SHA-256 of {@link #canonicalRequest}. */
    public static String of(String method, String rawPath, String rawQuery, String basePath) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest(method, rawPath, rawQuery, basePath).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * @param rawPath  the request path as sent, percent-encoding intact
     * @param rawQuery the query as sent, without {@code ?}; null or empty for none
     * @param basePath the path of the app's base URL ({@code /gateway}); null or empty for none
     */
    public static String canonicalRequest(String method, String rawPath, String rawQuery, String basePath) {
        return method.toUpperCase(java.util.Locale.ROOT) + "&" + canonicalPath(rawPath, basePath) + "&"
                + canonicalQuery(rawQuery);
    }

    /** Characters Node's {@code url.parse} percent-encodes in a path (after turning {@code \\} into {@code /}). */
    private static final String AUTO_ESCAPED = "\t\n\r \"'<>\\^`{|}";

    static String canonicalPath(String rawPath, String basePath) {
        String path = nodeUrlPath(rawPath == null ? "" : rawPath);
        String base = basePath == null ? "" : basePath;
        if (path.startsWith(base)) {
            path = path.substring(base.length());
        }
        if (path.isEmpty()) {
            return "/";
        }
        path = path.replace("&", "%26");
        if (path.charAt(0) != '/') {
            path = "/" + path;
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String nodeUrlPath(String rawPath) {
        StringBuilder path = new StringBuilder(rawPath.length());
        for (char c : rawPath.replace('\\', '/').toCharArray()) {
            if (AUTO_ESCAPED.indexOf(c) >= 0) {
                path.append(String.format("%%%02X", (int) c));
            } else {
                path.append(c);
            }
        }
        return path.toString();
    }

    /** Node's querystring reads at most this many pairs; the rest of a query is ignored. */
    private static final int MAX_PAIRS = 1000;

    static String canonicalQuery(String rawQuery) {
        Map<String, List<String>> params = new TreeMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            String[] pairs = rawQuery.split("&", -1);
            for (String pair : java.util.Arrays.copyOf(pairs, Math.min(pairs.length, MAX_PAIRS))) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        params.remove("jwt");
        params.remove("__proto__");
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            List<String> values = new ArrayList<>(param.getValue());
            values.sort(null);
            StringBuilder joined = new StringBuilder();
            for (String value : values) {
                joined.append(joined.length() == 0 ? "" : ",").append(encode(value));
            }
            query.append(query.length() == 0 ? "" : "&").append(encode(param.getKey())).append('=').append(joined);
        }
        return query.toString();
    }

    /** Node's {@code querystring.unescape} with {@code +} as space: bad escapes stay literal, bad UTF-8 becomes U+FFFD. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%' && i + 2 < utf8.length && hex(utf8[i + 1]) >= 0 && hex(utf8[i + 2]) >= 0) {
                bytes.write(hex(utf8[i + 1]) * 16 + hex(utf8[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes: all but unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
