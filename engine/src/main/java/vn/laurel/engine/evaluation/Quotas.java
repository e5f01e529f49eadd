package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.history.History;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;

import java.time.LocalDate;
import java.util.*;

/**
 * Caps on how many of a unit's candidates may receive an award (for example grassroots emulation
 * soldiers as a share of advanced laborers). A cap is declared by policy parameters named after
 * the award, so that it can differ by date, organisation and sector:
 * <pre>
 *   quota.&lt;AWARD&gt;.cap_pct     a percentage, or NONE
 *   quota.&lt;AWARD&gt;.cap_base    HEADCOUNT, or an award whose holders are counted (default HEADCOUNT)
 *   quota.&lt;AWARD&gt;.rounding    FLOOR, ROUND or CEIL (default FLOOR)
 *   quota.&lt;AWARD&gt;.cap_count   an absolute number, or NONE
 * </pre>
 * Candidates beyond the cap become ELIGIBLE_SUBJECT_TO_QUOTA; the cap never turns anyone into a
 * grant. The ranking is transparent and deterministic ({@link QuotaRanking}: rating in the year, then
 * initiatives recognised in the year weighted by level, then subject id).
 *
 * <p>This is the only place caps are applied: a collective's members before the collective is
 * decided, and subjects decided together outside a collective's case (a unit's people in a batch, a
 * candidates list) through {@link #capTogether}.
 */
public final class Quotas {
    private Quotas() {}

    /** A candidate: its history and its current answer for the award. */
    public record Candidate(History history, AwardResult result) {}

    /**
     * Answers capped together, in the subjects' order, and the cap parameters read for each award
     * (in the order the awards were capped).
     */
    public record Capped(List<EvaluationResult> answers, Map<String, List<ParameterUse>> parameters) {}

    /**
     * Every award's cap applied among subjects whose answers were decided one by one (a unit's people,
     * the units of a list): the awards are capped in the order they first appear in the answers; each
     * subject counts with the outcomes of its own answer. {@code answers} are in {@code subjects}' order.
     */
    public static Capped capTogether(Map<String, Parameter> parameters, LocalDate asOf, Organisation organisation,
                                     List<Subject> subjects, List<EvaluationResult> answers) {
        if (subjects.size() != answers.size()) throw new IllegalArgumentException(subjects.size() + " subjects, " + answers.size() + " answers");
        List<History> histories = new ArrayList<>();
        List<List<AwardResult>> results = new ArrayList<>();
        Set<String> awards = new LinkedHashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            EvaluationResult answer = answers.get(i);
            if (answer.year() != answers.get(0).year()) throw new IllegalArgumentException("answers of different years capped together");
            History history = new History(subjects.get(i));
            answer.results().forEach(a -> history.recordDecision(a.award(), answer.year(), a.outcome()));
            histories.add(history);
            results.add(answer.results());
            answer.results().forEach(a -> awards.add(a.award()));
        }
        Map<String, List<ParameterUse>> used = new LinkedHashMap<>();
        if (answers.isEmpty()) return new Capped(List.of(), used);
        List<List<AwardResult>> capped = applyAmong(histories, results, awards, answers.get(0).year(), parameters, asOf,
                organisation, used);
        List<EvaluationResult> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) out.add(answers.get(i).withResults(List.copyOf(capped.get(i))));
        return new Capped(List.copyOf(out), used);
    }

    /**
     * Each of {@code awards}' caps applied among subjects decided together: for an award, the subjects
     * whose answers include it are its population. Returns every subject's answers, in order, with the
     * caps applied; the parameter values read go to {@code used}, by award.
     */
    static List<List<AwardResult>> applyAmong(List<History> histories, List<List<AwardResult>> answers, Collection<String> awards,
                                              int year, Map<String, Parameter> parameters, LocalDate asOf,
                                              Organisation organisation, Map<String, List<ParameterUse>> used) {
        List<List<AwardResult>> out = new ArrayList<>();
        answers.forEach(a -> out.add(new ArrayList<>(a)));
        record Slot(int subject, int position) {}
        for (String award : awards) {
            List<Candidate> population = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            for (int m = 0; m < out.size(); m++) {
                for (int k = 0; k < out.get(m).size(); k++) {
                    if (out.get(m).get(k).award().equals(award)) {
                        population.add(new Candidate(histories.get(m), out.get(m).get(k)));
                        slots.add(new Slot(m, k));
                    }
                }
            }
            List<AwardResult> capped = apply(award, year, population, parameters, asOf, organisation,
                    used.computeIfAbsent(award, k -> new ArrayList<>()));
            for (int i = 0; i < capped.size(); i++) out.get(slots.get(i).subject()).set(slots.get(i).position(), capped.get(i));
        }
        return out;
    }

    /**
     * Applies the award's cap, if one is in force, to a unit's population. Returns the results in the
     * same order, with quota information on each candidate, and the parameter values used; each
     * candidate's history records its outcome after the cap.
     */
    public static List<AwardResult> apply(String award, int year, List<Candidate> population, Map<String, Parameter> parameters,
                                          LocalDate asOf, Organisation organisation, Collection<ParameterUse> used) {
        Optional<ParameterUse> pct = number(parameters, "quota." + award + ".cap_pct", asOf, organisation, used);
        Optional<ParameterUse> count = number(parameters, "quota." + award + ".cap_count", asOf, organisation, used);
        List<AwardResult> out = new ArrayList<>();
        population.forEach(c -> out.add(c.result()));
        if (pct.isEmpty() && count.isEmpty()) return out;

        String base = text(parameters, "quota." + award + ".cap_base", asOf, organisation, used).orElse("HEADCOUNT");
        String rounding = text(parameters, "quota." + award + ".rounding", asOf, organisation, used).orElse("FLOOR");
        int allowed = Integer.MAX_VALUE;
        if (pct.isPresent()) {
            long baseCount = "HEADCOUNT".equals(base) ? population.size()
                    : population.stream().filter(c -> Boolean.TRUE.equals(c.history().holds(base, year).value())).count();
            double raw = baseCount * ((Number) pct.get().value()).doubleValue() / 100.0;
            allowed = (int) switch (rounding) {
                case "ROUND" -> Math.round(raw);
                case "CEIL" -> (long) Math.ceil(raw - 1e-9);
                default -> (long) Math.floor(raw + 1e-9);
            };
        }
        if (count.isPresent()) allowed = Math.min(allowed, ((Number) count.get().value()).intValue());

        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            if (population.get(i).result().outcome() == Outcome.ELIGIBLE) candidates.add(i);
        }
        if (candidates.isEmpty()) return out;
        QuotaRanking ranking = QuotaRanking.read(parameters, asOf, organisation, used);
        Comparator<History> order = ranking.order(year);
        candidates.sort(Comparator.comparing(i -> population.get(i).history(), order));
        for (int rank = 1; rank <= candidates.size(); rank++) {
            int i = candidates.get(rank - 1);
            AwardResult placed = place(out.get(i), new QuotaInfo(allowed, candidates.size(), rank, base, pct.map(ParameterUse::value).orElse(null),
                    count.map(p -> ((Number) p.value()).intValue()).orElse(null), rounding, ranking.rankedBy(), null));
            out.set(i, placed);
            population.get(i).history().recordDecision(award, year, placed.outcome());
        }
        return out;
    }

    /** The parameter's value in force when it is a number; whatever value is in force is listed as used. */
    static Optional<ParameterUse> number(Map<String, Parameter> parameters, String name, LocalDate asOf,
                                         Organisation organisation, Collection<ParameterUse> used) {
        return resolve(parameters, name, asOf, organisation, used).filter(u -> u.value() instanceof Number);
    }

    private static Optional<String> text(Map<String, Parameter> parameters, String name, LocalDate asOf,
                                         Organisation organisation, Collection<ParameterUse> used) {
        return resolve(parameters, name, asOf, organisation, used).map(u -> String.valueOf(u.value()));
    }

    private static Optional<ParameterUse> resolve(Map<String, Parameter> parameters, String name, LocalDate asOf,
                                                  Organisation organisation, Collection<ParameterUse> used) {
        Parameter p = parameters.get(name);
        if (p == null) return Optional.empty();
        Optional<ParameterUse> use = p.resolve(asOf, organisation);
        use.ifPresent(used::add);
        return use;
    }

    /**
     * An eligible answer placed at its rank under a cap: within it (or when no more were eligible than it allows)
     * still ELIGIBLE, else ELIGIBLE_SUBJECT_TO_QUOTA; the place and its note kept on the answer. The one rule of a
     * cap, used when ranking and when a decision's record is read again with the place it recorded.
     */
    public static AwardResult place(AwardResult eligible, QuotaInfo at) {
        QuotaInfo info = new QuotaInfo(at.allowed(), at.candidates(), at.rank(), at.base(), at.capPct(), at.capCount(), at.rounding(),
                at.rankedBy(), Explainer.label("quota.note", at.allowed(), at.candidates(), at.rank()));
        Outcome outcome = at.rank() <= at.allowed() || at.candidates() <= at.allowed() ? Outcome.ELIGIBLE : Outcome.ELIGIBLE_SUBJECT_TO_QUOTA;
        return eligible.withQuota(outcome, info);
    }
}
