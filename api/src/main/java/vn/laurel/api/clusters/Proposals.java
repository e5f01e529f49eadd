package vn.laurel.api.clusters;

import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.policy.Localized;

import java.util.*;
import java.util.function.BiFunction;

/**
 * The proposals of a review for one award: walk the ranking, evaluate each unit for the award, propose
 * the ones that pass (ELIGIBLE, or NEEDS_REVIEW: the council still has criteria to judge) until the quota
 * is reached; a unit that fails a criterion is not proposed and the next one is considered. Units tied
 * for the last places left are not chosen between: the list says so and waits for the cluster.
 */
public final class Proposals {
    private Proposals() {}

    /** A criterion that decided: its code and its sentence. */
    public record Note(String criterion, Localized text) {}

    public enum Verdict { PROPOSED, NOT_PROPOSED, TIED }

    /** A unit considered: its place, the outcome, whether it is proposed, the failing or waiting criteria. */
    public record Considered(String unit, String name, int rank, Outcome outcome, Verdict verdict, List<Note> failing,
                             List<Note> waiting) {}

    /**
     * @param tied the units tied for the places left, when more of them passed than places remain; empty
     *             otherwise. While it is not empty, the list waits for the cluster to decide.
     */
    public record AwardList(String award, Localized awardName, int quota, List<Considered> considered, List<String> tied) {
        public List<Considered> proposed() {
            return considered.stream().filter(c -> c.verdict() == Verdict.PROPOSED).toList();
        }

        public boolean waiting() { return !tied.isEmpty(); }
    }

    /**
     * @param exclude  units already proposed for another award (the flag's, when the merit list is walked)
     * @param evaluate the answer for a unit of the ranking
     */
    public static AwardList walk(String award, Localized awardName, int quota, List<List<Ranking.Line>> groups, Set<String> exclude,
                             BiFunction<Ranking.Line, String, AwardResult> evaluate) {
        List<Considered> out = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        int proposed = 0;
        for (List<Ranking.Line> group : groups) {
            if (proposed >= quota) break;
            List<Considered> passing = new ArrayList<>();
            for (Ranking.Line line : group) {
                if (exclude.contains(line.unit())) continue;
                AwardResult r = evaluate.apply(line, award);
                Outcome o = r.outcome();
                boolean passes = o.held() || o == Outcome.NEEDS_REVIEW;
                Considered c = new Considered(line.unit(), line.name(), line.rank(), o, passes ? Verdict.PROPOSED : Verdict.NOT_PROPOSED,
                        notes(r, Status.NOT_MET), notes(r, Status.NEEDS_REVIEW));
                out.add(c);
                if (passes) passing.add(c);
            }
            if (proposed + passing.size() <= quota) {
                proposed += passing.size();
                continue;
            }
            // More units of the same total pass than places remain: the cluster chooses, not Laurel.
            for (Considered c : passing) {
                out.set(out.indexOf(c), new Considered(c.unit(), c.name(), c.rank(), c.outcome(), Verdict.TIED, c.failing(), c.waiting()));
                tied.add(c.unit());
            }
            break;
        }
        return new AwardList(award, awardName, quota, out, tied);
    }

    private static List<Note> notes(AwardResult r, Status status) {
        List<Note> out = new ArrayList<>();
        if (r.criteria() == null) return out;
        for (CriterionOutcome c : r.criteria()) {
            if (c.status() == status) out.add(new Note(c.criterion(), c.explanation() == null ? null : c.explanation().text()));
        }
        return out;
    }
}
