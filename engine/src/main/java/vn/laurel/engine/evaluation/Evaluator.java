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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Evaluates a case document against a rule set. A new KIE session per subject, from the regime's
 * shared KieBase; the rule set is taken once at the start, so an evaluation finishes on the rules
 * it began with even if a reload swaps them meanwhile.
 *
 * <p>Awards are decided in dependency order without any ordering in the DRL: the awards a criterion
 * {@code @requires} are evaluated too, and after each round of firing every award whose declared
 * criteria have all reported is decided; its decision is recorded in the subject's history and
 * inserted as a fact, which lets the criteria of dependent awards fire in the next round. The
 * members of a collective are evaluated first, for the awards its criteria count
 * ({@code @memberAwards}), and any quota among them is applied before the collective is decided.
 */
public final class Evaluator {
    private final Supplier<RuleSet> ruleSets;
    private final boolean trace;
    private final CriterionOverride forced;

    public Evaluator(Supplier<RuleSet> ruleSets) {
        this(ruleSets, true);
    }

    public Evaluator(Supplier<RuleSet> ruleSets, boolean trace) {
        this(ruleSets, trace, null);
    }

    private Evaluator(Supplier<RuleSet> ruleSets, boolean trace, CriterionOverride forced) {
        this.ruleSets = ruleSets;
        this.trace = trace;
        this.forced = forced;
    }

    /** The criterion mutation check's evaluator: one criterion rule forced to a status (see {@link CriterionOverride}). */
    public static Evaluator forcing(RuleSet rules, CriterionOverride forced) {
        return new Evaluator(() -> rules, false, Objects.requireNonNull(forced));
    }

    public EvaluationResult evaluate(CaseDocument doc) {
        return evaluate(ruleSets.get(), doc);
    }

    public EvaluationResult evaluate(RuleSet rules, CaseDocument doc) {
        return evaluate(rules, doc, Map.of());
    }

    /**
     * As above, for a collective whose members were already decided on the same rules, year and date
     * (a batch decides a unit's people before the unit): their answers are reused instead of deciding
     * them again. A member is reused only if its answer covers every award the collective's criteria
     * count; otherwise it is decided here as usual. The parameters listed for the collective then
     * include those its reused members' other awards used.
     */
    public EvaluationResult evaluate(RuleSet rules, CaseDocument doc, Map<String, EvaluationResult> decidedMembers) {
        List<AwardDefinition> asked = awardsAsked(rules, doc);
        Optional<Regime> covering = rules.regimeOn(doc.asOf());
        if (covering.isEmpty()) return notModelled(rules, doc, asked);
        Regime regime = covering.get();
        CompiledRegime compiled = rules.compiled(regime.code());
        Set<String> askedCodes = new LinkedHashSet<>();
        asked.forEach(a -> askedCodes.add(a.code()));

        List<ParameterUse> parameters = new ArrayList<>();
        List<History> memberHistories = new ArrayList<>();
        List<MemberResult> memberResults = evaluateMembers(rules, compiled, regime, doc, askedCodes, memberHistories, parameters,
                decidedMembers);

        Run main = run(rules, compiled, regime, doc, new History(doc.subject(), memberHistories),
                compiled.withPrerequisites(askedCodes, doc.subject().kind()), askedCodes);
        addDistinct(parameters, main.evaluation.getParametersUsed());
        Subject subject = doc.subject();
        return new EvaluationResult(subject.id(), subject.kind(), doc.year(), doc.asOf(), regime.code(),
                RegimeInfo.of(regime, doc.asOf(), doc.submittedOn()), rules.version(), EngineVersion.get(), main.results,
                main.fired, List.copyOf(parameters), factsOf(subject), memberResults);
    }

    /**
     * An appraisal date no modelled regime covers — before the earliest (Law 39/2013 from 2014-06-01),
     * say: every award asked is NOT_MODELLED, with a sentence saying why. Never an error.
     */
    private static EvaluationResult notModelled(RuleSet rules, CaseDocument doc, List<AwardDefinition> asked) {
        LocalDate earliest = rules.regimes().stream().map(Regime::from).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        boolean before = earliest != null && doc.asOf().isBefore(earliest)
                && rules.regimes().stream().allMatch(r -> r.from() != null);
        Localized why = before ? Explainer.label("note.beforeModelledRegimes", doc.asOf(), earliest)
                : Explainer.label("note.noRegimeOn", doc.asOf());
        List<AwardResult> results = new ArrayList<>();
        for (AwardDefinition award : asked) {
            results.add(new AwardResult(award.code(), award.name(), Outcome.NOT_MODELLED, List.of(), List.of(why)));
        }
        Subject subject = doc.subject();
        return new EvaluationResult(subject.id(), subject.kind(), doc.year(), doc.asOf(), RegimeInfo.NONE,
                RegimeInfo.none(before ? earliest : null, why), rules.version(), EngineVersion.get(), results, List.of(),
                List.of(), factsOf(subject), List.of());
    }

    /** One subject's session and answers. */
    private record Run(History history, Evaluation evaluation, List<AwardResult> results, List<FiredRule> fired,
                       Collection<ParameterUse> parameters) {
        Run(History history, Evaluation evaluation, List<AwardResult> results, List<FiredRule> fired) {
            this(history, evaluation, results, fired, evaluation.getParametersUsed());
        }
    }

    /**
     * A member's earlier answer as if decided here: its history records the same decisions the run
     * would have recorded, and its answers and fired rules are those of the awards wanted. Null when
     * the answer lacks one of them or a quota has already been applied to it.
     */
    private static Run reuse(Subject member, EvaluationResult decided, Set<String> toRun, Set<String> asked) {
        Map<String, AwardResult> byAward = new HashMap<>();
        decided.results().forEach(a -> byAward.put(a.award(), a));
        if (!byAward.keySet().containsAll(toRun)) return null;
        History history = new History(member);
        List<AwardResult> results = new ArrayList<>();
        for (String code : toRun) {
            AwardResult r = byAward.get(code);
            if (r.quota() != null) return null; // capped since: the outcome the rules gave is not at hand
            history.recordDecision(code, decided.year(), r.outcome());
            if (!asked.contains(code) && !r.notes().contains(Explainer.label("note.prerequisite"))) {
                List<Localized> notes = new ArrayList<>(r.notes());
                notes.add(Explainer.label("note.prerequisite"));
                r = r.withNotes(notes);
            }
            results.add(r);
        }
        List<FiredRule> fired = decided.firedRules().stream().filter(f -> f.award() == null || toRun.contains(f.award())).toList();
        Set<String> read = new HashSet<>();
        results.forEach(r -> read.addAll(r.parameterNames()));
        return new Run(history, null, results, fired, decided.parameters().stream().filter(p -> read.contains(p.name())).toList());
    }

    private List<MemberResult> evaluateMembers(RuleSet rules, CompiledRegime compiled, Regime regime, CaseDocument doc,
                                               Set<String> askedCodes, List<History> histories, List<ParameterUse> parameters,
                                               Map<String, EvaluationResult> decidedMembers) {
        Set<String> memberAwards = new LinkedHashSet<>();
        for (String award : compiled.withPrerequisites(askedCodes, SubjectKind.COLLECTIVE)) memberAwards.addAll(compiled.memberAwardsOf(award));
        memberAwards.removeIf(a -> rules.award(a).map(d -> !d.appliesTo(SubjectKind.PERSON)).orElse(true));
        if (doc.members().isEmpty()) return List.of();

        Set<String> toRun = compiled.withPrerequisites(memberAwards, SubjectKind.PERSON);
        List<Run> runs = new ArrayList<>();
        for (Subject member : doc.members()) {
            EvaluationResult decided = decidedMembers.get(member.id());
            Run run = decided != null && decided.year() == doc.year() && decided.asOf().equals(doc.asOf())
                    && decided.rulesetVersion().equals(rules.version()) ? reuse(member, decided, toRun, memberAwards) : null;
            if (run == null) run = run(rules, compiled, regime, doc, new History(member), toRun, memberAwards);
            histories.add(run.history);
            runs.add(run);
        }
        List<List<AwardResult>> results = new ArrayList<>();
        runs.forEach(r -> results.add(new ArrayList<>(r.results)));
        record Slot(int member, int position) {}
        for (String award : memberAwards) {
            List<Quotas.Candidate> population = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            for (int m = 0; m < runs.size(); m++) {
                for (int k = 0; k < results.get(m).size(); k++) {
                    if (results.get(m).get(k).award().equals(award)) {
                        population.add(new Quotas.Candidate(runs.get(m).history, results.get(m).get(k)));
                        slots.add(new Slot(m, k));
                    }
                }
            }
            List<AwardResult> capped = Quotas.apply(award, doc.year(), population, rules.parameters(), doc.asOf(),
                    doc.organisation(), parameters);
            for (int i = 0; i < capped.size(); i++) results.get(slots.get(i).member()).set(slots.get(i).position(), capped.get(i));
        }
        List<MemberResult> out = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            addDistinct(parameters, runs.get(m).parameters);
            out.add(new MemberResult(runs.get(m).history.getId(), List.copyOf(results.get(m)), runs.get(m).fired));
        }
        return out;
    }

    private Run run(RuleSet rules, CompiledRegime compiled, Regime regime, CaseDocument doc, History history,
                    Set<String> toRun, Set<String> asked) {
        Evaluation evaluation = new Evaluation(history, doc.year(), doc.asOf(), doc.submittedOn(), regime.code(),
                doc.organisation(), rules.parameters());
        if (forced != null) evaluation.force(forced);
        SubjectKind kind = history.getSubject().kind();
        List<String> modelled = toRun.stream().filter(a -> compiled.models(a, kind)).toList();
        FiringRecorder recorder = new FiringRecorder();
        Map<String, Outcome> decided = new LinkedHashMap<>();
        Map<String, Localized> failed = new HashMap<>();
        if (!modelled.isEmpty()) {
            KieSession session = compiled.kieBase().newKieSession();
            try {
                session.addEventListener(new FiringRule(evaluation));
                if (trace) session.addEventListener(recorder);
                session.insert(history);
                session.insert(evaluation);
                decideInDependencyOrder(session, compiled, modelled, evaluation, decided);
            } catch (RuntimeException e) {
                // A failure outside a rule's action (a condition evaluated on insert or while firing;
                // actions are handled by RuleFailureHandler): which criterion failed is not known, so
                // every award still undecided needs review, saying why. Never an error, never a silent MET.
                Localized why = Explainer.label("note.rulesFailed", Evaluation.describe(e));
                for (String award : modelled) {
                    if (decided.containsKey(award)) continue;
                    decided.put(award, Outcome.NEEDS_REVIEW);
                    failed.put(award, why);
                    history.recordDecision(award, doc.year(), Outcome.NEEDS_REVIEW);
                }
            } finally {
                session.dispose();
            }
        }
        // An award the rules cannot decide for this subject is unknown, not refused, to those who count it.
        toRun.stream().filter(a -> !modelled.contains(a))
                .forEach(a -> history.recordDecision(a, doc.year(), Outcome.NOT_MODELLED));
        Map<String, List<CriterionResult>> recordedByRule = new HashMap<>();
        evaluation.getResults().forEach(r -> recordedByRule.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r));
        List<AwardResult> results = new ArrayList<>();
        for (String code : toRun) {
            AwardDefinition award = rules.award(code).orElseThrow();
            AwardResult r = resultFor(award, regime, compiled, evaluation, recordedByRule, decided.get(code));
            if (failed.containsKey(code)) {
                List<Localized> notes = new ArrayList<>(r.notes());
                notes.add(failed.get(code));
                r = r.withNotes(notes);
            }
            if (!asked.contains(code)) {
                List<Localized> notes = new ArrayList<>(r.notes());
                notes.add(Explainer.label("note.prerequisite"));
                r = r.withNotes(notes);
            }
            results.add(r);
        }
        return new Run(history, evaluation, results, firedRules(recorder, compiled, evaluation));
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
                SubjectKind kind = evaluation.getHistory().getSubject().kind();
                boolean complete = compiled.criteriaOf(award, kind).stream().allMatch(c -> reported.containsKey(c.criterion()));
                if (complete) {
                    Outcome outcome = Outcome.of(reported.values());
                    decided.put(award, outcome);
                    evaluation.getHistory().recordDecision(award, evaluation.getYear(), outcome);
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

    private static AwardResult resultFor(AwardDefinition award, Regime regime, CompiledRegime compiled, Evaluation evaluation,
                                         Map<String, List<CriterionResult>> recordedByRule, Outcome outcome) {
        List<Localized> notes = new ArrayList<>();
        SubjectKind kind = evaluation.getHistory().getSubject().kind();
        if (!compiled.models(award.code(), kind)) {
            notes.add(Explainer.label("note.notModelled", regime.code()));
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

    private static List<FiredRule> firedRules(FiringRecorder recorder, CompiledRegime compiled, Evaluation evaluation) {
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

    private static void addDistinct(List<ParameterUse> into, Collection<ParameterUse> uses) {
        for (ParameterUse u : uses) if (!into.contains(u)) into.add(u);
    }

    private static List<Evidence> factsOf(Subject s) {
        List<Evidence> facts = new ArrayList<>();
        facts.add(new Evidence("subject", s.id(), null, s.kind() + (s.hiredOn() == null ? "" : " hiredOn " + s.hiredOn())));
        Stream.of(s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.disciplines(), s.absences(),
                        s.attestations(), s.memberAggregates(), s.clusterRankings())
                .flatMap(List::stream)
                .map(f -> Evidence.of((Fact) f))
                .forEach(facts::add);
        return facts;
    }
}
