package vn.laurel.api.workbench.preview;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.laurel.api.export.Table;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.preview.PreviewService;
import vn.laurel.engine.criteria.Requirement;

import java.util.*;

/**
 * A preview report as the page and its files show it, in the reader's language: the changes kept by
 * the filters, grouped by the subject's unit; per award the transitions with their counts; the rows
 * of the CSV/XLSX file.
 */
@Singleton
public class PreviewViews {
    /** An outcome that one side does not have (PreviewService's marker). */
    static final String NOT_EVALUATED = "(not evaluated)";

    private final ValueTexts values;

    public PreviewViews(ValueTexts values) {
        this.values = values;
    }

    /** A criterion whose status changed: its code, status before/after, actual and required values before/after. */
    public record Criterion(String criterion, String before, String after, String actualBefore, String actualAfter,
                            String requiredBefore, String requiredAfter) {
        /** One line for a file: "code: MET → NOT_MET (actual 6 → 6; required ≥ 6 → ≥ 7)". */
        String line(String actualWord, String requiredWord) {
            return criterion + ": " + before + " → " + after + " (" + actualWord + " " + actualBefore + " → " + actualAfter
                    + "; " + requiredWord + " " + requiredBefore + " → " + requiredAfter + ")";
        }
    }

    /** One award of one person whose outcome the draft changes. */
    public record Row(String subjectId, String name, String unit, String unitName, String award, String awardName,
                      String before, String beforeText, String after, String afterText, List<Criterion> criteria) {}

    /** The rows of one unit. */
    public record UnitGroup(String unit, String unitName, List<Row> rows) {}

    /** A transition of an award and how many changes make it, with the address that shows only them. */
    public record Transition(String before, String beforeText, String after, String afterText, int count, String url) {}

    public record AwardSummary(String award, String awardName, int changed, List<Transition> transitions) {}

    /** The changes the filters keep, in the report's order (person, year, award). */
    List<Row> rows(PreviewService.Report report, PreviewQuery q, Map<String, String> unitNames, Map<String, String> awardNames, String lang) {
        List<Row> out = new ArrayList<>();
        for (PreviewService.Change c : report.changes()) {
            if (!q.keeps(c.award(), c.before(), c.after(), c.subjectId(), c.name())) continue;
            List<Criterion> criteria = c.criteria().stream().map(k -> new Criterion(k.criterion(), status(k.before(), lang),
                    status(k.after(), lang), value(k.actualBefore(), lang), value(k.actualAfter(), lang),
                    requirement(k.requiredBefore(), lang), requirement(k.requiredAfter(), lang))).toList();
            String unit = c.unit() == null ? "" : c.unit();
            out.add(new Row(c.subjectId(), c.name(), unit, unitNames.getOrDefault(unit, unit), c.award(),
                    awardNames.getOrDefault(c.award(), c.award()), c.before(), outcome(c.before(), lang), c.after(),
                    outcome(c.after(), lang), criteria));
        }
        return out;
    }

    /** The rows by unit, units in the order of their names. */
    static List<UnitGroup> byUnit(List<Row> rows) {
        Map<String, List<Row>> m = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Row r : rows) {
            m.computeIfAbsent(r.unit(), k -> new ArrayList<>()).add(r);
            names.put(r.unit(), r.unitName());
        }
        return m.entrySet().stream().map(e -> new UnitGroup(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(UnitGroup::unitName).thenComparing(UnitGroup::unit)).toList();
    }

    /** Per award of the whole report (filters ignored: they are the choices), each transition linked to its filter. */
    List<AwardSummary> summary(PreviewService.Report report, PreviewQuery q, long draftId, Map<String, String> awardNames, String lang) {
        List<AwardSummary> out = new ArrayList<>();
        report.byAward().forEach((award, s) -> {
            List<Transition> ts = new ArrayList<>();
            s.transitions().forEach((t, n) -> {
                String[] parts = t.split(" -> ", 2);
                String before = parts[0], after = parts.length > 1 ? parts[1] : "";
                ts.add(new Transition(before, outcome(before, lang), after, outcome(after, lang), n,
                        q.url(draftId, award, before + ">" + after, q.text(), null)));
            });
            out.add(new AwardSummary(award, awardNames.getOrDefault(award, award), s.changed(), ts));
        });
        return out;
    }

    /** The transitions of the report, as "before>after" → "Before → After (n)": the choices of the transition filter. */
    Map<String, String> transitions(PreviewService.Report report, String lang) {
        Map<String, Integer> counts = new TreeMap<>();
        report.byAward().values().forEach(s -> s.transitions().forEach((t, n) -> counts.merge(t, n, Integer::sum)));
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((t, n) -> {
            String[] parts = t.split(" -> ", 2);
            String after = parts.length > 1 ? parts[1] : "";
            out.put(parts[0] + ">" + after, outcome(parts[0], lang) + " → " + outcome(after, lang) + " (" + n + ")");
        });
        return out;
    }

    /** Every filtered row as a file: unit, person, award, before, after, the criteria that changed. */
    Table table(List<Row> rows, List<String> title, String lang) {
        List<String> header = List.of(text(lang, "wbpreview.col.unitCode"), text(lang, "wbpreview.col.unit"), text(lang, "wbpreview.col.id"),
                text(lang, "wbpreview.col.name"), text(lang, "wbpreview.col.awardCode"), text(lang, "wbpreview.col.award"),
                text(lang, "wbpreview.col.before"), text(lang, "wbpreview.col.after"), text(lang, "wbpreview.col.criteria"));
        String actual = text(lang, "wbpreview.actual"), required = text(lang, "wbpreview.required");
        List<List<Object>> cells = new ArrayList<>();
        for (Row r : rows) {
            StringJoiner criteria = new StringJoiner("\n");
            r.criteria().forEach(c -> criteria.add(c.line(actual, required)));
            cells.add(List.of(r.unit(), r.unitName(), r.subjectId(), r.name() == null ? "" : r.name(), r.award(), r.awardName(),
                    r.beforeText(), r.afterText(), criteria.toString()));
        }
        return new Table(text(lang, "wbpreview.sheet"), title, header, cells, new int[] {18, 32, 10, 26, 22, 30, 22, 22, 80});
    }

    String outcome(String code, String lang) {
        if (code == null || code.isEmpty() || code.equals(NOT_EVALUATED)) return text(lang, "wbpreview.notEvaluated");
        return values.codeOrSelf(code, lang);
    }

    private String status(@Nullable String status, String lang) {
        return status == null ? text(lang, "wbpreview.absent") : values.codeOrSelf(status, lang);
    }

    private String value(@Nullable Object v, String lang) {
        return v == null ? "—" : values.value(v, lang);
    }

    private String requirement(@Nullable Object v, String lang) {
        return v == null ? "—" : values.requirement(asMap(v), lang);
    }

    /** The engine's Requirement as the {operator, value} map ValueTexts phrases (as the API's JSON has it). */
    static Object asMap(Object v) {
        if (v instanceof Requirement r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operator", r.operator() == null ? null : r.operator().name());
            m.put("value", asMap(r.value()));
            return m;
        }
        if (v instanceof List<?> l) return l.stream().map(PreviewViews::asMap).toList();
        return v;
    }

    String text(String lang, String key) {
        return values.text(lang, key);
    }
}
