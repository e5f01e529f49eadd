package vn.laurel.api.workbench;

import vn.laurel.api.i18n.Messages;
import vn.laurel.engine.catalogue.AwardDefinition;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failing scenario of a draft's check in the page's language. The check keeps each failure as the
 * engine's English sentence ({@code vn.laurel.api.rules.ScenarioCheck#failures}):
 * {@code "<name>": AWARD expected X[ because [A, B]], got Y[ because [C]][ because C NOT_MET: English…]};
 * this reads it back and says it with the award's name and the outcome words of the page. The trailing
 * English explanations are left out (the scenario page shows them in the page's language); a message of
 * another shape (a scenario that could not run) is returned as it is.
 */
public final class FailureTexts {
    private static final Pattern SHAPE = Pattern.compile("^\"(.+?)\": ([A-Z][A-Z0-9_]*) expected ([A-Z][A-Z_]*)"
            + "( because \\[([^\\]]*)\\]| \\(its deciding criteria are not named: add because: \\[\\.\\.\\.\\]\\))?"
            + ", got ([A-Z][A-Z_]*)(?: because \\[([^\\]]*)\\])?(?: because .*)?$", Pattern.DOTALL);

    private FailureTexts() {}

    public static String sentence(String message, Map<String, AwardDefinition> awards, Messages messages, String lang) {
        if (message == null) return "";
        Matcher m = SHAPE.matcher(message);
        if (!m.matches()) return message;
        AwardDefinition award = awards == null ? null : awards.get(m.group(2));
        String awardName = award == null || award.name() == null || award.name().in(lang) == null ? m.group(2) : award.name().in(lang);
        String expectedWhy = m.group(4) == null ? "" : m.group(5) == null ? messages.text(lang, "wb.failure.unnamed")
                : because(m.group(5), messages, lang);
        String actualWhy = m.group(7) == null ? "" : because(m.group(7), messages, lang);
        return messages.text(lang, "wb.failure.sentence").replace("{0}", m.group(1)).replace("{1}", awardName)
                .replace("{2}", outcome(m.group(3), messages, lang)).replace("{3}", expectedWhy)
                .replace("{4}", outcome(m.group(6), messages, lang)).replace("{5}", actualWhy);
    }

    private static String because(String criteria, Messages messages, String lang) {
        return criteria.isBlank() ? "" : messages.text(lang, "wb.failure.because").replace("{0}", criteria.strip());
    }

    private static String outcome(String code, Messages messages, String lang) {
        String key = "outcome." + code;
        String text = messages.text(lang, key);
        return text.equals(key) ? code : text;
    }
}
