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
 *   <li>query: the first 1,000 {@code &}-separated pairs, read and decoded as Node's
 *       {@code querystring} does (see {@link #nodeQueryPairs}); the {@code jwt} (and
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
        for (String[] pair : nodeQueryPairs(rawQuery)) {
            params.computeIfAbsent(pair[0], n -> new ArrayList<>()).add(pair[1]);
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
     * The name and value of each pair, in order, exactly as Node's {@code querystring.parse}
     * (separator {@code &}, {@code =}, at most 1,000 pairs) reads them. It is a port of that
     * loop, because which names and values get decoded depends on its scan: a name or value is
     * decoded only once a valid {@code %XX} was seen for it, and after a name's first escape the
     * scan goes on looking for one on the value's behalf, so {@code %C3%A9=%\u00e9} decodes the
     * value (a stray {@code %} then makes Node decode byte by byte, mangling the {@code \u00e9}).
     */
    static List<String[]> nodeQueryPairs(String qs) {
        List<String[]> pairs = new ArrayList<>();
        if (qs == null || qs.isEmpty()) {
            return pairs;
        }
        int left = MAX_PAIRS;
        int lastPos = 0;
        boolean inValue = false;
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean keyEncoded = false;
        boolean valEncoded = false;
        int encodeCheck = 0;
        for (int i = 0; i < qs.length(); i++) {
            char code = qs.charAt(i);
            if (code == '&') {
                if (!inValue) {
                    if (lastPos < i) {
                        key.append(qs, lastPos, i);
                    } else if (key.length() == 0) {
                        // an empty pair still counts against the limit
                        if (--left == 0) {
                            return pairs;
                        }
                        lastPos = i + 1;
                        continue;
                    }
                } else if (lastPos < i) {
                    value.append(qs, lastPos, i);
                }
                pairs.add(nodePair(key, value, keyEncoded, valEncoded));
                if (--left == 0) {
                    return pairs;
                }
                keyEncoded = false;
                valEncoded = false;
                key.setLength(0);
                value.setLength(0);
                encodeCheck = 0;
                lastPos = i + 1;
                inValue = false;
                continue;
            }
            if (!inValue) {
                if (code == '=') {
                    if (lastPos < i) {
                        key.append(qs, lastPos, i);
                    }
                    inValue = true;
                    encodeCheck = 0;
                    lastPos = i + 1;
                    continue;
                }
                if (!keyEncoded) {
                    if (code == '%') {
                        encodeCheck = 1;
                        continue;
                    } else if (encodeCheck > 0) {
                        if (hex(code) >= 0) {
                            if (++encodeCheck == 3) {
                                keyEncoded = true;
                            }
                            continue;
                        }
                        encodeCheck = 0;
                    }
                }
                if (code == '+') {
                    if (lastPos < i) {
                        key.append(qs, lastPos, i);
                    }
                    key.append(' ');
                    lastPos = i + 1;
                    continue;
                }
            }
            // Node runs this for the name's characters too (once the name is known encoded).
            if (code == '+') {
                if (lastPos < i) {
                    value.append(qs, lastPos, i);
                }
                value.append(' ');
                lastPos = i + 1;
            } else if (!valEncoded) {
                if (code == '%') {
                    encodeCheck = 1;
                } else if (encodeCheck > 0) {
                    if (hex(code) >= 0) {
                        if (++encodeCheck == 3) {
                            valEncoded = true;
                        }
                    } else {
                        encodeCheck = 0;
                    }
                }
            }
        }
        if (lastPos < qs.length()) {
            (inValue ? value : key).append(qs, lastPos, qs.length());
        } else if (!inValue && key.length() == 0) {
            return pairs;
        }
        pairs.add(nodePair(key, value, keyEncoded, valEncoded));
        return pairs;
    }

    private static String[] nodePair(CharSequence key, CharSequence value, boolean keyEncoded, boolean valEncoded) {
        String name = key.toString();
        String text = value.toString();
        return new String[] {keyEncoded && !name.isEmpty() ? unescape(name) : name,
            valEncoded && !text.isEmpty() ? unescape(text) : text};
    }

    /**
     * Node's {@code querystring.unescape}: {@code decodeURIComponent}, and where that fails (a
     * stray {@code %}, bad UTF-8) byte by byte, each other character cut to its low 8 bits, bad
     * UTF-8 becoming U+FFFD.
     */
    private static String unescape(String text) {
        String strict = decodeUriComponent(text);
        return strict != null ? strict : unescapeBuffer(text);
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
