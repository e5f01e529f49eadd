package vn.laurel.engine.evaluation;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import vn.laurel.engine.EngineVersion;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.criteria.Status;
import vn.laurel.engine.history.History;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Fact;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Evaluates a case document against a rule set. A new KIE session per evaluation, from the
 * regime's shared KieBase; the rule set is taken once at the start, so an evaluation finishes on
 * the rules it began with even if a reload swaps them meanwhile.
 *
 * <p>Awards are decided in dependency order without any ordering in the DRL: after each round of
 * firing, every award whose declared criteria have all reported is decided and its decision
 * inserted as a fact, which may let the criteria of dependent awards fire in the next round.
 */
public final class Evaluator {
    private final Supplier<RuleSet> ruleSets;
    private final boolean trace;

    public Evaluator(Supplier<RuleSet> ruleSets) {
        this(ruleSets, true);
    }

    public Evaluator(Supplier<RuleSet> ruleSets, boolean trace) {
        this.ruleSets = ruleSets;
        this.trace = trace;
    }

    public EvaluationResult evaluate(CaseDocument doc) {
        return evaluate(ruleSets.get(), doc);
    }

    public EvaluationResult evaluate(RuleSet rules, CaseDocument doc) {
        Regime regime = rules.regimeOn(doc.asOf()).orElseThrow(() -> new CaseFormatException("asOf",
                "no legal regime in rules/regimes.yaml covers " + doc.asOf()));
        Subject subject = doc.subject();
        List<AwardDefinition> awards = awardsAsked(rules, doc);
        CompiledRegime compiled = rules.compiled(regime.code());
        List<String> modelled = awards.stream().map(AwardDefinition::code).filter(compiled::models).toList();

        History history = new History(subject);
        Evaluation evaluation = new Evaluation(history, doc.year(), doc.asOf(), regime.code(), doc.organisation(),
                rules.parameters());
        FiringRecorder recorder = new FiringRecorder();
        Map<String, Outcome> decided = new LinkedHashMap<>();
        if (!modelled.isEmpty()) {
            KieSession session = compiled.kieBase().newKieSession();
            try {
                if (trace) session.addEventListener(recorder);
                session.insert(history);
                session.insert(evaluation);
                decideInDependencyOrder(session, compiled, modelled, evaluation, decided);
            } finally {
                session.dispose();
            }
        }

        List<AwardResult> results = new ArrayList<>();
        for (AwardDefinition award : awards) {
            results.add(resultFor(award, regime, compiled, evaluation, decided.get(award.code())));
        }
        return new EvaluationResult(subject.id(), subject.kind(), doc.year(), doc.asOf(), regime.code(), RegimeInfo.of(regime),
                rules.version(), EngineVersion.get(), results, firedRules(recorder, compiled, evaluation),
                List.copyOf(evaluation.getParametersUsed()), factsOf(subject));
    }

    private static void decideInDependencyOrder(KieSession session, CompiledRegime compiled, List<String> awards,
                                                Evaluation evaluation, Map<String, Outcome> decided) {
        Set<String> toRun = Set.copyOf(awards);
        AgendaFilter onlyAsked = match -> {
            Object award = match.getRule().getMetaData().get("award");
            return award == null || toRun.contains(String.valueOf(award).replace("\"", ""));
        };
        boolean progress = true;
        while (progress) {
            session.fireAllRules(onlyAsked);
            progress = false;
            for (String award : awards) {
                if (decided.containsKey(award)) continue;
                Map<String, Status> reported = reported(evaluation, award);
                boolean complete = compiled.criteriaOf(award).stream().allMatch(c -> reported.containsKey(c.criterion()));
                if (complete) {
                    Outcome outcome = Outcome.of(reported.values());
                    decided.put(award, outcome);
                    session.insert(new AwardDecision(evaluation.getHistory().getId(), award, evaluation.getYear(), outcome));
                    progress = true;
                }
            }
        }
    }

    private static Map<String, Status> reported(Evaluation evaluation, String award) {
        Map<String, Status> reported = new HashMap<>();
        for (CriterionResult r : evaluation.getResults()) {
            if (r.award().equals(award)) reported.merge(r.criterion(), r.check().status(), Evaluator::worse);
        }
        return reported;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.NOT_MET || b == Status.NOT_MET) return Status.NOT_MET;
        if (a == Status.NEEDS_REVIEW || b == Status.NEEDS_REVIEW) return Status.NEEDS_REVIEW;
        return Status.MET;
    }

    private static AwardResult resultFor(AwardDefinition award, Regime regime, CompiledRegime compiled,
                                         Evaluation evaluation, Outcome outcome) {
        List<Localized> notes = new ArrayList<>();
        if (!compiled.models(award.code())) {
            notes.add(Explainer.label("note.notModelled", regime.code()));
            return new AwardResult(award.code(), award.name(), Outcome.NOT_MODELLED, List.of(), notes);
        }
        if (regime.provisional()) notes.add(Explainer.label("note.provisional", regime.code()));
        List<CriterionOutcome> criteria = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (CriterionDefinition def : compiled.criteriaOf(award.code())) {
            List<CriterionResult> recorded = evaluation.getResults().stream()
                    .filter(r -> r.rule().equals(def.rule())).toList();
            if (recorded.isEmpty()) {
                // The rule's conditions never matched (a prerequisite decision was missing, say):
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
                criteria, notes);
    }

    private static CriterionOutcome outcomeOf(CriterionDefinition def, int year, Check check) {
        return new CriterionOutcome(def.criterion(), check.status(), check.actual(), check.required(), def.legalBasis(),
                def.confidence(), Explainer.explain(def.template(), year, check), check.evidence(), def.rule(),
                def.file(), def.line());
    }

    private static List<FiredRule> firedRules(FiringRecorder recorder, CompiledRegime compiled, Evaluation evaluation) {
        Map<String, CriterionDefinition> byRule = new HashMap<>();
        compiled.criteria().forEach(c -> byRule.put(c.rule(), c));
        Map<String, Deque<CriterionResult>> resultsByRule = new HashMap<>();
        evaluation.getResults().forEach(r -> resultsByRule.computeIfAbsent(r.rule(), k -> new ArrayDeque<>()).add(r));
        List<FiredRule> fired = new ArrayList<>();
        for (FiringRecorder.Firing f : recorder.firings()) {
            CriterionDefinition def = byRule.get(f.rule());
            Deque<CriterionResult> results = resultsByRule.getOrDefault(f.rule(), new ArrayDeque<>());
            CriterionResult result = results.poll();
            fired.add(new FiredRule(f.rule(), def == null ? null : def.award(), def == null ? null : def.criterion(),
                    def == null ? null : def.legalBasis(), def == null ? null : def.file(), def == null ? 0 : def.line(),
                    f.facts().stream().map(String::valueOf).toList(),
                    result == null ? List.of() : result.check().evidence()));
        }
        return fired;
    }

    private static List<AwardDefinition> awardsAsked(RuleSet rules, CaseDocument doc) {
        if (doc.awards().isEmpty()) {
            return rules.awards().values().stream().filter(a -> a.appliesTo(doc.subject().kind())).toList();
        }
        List<FieldError> errors = new ArrayList<>();
        List<AwardDefinition> awards = new ArrayList<>();
        for (int i = 0; i < doc.awards().size(); i++) {
            String code = doc.awards().get(i);
            Optional<AwardDefinition> award = rules.award(code);
            if (award.isEmpty()) {
                errors.add(new FieldError("awards[" + i + "]", "unknown award \"" + code + "\"; known: " + rules.awards().keySet()));
            } else if (!award.get().appliesTo(doc.subject().kind())) {
                errors.add(new FieldError("awards[" + i + "]", code + " is awarded to " + award.get().subjectKinds()
                        + ", not to a " + doc.subject().kind()));
            } else if (!awards.contains(award.get())) {
                awards.add(award.get());
            }
        }
        if (!errors.isEmpty()) throw new CaseFormatException(errors);
        return awards;
    }

    private static List<Evidence> factsOf(Subject s) {
        List<Evidence> facts = new ArrayList<>();
        facts.add(new Evidence("subject", s.id(), null, s.kind() + (s.hiredOn() == null ? "" : " hiredOn " + s.hiredOn())));
        Stream.of(s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.disciplines(), s.absences(),
                        s.attestations())
                .flatMap(List::stream)
                .map(f -> Evidence.of((Fact) f))
                .forEach(facts::add);
        return facts;
    }
}
