package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * An eligibility answer (the API's JSON, in one language) as the pages show it: each award with its
 * outcome and, when it is not reached, what is missing; each criterion led by its sentence, with
 * actual against required in words, the article and its confidence, and the facts it looked at.
 */
@Singleton
public class AnswerViews {
    /**
     * One award of the answer, as a page shows it.
     *
     * @param missing what keeps the award from being reached, one sentence (null when it is reached)
     * @param notes   the answer's notes on the award (provisional law, not modelled, quota)
     */
    public record AwardView(String code, String name, String outcome, String outcomeText, List<CriterionRow> criteria,
                            String missing, List<String> notes) {
        public AwardView(String code, String name, String outcome, String outcomeText, List<CriterionRow> criteria) {
            this(code, name, outcome, outcomeText, criteria, null, List.of());
        }
    }

    /**
     * One criterion: actual against required, the article and its confidence, the sentence that explains it.
     *
     * @param criterion         the criterion's code (shown small: the sentence leads)
     * @param label             the sentence's subject, without its values ("Mức độ hoàn thành nhiệm vụ năm 2025")
     * @param confidenceMeaning what the confidence marker means, for a tooltip
     * @param evidence          the facts the criterion looked at
     */
    public record CriterionRow(String criterion, String status, String statusText, String actual, String required,
                               String legalBasis, String confidence, String explanation, String label,
                               String confidenceCode, String confidenceMeaning, boolean attestation, List<EvidenceView> evidence) {
        public CriterionRow(String criterion, String status, String statusText, String actual, String required,
                            String legalBasis, String confidence, String explanation) {
            this(criterion, status, statusText, actual, required, legalBasis, confidence, explanation, explanation,
                    null, null, false, List.of());
        }
    }

    /**
     * A fact a criterion looked at.
     *
     * @param href the fact in the timeline of the same page ({@code #fact-rating-10}), a member's own page, or null
     */
    public record EvidenceView(String type, String text, String source, String href) {}

    private final Messages messages;
    private final ValueTexts values;
    private final FactTexts facts;

    /** The short name of the answer's regime, in the page's language. */
    public String regime(Object code, String lang) {
        return values.regime(text(code, lang), lang);
    }

    public AnswerViews(Messages messages, ValueTexts values, FactTexts facts) {
        this.messages = messages;
        this.values = values;
        this.facts = facts;
    }

    public List<AwardView> awards(Object results, String lang) {
        return awards(results, lang, Set.of(), null);
    }

    /**
     * @param anchors the facts shown in the page's timeline (their anchors), which evidence links to
     * @param year    the evaluation year, for links to members' own pages; null: no such links
     */
    public List<AwardView> awards(Object results, String lang, Set<String> anchors, Integer year) {
        List<AwardView> out = new ArrayList<>();
        if (!(results instanceof List<?> list)) return out;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> r)) continue;
            List<CriterionRow> rows = new ArrayList<>();
            if (r.get("criteria") instanceof List<?> cs) {
                for (Object co : cs) {
                    if (co instanceof Map<?, ?> c) rows.add(criterion(c, lang, anchors, year));
                }
            }
            String outcome = text(r.get("outcome"), lang);
            List<String> notes = new ArrayList<>();
            if (r.get("notes") instanceof List<?> ns) ns.forEach(n -> notes.add(values.humanise(text(n, lang), lang)));
            if (r.get("quota") instanceof Map<?, ?> q && q.get("explanation") != null) notes.add(text(q.get("explanation"), lang));
            out.add(new AwardView(text(r.get("award"), lang), text(r.get("name"), lang), outcome, messages.text(lang, "outcome." + outcome),
                    rows, missing(outcome, rows, lang), notes));
        }
        return out;
    }

    private CriterionRow criterion(Map<?, ?> c, String lang, Set<String> anchors, Integer year) {
        String status = text(c.get("status"), lang);
        String confidence = c.get("confidence") == null ? null : c.get("confidence").toString();
        String explanation = explanation(c.get("explanation"), lang);
        boolean attestation = c.get("required") instanceof Map<?, ?> req && "ATTESTED".equals(String.valueOf(req.get("operator")));
        List<EvidenceView> evidence = new ArrayList<>();
        if (c.get("evidence") instanceof List<?> es) {
            for (Object eo : es) {
                if (eo instanceof Map<?, ?> e) evidence.add(evidence(e, lang, anchors, year));
            }
        }
        return new CriterionRow(text(c.get("criterion"), lang), status, messages.text(lang, "status." + status),
                values.value(c.get("actual"), lang), values.requirement(c.get("required"), lang),
                values.humanise(text(c.get("legalBasis"), lang), lang), values.confidence(confidence, lang), explanation,
                label(explanation), confidence, values.confidenceMeaning(confidence, lang), attestation, List.copyOf(evidence));
    }

    private EvidenceView evidence(Map<?, ?> e, String lang, Set<String> anchors, Integer year) {
        String type = e.get("type") == null ? "" : e.get("type").toString();
        String factId = e.get("factId") == null ? null : e.get("factId").toString();
        String source = e.get("source") == null ? null : e.get("source").toString();
        FactTexts.FactText text = facts.of(type, e.get("summary") == null ? null : e.get("summary").toString(), lang);
        String href = null;
        if (factId != null && anchors.contains(Timeline.anchor(factId))) href = "#" + Timeline.anchor(factId);
        else if ("member".equals(type) && factId != null && year != null) {
            href = "/people/" + URLEncoder.encode(factId, StandardCharsets.UTF_8).replace("+", "%20") + "?year=" + year;
        }
        String shown = !"member".equals(type) || factId == null ? text.withYear()
                : factId + " — " + text.text() + (text.year() == null ? "" : " " + text.year());
        return new EvidenceView(messages.text(lang, "values.fact." + type), shown, values.source(source, lang), href);
    }

    /**
     * One sentence naming what keeps an award from being reached: the criteria not met, those waiting
     * for an attestation, and those to review ("Chưa đạt: …. Cần xác nhận: …").
     */
    String missing(String outcome, List<CriterionRow> rows, String lang) {
        if (!"NOT_ELIGIBLE".equals(outcome) && !"NEEDS_REVIEW".equals(outcome)) return null;
        StringJoiner notMet = new StringJoiner("; "), attest = new StringJoiner("; "), review = new StringJoiner("; ");
        for (CriterionRow r : rows) {
            if ("NOT_MET".equals(r.status())) notMet.add(r.label());
            else if ("NEEDS_REVIEW".equals(r.status())) (r.attestation() ? attest : review).add(r.label());
        }
        StringJoiner sentence = new StringJoiner(". ", "", ".");
        if (notMet.length() > 0) sentence.add(messages.text(lang, "person.missing.notMet") + ": " + notMet);
        if (attest.length() > 0) sentence.add(messages.text(lang, "person.missing.attest") + ": " + attest);
        if (review.length() > 0) sentence.add(messages.text(lang, "person.missing.review") + ": " + review);
        return notMet.length() + attest.length() + review.length() == 0 ? null : sentence.toString();
    }

    /**
     * What a criterion's sentence is about, without its values: the rules write every sentence as
     * "subject: {actual}; required: …" or "subject — {actual}; …", so it is the text before the first
     * ": " or " — ".
     */
    static String label(String explanation) {
        if (explanation == null) return "";
        int colon = explanation.indexOf(": "), dash = explanation.indexOf(" — ");
        int cut = colon < 0 ? dash : dash < 0 ? colon : Math.min(colon, dash);
        return cut <= 0 ? explanation : explanation.substring(0, cut);
    }

    private String explanation(Object explanation, String lang) {
        if (explanation == null) return null;
        String t = explanation instanceof Map<?, ?> m && m.get("text") != null ? text(m.get("text"), lang) : text(explanation, lang);
        return t.isEmpty() ? null : values.humanise(t, lang);
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
