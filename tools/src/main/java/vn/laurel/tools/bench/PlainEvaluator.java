package vn.laurel.tools.bench;

import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.history.AwardWindow;
import vn.laurel.engine.history.History;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The criteria of four person awards under the 2022 law, written by hand in plain Java: the compute
 * limit the engine is measured against (docs/benchmarks.md). The same counting helpers
 * ({@link History}) and the same checks as the DRL files of {@code rules/law-2022/}, called in a
 * fixed order, without a rule engine, a trace, explanations or an answer document. The benchmark
 * suite checks that it decides every scenario of those awards as the engine does.
 */
public final class PlainEvaluator {
    public static final List<String> AWARDS = List.of("ADVANCED_LABORER", "GRASSROOTS_EMULATION_SOLDIER",
            "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", "PRIME_MINISTER_CERTIFICATE_OF_MERIT");
    private final Map<String, Parameter> parameters;

    public PlainEvaluator(Map<String, Parameter> parameters) {
        this.parameters = parameters;
    }

    /** The four awards' outcomes for a person (ADVANCED_SOLDIER is decided too: the grassroots title needs it). */
    public Map<String, Outcome> evaluate(Subject person, int year, LocalDate asOf, Organisation organisation) {
        History h = new History(person);
        Params p = new Params(parameters, asOf, organisation);
        Map<String, Outcome> out = new LinkedHashMap<>();

        Number minMonths = p.number("advanced_laborer.min_service_months");
        String disciplineForm = p.code("advanced_laborer.excluding_discipline_form");
        Number absenceLimit = p.limit("advanced_laborer.excluding_absence_days");
        Check[] common = {
                h.attestation("EMULATION_PARTICIPATION", year).attested(),
                h.monthsOfServiceCountingContractAtEndOf(year).atLeast(minMonths),
                h.disciplinesAffecting(year, disciplineForm).none(),
                h.absenceDaysIn(year).lessThanLimit(absenceLimit),
                h.pendingMattersOn(asOf).noneElseReview()};
        Check goodRating = h.ratingIn(year).atLeast(Rating.GOOD);
        decide(h, out, "ADVANCED_LABORER", year, goodRating, common[0], common[1], common[2], common[3], common[4]);
        decide(h, null, "ADVANCED_SOLDIER", year, h.inArmedForces().isTrue(), goodRating, common[0], common[1], common[2], common[3], common[4]);

        decide(h, out, "GRASSROOTS_EMULATION_SOLDIER", year,
                h.holdsEither("ADVANCED_LABORER", "ADVANCED_SOLDIER", year).isTrue(),
                Check.anyOf(h.ratingIn(year).is(Rating.EXCELLENT), h.initiativesIn(year, InitiativeLevel.GRASSROOTS).atLeast(1)));

        Check exemplary = h.attestation("EXEMPLARY_COMPLIANCE", year).attested();
        Measure excellentRun = h.consecutiveYearsRated(Rating.EXCELLENT, year);
        int runFrom = year - ((Number) excellentRun.value()).intValue() + 1;
        Number initiativesRequired = p.number("ministerial_provincial_certificate_of_merit.person_initiatives_in_excellent_years");
        decide(h, out, "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", year, exemplary, Check.anyOf(
                h.attestation("OUTSTANDING_IN_MOVEMENT", year).attestedAchievement(),
                h.attestation("AD_HOC_ACHIEVEMENT", year).attestedAchievement(),
                h.attestation("EXCEPTIONAL_CONTRIBUTION", year).attestedAchievement(),
                Check.anyOf(
                        h.consecutiveYearsHolding("GRASSROOTS_EMULATION_SOLDIER", year)
                                .atLeast(p.number("ministerial_provincial_certificate_of_merit.person_consecutive_grassroots_titles")),
                        Check.allOf(
                                excellentRun.atLeast(p.number("ministerial_provincial_certificate_of_merit.person_consecutive_excellent_years")),
                                Check.anyOf(
                                        h.initiativesIn(runFrom, year, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE).atLeast(initiativesRequired),
                                        h.initiativesIn(runFrom, year, InitiativeLevel.GRASSROOTS, InitiativeKind.SCIENCE_PROJECT).atLeast(initiativesRequired))))));

        AwardWindow w = h.window("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", year, Rating.GOOD,
                p.code("prime_minister_certificate_of_merit.prior_award_anchor"),
                p.flag("prime_minister_certificate_of_merit.window_starts_after_prior_award"));
        decide(h, out, "PRIME_MINISTER_CERTIFICATE_OF_MERIT", year, exemplary, Check.anyOf(
                h.attestation("OUTSTANDING_IN_MOVEMENT", year).attestedAchievement(),
                Check.allOf(
                        w.hasPrior().isTrue(),
                        w.years().atLeast(p.number("prime_minister_certificate_of_merit.person_years_after_prior_certificate")),
                        w.yearsHolding("GRASSROOTS_EMULATION_SOLDIER").atLeast(p.number("prime_minister_certificate_of_merit.person_grassroots_titles_in_window"))),
                h.attestation("AD_HOC_ACHIEVEMENT", year).attestedAchievement()));
        return out;
    }

    /** The award's outcome from its criteria, recorded in the history for the awards that depend on it. */
    private static Outcome decide(History h, Map<String, Outcome> out, String award, int year, Check... criteria) {
        Status worst = Status.MET;
        for (Check c : criteria) {
            if (c.status() == Status.NOT_MET) worst = Status.NOT_MET;
            else if (c.status() == Status.NEEDS_REVIEW && worst == Status.MET) worst = Status.NEEDS_REVIEW;
        }
        Outcome outcome = Outcome.of(List.of(worst));
        h.recordDecision(award, year, outcome);
        if (out != null) out.put(award, outcome);
        return outcome;
    }

    /** Parameter values in force on the appraisal date, as the rules' $e.param and $e.code read them. */
    private record Params(Map<String, Parameter> all, LocalDate asOf, Organisation organisation) {
        Number number(String name) {
            Optional<ParameterUse> use = use(name);
            return use.isPresent() && use.get().value() instanceof Number n ? n : Double.NaN;
        }

        /** A limit that may be NONE (null: no limit), as the rules' $e.limit reads it. */
        Number limit(String name) {
            Optional<ParameterUse> use = use(name);
            if (use.isEmpty()) return Double.NaN;
            return use.get().value() instanceof Number n ? n : "NONE".equals(use.get().value()) ? null : Double.NaN;
        }

        boolean flag(String name) {
            return use(name).map(u -> Boolean.TRUE.equals(u.value())).orElse(false);
        }

        String code(String name) {
            return use(name).map(u -> String.valueOf(u.value())).orElse("");
        }

        private Optional<ParameterUse> use(String name) {
            Parameter p = all.get(name);
            return p == null ? Optional.empty() : p.resolve(asOf, organisation);
        }
    }
}
