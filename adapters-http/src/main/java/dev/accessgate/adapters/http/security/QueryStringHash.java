package dev.accessgate.adapters.http.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 *   <li>path: the raw (still percent-encoded) path, backslashes as slashes; the base URL's
 *       path (as configured, with its trailing slash if any) is cut off when the path starts
 *       with it, by plain prefix as the library does; empty becomes {@code /}; {@code &}
 *       becomes {@code %26}; a leading {@code /} is added and one trailing {@code /} removed;</li>
 *   <li>query: the first 1,000 {@code &}-separated pairs, decoded as Node's
 *       {@code querystring} does (see {@link #decode}); the {@code jwt} (and
 *       {@code __proto__}) parameter dropped; names sorted; repeated values sorted and joined
 *       with {@code ,}; names and values encoded as RFC 3986 (everything but
 *       {@code A-Z a-z 0-9 - . _ ~} percent-encoded as UTF-8, upper-case hex).</li>
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

    /** What Node's {@code url.parse} escapes when it does not take its fast path for simple paths. */
    private static final String AUTO_ESCAPED = "\t\n\r \"'<>\\^`{|}";

    /**
     * The pathname Node's {@code url.parse} gives: backslashes become slashes; a path that
     * starts with three slashes (not a "simple path" to it) also gets its quotes, braces and
     * the like percent-encoded. (Whitespace would too, but a request target has none.)
     */
    private static String nodeUrlPath(String rawPath) {
        String path = rawPath.replace('\\', '/');
        if (!path.startsWith("///")) {
            return path;
        }
        StringBuilder escaped = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            escaped.append(AUTO_ESCAPED.indexOf(c) >= 0 ? String.format("%%%02X", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }

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
            List<String> encoded = values.stream().map(QueryStringHash::encode).toList();
            query.append(query.length() == 0 ? "" : "&").append(encode(param.getKey())).append('=')
                    .append(String.join(",", encoded));
        }
        return query.toString();
    }

    /**
     * A name or value as Node's {@code querystring.parse} decodes it: {@code +} is a space;
     * text without a valid {@code %XX} escape is kept as it is; otherwise it is decoded like
     * {@code decodeURIComponent}, and where that fails (a stray {@code %}, bad UTF-8) byte by
     * byte, each other character cut to its low 8 bits, bad UTF-8 becoming U+FFFD.
     */
    static String decode(String raw) {
        String text = raw.replace('+', ' ');
        if (!hasValidEscape(text)) {
            return text;
        }
        String strict = decodeUriComponent(text);
        return strict != null ? strict : unescapeBuffer(text);
    }

    private static boolean hasValidEscape(String text) {
        for (int i = 0; i + 2 < text.length(); i++) {
            if (text.charAt(i) == '%' && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** JavaScript's {@code decodeURIComponent}, or null where it would throw. */
    private static String decodeUriComponent(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                out.append(text.charAt(i++));
                continue;
            }
            ByteArrayOutputStream run = new ByteArrayOutputStream();
            while (i < text.length() && text.charAt(i) == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    return null;
                }
                run.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(run.toByteArray())));
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return out.toString();
    }

    /** Node's {@code querystring.unescapeBuffer} followed by UTF-8 decoding with replacement. */
    private static String unescapeBuffer(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i < text.length() - 2 && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                bytes.write(c & 0xFF);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
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
