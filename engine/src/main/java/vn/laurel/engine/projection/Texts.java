package vn.laurel.engine.projection;

import vn.laurel.engine.policy.Localized;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The sentences of an earliest-year answer in Vietnamese and English (earliest_{vi,en}.properties beside this class). */
final class Texts {
    private static final Map<String, ResourceBundle> BUNDLES = Map.of(
            "vi", ResourceBundle.getBundle("vn.laurel.engine.projection.earliest", Locale.forLanguageTag("vi")),
            "en", ResourceBundle.getBundle("vn.laurel.engine.projection.earliest", Locale.ENGLISH));

    private Texts() {}

    /** The text of {@code key} in both languages; each argument a string or a {vi, en} text (years are passed as strings, never grouped). */
    static Localized of(String key, Object... args) {
        return new Localized(text("vi", key, args), text("en", key, args));
    }

    private static String text(String lang, String key, Object... args) {
        String pattern = BUNDLES.get(lang).getString(key);
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            values[i] = a instanceof Localized l ? l.in(lang) : String.valueOf(a);
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(values);
    }
}
