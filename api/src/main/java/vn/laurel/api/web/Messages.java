package vn.laurel.api.web;

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
 * The texts of the pages, from i18n/messages_vi.properties and messages_en.properties (UTF-8), given to
 * every template as {@code msg}. A key missing in English falls back to the Vietnamese text.
 */
@Singleton
public class Messages {
    public static final List<String> LANGUAGES = List.of("vi", "en");
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
        String path = "i18n/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing " + path);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> out = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
