package vn.laurel.api.clusters;

import jakarta.inject.Singleton;
import vn.laurel.api.export.Table;
import vn.laurel.api.i18n.ValueTexts;

import java.math.BigDecimal;
import java.util.*;

/**
 * A review as the API answers it (a JSON tree, texts in the reader's language) and as a spreadsheet:
 * the same facts, for scripts and for the board's files.
 */
@Singleton
public class ReviewViews {
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ClusterTexts texts;
    private final ValueTexts values;

    public ReviewViews(ClusterTexts texts, ValueTexts values) {
        this.texts = texts;
        this.values = values;
    }

    /** "Recorded by board on 07/12/2026", in the reader's language, from the recording's own data (not its English source). */
    public String recordedText(ClusterReview r, String lang) {
        if (r.recorded() == null) return null;
        return texts.text(lang, "clusters.recorded.by", r.recorded().by(), recordedDate(r));
    }

    /** The day of the recording, dd/MM/yyyy. */
    public String recordedDate(ClusterReview r) {
        // The day in Vietnam, where the board records, whatever zone the database keeps the instant in.
        return r.recorded() == null ? null : DATE.format(r.recorded().at().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** Where the review stands in a few words: recorded (and current), changed since recorded, or its status. */
    public String stateText(ClusterReview r, String lang) {
        if (r.recorded() != null) {
            return texts.text(lang, r.changedSinceRecorded() ? "clusters.state.CHANGED" : "clusters.state.RECORDED",
                    r.recorded().by(), recordedDate(r));
        }
        return texts.text(lang, "clusters.state." + r.status());
    }

    /** A stored basis with its engineering codes said in words ("(RECALLED, …)" → "(chưa đối chiếu văn bản, …)"). */
    public String basis(String basis, String lang) {
        return values.humanise(basis, lang);
    }

    /** A criterion's name in the reader's language: the attestation's name, or the criterion's sentence, or its code. */
    public String criterionName(Proposals.Note n, String lang) {
        String name = values.code(n.criterion(), lang);
        if (name != null) return name;
        String sentence = n.text() == null ? null : n.text().in(lang);
        if (sentence == null) return n.criterion();
        // The sentence opens with the criterion's label, then its findings ("label: …; requirement: …"): a reason names
        // the label (the JSON's notes keep the whole sentence), its codes said in words.
        int colon = sentence.indexOf(": ");
        return values.humanise(colon > 0 && colon <= 160 ? sentence.substring(0, colon) : sentence, lang);
    }

    public Map<String, Object> json(ClusterReview r, String lang) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cluster", r.cluster().code());
        out.put("name", r.cluster().name());
        out.put("kind", r.cluster().kind());
        out.put("year", r.year());
        out.put("head", r.term() == null ? null : r.term().head());
        out.put("deputy", r.term() == null ? null : r.term().deputy());
        out.put("status", r.status().name());
        out.put("statusText", texts.text(lang, "clusters.status." + r.status()));
        out.put("stateText", stateText(r, lang));
        out.put("table", table(r.table(), lang));
        out.put("settings", settings(r.settings()));
        out.put("missing", r.missing());
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (Ranking.Line l : r.ranking()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r.status() == ClusterReview.Status.INCOMPLETE ? null : l.rank());
            m.put("tied", l.tied());
            m.put("unit", l.unit());
            m.put("name", l.name());
            Map<String, Object> points = new LinkedHashMap<>();
            l.points().forEach((k, v) -> points.put(k, v));
            m.put("points", points);
            m.put("total", l.total());
            m.put("complete", l.complete());
            ranking.add(m);
        }
        out.put("ranking", ranking);
        Map<String, Object> proposals = new LinkedHashMap<>();
        proposals.put("flag", list(r.flag(), lang));
        proposals.put("merit", list(r.merit(), lang));
        out.put("proposals", proposals);
        out.put("recordable", r.recordable());
        out.put("scoresVersion", r.scoresVersion());
        Map<String, Object> recorded = null;
        if (r.recorded() != null) {
            recorded = new LinkedHashMap<>();
            recorded.put("source", r.recorded().source());
            recorded.put("by", r.recorded().by());
            recorded.put("at", r.recorded().at().toString());
            recorded.put("text", recordedText(r, lang));
            recorded.put("changed", r.changedSinceRecorded());
            recorded.put("changedParts", r.changed());
            recorded.put("changedText", changedText(r, lang));
        }
        out.put("recorded", recorded);
        return out;
    }

    /** "Changed since recorded (the scores, …) — record again", or null when the recording is current or absent. */
    public String changedText(ClusterReview r, String lang) {
        if (!r.changedSinceRecorded()) return null;
        StringJoiner parts = new StringJoiner(", ");
        for (String p : r.changed()) parts.add(texts.text(lang, "clusters.changed." + p));
        return texts.text(lang, "clusters.recorded.changed", parts.toString());
    }

    public static Map<String, Object> settings(ClusterSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validFrom", s.validFrom() == null ? null : s.validFrom().toString());
        m.put("flagAward", s.flagAward());
        m.put("flagQuota", s.flagQuota());
        m.put("meritAward", s.meritAward());
        m.put("meritCount", s.meritCount());
        m.put("basis", s.basis());
        m.put("defaults", s.validFrom() == null);
        return m;
    }

    public static Map<String, Object> table(ScoringTable t, String lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validFrom", t.validFrom() == null ? null : t.validFrom().toString());
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (ScoringTable.Criterion k : t.criteria()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", k.code());
            c.put("name", k.name(lang));
            c.put("nameVi", k.nameVi());
            c.put("nameEn", k.nameEn());
            c.put("maxPoints", k.maxPoints());
            criteria.add(c);
        }
        m.put("criteria", criteria);
        m.put("maxTotal", t.maxTotal());
        return m;
    }

    private Map<String, Object> list(Proposals.AwardList a, String lang) {
        if (a == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("award", a.award());
        m.put("awardName", a.awardName() == null ? a.award() : a.awardName().in(lang));
        m.put("quota", a.quota());
        m.put("proposed", a.proposed().stream().map(Proposals.Considered::unit).toList());
        m.put("tied", a.tied());
        m.put("waiting", a.waiting());
        List<Map<String, Object>> considered = new ArrayList<>();
        for (Proposals.Considered c : a.considered()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("unit", c.unit());
            x.put("name", c.name());
            x.put("rank", c.rank());
            x.put("outcome", c.outcome().name());
            x.put("verdict", c.verdict().name());
            x.put("reason", reason(c, lang));
            x.put("failing", notes(c.failing(), lang));
            x.put("waiting", notes(c.waiting(), lang));
            considered.add(x);
        }
        m.put("considered", considered);
        return m;
    }

    private static List<Map<String, Object>> notes(List<Proposals.Note> notes, String lang) {
        return notes.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("criterion", n.criterion());
            m.put("text", n.text() == null ? null : n.text().in(lang));
            return m;
        }).toList();
    }

    private String names(List<Proposals.Note> notes, String lang) {
        return String.join("; ", notes.stream().map(n -> criterionName(n, lang)).distinct().toList());
    }

    /** Why a unit is or is not proposed, in one sentence. */
    public String reason(Proposals.Considered c, String lang) {
        return switch (c.verdict()) {
            case PROPOSED -> c.waiting().isEmpty() ? texts.text(lang, "clusters.reason.eligible")
                    : texts.text(lang, "clusters.reason.waiting", names(c.waiting(), lang));
            case TIED -> texts.text(lang, "clusters.reason.tied", c.rank());
            case NOT_PROPOSED -> c.failing().isEmpty() ? texts.text(lang, "clusters.reason.outcome", values.codeOrSelf(c.outcome().name(), lang))
                    : texts.text(lang, "clusters.reason.failing", names(c.failing(), lang));
        };
    }

    /** The cluster's proposal as a sheet: the ranking with each unit's points, and what is proposed for it. */
    public Table sheet(ClusterReview r, String lang) {
        List<String> title = new ArrayList<>();
        title.add(texts.text(lang, "clusters.sheet.title", r.cluster().name(), r.year()));
        title.add(texts.text(lang, "clusters.status." + r.status()));
        if (r.recorded() != null) title.add(recordedText(r, lang));
        if (r.changedSinceRecorded()) title.add(changedText(r, lang));
        List<String> header = new ArrayList<>(List.of(texts.text(lang, "clusters.col.rank"), texts.text(lang, "clusters.col.unit"),
                texts.text(lang, "clusters.col.name")));
        r.table().criteria().forEach(k -> header.add(k.name(lang) + " (" + ScoreSheet.plain(k.maxPoints()) + ")"));
        header.add(texts.text(lang, "clusters.col.total"));
        header.add(texts.text(lang, "clusters.col.proposal"));
        header.add(texts.text(lang, "clusters.col.reason"));
        Map<String, String> proposal = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (Proposals.AwardList a : Arrays.asList(r.flag(), r.merit())) {
            if (a == null) continue;
            for (Proposals.Considered c : a.considered()) {
                String award = a.awardName() == null ? a.award() : a.awardName().in(lang);
                String verdict = texts.text(lang, "clusters.verdict." + c.verdict());
                proposal.merge(c.unit(), award + ": " + verdict, (x, y) -> x + "; " + y);
                reasons.merge(c.unit(), reason(c, lang), (x, y) -> x + "; " + y);
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Ranking.Line l : r.ranking()) {
            List<Object> row = new ArrayList<>();
            row.add(r.status() == ClusterReview.Status.INCOMPLETE ? null : (Object) l.rank());
            row.add(l.unit());
            row.add(l.name());
            for (ScoringTable.Criterion k : r.table().criteria()) {
                BigDecimal p = l.points().get(k.code());
                row.add(p == null ? null : p);
            }
            row.add(l.total());
            row.add(proposal.get(l.unit()));
            row.add(reasons.get(l.unit()));
            rows.add(row);
        }
        return new Table(texts.text(lang, "clusters.sheet.name"), title, header, rows);
    }
}
