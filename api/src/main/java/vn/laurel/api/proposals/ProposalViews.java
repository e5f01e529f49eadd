package vn.laurel.api.proposals;

import jakarta.inject.Singleton;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.*;

/**
 * Proposal lists and authorities as their readers see them, in one language: the API's JSON, the pages and
 * the workbook read the same maps, so that a list's rows, totals and cover say the same everywhere.
 */
@Singleton
public class ProposalViews {
    private final Messages messages;
    private final RuleSetHolder rules;
    private final UnitDirectory directory;
    private final ValueTexts values;

    public ProposalViews(Messages messages, RuleSetHolder rules, UnitDirectory directory, ValueTexts values) {
        this.messages = messages;
        this.rules = rules;
        this.directory = directory;
        this.values = values;
    }

    /** A date as an official writes it: 02/02/2026. */
    public static String date(java.time.LocalDate d) {
        return d == null ? "" : ProposalService.DATE.format(d);
    }

    public String text(String lang, String key, Object... args) {
        String t = messages.text(lang, key);
        for (int i = 0; i < args.length; i++) t = t.replace("{" + i + "}", String.valueOf(args[i]));
        return t;
    }

    /** "Thủ trưởng cơ quan, đơn vị — Sở Khoa học và Công nghệ (minh hoạ)"; the code itself when it names no authority. */
    public String authorityName(String code, String lang) {
        Optional<Authority> a = Authority.parse(code);
        if (a.isEmpty()) return code;
        String kind = messages.text(lang, "proposals.kind." + a.get().kind().name());
        // The provincial authority is the minister or the provincial chairman, never the department (Sở) the list is
        // drawn from: its unit says which organisation's list it is, not whom it is addressed to.
        if (a.get().unit() == null || a.get().kind() == AuthorityKind.PROVINCIAL) return kind;
        UnitDirectory.Unit u = directory.all().get(a.get().unit());
        return kind + " — " + (u == null ? a.get().unit() : u.name());
    }

    public String unitName(String code) {
        UnitDirectory.Unit u = code == null ? null : directory.all().get(code);
        return u == null ? code : u.name();
    }

    public String awardName(String award, String lang) {
        return rules.current().award(award).map(d -> d.name().in(lang)).orElse(award);
    }

    /** A share as a percentage, "92,3 %" in Vietnamese, "92.3%" in English. */
    public static String percent(BigDecimal share, String lang) {
        if (share == null) return "";
        BigDecimal p = share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        String n = p.toPlainString();
        return "vi".equals(lang) ? n.replace('.', ',') + " %" : n + "%";
    }

    public Map<String, Object> list(ProposalList l, String lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("year", l.year());
        v.put("authority", l.authority());
        v.put("authorityName", authorityName(l.authority(), lang));
        v.put("unit", l.unit());
        UnitDirectory.Unit u = directory.all().get(l.unit());
        v.put("unitName", u == null ? l.unit() : u.name());
        v.put("asOf", l.asOf().toString());
        v.put("asOfText", date(l.asOf()));
        java.time.LocalDate prepared = l.preparedAt() == null ? l.asOf() : l.preparedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        v.put("preparedOnText", date(prepared));
        // The place is left for the official to write: the directory does not say where a unit sits.
        v.put("placeDate", text(lang, "proposals.print.placeDate", String.format("%02d", prepared.getDayOfMonth()),
                String.format("%02d", prepared.getMonthValue()), prepared.getYear()));
        v.put("rulesetVersion", l.rulesetVersion());
        v.put("preparedBy", l.preparedBy());
        v.put("preparedAt", l.preparedAt() == null ? null : l.preparedAt().toString());
        v.put("evaluated", l.evaluated());
        v.put("withheld", l.withheld());
        List<Map<String, Object>> withheld = new ArrayList<>();
        for (ProposalList.Withheld w : l.withheldRows()) withheld.add(withheld(w, lang));
        v.put("withheldRows", withheld);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProposalList.Row r : l.rows()) rows.add(row(r, l.year(), lang));
        v.put("rows", rows);
        v.put("totals", totals(ProposalTotals.of(l.rows()), lang));
        List<Map<String, Object>> conferments = new ArrayList<>();
        for (ProposalList.Conferment c : l.conferments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("decisionNo", c.decisionNo());
            m.put("decidedOn", c.decidedOn().toString());
            m.put("decidedOnText", date(c.decidedOn()));
            m.put("recordedBy", c.recordedBy());
            m.put("recordedAt", c.recordedAt() == null ? null : c.recordedAt().toString());
            m.put("rows", c.rows());
            conferments.add(m);
        }
        v.put("conferments", conferments);
        v.put("conferred", l.rows().stream().filter(r -> r.conferment() != null).count());
        v.put("form", text(lang, "proposals.form.note"));
        return v;
    }

    private Map<String, Object> row(ProposalList.Row r, int year, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", r.no());
        m.put("subjectId", r.subjectId());
        m.put("subjectKind", r.subjectKind());
        m.put("name", r.name());
        m.put("unit", r.unitCode());
        m.put("unitName", r.unitName());
        m.put("award", r.award());
        m.put("awardName", awardName(r.award(), lang));
        m.put("year", year);
        m.put("facts", "en".equals(lang) ? r.factsEn() : r.factsVi());
        if (r.ballotId() != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", r.ballotId());
            b.put("share", r.ballotShare());
            b.put("required", r.ballotRequired());
            b.put("strictlyMore", r.ballotStrict());
            b.put("text", ballotText(r.ballotShare(), r.ballotRequired(), r.ballotStrict(), lang));
            b.put("council", r.ballotCouncil());
            m.put("ballot", b);
        } else {
            m.put("ballot", null);
        }
        m.put("decisionId", r.decisionId());
        m.put("decision", "/audit/decisions/" + r.decisionId());
        // The candidate's own page, where the answer is explained criterion by criterion: what a board
        // official opens (the decision's audit report is for auditors).
        m.put("page", ("PERSON".equals(String.valueOf(r.subjectKind())) ? "/people/" : "/units/") + r.subjectId() + "?year=" + year);
        m.put("conferment", r.conferment());
        return m;
    }

    /** "66,7 % / ≥ 80 %", or "60 % / > 50 %" for a threshold that needs strictly more. */
    public String ballotText(BigDecimal share, BigDecimal required, Boolean strictlyMore, String lang) {
        return text(lang, Boolean.TRUE.equals(strictlyMore) ? "proposals.ballot.textStrict" : "proposals.ballot.text",
                percent(share, lang), percent(required, lang));
    }

    private Map<String, Object> withheld(ProposalList.Withheld w, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", w.no());
        m.put("subjectId", w.subjectId());
        m.put("subjectKind", w.subjectKind());
        m.put("name", w.name());
        m.put("unitName", w.unitName());
        m.put("award", w.award());
        m.put("awardName", awardName(w.award(), lang));
        m.put("reason", w.reason());
        String ballot = w.ballotId() == null ? "" : ballotText(w.ballotShare(), w.ballotRequired(), w.ballotStrict(), lang);
        m.put("reasonText", text(lang, "proposals.withheld." + w.reason(), ballot, w.ballotParameter() == null ? "" : w.ballotParameter(),
                w.ballotId() == null ? "" : w.ballotId()));
        if (w.ballotId() != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("id", w.ballotId());
            b.put("share", w.ballotShare());
            b.put("required", w.ballotRequired());
            b.put("strictlyMore", w.ballotStrict());
            b.put("parameter", w.ballotParameter());
            b.put("text", ballot);
            m.put("ballot", b);
        } else {
            m.put("ballot", null);
        }
        return m;
    }

    private Map<String, Object> totals(ProposalTotals t, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> awards = new ArrayList<>();
        for (ProposalTotals.AwardTotal a : t.awards()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("award", a.award());
            x.put("awardName", awardName(a.award(), lang));
            x.put("persons", a.persons());
            x.put("collectives", a.collectives());
            x.put("total", a.total());
            awards.add(x);
        }
        m.put("awards", awards);
        m.put("persons", t.persons());
        m.put("collectives", t.collectives());
        m.put("total", t.total());
        return m;
    }

    /** The authority of every award and kind of subject: who decides, since when, on what basis, how sure. */
    public List<Map<String, Object>> authorities(List<Authorities.Assignment> table, String lang) {
        RuleSet rs = rules.current();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Authorities.Assignment a : table) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("award", a.award());
            m.put("awardName", rs.award(a.award()).map(d -> d.name().in(lang)).orElse(a.award()));
            m.put("subjectKind", a.subjectKind().name());
            m.put("subjectKindName", text(lang, "proposals.subjectKind." + a.subjectKind().name()));
            m.put("parameter", a.parameter());
            ParameterUse use = a.use();
            m.put("value", use == null ? null : String.valueOf(use.value()));
            m.put("kind", a.kind() == null ? null : a.kind().name());
            m.put("kindName", a.kind() == null ? null : text(lang, "proposals.kind." + a.kind().name()));
            m.put("authority", a.authority() == null ? null : a.authority().code());
            m.put("authorityName", a.authority() == null ? null : authorityName(a.authority().code(), lang));
            m.put("from", use == null ? null : use.effectiveFrom().toString());
            m.put("scope", use == null ? null : use.scope());
            m.put("fromText", use == null ? null : date(use.effectiveFrom()));
            m.put("reference", use == null ? null : use.reference());
            m.put("referenceText", use == null ? null : citation(use.reference(), lang));
            m.put("confidence", use == null ? null : use.confidence());
            // In words, as the workbench says it everywhere else.
            m.put("confidenceName", use == null || use.confidence() == null ? null : values.confidence(String.valueOf(use.confidence()), lang));
            m.put("status", use == null ? "NOT_SET" : a.kind() == null ? "UNKNOWN_KIND" : a.authority() == null ? "NOT_ROUTED" : "ROUTED");
            out.add(m);
        }
        return out;
    }

    /** The Vietnamese phrases of the citations in authorities.yaml and their English: the page says the citation in its language. */
    private static final List<String[]> CITATION_EN = List.of(
            new String[]{"Luật Thi đua, khen thưởng năm 2022", "Law on Emulation and Commendation 2022"},
            new String[]{"Nghị định số ", "Decree No. "},
            new String[]{"Quyết định số ", "Decision No. "},
            new String[]{" của Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", " of the Presidium of the Vietnam General Confederation of Labour"},
            new String[]{" của Ủy ban nhân dân thành phố Hà Nội", " of the Hanoi People's Committee"},
            new String[]{"(chủ tịch Ủy ban nhân dân cấp xã)", "(chairman of the commune People's Committee)"},
            new String[]{"(như danh hiệu Lao động tiên tiến)", "(as for Advanced Laborer)"},
            new String[]{"(như Tập thể lao động xuất sắc)", "(as for Excellent Labour Collective)"},
            new String[]{"(theo đề nghị của Thủ tướng Chính phủ)", "(on the Prime Minister's proposal)"},
            new String[]{"(phân cấp)", "(decentralisation)"},
            new String[]{" năm 2014", " of 2014"},
            new String[]{"Điều ", "art. "},
            new String[]{" và ", " and "});

    /** A parameter's reference as a citation in {@code lang}: the stored text is Vietnamese. */
    static String citation(String reference, String lang) {
        if (reference == null || !"en".equals(lang)) return reference;
        String t = reference;
        for (String[] p : CITATION_EN) t = t.replace(p[0], p[1]);
        return t;
    }
}
