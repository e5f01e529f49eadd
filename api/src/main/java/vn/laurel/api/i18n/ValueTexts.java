package vn.laurel.api.i18n;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The codes and values of an answer in the page's language, so that a Vietnamese page shows no
 * raw code: ratings, confidence markers, award and attestation codes (named by the rule set in
 * service), enum codes of facts, true/false, "no data" for null, shares as percentages, requirements
 * as the engine's own sentences say them (bundle i18n/values_*.properties mirrors the engine's labels).
 */
@Singleton
public class ValueTexts {
    /** An upper-case code such as EXCELLENT or LABOR_ORDER_THIRD_CLASS inside a sentence. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern IMPORT = Pattern.compile("^import (\\d+), (.+?) row (\\d+)$");
    private static final Pattern API_POST = Pattern.compile("^api POST by (.+?) row \\d+$");
    private static final Pattern API_PUT = Pattern.compile("^api PUT correcting (\\S+) by (.+?) row \\d+$");
    private static final String EVALUATION = "this evaluation";
    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Operators whose requirement needs no value to be understood ("attested", "none"). */
    private static final List<String> WITHOUT_VALUE = List.of("ATTESTED", "NONE", "NO_PENDING", "NO_LIMIT");

    private final Messages messages;
    /** The rule set in service, read at each call: award and attestation names follow a reload. */
    private final Supplier<RuleSet> rules;

    @Inject
    public ValueTexts(Messages messages, RuleSetHolder rules) {
        this(messages, rules::current);
    }

    /** With the rule set given by {@code rules} (a test's, say) rather than the one in service. */
    public ValueTexts(Messages messages, Supplier<RuleSet> rules) {
        this.messages = messages;
        this.rules = rules;
    }

    public String text(String lang, String key) {
        return messages.text(lang, key);
    }

    /** A bundle text with {0}, {1}… filled in (by hand: MessageFormat would eat the apostrophes of English texts). */
    public String text(String lang, String key, Object... args) {
        String t = messages.text(lang, key);
        for (int i = 0; i < args.length; i++) t = t.replace("{" + i + "}", String.valueOf(args[i]));
        return t;
    }

    /** The name of a code in the page's language, or null when it is no code Laurel knows. */
    public String code(String code, String lang) {
        if (code == null || code.isEmpty()) return null;
        RuleSet ruleSet = rules.get();
        AwardDefinition award = ruleSet.awards().get(code);
        if (award != null) return award.name().in(lang);
        Localized attestation = ruleSet.attestations() == null ? null : ruleSet.attestations().get(code);
        if (attestation != null) return attestation.in(lang);
        Map<String, String> m = messages.of(lang);
        for (String prefix : List.of("values.rating.", "values.confidence.", "values.code.", "outcome.", "status.")) {
            String t = m.get(prefix + code);
            if (t != null) return t;
        }
        return null;
    }

    /** The name of a code, or the code itself. */
    public String codeOrSelf(String code, String lang) {
        String t = code(code, lang);
        return t == null ? code : t;
    }

    /** A sentence with every code Laurel knows replaced by its name ("(RECALLED)" → "(chưa đối chiếu)"). */
    public String humanise(String text, String lang) {
        if (text == null || text.isEmpty()) return text;
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            String name = m.group().length() < 2 ? null : code(m.group(), lang);
            if (name == null) {
                out.append(m.group());
            } else if (echoes(out, name) && m.end() < text.length() && text.charAt(m.end()) == ')') {
                // "completed tasks well (GOOD)": the English sentences name the code after its words; once is enough
                out.setLength(out.length() - 1);
                while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
                last = m.end() + 1;
            } else {
                out.append(name);
            }
        }
        return out.append(text, last, text.length()).toString();
    }

    /** Whether the text ends with "NAME (" — the name said just before its code in parentheses. */
    private static boolean echoes(StringBuilder out, String name) {
        if (out.isEmpty() || out.charAt(out.length() - 1) != '(') return false;
        String before = out.substring(0, out.length() - 1).stripTrailing();
        return before.toLowerCase(Locale.ROOT).endsWith(name.toLowerCase(Locale.ROOT));
    }

    /** An actual value: codes named, true/false and null in words, shares in per cent; a composite's parts joined. */
    public String value(Object v, String lang) {
        if (v == null) return messages.text(lang, "values.null");
        if (v instanceof Boolean b) return messages.text(lang, b ? "value.true" : "value.false");
        if (v instanceof Number n) return number(n, lang);
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner("; ");
            for (Object x : l) j.add(x instanceof List<?> ? "(" + value(x, lang) + ")" : value(x, lang));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            if (m.get(lang) != null) return m.get(lang).toString();
            StringJoiner j = new StringJoiner(", ");
            m.forEach((k, x) -> j.add(k + ": " + value(x, lang)));
            return j.toString();
        }
        String s = v.toString();
        String named = code(s, lang);
        return named != null ? named : humanise(s, lang);
    }

    /** A requirement {operator, value} as a phrase: "hoàn thành tốt nhiệm vụ trở lên", "A hoặc (B và C)". */
    public String requirement(Object required, String lang) {
        if (!(required instanceof Map<?, ?> m)) return required == null ? "" : value(required, lang);
        String op = m.get("operator") == null ? "" : m.get("operator").toString();
        Object value = m.get("value");
        if (("ANY_OF".equals(op) || "ALL_OF".equals(op)) && value instanceof List<?> parts) {
            StringJoiner j = new StringJoiner(messages.text(lang, "values.separator." + op));
            for (Object p : parts) {
                String t = requirement(p, lang);
                boolean composite = p instanceof Map<?, ?> pm && pm.get("value") instanceof List<?>;
                j.add(composite ? "(" + t + ")" : t);
            }
            return j.toString();
        }
        String template = messages.of(lang).get("values.op." + op);
        if (template == null) return value == null ? op : op + " " + value(value, lang);
        if (WITHOUT_VALUE.contains(op)) return template;
        return template.replace("{0}", value(value, lang));
    }

    /** A confidence marker in words (VERIFIED → "đã đối chiếu nguồn"). */
    public String confidence(String c, String lang) {
        if (c == null || c.isEmpty()) return "";
        String t = messages.of(lang).get("values.confidence." + c);
        if (t == null) t = messages.of(lang).get("confidence." + c);
        return t == null ? c : t;
    }

    /** What a confidence marker means, for a tooltip. */
    public String confidenceMeaning(String c, String lang) {
        if (c == null) return null;
        return messages.of(lang).get("values.confidenceMeaning." + c);
    }

    /** Where a fact came from: "lần nhập 1, tệp ratings.csv, dòng 11", "sửa rating:10 qua API (clerk)". */
    public String source(String source, String lang) {
        if (source == null || source.isBlank()) return messages.text(lang, "values.source.subject");
        if (source.equals(EVALUATION)) return messages.text(lang, "values.source.evaluation");
        Matcher m = IMPORT.matcher(source);
        if (m.matches()) return text(lang, "values.source.import", m.group(1), m.group(2), m.group(3));
        m = API_PUT.matcher(source);
        if (m.matches()) return text(lang, "values.source.correction", m.group(1), m.group(2));
        m = API_POST.matcher(source);
        if (m.matches()) return text(lang, "values.source.api", m.group(1));
        return source;
    }

    /** True when the source says the fact is a correction entered through the API. */
    public static boolean isCorrection(String source) {
        return source != null && API_PUT.matcher(source).matches();
    }

    /** The short name of a regime (LAW_2022 → "Luật Thi đua, khen thưởng 2022"), or its code. */
    public String regime(String code, String lang) {
        if (code == null) return "";
        return messages.of(lang).getOrDefault("values.regime." + code, code);
    }

    /** A date as the page's language writes it: dd/MM/yyyy in Vietnamese, ISO in English. */
    public static String date(LocalDate date, String lang) {
        if (date == null) return "";
        return "vi".equals(lang) ? VI_DATE.format(date) : date.toString();
    }

    /** An ISO date of an answer as the page writes dates; anything else as it is. */
    public String date(String iso, String lang) {
        if (iso == null) return "";
        try {
            return date(LocalDate.parse(iso), lang);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A number: a share (a fraction from 0 to 1) in per cent, large amounts grouped by thousands. */
    public String number(Number n, String lang) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance("vi".equals(lang) ? Locale.forLanguageTag("vi") : Locale.ENGLISH);
        if (isFraction(n)) {
            double d = n.doubleValue();
            if (d >= 0 && d <= 1) return new DecimalFormat("0.0", symbols).format(d * 100) + "%";
            return new DecimalFormat("0.###", symbols).format(d);
        }
        long l = n.longValue();
        if (Math.abs(l) < 10_000) return Long.toString(l); // years and counts as they are
        return new DecimalFormat("#,##0", symbols).format(l);
    }

    public static boolean isFraction(Object n) {
        return n instanceof Double || n instanceof Float || n instanceof BigDecimal b && b.scale() > 0;
    }
}
