package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import vn.laurel.api.problem.ProblemException;

import java.util.*;

/**
 * The language of an answer: {@code ?lang=vi|en|both}, else the first of vi and en in
 * Accept-Language, else Vietnamese, the language of the law. Every text Laurel has in both languages
 * is a {vi, en} pair in the answer; this replaces each pair by the requested text (or keeps both).
 */
final class Language {
    static final String BOTH = "both";

    private Language() {}

    static String of(HttpRequest<?> request) {
        String lang = request.getParameters().get("lang");
        if (lang != null) {
            if (!List.of("vi", "en", BOTH).contains(lang)) throw ProblemException.badField("lang", "must be vi, en or both");
            return lang;
        }
        String accept = request.getHeaders().get("Accept-Language");
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("vi")) return "vi";
                    if (tag.startsWith("en")) return "en";
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header falls back to the default rather than failing the request.
            }
        }
        return "vi";
    }

    @SuppressWarnings("unchecked")
    static Object localize(Object json, String lang) {
        if (BOTH.equals(lang)) return json;
        if (json instanceof Map<?, ?> map) {
            if (map.size() == 2 && map.containsKey("vi") && map.containsKey("en")) {
                Object text = map.get(lang);
                return text != null ? text : map.get("vi");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, localize(v, lang)));
            return out;
        }
        if (json instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(localize(v, lang)));
            return out;
        }
        return json;
    }
}
