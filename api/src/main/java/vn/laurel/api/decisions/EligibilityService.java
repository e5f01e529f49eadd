package vn.laurel.api.decisions;

import jakarta.inject.Singleton;
import vn.laurel.api.metrics.LaurelMetrics;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.Now;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides eligibility from stored facts, and keeps a decision when asked to (a POST); evaluates what-if
 * cases without keeping them unless asked, and then as decisions on a submitted case document.
 */
@Singleton
public class EligibilityService {
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final DecisionStore decisionStore;
    private final LaurelMetrics metrics;

    public EligibilityService(FactStore facts, StoredCases cases, RuleSetHolder rules, DecisionStore decisionStore, LaurelMetrics metrics) {
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.decisionStore = decisionStore;
        this.metrics = metrics;
    }

    /** An answer, and the id of the decision that keeps it (null for a what-if). */
    public record Decided(Long decisionId, EvaluationResult result) {
        /**
         * The answer as clients receive it, written straight from the result: the decision's id
         * first, then the answer, its texts in {@code language} ("both": the {vi, en} pairs).
         */
        public String json(String language) {
            String answer = Json.write(result, language);
            return "{\"decisionId\":" + decisionId + (answer.equals("{}") ? "}" : "," + answer.substring(1));
        }
    }

    /** Evaluates a subject from the store and answers without saving anything (GET: safe). */
    public Decided evaluate(String subjectId, int year, LocalDate asOf, List<String> awards) {
        return evaluateStored(subjectId, year, asOf, awards).decided();
    }

    /** An answer from the store, and the subject as it was read for it (a page shows its facts beside the answer). */
    public record Evaluated(Subject subject, Decided decided) {}

    /** As {@link #evaluate}, with the subject it read: a page need not read the subject (and a unit's lineage) again. */
    public Evaluated evaluateStored(String subjectId, int year, LocalDate asOf, List<String> awards) {
        Subject subject = stored(subjectId);
        CaseDocument doc = cases.caseOf(subject, year, asOf, awards);
        return new Evaluated(subject, new Decided(null, metrics.evaluation(() -> rules.evaluator().evaluate(rules.current(), doc))));
    }

    /**
     * Evaluates a subject from the store and saves the decision. The facts are read as known at an instant taken
     * before reading them, and the record keeps it: a reading renders the same facts, whatever was corrected
     * between this read and the save (or in the same instant, after the read).
     */
    public Decided decide(String subjectId, int year, LocalDate asOf, List<String> awards, String requestedBy) {
        Instant knownAt = Now.instant();
        Subject subject = facts.subject(subjectId, knownAt).orElseThrow(() -> ProblemException.notFound("No subject with id " + subjectId));
        return decide(cases.caseOf(subject, year, asOf, awards, knownAt), DecisionBasis.STORED_FACTS, requestedBy, knownAt);
    }

    private Subject stored(String subjectId) {
        return facts.subject(subjectId).orElseThrow(() -> ProblemException.notFound("No subject with id " + subjectId));
    }

    /**
     * Evaluates a case document and keeps the answer as a decision, in the audit chain, with the basis
     * it was taken on: a document a client sent is {@link DecisionBasis#SUBMITTED_CASE}, whatever subject id it names.
     */
    public Decided decide(CaseDocument doc, DecisionBasis basis, String requestedBy) {
        return decide(doc, basis, requestedBy, null);
    }

    private Decided decide(CaseDocument doc, DecisionBasis basis, String requestedBy, Instant knownAt) {
        EvaluationResult result = metrics.evaluation(() -> rules.evaluator().evaluate(rules.current(), doc));
        return new Decided(save(doc, result, basis, requestedBy, null, knownAt), result);
    }

    /**
     * Keeps an answer (decided here, or by a batch or a proposal list) as a decision in the audit chain; returns its id.
     * {@code knownAt}: the instant taken before the stored facts were read (null for a submitted document).
     */
    public long save(CaseDocument doc, EvaluationResult result, DecisionBasis basis, String requestedBy, Instant knownAt) {
        return save(doc, result, basis, requestedBy, null, knownAt);
    }

    /**
     * As above, for a unit whose members' answers for {@code memberAwards} were decided first and reused
     * for it (a batch): the record says so, so that the unit's answer is rendered again the same way.
     */
    public long save(CaseDocument doc, EvaluationResult result, DecisionBasis basis, String requestedBy, List<String> memberAwards, Instant knownAt) {
        // A submitted document's fact ids are whatever the client wrote ("rating:812" included): they are not
        // facts of the store, so a correction of a stored fact must not flag the decision as if it had used it.
        Set<String> relied = basis == DecisionBasis.STORED_FACTS ? factsReliedOn(result) : Set.of();
        // The question and what decided, not the phrasing: the answer is rendered again from it on read.
        CompactRecord.Question question = basis == DecisionBasis.SUBMITTED_CASE ? CompactRecord.Question.submitted(doc)
                : CompactRecord.Question.stored(doc, knownAt).reusingMembersOf(memberAwards);
        long id = decisionStore.save(new DecisionStore.NewDecision(doc.subject().id(), doc.year(), doc.asOf(),
                result.regime(), result.rulesetVersion(), result.engineVersion(), summary(result.results()), requestedBy,
                Now.instant(), basis), CompactRecord.write(question, result), relied, outcomes(result));
        metrics.decided(id, result);
        return id;
    }

    /** A what-if: the case document's facts, not the store's; nothing is saved. */
    public Decided whatIf(CaseDocument doc) {
        return new Decided(null, metrics.evaluation(() -> rules.evaluator().evaluate(doc)));
    }

    public static Map<String, Object> withDecisionId(Long id, Map<String, Object> body) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decisionId", id);
        answer.putAll(body);
        return answer;
    }

    /** The stored facts the criteria looked at (ids like rating:812), for flagging when one is corrected. */
    static Set<String> factsReliedOn(EvaluationResult result) {
        Set<String> ids = new TreeSet<>();
        result.results().forEach(a -> a.criteria().forEach(c -> c.evidence().forEach(e -> {
            if (e.factId() != null && e.factId().contains(":")) ids.add(e.factId());
        })));
        return ids;
    }

    static Map<String, String> outcomes(EvaluationResult result) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        result.results().forEach(r -> outcomes.put(r.award(), r.outcome().name()));
        return outcomes;
    }

    private static String summary(List<AwardResult> results) {
        String s = results.stream().map(r -> r.award() + "=" + r.outcome()).collect(Collectors.joining(","));
        return s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
