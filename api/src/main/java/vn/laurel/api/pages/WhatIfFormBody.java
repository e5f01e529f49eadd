package vn.laurel.api.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The what-if form's body (application/x-www-form-urlencoded), read here rather than by the server's
 * form decoder: the form carries a field per attestation and year (several hundred), above the
 * decoder's 128-field default, and its own limits (bytes, fields) say "too large" before anything is
 * decoded.
 */
final class WhatIfFormBody {
    /** Ten years of facts with every attestation code come to some 60 KB; four times that is plenty. */
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_FIELDS = 4000;

    /** The body is larger or has more fields than a what-if form ever has. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) { super(message, null, false, false); }
    }

    private final Map<String, List<String>> fields;

    private WhatIfFormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static WhatIfFormBody parse(String body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) return new WhatIfFormBody(out);
        if (body.length() > MAX_BYTES) throw new TooLarge("more than " + MAX_BYTES + " characters");
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            if (++count > MAX_FIELDS) throw new TooLarge("more than " + MAX_FIELDS + " fields");
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return new WhatIfFormBody(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape: kept as written, so that the field is refused by its own check, not the whole form.
            return s;
        }
    }

    /** The field's first value, trimmed; "" when absent. */
    String first(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0).strip();
    }

    List<String> all(String name) {
        List<String> v = fields.get(name);
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** As {@link Pages#field} expects: the CSRF check reads the form through it. */
    Map<String, Object> asMap() {
        return new LinkedHashMap<>(fields);
    }
}
