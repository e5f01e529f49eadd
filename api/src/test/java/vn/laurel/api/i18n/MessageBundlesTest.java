package vn.laurel.api.i18n;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page shows comes from the bundles in both languages: each bundle pair has the same
 * keys, and every key a template or a page controller names literally exists in both (a missing key
 * would show nothing, or the key itself, to an official).
 */
class MessageBundlesTest {
    static final Path MAIN = ThrowawayPostgres.repoRoot().resolve("api/src/main");
    static final Pattern TEMPLATE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
    static final Pattern JAVA_KEY = Pattern.compile("\"((?:error|home|nav|login|person|units|candidates|batches|whatif|audit|values|status|outcome)\\.[A-Za-z0-9_.\\-]+)\"");

    @Test
    void each_area_has_the_same_keys_in_vietnamese_and_english() {
        for (String area : Messages.AREAS) {
            Map<String, String> vi = load(area, "vi");
            Map<String, String> en = load(area, "en");
            assertThat(new TreeSet<>(en.keySet())).as(area + ": keys of the English bundle").isEqualTo(new TreeSet<>(vi.keySet()));
            vi.forEach((k, v) -> assertThat(v).as(area + "_vi " + k).isNotBlank());
            en.forEach((k, v) -> assertThat(v).as(area + "_en " + k).isNotBlank());
        }
    }

    @Test
    void every_key_named_in_a_template_or_a_page_exists_in_both_languages() throws IOException {
        Set<String> vi = new Messages().of("vi").keySet();
        Map<String, String> enOnly = Messages.loadOnly("en");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("resources/views"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) collect(TEMPLATE_KEY, Files.readString(f), named);
        }
        try (Stream<Path> files = Files.walk(MAIN.resolve("java/vn/laurel/api/pages"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) collect(JAVA_KEY, Files.readString(f), named);
        }
        assertThat(named).as("keys named by the pages").isNotEmpty();
        assertThat(named).as("keys missing from the Vietnamese bundles").allMatch(vi::contains);
        assertThat(named).as("keys missing from the English bundles").allMatch(enOnly::containsKey);
    }

    private static void collect(Pattern p, String text, Set<String> into) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            if (!key.endsWith(".")) into.add(key); // a prefix completed at run time ("outcome." + code)
        }
    }

    private static Map<String, String> load(String area, String lang) {
        return Messages.loadArea(area, lang);
    }
}
