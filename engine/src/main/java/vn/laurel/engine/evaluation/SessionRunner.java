package vn.laurel.engine.evaluation;

import vn.laurel.engine.model.Outcome;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.history.History;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * The session loop: one KIE session per subject of a case, from the regime's shared KieBase. Awards
 * are decided in dependency order without any ordering in the DRL: after each round of firing, every
 * award whose declared criteria have all reported is decided; its decision is recorded in the
 * subject's history and inserted as a fact, which lets the criteria of dependent awards fire in the
 * next round.
 */
final class SessionRunner {
    private final RuleSet rules;
    private final CompiledRegime compiled;
    private final Regime regime;
    private final CaseDocument doc;
    private final boolean trace;
    private final CriterionOverride forced;

    SessionRunner(RuleSet rules, RegimeChoice choice, CaseDocument doc, boolean trace, CriterionOverride forced) {
        this.rules = rules;
        this.compiled = choice.compiled();
        this.regime = choice.regime();
        this.doc = doc;
        this.trace = trace;
        this.forced = forced;
    }

    CompiledRegime compiled() { return compiled; }

    /**
     * Decides {@code toRun} for the subject of {@code history} (the case's subject or one of its
     * members); those not in {@code asked} are answered as prerequisites.
     */
    Run run(History history, Set<String> toRun, Set<String> asked) {
        Evaluation evaluation = new Evaluation(history, doc.year(), doc.asOf(), doc.submittedOn(), regime.code(),
                doc.organisation(), rules.parameters(), rules.campaigns());
        if (forced != null) evaluation.force(forced);
        SubjectKind kind = history.getSubject().kind();
        List<String> modelled = toRun.stream().filter(a -> compiled.models(a, kind)).toList();
        FiringRecorder recorder = new FiringRecorder();
        Map<String, Outcome> decided = new LinkedHashMap<>();
        Map<String, Localized> failed = new HashMap<>();
        if (!modelled.isEmpty()) {
            KieSession session = newSession(evaluation, recorder);
            try {
                session.insert(history);
                session.insert(evaluation);
                decideInDependencyOrder(session, modelled, evaluation, decided);
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
        List<AwardResult> results = Answers.awardResults(rules, regime, compiled, evaluation, toRun, asked, decided, failed);
        return new Run(history, evaluation, results, Answers.firedRules(recorder, compiled, evaluation));
    }

    /** Every session is made here, with the listeners an evaluation needs. */
    private KieSession newSession(Evaluation evaluation, FiringRecorder recorder) {
        KieSession session = compiled.kieBase().newKieSession();
        session.addEventListener(new FiringRule(evaluation)); // tells record(check) which rule is firing
        if (trace) session.addEventListener(recorder);
        return session;
    }

    private void decideInDependencyOrder(KieSession session, List<String> awards, Evaluation evaluation,
                                         Map<String, Outcome> decided) {
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

    /** The criteria of an award reported so far, each with the worst status its rules recorded. */
    private static Map<String, Status> reported(Evaluation evaluation, String award) {
        Map<String, Status> reported = new HashMap<>();
        for (CriterionResult r : evaluation.getResults()) {
            if (r.award().equals(award)) reported.merge(r.criterion(), r.check().status(), SessionRunner::worse);
        }
        return reported;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.NOT_MET || b == Status.NOT_MET) return Status.NOT_MET;
        if (a == Status.NEEDS_REVIEW || b == Status.NEEDS_REVIEW) return Status.NEEDS_REVIEW;
        return Status.MET;
    }
}
