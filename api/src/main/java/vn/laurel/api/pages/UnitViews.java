package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import jakarta.inject.Singleton;
import vn.laurel.api.store.UnitDirectory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * A unit as its pages show it: the organisation tree a reader may see, the unit's members with their
 * own outcomes for the awards its collective awards count, and the shares of members those awards
 * require (share of Advanced Laborers against "more than 50%", say).
 */
@Singleton
public class UnitViews {
    /** A unit of the tree with the units below it. */
    public record Node(String code, String name, List<Node> children) {}

    /** A member with its outcome for each counted award (same order as the table's columns). */
    public record Member(String id, String name, String href, List<Cell> cells) {}

    public record Cell(String outcome, String text) {}

    /** The award counted for members, and how many of them reached it. */
    public record Column(String award, String name, int reached, String share) {}

    public record Members(List<Column> columns, List<Member> rows) {}

    /** A share a collective award requires: the unit's share against the required one. */
    public record Share(String award, String criterion, String sentence, String share, String required, String status, String statusText) {}

    private static final Set<String> REACHED = Set.of("ELIGIBLE", "ELIGIBLE_SUBJECT_TO_QUOTA");

    private final Messages messages;
    private final ValueTexts values;

    public UnitViews(Messages messages, ValueTexts values) {
        this.messages = messages;
        this.values = values;
    }

    public static String path(String code, Integer year) {
        String p = "/units/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
        return year == null ? p : p + "?year=" + year;
    }

    /**
     * The visible part of the tree, roots first: a unit is a root when it has no parent or its parent
     * is not visible (a scoped reader's own unit). Children in code order.
     *
     * @param visible the units the reader may see; empty: all of them
     */
    public List<Node> tree(Map<String, UnitDirectory.Unit> all, Optional<Set<String>> visible) {
        Map<String, List<UnitDirectory.Unit>> children = new HashMap<>();
        List<UnitDirectory.Unit> roots = new ArrayList<>();
        for (UnitDirectory.Unit u : all.values()) {
            if (visible.isPresent() && !visible.get().contains(u.code())) continue;
            boolean parentShown = u.parentCode() != null && all.containsKey(u.parentCode())
                    && visible.map(v -> v.contains(u.parentCode())).orElse(true);
            if (parentShown) children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
            else roots.add(u);
        }
        Set<String> seen = new HashSet<>();
        List<Node> out = new ArrayList<>();
        for (UnitDirectory.Unit r : roots) out.add(node(r, children, seen));
        return out;
    }

    private Node node(UnitDirectory.Unit u, Map<String, List<UnitDirectory.Unit>> children, Set<String> seen) {
        seen.add(u.code());
        List<Node> below = new ArrayList<>();
        for (UnitDirectory.Unit c : children.getOrDefault(u.code(), List.of())) {
            if (!seen.contains(c.code())) below.add(node(c, children, seen)); // a cycle in bad data must not loop
        }
        return new Node(u.code(), u.name(), List.copyOf(below));
    }

    /**
     * The members of the unit for the year, with their outcomes from the answer's {@code members}
     * (the awards its collective awards count, decided for each member first).
     */
    public Members members(List<String> ids, Map<String, String> names, Object answerMembers, int year, String lang) {
        Map<String, Map<String, String>> outcomes = new HashMap<>();
        LinkedHashSet<String> awards = new LinkedHashSet<>();
        if (answerMembers instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m) || m.get("subjectId") == null) continue;
                Map<String, String> byAward = new HashMap<>();
                if (m.get("results") instanceof List<?> rs) {
                    for (Object ro : rs) {
                        if (!(ro instanceof Map<?, ?> r) || r.get("award") == null) continue;
                        awards.add(r.get("award").toString());
                        byAward.put(r.get("award").toString(), String.valueOf(r.get("outcome")));
                    }
                }
                outcomes.put(m.get("subjectId").toString(), byAward);
            }
        }
        List<Member> rows = new ArrayList<>();
        int[] reached = new int[awards.size()];
        for (String id : ids) {
            List<Cell> cells = new ArrayList<>();
            int i = 0;
            for (String award : awards) {
                String outcome = outcomes.getOrDefault(id, Map.of()).get(award);
                if (outcome != null && REACHED.contains(outcome)) reached[i]++;
                cells.add(outcome == null ? new Cell("", "—") : new Cell(outcome, messages.text(lang, "outcome." + outcome)));
                i++;
            }
            rows.add(new Member(id, names.getOrDefault(id, id), "/people/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                    + "?year=" + year, List.copyOf(cells)));
        }
        List<Column> columns = new ArrayList<>();
        int i = 0;
        for (String award : awards) {
            String share = ids.isEmpty() ? "" : values.number((double) reached[i] / ids.size(), lang);
            columns.add(new Column(award, values.codeOrSelf(award, lang), reached[i], share));
            i++;
        }
        return new Members(List.copyOf(columns), List.copyOf(rows));
    }

    /** Every share of members the unit's awards require, from the answer's criteria (a fraction against a fraction). */
    public List<Share> shares(Object results, List<AnswerViews.AwardView> awards, String lang) {
        List<Share> out = new ArrayList<>();
        if (!(results instanceof List<?> list)) return out;
        for (int a = 0; a < list.size() && a < awards.size(); a++) {
            if (!(list.get(a) instanceof Map<?, ?> r) || !(r.get("criteria") instanceof List<?> cs)) continue;
            AnswerViews.AwardView award = awards.get(a);
            for (int k = 0; k < cs.size() && k < award.criteria().size(); k++) {
                if (!(cs.get(k) instanceof Map<?, ?> c)) continue;
                AnswerViews.CriterionRow row = award.criteria().get(k);
                collect(c.get("actual"), c.get("required"), false, row, award, lang, out);
            }
        }
        return out;
    }

    private void collect(Object actual, Object required, boolean inComposite, AnswerViews.CriterionRow row, AnswerViews.AwardView award,
                         String lang, List<Share> out) {
        if (!(required instanceof Map<?, ?> req)) return;
        Object value = req.get("value");
        String op = String.valueOf(req.get("operator"));
        if (("ANY_OF".equals(op) || "ALL_OF".equals(op)) && value instanceof List<?> parts) {
            List<?> actuals = actual instanceof List<?> l ? l : List.of();
            for (int i = 0; i < parts.size(); i++) {
                collect(i < actuals.size() ? actuals.get(i) : null, parts.get(i), true, row, award, lang, out);
            }
            return;
        }
        if (!ValueTexts.isFraction(value) && !ValueTexts.isFraction(actual)) return;
        String status = inComposite ? branchStatus(actual, op, value) : row.status();
        out.add(new Share(award.name(), row.criterion(), row.explanation(), values.value(actual, lang), values.requirement(req, lang),
                status, messages.text(lang, "status." + status)));
    }

    /** A part of a composite criterion compared as the engine compares numbers (the criterion's own status covers the whole). */
    static String branchStatus(Object actual, String op, Object required) {
        if (!(actual instanceof Number a) || !(required instanceof Number r)) return "NEEDS_REVIEW";
        double x = a.doubleValue(), y = r.doubleValue();
        boolean met = switch (op) {
            case "AT_LEAST" -> x >= y;
            case "MORE_THAN" -> x > y;
            case "AT_MOST" -> x <= y;
            case "LESS_THAN" -> x < y;
            case "EQUALS" -> x == y;
            default -> false;
        };
        return met ? "MET" : "NOT_MET";
    }
}
