package vn.laurel.engine.i18n;

import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.policy.Localized;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Renders explanations in Vietnamese and English. A rule's template names {year}, {actual},
 * {required} and {status}; values that are codes (ratings, outcomes) are rendered through the
 * label bundles, so policy staff write one sentence per language and never format values. A
 * composite check ("any one of", "all of") renders each named branch with its own status.
 */
public final class Explainer {
    private static final Map<String, ResourceBundle> BUNDLES = Map.of(
            "vi", ResourceBundle.getBundle("vn.laurel.engine.i18n.labels", Locale.forLanguageTag("vi")),
            "en", ResourceBundle.getBundle("vn.laurel.engine.i18n.labels", Locale.ENGLISH));

    /** Parsed patterns: parsing a MessageFormat costs more than formatting with it, and every criterion of every answer is explained. */
    private static final java.util.concurrent.ConcurrentMap<String, MessageFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Labels already formatted: the counting helpers label their details ("2016–2025", "broken in
     * 2021") for every subject, from few distinct values. Bounded, since the values are data.
     */
    private static final java.util.concurrent.ConcurrentMap<List<Object>, Localized> LABELS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_LABELS = 50_000;

    private Explainer() {}

    public static Localized explain(Localized template, int year, Check check) {
        return new Localized(render("vi", template.vi(), year, check), render("en", template.en(), year, check));
    }

    public static Localized label(String key, Object... args) {
        if (args.length == 0) return new Localized(text("vi", key), text("en", key));
        List<Object> cacheKey = new ArrayList<>(args.length + 1);
        cacheKey.add(key);
        Collections.addAll(cacheKey, args);
        Localized known = LABELS.get(cacheKey);
        if (known != null) return known;
        Localized made = new Localized(text("vi", key, args), text("en", key, args));
        if (LABELS.size() < MAX_LABELS) LABELS.putIfAbsent(cacheKey, made);
        return made;
    }

    /**
     * As {@link #label}, where an argument given in both languages (a {@link Localized}: a kind of subject's name,
     * a date written the Vietnamese and the English way) is put in each sentence in its language. Not cached.
     */
    public static Localized labelEach(String key, Object... args) {
        return new Localized(text("vi", key, in("vi", args)), text("en", key, in("en", args)));
    }

    private static Object[] in(String lang, Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i] instanceof Localized l ? l.in(lang) : args[i];
        return out;
    }

    static String render(String lang, String template, int year, Check check) {
        String sentence = template
                .replace("{year}", String.valueOf(year))
                .replace("{actual}", actual(lang, check))
                .replace("{required}", required(lang, check))
                .replace("{status}", text(lang, "Status." + check.status()));
        return template.contains("{status}") ? sentence : sentence + " — " + text(lang, "Status." + check.status());
    }

    /** The actual value with what it is made of; for a composite, each branch with its status. */
    static String actual(String lang, Check check) {
        if (!check.branches().isEmpty()) {
            String branches = check.branches().stream()
                    .map(b -> named(lang, b) + actual(lang, b) + " (" + text(lang, "Status." + b.status()) + ")")
                    .collect(Collectors.joining("; "));
            // A composite's own detail is why the whole cannot be judged (a parameter not in force, say).
            return check.detail() == null ? branches : branches + " (" + check.detail().in(lang) + ")";
        }
        String v = value(lang, check.actual());
        return check.detail() == null ? v : v + " (" + check.detail().in(lang) + ")";
    }

    static String required(String lang, Check check) {
        if (!check.branches().isEmpty()) {
            String separator = text(lang, check.required().operator() == Requirement.Operator.ALL_OF
                    ? "op.ALL_OF.separator" : "op.ANY_OF.separator");
            return check.branches().stream().map(b -> named(lang, b) + required(lang, b))
                    .collect(Collectors.joining(separator));
        }
        return requirement(lang, check.required());
    }

    private static String named(String lang, Check b) {
        return b.label() == null ? "" : b.label().in(lang) + ": ";
    }

    static String requirement(String lang, Requirement r) {
        if ((r.operator() == Requirement.Operator.ANY_OF || r.operator() == Requirement.Operator.ALL_OF)
                && r.value() instanceof Collection<?> branches) {
            String separator = text(lang, "op." + r.operator() + ".separator");
            return branches.stream().map(b -> b instanceof Requirement br ? requirement(lang, br) : value(lang, b))
                    .collect(Collectors.joining(separator));
        }
        return text(lang, "op." + r.operator(), value(lang, r.value()));
    }

    static String value(String lang, Object value) {
        if (value == null) return text(lang, "value.null");
        if (value instanceof Localized l) return l.in(lang); // a value only words can give (a threshold not yet published)
        if (value instanceof Boolean b) return text(lang, "value." + b);
        if (value instanceof Enum<?> e) {
            String key = e.getDeclaringClass().getSimpleName() + "." + e.name();
            ResourceBundle bundle = BUNDLES.get(lang);
            return bundle.containsKey(key) ? bundle.getString(key) : e.name();
        }
        if (value instanceof Double d && d.isNaN()) return text(lang, "value.null"); // a parameter with no value in force
        if (value instanceof Double d) {
            // Shares are measured as fractions and read as percentages.
            return String.format(Locale.ROOT, "%.1f%%", d * 100);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(v -> value(lang, v)).collect(Collectors.joining("; "));
        }
        return String.valueOf(value);
    }

    private static String text(String lang, String key, Object... args) {
        String pattern = BUNDLES.get(lang).getString(key);
        if (args.length == 0) return pattern;
        // A MessageFormat is not thread-safe: each use formats with a copy of the parsed one.
        MessageFormat parsed = FORMATS.computeIfAbsent(lang + "\u0000" + key, k -> new MessageFormat(pattern.replace("'", "''")));
        return ((MessageFormat) parsed.clone()).format(args);
    }
}
