package vn.laurel.api.year.clusters;

import vn.laurel.api.clusters.ClusterReview;
import vn.laurel.api.clusters.ClusterTexts;
import vn.laurel.api.clusters.Proposals;
import vn.laurel.api.clusters.Ranking;
import vn.laurel.api.clusters.ReviewViews;
import vn.laurel.api.clusters.ScoringTable;

import java.math.BigDecimal;
import java.util.*;

/** What the review page and its printable form show, in the reader's language: rows ready for the templates. */
final class ReviewPage {
    private ReviewPage() {}

    /** One unit of the ranking: its inputs (the points entered, or what the reader sent), total, proposal. */
    record Row(String unit, String name, String rank, boolean tied, List<Cell> cells, String total, String proposal, String proposalClass) {}

    /** @param now the points saved now, shown when they differ from what the reader sent on a grid opened before them */
    record Cell(String name, String value, String criterion, String criterionName, boolean invalid, String now) {}

    record Considered(String unit, String name, int rank, String outcome, String verdict, String verdictClass, String reason) {}

    record AwardList(String award, String name, int quota, List<Considered> considered, boolean waiting) {
        public List<Considered> proposed() { return considered.stream().filter(c -> c.verdictClass().equals("proposed")).toList(); }

        public List<Considered> skipped() { return considered.stream().filter(c -> !c.verdictClass().equals("proposed")).toList(); }
    }

    static String input(String unit, String criterion) {
        return "p." + unit + "." + criterion;
    }

    static List<Row> rows(ClusterReview r, Map<String, String> sent, Set<String> invalid, boolean changed, ClusterTexts texts, String lang) {
        Map<String, String> proposal = new HashMap<>();
        Map<String, String> css = new HashMap<>();
        for (Proposals.AwardList a : Arrays.asList(r.flag(), r.merit())) {
            if (a == null) continue;
            for (Proposals.Considered c : a.considered()) {
                if (c.verdict() == Proposals.Verdict.NOT_PROPOSED) continue;
                String award = a.awardName() == null ? a.award() : a.awardName().in(lang);
                proposal.merge(c.unit(), award + (c.verdict() == Proposals.Verdict.TIED ? " (" + texts.text(lang, "clusters.verdict.TIED") + ")" : ""),
                        (x, y) -> x + "; " + y);
                css.put(c.unit(), c.verdict() == Proposals.Verdict.TIED ? "tied" : "proposed");
            }
        }
        boolean ranked = r.status() != ClusterReview.Status.INCOMPLETE;
        List<Row> out = new ArrayList<>();
        for (Ranking.Line l : r.ranking()) {
            List<Cell> cells = new ArrayList<>();
            for (ScoringTable.Criterion k : r.table().criteria()) {
                String name = input(l.unit(), k.code());
                BigDecimal p = l.points().get(k.code());
                String saved = p == null ? "" : p.stripTrailingZeros().toPlainString();
                String value = sent.containsKey(name) ? sent.get(name) : saved;
                boolean differs = changed && !same(value, saved);
                cells.add(new Cell(name, value, k.code(), k.name(lang), invalid.contains(name) || differs, differs ? (saved.isEmpty() ? "–" : saved) : null));
            }
            out.add(new Row(l.unit(), l.name(), ranked ? String.valueOf(l.rank()) : "–", l.tied() && ranked, cells,
                    l.total().stripTrailingZeros().toPlainString(), proposal.getOrDefault(l.unit(), ""), css.getOrDefault(l.unit(), "")));
        }
        return out;
    }

    private static boolean same(String sent, String saved) {
        String a = sent == null ? "" : sent.strip();
        if (a.equals(saved)) return true;
        try {
            return !a.isEmpty() && !saved.isEmpty() && new BigDecimal(a.replace(',', '.')).compareTo(new BigDecimal(saved)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static AwardList list(Proposals.AwardList a, ReviewViews views, ClusterTexts texts, Map<String, String> outcomes, String lang) {
        if (a == null) return null;
        List<Considered> out = new ArrayList<>();
        for (Proposals.Considered c : a.considered()) {
            out.add(new Considered(c.unit(), c.name(), c.rank(), outcomes.getOrDefault("outcome." + c.outcome().name(), c.outcome().name()),
                    texts.text(lang, "clusters.verdict." + c.verdict()), c.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    views.reason(c, lang)));
        }
        return new AwardList(a.award(), a.awardName() == null ? a.award() : a.awardName().in(lang), a.quota(), out, a.waiting());
    }
}
