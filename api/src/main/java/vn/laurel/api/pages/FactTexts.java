package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import jakarta.inject.Singleton;
import vn.laurel.api.store.StoredFact;

import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fact of an answer (type and the engine's language-neutral summary, such as {@code 2025 EXCELLENT})
 * as a sentence in the page's language, with the year it belongs to. The summaries follow the
 * formats of the engine's fact classes (vn.laurel.engine.model.*Fact#summary); one that matches no
 * known format is shown with its codes named, never dropped.
 */
@Singleton
public class FactTexts {
    /** A fact as a page shows it: the year it counts for (null when it has none) and what it says. */
    public record FactText(Integer year, String text) {
        public String withYear() {
            return year == null ? text : year + " — " + text;
        }
    }

    private static final Pattern YEAR_REST = Pattern.compile("^(\\d{4}) (.+)$");
    private static final Pattern TITLE = Pattern.compile("^(\\S+)( \\(revoked\\))?$");
    private static final Pattern TWO = Pattern.compile("^(\\S+) (\\S+)$");
    private static final Pattern ABSENCE = Pattern.compile("^(\\d+) days$");
    private static final Pattern ATTESTATION = Pattern.compile("^(\\S+)=(true|false)$");
    private static final Pattern RANK = Pattern.compile("^(\\S+) rank (\\S+)$");
    private static final Pattern PENDING = Pattern.compile("^PENDING since (\\S+)$");
    private static final Pattern DISCIPLINE = Pattern.compile("^(\\S+) (\\d{4})-\\d{2}-\\d{2}( until (\\S+))?$");
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S+)");
    private static final Pattern CONTRIBUTION = Pattern.compile("^(\\S+)(?: (\\d+) VND)?$");
    private static final Pattern CAMPAIGN = Pattern.compile("^(\\S+) (\\S+) (\\S+)=(\\S+)$");
    private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (.+)$");
    private static final Pattern AWARD_YEAR = Pattern.compile("^(\\S+) (\\d{4})(?: (\\S+))?$");

    private final ValueTexts values;

    public FactTexts(ValueTexts values) {
        this.values = values;
    }

    public FactText of(String type, String summary, String lang) {
        String s = summary == null ? "" : summary.strip();
        String t = type == null ? "" : type;
        switch (t) {
            case "subject" -> { return new FactText(null, subject(s, lang)); }
            case "member", "decision" -> { return award(t, s, lang); }
            case "discipline" -> { return discipline(s, lang); }
            case "unitEvent", "predecessor" -> { return dated(s, lang); }
            default -> { }
        }
        Matcher y = YEAR_REST.matcher(s);
        if (!y.matches()) return new FactText(null, values.humanise(s, lang));
        int year = Integer.parseInt(y.group(1));
        String rest = y.group(2);
        String text = switch (t) {
            case "rating" -> values.codeOrSelf(rest, lang);
            case "title" -> title(rest, lang);
            case "commendation" -> pair(rest, lang, false);
            case "initiative" -> pair(rest, lang, true);
            case "absence" -> absence(rest, lang);
            case "attestation" -> attestation(rest, lang);
            case "clusterRanking" -> rank(rest, lang);
            case "memberAggregate" -> aggregate(rest, lang);
            case "contribution" -> contribution(rest, lang);
            case "campaignResult" -> campaignResult(rest, lang);
            default -> null;
        };
        return new FactText(year, text != null ? text : values.humanise(rest, lang));
    }

    /** A stored version of a fact (an earlier one, replaced by a correction), said as the timeline says facts. */
    public FactText of(StoredFact f, String lang) {
        Map<String, Object> v = f.values();
        String summary = switch (f.kind()) {
            case "ratings" -> v.get("rating_year") + " " + v.get("rating");
            case "titles" -> v.get("achievement_year") + " " + v.get("code") + (Boolean.TRUE.equals(v.get("revoked")) ? " (revoked)" : "");
            case "commendations" -> v.get("achievement_year") + " " + v.get("code") + " " + v.get("kind");
            case "initiatives" -> v.get("recognised_year") + " " + v.get("kind") + " " + v.get("initiative_level");
            case "disciplines" -> "PENDING".equals(v.get("status")) ? "PENDING since " + v.get("since_date")
                    : v.get("discipline_form") + " " + v.get("decided_on") + (v.get("until_date") == null ? "" : " until " + v.get("until_date"));
            case "absences" -> v.get("absence_year") + " " + v.get("absence_days") + " days";
            case "attestations" -> v.get("attested_year") + " " + v.get("criterion") + "=" + v.get("attested_value");
            case "clusterMembers" -> v.get("member_year") + " " + v.get("cluster_code") + " rank " + v.get("ranking");
            case "memberAggregates" -> v.get("aggregate_year") + " members=" + v.get("members") + " advancedLaborers=" + v.get("advanced_laborers")
                    + " grassrootsSoldiers=" + v.get("grassroots_soldiers") + " completedOrBetter=" + v.get("completed_or_better")
                    + " disciplinedWarningOrAbove=" + v.get("disciplined_warning_or_above");
            case "contributions" -> v.get("contribution_year") + " " + v.get("kind") + (v.get("value_vnd") == null ? "" : " " + v.get("value_vnd") + " VND");
            case "campaignResults" -> v.get("result_year") + " " + v.get("campaign") + " " + v.get("participant_group") + " " + v.get("indicator")
                    + "=" + (v.get("result_value") instanceof java.math.BigDecimal b ? b.toPlainString() : v.get("result_value"));
            case "unitEvents" -> v.get("on_date") + " " + v.get("event_kind") + (v.get("other_code") == null ? "" : " " + v.get("other_code"))
                    + (v.get("new_name") == null ? "" : " \"" + v.get("new_name") + "\"");
            default -> v.toString();
        };
        return of(type(f.kind()), summary, lang);
    }

    /** The engine's fact type of a stored kind (ratings → rating). */
    static String type(String kind) {
        return switch (kind) {
            case "clusterMembers" -> "clusterRanking";
            case "memberAggregates" -> "memberAggregate";
            default -> kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
        };
    }

    private String title(String rest, String lang) {
        Matcher m = TITLE.matcher(rest);
        if (!m.matches()) return null;
        String name = values.codeOrSelf(m.group(1), lang);
        return m.group(2) == null ? name : name + " (" + values.text(lang, "values.text.revoked") + ")";
    }

    /** Two codes: an award and its kind (commendations), or a kind and its level (initiatives). */
    private String pair(String rest, String lang, boolean comma) {
        Matcher m = TWO.matcher(rest);
        if (!m.matches()) return null;
        String a = values.codeOrSelf(m.group(1), lang), b = values.codeOrSelf(m.group(2), lang);
        return comma ? a + ", " + b : a + " (" + b + ")";
    }

    /** "LAND 350000000 VND": the kind in words and the value in đồng. */
    private String contribution(String rest, String lang) {
        Matcher m = CONTRIBUTION.matcher(rest);
        if (!m.matches()) return null;
        String kind = values.codeOrSelf(m.group(1), lang);
        return m.group(2) == null ? kind : kind + ", " + values.text(lang, "values.text.vnd", values.number(Long.parseLong(m.group(2)), lang));
    }

    /** "INNOVATION_DX_2025_2030 BUSINESSES_AND_INSTITUTES REVIEW_SCORE=92.5": campaign, group, indicator and value in words. */
    private String campaignResult(String rest, String lang) {
        Matcher m = CAMPAIGN.matcher(rest);
        if (!m.matches()) return null;
        String value;
        try {
            value = values.number(new java.math.BigDecimal(m.group(4)), lang);
        } catch (NumberFormatException e) {
            value = m.group(4);
        }
        return values.codeOrSelf(m.group(1), lang) + " (" + values.codeOrSelf(m.group(2), lang) + "): "
                + values.codeOrSelf(m.group(3), lang) + " " + value;
    }

    /** A unit's event or a predecessor, "2025-07-01 MERGED_INTO U-X …": the day in words, the rest with its codes named. */
    private FactText dated(String s, String lang) {
        Matcher m = DATED.matcher(s);
        if (!m.matches()) return new FactText(null, values.humanise(s, lang));
        return new FactText(Integer.parseInt(m.group(1).substring(0, 4)), values.date(m.group(1), lang) + ": " + values.humanise(m.group(2), lang));
    }

    private String absence(String rest, String lang) {
        Matcher m = ABSENCE.matcher(rest);
        return m.matches() ? values.text(lang, "values.text.days", m.group(1)) : null;
    }

    private String attestation(String rest, String lang) {
        Matcher m = ATTESTATION.matcher(rest);
        if (!m.matches()) return null;
        return values.codeOrSelf(m.group(1), lang) + ": " + values.value(Boolean.parseBoolean(m.group(2)), lang);
    }

    private String rank(String rest, String lang) {
        Matcher m = RANK.matcher(rest);
        return m.matches() ? values.text(lang, "values.text.rank", m.group(1), m.group(2)) : null;
    }

    private String aggregate(String rest, String lang) {
        Matcher m = PAIR.matcher(rest);
        StringJoiner j = new StringJoiner("; ");
        while (m.find()) {
            String value = "null".equals(m.group(2)) ? values.text(lang, "values.null") : m.group(2);
            j.add(values.text(lang, "values.field." + m.group(1)) + ": " + value);
        }
        return j.length() == 0 ? null : j.toString();
    }

    private FactText discipline(String s, String lang) {
        Matcher p = PENDING.matcher(s);
        if (p.matches()) {
            return new FactText(year(p.group(1)), values.text(lang, "values.text.pendingSince", values.date(p.group(1), lang)));
        }
        Matcher d = DISCIPLINE.matcher(s);
        if (!d.matches()) return new FactText(null, values.humanise(s, lang));
        String decidedOn = s.substring(d.group(1).length() + 1, d.group(1).length() + 11);
        String text = values.codeOrSelf(d.group(1), lang) + ", " + values.text(lang, "values.text.decidedOn", values.date(decidedOn, lang));
        if (d.group(4) != null) text += ", " + values.text(lang, "values.text.until", values.date(d.group(4), lang));
        return new FactText(Integer.parseInt(d.group(2)), text);
    }

    /** A member counted for an award ("ADVANCED_LABORER 2025"), or an award decided in this evaluation ("… ELIGIBLE"). */
    private FactText award(String type, String s, String lang) {
        Matcher m = AWARD_YEAR.matcher(s);
        if (!m.matches()) return new FactText(null, "member".equals(type) ? values.text(lang, "values.text.member") : values.humanise(s, lang));
        String text = values.codeOrSelf(m.group(1), lang);
        if (m.group(3) != null) text += ": " + values.codeOrSelf(m.group(3), lang);
        return new FactText(Integer.parseInt(m.group(2)), text);
    }

    /** The subject's own record: "PERSON hiredOn 2012-09-01", "armedForces false", "education POSTGRADUATE". */
    private String subject(String s, String lang) {
        String[] words = s.split(" ");
        StringJoiner j = new StringJoiner("; ");
        int i = 0;
        if (words.length > 0 && values.code(words[0], lang) != null && !words[0].isEmpty() && Character.isUpperCase(words[0].charAt(0))) {
            j.add(values.codeOrSelf(words[0], lang));
            i = 1;
        }
        for (; i + 1 < words.length; i += 2) {
            String field = words[i], raw = words[i + 1];
            String value = raw.equals("true") || raw.equals("false") ? values.value(Boolean.parseBoolean(raw), lang)
                    : raw.matches("\\d{4}-\\d{2}-\\d{2}") ? values.date(raw, lang) : values.codeOrSelf(raw, lang);
            j.add(values.text(lang, "values.field." + field) + ": " + value);
        }
        if (i < words.length) j.add(values.humanise(words[i], lang));
        return j.toString();
    }

    private static Integer year(String isoDate) {
        return isoDate != null && isoDate.matches("\\d{4}-.*") ? Integer.valueOf(isoDate.substring(0, 4)) : null;
    }
}
