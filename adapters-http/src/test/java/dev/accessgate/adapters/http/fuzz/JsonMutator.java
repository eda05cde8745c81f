package dev.accessgate.adapters.http.fuzz;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Hostile variants of valid JSON documents, reproducible from a seed. Half of them are changed
 * as trees (a value swapped for one of another type or an edge case, a key dropped, renamed or
 * added, an array emptied or grown past a limit, deep nesting), so they get past the JSON
 * parser and reach the field checks; the rest are changed as bytes (bit flips, truncation,
 * spliced seeds, stray structural characters, invalid UTF-8) or are random bytes.
 */
public final class JsonMutator {

    /** Edge-case strings: empty, blank, control and format characters, lone surrogates, times, URIs, types. */
    private static final List<String> STRINGS = List.of("", " ", "\t", "\u0000", "\u0007", "\u200b", "\ufeff",
            "\ud800", "\udfff", "a\ud83d", "\ud83d\ude00", "日本語", "Ünïcødé", "null", "true", "0", "-1", "1e309",
            "NaN", "%", "%zz", "%C3%28", "%00", "a b", "http://[::1", "ari:cloud:jira::site/", "https://x.atlassian.net",
            "https://x.atlassian.net/", "HTTPS://X.ATLASSIAN.NET", "javascript:alert(1)", "../../etc/passwd",
            "2023-10-24T08:08:08Z", "2023-10-24t08:08:08z", "2023-10-24T08:08:08.123456789+14:00", "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "2023-02-30T00:00:00Z", "2023-10-24T24:00:00Z", "2023-10-24T08:08:60Z",
            "2023-10-24T08:08:08-24:00", "+10000-01-01T00:00:00Z", "2023-10-24", "1.0", "0.3", "Confluence", "JIRA",
            "page", "issue", "space", "BLOGPOST", "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
            "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2",
            "avi:ecosystem.app_policy:blocked:app_access_to_objects.v1", "avi:ecosystem.app_policy:blocked:x.v3",
            "avi:jira:created:issue", "avi:forge:installed:app", "avi:forge:upgraded:app", "listener-triggered",
            "app-data-uploaded", "transfer-settled", "listener-errored", "transfer-cancellation-requested",
            "9.0.0", "1", "1.2.3.4", "-5.0.0", "v1", "installed", "uninstalled");

    private final SplittableRandom random;
    private final List<byte[]> seeds;
    private final List<Object> trees;

    public JsonMutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.random = new SplittableRandom(seed);
        this.seeds = List.copyOf(seeds);
        this.trees = seeds.stream().map(JsonTreeReader::read).toList();
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    /** One hostile document. */
    public byte[] next() {
        int kind = random.nextInt(20);
        if (kind < 11) {
            Object tree = copy(trees.get(random.nextInt(trees.size())));
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                tree = mutateTree(tree, 0);
            }
            return JsonTreeWriter.write(tree).getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 19) {
            byte[] bytes = seeds.get(random.nextInt(seeds.size()));
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                bytes = mutateBytes(bytes);
            }
            return bytes;
        }
        byte[] junk = new byte[random.nextInt(300)];
        random.nextBytes(junk);
        return junk;
    }

    /** An edge-case string, a random string, or a long one. */
    public String string() {
        return switch (random.nextInt(8)) {
            case 0 -> "x".repeat(random.nextInt(8) != 0 ? 129 + random.nextInt(200) : 1_000 + random.nextInt(20_000));
            case 1 -> randomText(1 + random.nextInt(20));
            default -> STRINGS.get(random.nextInt(STRINGS.size()));
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x5f));
        }
        return text.toString();
    }

    private Object value(int depth) {
        return switch (random.nextInt(16)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> List.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE).get(random.nextInt(5));
            case 3 -> new BigInteger("9".repeat(20 + random.nextInt(80)));
            case 4 -> List.of(new BigDecimal("1.5"), new BigDecimal("1e308"), new BigDecimal("-0.0"),
                    new BigDecimal("1e-400")).get(random.nextInt(4));
            case 5 -> new LinkedHashMap<String, Object>();
            case 6 -> new ArrayList<Object>();
            case 7 -> nested(55 + random.nextInt(15));
            case 8 -> depth > 3 ? string() : copy(trees.get(random.nextInt(trees.size())));
            default -> string();
        };
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            List<Object> wrapper = new ArrayList<>();
            wrapper.add(value);
            value = wrapper;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Object mutateTree(Object node, int depth) {
        if (node instanceof Map<?, ?> raw && !raw.isEmpty()) {
            Map<String, Object> map = (Map<String, Object>) raw;
            List<String> keys = new ArrayList<>(map.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(8)) {
                case 0 -> map.remove(key);
                case 1 -> map.put(key, value(depth));
                case 2 -> {
                    Object moved = map.remove(key);
                    map.put(random.nextBoolean() ? key.toUpperCase(java.util.Locale.ROOT) : string(), moved);
                }
                case 3 -> map.put(random.nextBoolean() ? string() : "data_base64", value(depth));
                default -> map.put(key, mutateTree(map.get(key), depth + 1));
            }
            return map;
        }
        if (node instanceof List<?> raw) {
            List<Object> list = (List<Object>) raw;
            switch (random.nextInt(7)) {
                case 0 -> list.clear();
                case 1 -> list.add(value(depth));
                case 2 -> {
                    // past the 10,000 objects of one event, or just many
                    Object item = list.isEmpty() ? "1" : list.get(0);
                    int copies = random.nextInt(40) == 0 ? 10_001 : 1 + random.nextInt(50);
                    for (int i = 0; i < copies; i++) {
                        list.add(item instanceof String s ? s + i : copy(item));
                    }
                }
                default -> {
                    if (!list.isEmpty()) {
                        int at = random.nextInt(list.size());
                        list.set(at, random.nextBoolean() ? mutateTree(list.get(at), depth + 1) : value(depth));
                    }
                }
            }
            return list;
        }
        return random.nextInt(4) == 0 ? node : value(depth);
    }

    private byte[] mutateBytes(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(9)) {
            case 0: {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: {
                byte[] out = in.clone();
                out[at] = (byte) random.nextInt(256);
                return out;
            }
            case 2:
                return Arrays.copyOf(in, at);
            case 3: {
                byte[] insert = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\ud800", "null", "1e999",
                        "-", "\u0000", "\"\":", ",\"id\":\"dup\"", "/*", "\r\n").get(random.nextInt(18))
                        .getBytes(StandardCharsets.UTF_8);
                return splice(in, at, insert, 0);
            }
            case 4: {
                byte[] invalid = {(byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF, (byte) 0xF8};
                int from = random.nextInt(invalid.length);
                return splice(in, at, Arrays.copyOfRange(invalid, from, from + 1 + random.nextInt(invalid.length - from)), 0);
            }
            case 5: {
                int end = Math.min(in.length, at + 1 + random.nextInt(64));
                return splice(in, at, new byte[0], end - at);
            }
            case 6: {
                int end = Math.min(in.length, at + 1 + random.nextInt(64));
                return splice(in, end, Arrays.copyOfRange(in, at, end), 0);
            }
            case 7: {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                return splice(Arrays.copyOf(in, at), at, Arrays.copyOfRange(other, from, other.length), 0);
            }
            default: {
                byte[] out = in.clone();
                out[at] = (byte) "{}[]\",:0123456789.eE+-tfn \\".charAt(random.nextInt(27));
                return out;
            }
        }
    }

    private static byte[] splice(byte[] in, int at, byte[] insert, int remove) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    /** A deep, mutable copy of a parsed JSON tree. */
    @SuppressWarnings("unchecked")
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }
}
