package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.EngineVersion;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.i18n.Explanation;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Fact;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

/**
 * Answer assembly: from what a session recorded to the answer a reader gets — each award's outcome
 * with its criteria in the order the award declares them, the notes, the rules fired with the facts
 * they matched, and the whole answer with everything needed to reproduce it.
 */
final class Answers {
    private Answers() {}

    /** The whole answer for a case decided under {@code regime}. */
    static EvaluationResult of(RuleSet rules, CaseDocument doc, Regime regime, Run main, List<ParameterUse> parameters,
                               List<MemberResult> members) {
        Subject subject = doc.subject();
        return new EvaluationResult(subject.id(), subject.kind(), doc.year(), doc.asOf(), regime.code(),
                RegimeInfo.of(regime, doc.asOf(), doc.submittedOn()), rules.version(), EngineVersion.get(), main.results(),
                main.fired(), List.copyOf(parameters), factsOf(subject), members);
    }

    /**
     * An appraisal date no modelled regime covers — before the earliest (Law 39/2013 from 2014-06-01),
     * say: every award asked is NOT_MODELLED, with a sentence saying why. Never an error.
     */
    static EvaluationResult notModelled(RuleSet rules, CaseDocument doc, List<AwardDefinition> asked) {
        LocalDate earliest = RegimeChoice.earliestAfter(rules, doc.asOf());
        Localized why = RegimeChoice.whyNone(doc.asOf(), earliest);
        List<AwardResult> results = new ArrayList<>();
        for (AwardDefinition award : asked) {
            results.add(new AwardResult(award.code(), award.name(), Outcome.NOT_MODELLED, List.of(), List.of(why)));
        }
        Subject subject = doc.subject();
        return new EvaluationResult(subject.id(), subject.kind(), doc.year(), doc.asOf(), RegimeInfo.NONE,
                RegimeInfo.none(earliest, why), rules.version(), EngineVersion.get(), results, List.of(),
                List.of(), factsOf(subject), List.of());
    }

    /**
     * The answers for {@code toRun} after a session: {@code decided} holds the outcomes the loop
     * reached, {@code failed} why an award could not be decided; those not {@code asked} are noted as
     * prerequisites.
     */
    static List<AwardResult> awardResults(RuleSet rules, Regime regime, CompiledRegime compiled, Evaluation evaluation,
                                          Set<String> toRun, Set<String> asked, Map<String, Outcome> decided,
                                          Map<String, Localized> failed) {
        Map<String, List<CriterionResult>> recordedByRule = new HashMap<>();
        evaluation.getResults().forEach(r -> recordedByRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
        List<AwardResult> results = new ArrayList<>();
        for (String code : toRun) {
            AwardDefinition award = rules.award(code).orElseThrow();
            AwardResult r = resultFor(rules, award, regime, compiled, evaluation, recordedByRule, decided.get(code));
            if (failed.containsKey(code)) r = withNote(r, failed.get(code));
            if (!asked.contains(code)) r = withNote(r, Explainer.label("note.prerequisite"));
            results.add(r);
        }
        return results;
    }

    /** Whether any regime of the rule set has criteria for the award for this kind of subject. */
    private static boolean modelledInSomeRegime(RuleSet rules, String award, SubjectKind kind) {
        return rules.compiled().values().stream().anyMatch(c -> c != null && c.models(award, kind));
    }

    /** The answer with one more note. */
    static AwardResult withNote(AwardResult r, Localized note) {
        List<Localized> notes = new ArrayList<>(r.notes());
        notes.add(note);
        return r.withNotes(notes);
    }

    private static AwardResult resultFor(RuleSet rules, AwardDefinition award, Regime regime, CompiledRegime compiled,
                                         Evaluation evaluation, Map<String, List<CriterionResult>> recordedByRule, Outcome outcome) {
        List<Localized> notes = new ArrayList<>();
        SubjectKind kind = evaluation.getHistory().getSubject().kind();
        if (!compiled.models(award.code(), kind)) {
            // The award is given to this kind but no regime of the rule set has criteria for it: the catalogue gives
            // none (a household's Prime Minister's certificate). Where some regime has them (a collective's ministry
            // certificate under LAW_2022), it is this regime that has none: the regime's sentence.
            notes.add(award.appliesTo(kind) && !modelledInSomeRegime(rules, award.code(), kind)
                    ? Explainer.labelEach("note.notModelledForKind", Explainer.label("SubjectKind." + kind), regime.code())
                    : Explainer.label("note.notModelled", regime.code()));
            return new AwardResult(award.code(), award.name(), Outcome.NOT_MODELLED, List.of(), notes);
        }
        if (regime.provisional()) notes.add(Explainer.label("note.provisional", regime.code()));
        List<CriterionOutcome> criteria = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (CriterionDefinition def : compiled.criteriaOf(award.code(), kind)) {
            List<CriterionResult> recorded = recordedByRule.getOrDefault(def.rule(), List.of());
            if (recorded.isEmpty()) {
                // The rule's conditions never matched (a prerequisite was not modelled, say):
                // nothing may be assumed, so a person must look at it.
                Check open = new Check(Status.NEEDS_REVIEW, null, new Requirement(Requirement.Operator.EQUALS, null), List.of());
                criteria.add(outcomeOf(def, evaluation.getYear(), open));
                statuses.add(Status.NEEDS_REVIEW);
            }
            for (CriterionResult r : recorded) {
                criteria.add(outcomeOf(def, evaluation.getYear(), r.check()));
                statuses.add(r.check().status());
            }
        }
        return new AwardResult(award.code(), award.name(), outcome != null ? outcome : Outcome.of(statuses),
                criteria, notes, null, evaluation.parameterNamesOf(award.code()));
    }

    private static CriterionOutcome outcomeOf(CriterionDefinition def, int year, Check check) {
        return new CriterionOutcome(def.criterion(), check.status(), check.actual(), check.required(), def.legalBasis(),
                def.confidence(), new Explanation(def.template(), year, check), check.evidence(), def.rule(),
                def.file(), def.line());
    }

    /** The trace: each firing with its rule's metadata and the facts its criterion measured. */
    static List<FiredRule> firedRules(FiringRecorder recorder, CompiledRegime compiled, Evaluation evaluation) {
        if (recorder.firings().isEmpty()) return List.of(); // the trace is off
        Map<String, Deque<CriterionResult>> resultsByRule = new HashMap<>();
        evaluation.getResults().forEach(r -> resultsByRule.computeIfAbsent(r.rule(), k -> new ArrayDeque<>()).add(r));
        List<FiredRule> fired = new ArrayList<>(recorder.firings().size());
        for (FiringRecorder.Firing f : recorder.firings()) {
            CriterionDefinition def = compiled.criterionOfRule(f.rule());
            Deque<CriterionResult> recorded = resultsByRule.get(f.rule());
            CriterionResult result = recorded == null ? null : recorded.poll();
            List<String> matched = new ArrayList<>(f.facts().size());
            for (Object fact : f.facts()) matched.add(String.valueOf(fact));
            fired.add(new FiredRule(f.rule(), def == null ? null : def.award(), def == null ? null : def.criterion(),
                    def == null ? null : def.legalBasis(), def == null ? null : def.file(), def == null ? 0 : def.line(),
                    matched, result == null ? List.of() : result.check().evidence()));
        }
        return fired;
    }

    /** Adds the uses not listed yet, in order. */
    static void addDistinct(List<ParameterUse> into, Collection<ParameterUse> uses) {
        for (ParameterUse u : uses) if (!into.contains(u)) into.add(u);
    }

    private static List<Evidence> factsOf(Subject s) {
        List<Evidence> facts = new ArrayList<>();
        facts.add(new Evidence("subject", s.id(), null, s.kind() + (s.hiredOn() == null ? "" : " hiredOn " + s.hiredOn())
                + (s.establishedOn() == null ? "" : " establishedOn " + s.establishedOn())));
        Stream.of(s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.disciplines(), s.absences(),
                        s.attestations(), s.memberAggregates(), s.clusterRankings(), s.contributions(), s.campaignResults(),
                        s.events(), s.predecessors())
                .flatMap(List::stream)
                .map(f -> Evidence.of((Fact) f))
                .forEach(facts::add);
        return facts;
    }
}
