package dev.accessgate.adapters.http.json;

/** Builds RFC 6901 JSON pointers. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** {@code parent} extended by one object key or array index, escaped as RFC 6901 requires. */
    public static String child(String parent, Object step) {
        return parent + "/" + step.toString().replace("~", "~0").replace("/", "~1");
    }
}
