package vn.laurel.api.i18n;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The texts of the pages, given to every template as {@code msg}: for each area of the pages a bundle
 * pair i18n/AREA_vi.properties and AREA_en.properties (UTF-8), so that each page's texts live beside
 * each other and not in one long file. A key missing in English falls back to the Vietnamese text.
 */
@Singleton
public class Messages {
    public static final List<String> LANGUAGES = List.of("vi", "en");
    /** The bundles, in the order they are read (a later one may not redefine a key of an earlier one). */
    static final List<String> AREAS = List.of("messages", "person", "units", "candidates", "batches", "whatif", "audit", "values",
            "workbench", "wbcatalogue", "wbdrafts", "wbpreview", "wbparams", "wbeditor", "wbscenarios",
            "year", "clusters", "councils", "proposals", "earliest");
    private final Map<String, Map<String, String>> bundles = new TreeMap<>();

    public Messages() {
        Map<String, String> vi = load("vi");
        bundles.put("vi", vi);
        Map<String, String> en = new TreeMap<>(vi);
        en.putAll(load("en"));
        bundles.put("en", Collections.unmodifiableMap(en));
    }

    public Map<String, String> of(String lang) {
        return bundles.getOrDefault(lang, bundles.get("vi"));
    }

    /** The text of a key, or the key itself when no bundle has it (a visible mistake, not an error page). */
    public String text(String lang, String key) {
        return of(lang).getOrDefault(key, key);
    }

    static Map<String, String> load(String lang) {
        Map<String, String> all = new TreeMap<>();
        for (String area : AREAS) {
            load(area, lang).forEach((k, v) -> {
                if (all.put(k, v) != null) throw new IllegalStateException("message key " + k + " defined twice (" + area + "_" + lang + ")");
            });
        }
        return Collections.unmodifiableMap(all);
    }

    /** One language's keys as its own bundles define them (no fallback), for the bundle checks. */
    static Map<String, String> loadOnly(String lang) {
        return load(lang);
    }

    static Map<String, String> loadArea(String area, String lang) {
        return load(area, lang);
    }

    private static Map<String, String> load(String area, String lang) {
        String path = "i18n/" + area + "_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) return Map.of(); // an area without texts of its own yet
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
