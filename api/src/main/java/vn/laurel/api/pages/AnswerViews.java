package vn.laurel.api.pages;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An eligibility answer (the API's JSON, in one language) as the pages show it: each award with its
 * outcome, each criterion with actual against required, the article and its confidence, the sentence
 * that explains it.
 */
@Singleton
public class AnswerViews {
    /** One award of the answer, as a page shows it. */
    public record AwardView(String code, String name, String outcome, String outcomeText, List<CriterionRow> criteria) {}

    /** One criterion: actual against required, the article and its confidence, the sentence that explains it. */
    public record CriterionRow(String criterion, String status, String statusText, String actual, String required,
                               String legalBasis, String confidence, String explanation) {}

    private final Messages messages;

    public AnswerViews(Messages messages) {
        this.messages = messages;
    }

    public List<AwardView> awards(Object results, String lang) {
        List<AwardView> out = new ArrayList<>();
        if (!(results instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> r)) continue;
            List<CriterionRow> rows = new ArrayList<>();
            if (r.get("criteria") instanceof List<?> cs) {
                for (Object co : cs) {
                    if (!(co instanceof Map<?, ?> c)) continue;
                    String status = text(c.get("status"), lang);
                    rows.add(new CriterionRow(text(c.get("criterion"), lang), status, messages.text(lang, "status." + status),
                            text(c.get("actual"), lang), required(c.get("required"), lang), text(c.get("legalBasis"), lang),
                            confidence(c.get("confidence"), lang), explanation(c.get("explanation"), lang)));
                }
            }
            String outcome = text(r.get("outcome"), lang);
            out.add(new AwardView(text(r.get("award"), lang), text(r.get("name"), lang), outcome, messages.text(lang, "outcome." + outcome), rows));
        }
        return out;
    }

    private String required(Object required, String lang) {
        if (!(required instanceof Map<?, ?> m)) return text(required, lang);
        String op = text(m.get("operator"), lang);
        String value = m.get("value") == null ? "" : text(m.get("value"), lang);
        String opText = messages.of(lang).getOrDefault("op." + op, op);
        return value.isEmpty() ? opText : opText + " " + value;
    }

    private String confidence(Object confidence, String lang) {
        String c = text(confidence, lang);
        return c.isEmpty() ? "" : messages.of(lang).getOrDefault("confidence." + c, c);
    }

    private String explanation(Object explanation, String lang) {
        if (explanation == null) return null;
        if (explanation instanceof Map<?, ?> m && m.get("text") != null) return text(m.get("text"), lang);
        String t = text(explanation, lang);
        return t.isEmpty() ? null : t;
    }

    /** A value of the answer as text: lists joined, true/false in the page's language. */
    public String text(Object v, String lang) {
        if (v == null) return "";
        if (v instanceof Boolean b) return messages.text(lang, b ? "value.true" : "value.false");
        if (v instanceof List<?> l) {
            StringJoiner j = new StringJoiner(", ");
            l.forEach(x -> j.add(text(x, lang)));
            return j.toString();
        }
        if (v instanceof Map<?, ?> m) {
            if (m.get(lang) != null) return m.get(lang).toString();
            StringJoiner j = new StringJoiner(", ");
            m.forEach((k, x) -> j.add(k + ": " + text(x, lang)));
            return j.toString();
        }
        return v.toString();
    }
}
