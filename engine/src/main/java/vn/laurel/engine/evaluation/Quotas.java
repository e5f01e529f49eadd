package vn.laurel.engine.evaluation;

import vn.laurel.engine.history.History;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Rating;
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
 * grant. The ranking is transparent and deterministic: rating in the year, then initiatives
 * recognised in the year weighted by level, then subject id.
 */
public final class Quotas {
    public static final List<String> RANKED_BY = List.of("rating in the year (EXCELLENT first)",
            "initiatives recognised in the year (national 3, ministerial/provincial 2, grassroots 1)", "subject id");

    private Quotas() {}

    /** A candidate: its history and its current answer for the award. */
    public record Candidate(History history, AwardResult result) {}

    /**
     * Applies the award's cap, if one is in force, to a unit's population. Returns the results in the
     * same order, with quota information on each candidate, and the parameter values used.
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
        candidates.sort(Comparator.<Integer>comparingInt(i -> -ratingRank(population.get(i).history(), year))
                .thenComparingInt(i -> -initiativeWeight(population.get(i).history(), year))
                .thenComparing(i -> population.get(i).history().getId()));
        for (int rank = 1; rank <= candidates.size(); rank++) {
            int i = candidates.get(rank - 1);
            boolean within = rank <= allowed;
            QuotaInfo info = new QuotaInfo(allowed, candidates.size(), rank, base, pct.map(ParameterUse::value).orElse(null),
                    count.map(p -> ((Number) p.value()).intValue()).orElse(null), rounding, RANKED_BY,
                    Explainer.label("quota.note", allowed, candidates.size(), rank));
            Outcome outcome = within || candidates.size() <= allowed ? Outcome.ELIGIBLE : Outcome.ELIGIBLE_SUBJECT_TO_QUOTA;
            out.set(i, out.get(i).withQuota(outcome, info));
            population.get(i).history().recordDecision(award, year, outcome);
        }
        return out;
    }

    private static int ratingRank(History h, int year) {
        Object r = h.ratingIn(year).value();
        return r instanceof Rating rating && rating != Rating.NOT_RATED ? rating.ordinal() + 1 : 0;
    }

    private static int initiativeWeight(History h, int year) {
        int national = ((Number) h.initiativesIn(year, InitiativeLevel.NATIONAL).value()).intValue();
        int ministerial = ((Number) h.initiativesIn(year, InitiativeLevel.MINISTERIAL_PROVINCIAL).value()).intValue();
        int all = ((Number) h.initiativesIn(year, InitiativeLevel.GRASSROOTS).value()).intValue();
        return national * 3 + (ministerial - national) * 2 + (all - ministerial);
    }

    private static Optional<ParameterUse> number(Map<String, Parameter> parameters, String name, LocalDate asOf,
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
}
