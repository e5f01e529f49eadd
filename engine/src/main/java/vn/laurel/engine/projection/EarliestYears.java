package vn.laurel.engine.projection;

import vn.laurel.engine.EngineVersion;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;

/**
 * The earliest year a subject could become eligible for each award if its record continues at its present
 * level (or at a level assumed): the evaluation year as it stands, then each year after it projected by a
 * {@link Projection} and evaluated — appraised on 15 January of the next year, under the regime then in
 * force, for every award of the subject's kind, without a trace — with every award eligible in a year taken
 * as conferred before the next. One projection answers every award asked.
 * <p>
 * Earliest is the first year whose outcome is ELIGIBLE (or ELIGIBLE_SUBJECT_TO_QUOTA), or NEEDS_REVIEW with
 * no criterion NOT_MET — then "subject to review". An award already so in the evaluation year is already
 * eligible. None within the horizon: never, as the record stands, with the criteria still not met in the last
 * year projected, or the regime that has no criteria for it.
 */
public final class EarliestYears {
    private EarliestYears() {}

    /**
     * The earliest years of the awards {@code doc} asks (every award of its subject's kind when it names
     * none), for its evaluation year and appraisal date.
     *
     * @throws CaseFormatException an award unknown, or not given to the subject's kind ({@code awards[i]}); no year
     */
    public static Earliest find(RuleSet rules, CaseDocument doc, Assumptions assumptions) {
        if (doc.year() == null) throw new CaseFormatException("year", "is required");
        if (doc.asOf() == null) throw new CaseFormatException("asOf", "is required");
        Assumptions a = assumptions == null ? Assumptions.NONE : assumptions;
        List<AwardDefinition> asked = Evaluator.awardsAsked(rules, doc);
        int y0 = doc.year();

        // Every award of the kind, each year: any may be the prior award of another.
        CaseDocument all = new CaseDocument(doc.name(), doc.asOf(), doc.submittedOn(), y0, List.of(), doc.organisation(),
                doc.subject(), doc.members(), Map.of());
        Evaluator evaluator = new Evaluator(() -> rules, false);
        EvaluationResult inForce = evaluator.evaluate(rules, all);
        // The evaluation year is read as the projected ones are: an award its regime does not model, under the
        // earlier regime's criteria continued (an evaluation year appraised under the provisional 2026 law, say).
        Map<String, AwardResult> nowContinued = a.rulesContinue() ? continuedRules(rules, evaluator, all, inForce) : Map.of();
        EvaluationResult now = nowContinued.isEmpty() ? inForce : withResults(inForce, nowContinued);
        Projection projection = new Projection(rules, all, a);
        projection.confer(y0, now);

        Map<String, List<YearAnswer>> byAward = new LinkedHashMap<>();
        Set<String> open = new LinkedHashSet<>();
        for (AwardDefinition award : asked) {
            byAward.put(award.code(), new ArrayList<>());
            if (!reached(now.result(award.code()))) open.add(award.code());
        }
        List<Earliest.ProjectedYear> years = new ArrayList<>();
        int last = y0;
        for (int y = y0 + 1; y <= y0 + a.horizon() && !open.isEmpty(); y++) {
            CaseDocument projected = projection.caseFor(y);
            EvaluationResult answer = evaluator.evaluate(rules, projected);
            years.add(new Earliest.ProjectedYear(y, projected.asOf(), answer.regime()));
            Map<String, AwardResult> continued = a.rulesContinue() ? continuedRules(rules, evaluator, projected, answer) : Map.of();
            for (Map.Entry<String, List<YearAnswer>> e : byAward.entrySet()) {
                AwardResult r = continued.getOrDefault(e.getKey(), answer.result(e.getKey()));
                String regime = continued.containsKey(e.getKey()) ? continuedRegime(rules, answer.regime(), e.getKey(), doc) : answer.regime();
                e.getValue().add(new YearAnswer(y, projected.asOf(), regime, r, !regime.equals(answer.regime()) ? answer.regime() : null));
                if (reached(r)) open.remove(e.getKey());
            }
            List<AwardResult> own = new ArrayList<>();
            for (AwardResult r : answer.results()) own.add(continued.getOrDefault(r.award(), r));
            projection.confer(y, answer, own);
            last = y;
        }

        List<EarliestAnswer> answers = new ArrayList<>();
        for (AwardDefinition award : asked) {
            Localized assumedNow = !nowContinued.containsKey(award.code()) ? null : Texts.of("rules.continued", inForce.regime(),
                    continuedRegime(rules, inForce.regime(), award.code(), doc), y0);
            answers.add(answerFor(award, now, byAward.get(award.code()), assumedNow));
        }
        Earliest.Basis basis = new Earliest.Basis(projection.basisYear(), projection.projectedRating(),
                projection.projectedInitiatives(), projection.projectedAttestations(), a);
        return new Earliest(doc.subject().id(), doc.subject().kind(), y0, doc.asOf(), now.regime(), basis, a.horizon(), last,
                List.copyOf(years), rules.version(), EngineVersion.get(), List.copyOf(answers));
    }

    /**
     * An award's answer in one projected year: under {@code regime}, the regime in force — or, where that one
     * ({@code inForce}, else null) has no criteria for the award, the latest earlier regime that has, assumed to continue.
     */
    private record YearAnswer(int year, LocalDate asOf, String regime, AwardResult result, String inForce) {}

    /**
     * The awards the regime in force has no criteria for (for this kind of subject) while an earlier regime has,
     * answered under that earlier regime as if its criteria continued — the provisional 2026 regime models few
     * commendations yet, and "never" would then say more about the rule set than about the subject. Each award
     * under the latest such regime; one evaluation per regime.
     */
    private static Map<String, AwardResult> continuedRules(RuleSet rules, Evaluator evaluator, CaseDocument projected,
                                                           EvaluationResult answer) {
        Map<String, List<String>> byRegime = new LinkedHashMap<>();
        for (AwardResult r : answer.results()) {
            if (r.outcome() != Outcome.NOT_MODELLED) continue;
            String earlier = continuedRegime(rules, answer.regime(), r.award(), projected);
            if (earlier != null) byRegime.computeIfAbsent(earlier, k -> new ArrayList<>()).add(r.award());
        }
        Map<String, AwardResult> out = new HashMap<>();
        byRegime.forEach((regime, awards) -> {
            CaseDocument only = new CaseDocument(projected.name(), projected.asOf(), projected.submittedOn(), projected.year(),
                    awards, projected.organisation(), projected.subject(), projected.members(), Map.of());
            EvaluationResult under = evaluator.evaluateUnder(rules, only, regime);
            for (String award : awards) {
                AwardResult r = under.result(award);
                if (r != null && r.outcome() != Outcome.NOT_MODELLED) out.put(award, r);
            }
        });
        return out;
    }

    /**
     * The latest regime before {@code inForce} whose rules decide the award for the case's kind of subject; null when
     * the regime in force has criteria for it itself, or no earlier one has.
     */
    private static String continuedRegime(RuleSet rules, String inForce, String award, CaseDocument doc) {
        var kind = doc.subject().kind();
        var current = rules.regimes().stream().filter(r -> r.code().equals(inForce)).findFirst().orElse(null);
        if (current == null || current.from() == null) return null;
        var compiledNow = rules.compiled(inForce);
        if (compiledNow != null && compiledNow.models(award, kind)) return null;
        return rules.regimes().stream()
                .filter(r -> r.from() != null && r.from().isBefore(current.from()))
                .sorted(Comparator.comparing(vn.laurel.engine.regime.Regime::from).reversed())
                .filter(r -> rules.compiled(r.code()) != null && rules.compiled(r.code()).models(award, kind))
                .map(vn.laurel.engine.regime.Regime::code).findFirst().orElse(null);
    }

    /** Eligible, or awaiting review only (no criterion refused). */
    static boolean reached(AwardResult r) {
        if (r.outcome().held()) return true;
        return r.outcome() == Outcome.NEEDS_REVIEW && r.criteria().stream().noneMatch(c -> c.status() == Status.NOT_MET);
    }

    private static EarliestAnswer answerFor(AwardDefinition award, EvaluationResult nowAnswer, List<YearAnswer> years,
                                            Localized assumedNow) {
        AwardResult now = nowAnswer.result(award.code());
        Localized name = award.name();
        if (reached(now)) {
            boolean review = !now.outcome().held();
            Localized headline = Texts.of(review ? "headline.alreadyReview" : "headline.already", name, nowAnswer.year());
            return new EarliestAnswer(award.code(), name, EarliestAnswer.Answer.ALREADY_ELIGIBLE, now.outcome(), nowAnswer.year(),
                    nowAnswer.asOf(), nowAnswer.regime(), now.outcome(), review,
                    assumedNow == null ? headline : Texts.of("headline.assumed", headline, assumedNow),
                    List.of(), review ? open(now) : List.of(), null, assumedNow);
        }
        YearAnswer reachedIn = years.stream().filter(y -> reached(y.result())).findFirst().orElse(null);
        List<EarliestAnswer.Gate> gates = gates(now, years, reachedIn);
        List<Localized> needs = gates.stream().map(EarliestAnswer.Gate::needsText).toList();
        if (reachedIn != null) {
            boolean review = !reachedIn.result().outcome().held();
            Localized assumed = reachedIn.inForce() == null ? null
                    : Texts.of("rules.continued", reachedIn.inForce(), reachedIn.regime(), firstContinued(years));
            Localized headline = withNeeds(Texts.of(review ? "headline.earliestReview" : "headline.earliest", name, reachedIn.year()), needs);
            if (assumed != null) headline = Texts.of("headline.assumed", headline, assumed);
            return new EarliestAnswer(award.code(), name, EarliestAnswer.Answer.EARLIEST, now.outcome(), reachedIn.year(),
                    reachedIn.asOf(), reachedIn.regime(), reachedIn.result().outcome(), review, headline, gates,
                    review ? open(reachedIn.result()) : List.of(), null, assumed);
        }
        EarliestAnswer.Never never = never(nowAnswer, now, years);
        Localized headline = never.reason() == EarliestAnswer.Never.Reason.NOT_MODELLED
                ? Texts.of("headline.notModelled", name, never.year(), never.regime())
                : withNeeds(Texts.of("headline.never", name, never.year()),
                        never.criteria().stream().map(EarliestAnswer.Unmet::needsText).toList());
        YearAnswer continuedIn = years.stream().filter(y -> y.inForce() != null).findFirst().orElse(null);
        Localized assumed = continuedIn == null ? null : Texts.of("rules.continued", continuedIn.inForce(), continuedIn.regime(), continuedIn.year());
        return new EarliestAnswer(award.code(), name, EarliestAnswer.Answer.NEVER, now.outcome(), null, null, null, null, false,
                assumed == null ? headline : Texts.of("headline.assumed", headline, assumed), gates, List.of(), never, assumed);
    }

    /** The answer with some awards' results replaced (answered under another regime). */
    private static EvaluationResult withResults(EvaluationResult r, Map<String, AwardResult> replaced) {
        List<AwardResult> results = r.results().stream().map(x -> replaced.getOrDefault(x.award(), x)).toList();
        return new EvaluationResult(r.subjectId(), r.subjectKind(), r.year(), r.asOf(), r.regime(), r.regimeDetails(),
                r.rulesetVersion(), r.engineVersion(), results, r.firedRules(), r.parameters(), r.facts(), r.members());
    }

    /** The first projected year answered under an earlier regime's criteria. */
    private static int firstContinued(List<YearAnswer> years) {
        return years.stream().filter(y -> y.inForce() != null).mapToInt(YearAnswer::year).findFirst().orElse(0);
    }

    /** The criteria not met now, each followed through the projected years up to the one that reached the award. */
    private static List<EarliestAnswer.Gate> gates(AwardResult now, List<YearAnswer> years, YearAnswer reachedIn) {
        List<EarliestAnswer.Gate> gates = new ArrayList<>();
        for (CriterionOutcome c : now.criteria()) {
            if (c.status() != Status.NOT_MET) continue;
            EarliestAnswer.Gate gate = null;
            for (YearAnswer y : years) {
                if (reachedIn != null && y.year() > reachedIn.year()) break;
                if (y.result().outcome() == Outcome.NOT_MODELLED) continue;
                CriterionOutcome then = criterion(y.result(), c.criterion());
                if (then == null) {
                    gate = gate(c, y.year(), null, null, Texts.of("gate.dropped", y.regime()));
                    break;
                }
                if (then.status() != Status.NOT_MET) {
                    gate = gate(c, y.year(), then.status(), then.actual(), then.explanation().text());
                    break;
                }
            }
            gates.add(gate != null ? gate : gate(c, null, null, null, null));
        }
        return gates;
    }

    private static EarliestAnswer.Gate gate(CriterionOutcome now, Integer metIn, Status statusThen, Object actualThen, Localized sentenceThen) {
        return new EarliestAnswer.Gate(now.criterion(), now.status(), now.actual(), now.required(), now.explanation().text(),
                metIn, statusThen, actualThen, sentenceThen, needs(now), summary(now));
    }

    /** The first outcome recorded for the criterion, the worst status among several. */
    private static CriterionOutcome criterion(AwardResult r, String criterion) {
        CriterionOutcome found = null;
        for (CriterionOutcome c : r.criteria()) {
            if (!c.criterion().equals(criterion)) continue;
            if (found == null || c.status() == Status.NOT_MET) found = c;
        }
        return found;
    }

    private static List<EarliestAnswer.Open> open(AwardResult r) {
        return r.criteria().stream().filter(c -> c.status() == Status.NEEDS_REVIEW)
                .map(c -> new EarliestAnswer.Open(c.criterion(), c.explanation().text())).toList();
    }

    /**
     * Why never: the award not modelled from some year to the horizon, or its criteria still not met in the
     * last year projected.
     */
    private static EarliestAnswer.Never never(EvaluationResult nowAnswer, AwardResult now, List<YearAnswer> years) {
        int firstNotModelled = -1;
        for (int i = years.size() - 1; i >= 0 && years.get(i).result().outcome() == Outcome.NOT_MODELLED; i--) firstNotModelled = i;
        // The last year the award was decided by its criteria: a projected one, or the evaluation year.
        int lastModelledIndex = (firstNotModelled >= 0 ? firstNotModelled : years.size()) - 1;
        AwardResult decided = lastModelledIndex >= 0 ? years.get(lastModelledIndex).result() : now;
        int decidedYear = lastModelledIndex >= 0 ? years.get(lastModelledIndex).year() : nowAnswer.year();
        List<EarliestAnswer.Unmet> unmet = decided.outcome() == Outcome.NOT_MODELLED ? List.of() : decided.criteria().stream()
                .filter(c -> c.status() == Status.NOT_MET)
                .map(c -> new EarliestAnswer.Unmet(c.criterion(), c.actual(), c.required(), c.explanation().text(), needs(c), summary(c)))
                .toList();
        if (firstNotModelled >= 0 || (years.isEmpty() && now.outcome() == Outcome.NOT_MODELLED)) {
            YearAnswer from = firstNotModelled >= 0 ? years.get(firstNotModelled) : null;
            int year = from != null ? from.year() : nowAnswer.year();
            String regime = from != null ? from.regime() : nowAnswer.regime();
            List<Localized> notes = from != null ? from.result().notes() : now.notes();
            return new EarliestAnswer.Never(EarliestAnswer.Never.Reason.NOT_MODELLED, year, regime, notes, decidedYear, unmet,
                    Texts.of("never.notModelled", year, regime));
        }
        YearAnswer lastYear = years.isEmpty() ? null : years.get(years.size() - 1);
        int year = lastYear != null ? lastYear.year() : nowAnswer.year();
        String regime = lastYear != null ? lastYear.regime() : nowAnswer.regime();
        String codes = unmet.stream().map(EarliestAnswer.Unmet::criterion).collect(Collectors.joining(", "));
        return new EarliestAnswer.Never(EarliestAnswer.Never.Reason.NOT_MET, year, regime, List.of(), decidedYear, unmet,
                Texts.of("never.notMet", year, codes));
    }

    /** The headline followed by what the criteria still need, where that can be said in numbers. */
    private static Localized withNeeds(Localized headline, List<Localized> summaries) {
        List<Localized> said = summaries.stream().filter(Objects::nonNull).toList();
        if (said.isEmpty()) return headline;
        Localized separator = Texts.of("needs.separator");
        String vi = said.stream().map(Localized::vi).collect(Collectors.joining(separator.vi()));
        String en = said.stream().map(Localized::en).collect(Collectors.joining(separator.en()));
        return Texts.of("headline.needs", headline, new Localized(vi, en));
    }

    /** What a criterion not met still needs, from the numeric requirements of its check (each branch of a composite). */
    static List<EarliestAnswer.Need> needs(CriterionOutcome c) {
        if (c.explanation() == null) return List.of();
        List<EarliestAnswer.Need> out = new ArrayList<>();
        collect(c.explanation().check(), null, out);
        return out;
    }

    /**
     * The needs of a criterion as one sentence: alternatives joined by "or", conditions by "and" ("consecutive
     * grassroots titles: 1 more, or consecutive EXCELLENT years: 1 more and (grassroots initiatives: 2 more or
     * accepted science projects: 2 more)"); null when nothing numeric is missing or a need is unnamed (a bare
     * "1 more" says nothing without its criterion: the gates say it beside theirs).
     */
    static Localized summary(CriterionOutcome c) {
        if (c.explanation() == null) return null;
        Part p = summary(c.explanation().check(), null);
        return p == null || !p.named() ? null : p.text();
    }

    /** A summary of part of a check: its text, whether it joins several, whether every need in it is named. */
    private record Part(Localized text, boolean compound, boolean named) {}

    private static Part summary(Check check, Localized inherited) {
        if (check == null || check.status() == Status.MET) return null;
        Localized label = check.label() != null ? check.label() : inherited;
        if (check.branches().isEmpty()) {
            EarliestAnswer.Need n = need(check, label);
            return n == null ? null : new Part(n.text(), false, n.label() != null);
        }
        List<Part> parts = new ArrayList<>();
        for (Check b : check.branches()) {
            Part p = summary(b, null);
            if (p != null) parts.add(p);
        }
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) {
            Part only = parts.get(0);
            // A branch named by its composite only (one leaf under a label): the composite's label names it.
            if (!only.named() && label != null && !only.compound()) {
                return new Part(Texts.of("needs.labelled", label, only.text()), false, true);
            }
            return only;
        }
        String key = check.required().operator() == Requirement.Operator.ANY_OF ? "needs.or" : "needs.and";
        Localized joined = null;
        boolean named = true;
        for (Part p : parts) {
            Localized t = p.compound() ? Texts.of("needs.group", p.text()) : p.text();
            joined = joined == null ? t : Texts.of(key, joined, t);
            named &= p.named();
        }
        return new Part(joined, true, named);
    }

    private static void collect(Check check, Localized inherited, List<EarliestAnswer.Need> out) {
        if (check == null || check.status() == Status.MET) return;
        Localized label = check.label() != null ? check.label() : inherited;
        if (!check.branches().isEmpty()) {
            for (Check b : check.branches()) collect(b, label, out);
            return;
        }
        EarliestAnswer.Need n = need(check, label);
        if (n != null) out.add(n);
    }

    /** What a leaf check lacks, when its actual and required values are numbers and it asks for at least or more than. */
    private static EarliestAnswer.Need need(Check check, Localized label) {
        Requirement req = check.required();
        if (req == null || !(req.value() instanceof Number required) || !(check.actual() instanceof Number actual)) return null;
        boolean atLeast = req.operator() == Requirement.Operator.AT_LEAST;
        if (!atLeast && req.operator() != Requirement.Operator.MORE_THAN) return null;
        Number missing;
        Localized text;
        if (actual instanceof Double || actual instanceof Float) {
            // A share, measured as a fraction and read as a percentage.
            double d = required.doubleValue() - actual.doubleValue();
            if (d < 0 || (d == 0 && atLeast)) return null;
            missing = d;
            String points = String.format(Locale.ROOT, "%.1f", d * 100);
            text = Texts.of(atLeast ? "needs.share" : "needs.shareMore", points);
        } else if (actual instanceof Integer || actual instanceof Long || actual instanceof Short) {
            double r = required.doubleValue();
            long n = (atLeast ? (long) Math.ceil(r) : (long) Math.floor(r) + 1) - actual.longValue();
            if (n <= 0) return null;
            missing = n;
            text = Texts.of("needs.count", n);
        } else {
            BigDecimal d = new BigDecimal(required.toString()).subtract(new BigDecimal(actual.toString()));
            if (d.signum() < 0 || (d.signum() == 0 && atLeast)) return null;
            missing = d;
            text = Texts.of("needs.count", d.stripTrailingZeros().toPlainString());
        }
        if (label != null) text = Texts.of("needs.labelled", label, text);
        return new EarliestAnswer.Need(label, check.actual(), req, missing, text);
    }
}
