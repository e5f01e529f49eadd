package vn.laurel.api.decisions;

import jakarta.inject.Singleton;
import vn.laurel.api.facts.FactStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.Now;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Decides eligibility from stored facts and keeps every decision; evaluates what-if cases without keeping them. */
@Singleton
public class EligibilityService {
    private final FactStore facts;
    private final RuleSetHolder rules;
    private final DecisionStore decisionStore;

    public EligibilityService(FactStore facts, RuleSetHolder rules, DecisionStore decisionStore) {
        this.facts = facts;
        this.rules = rules;
        this.decisionStore = decisionStore;
    }

    /** Evaluates a subject from the store and saves the decision; the answer carries its id. */
    public Map<String, Object> decide(String subjectId, int year, LocalDate asOf, List<String> awards, String requestedBy) {
        Subject subject = facts.subject(subjectId)
                .orElseThrow(() -> ProblemException.notFound("No subject with id " + subjectId));
        return decide(caseOf(subject, year, asOf, awards), requestedBy);
    }

    /** Evaluates a case document and keeps the answer as a decision, in the audit chain. */
    public Map<String, Object> decide(CaseDocument doc, String requestedBy) {
        EvaluationResult result = rules.evaluator().evaluate(rules.current(), doc);
        Map<String, Object> body = Json.toMap(result);
        return withDecisionId(save(doc, result, body, requestedBy), body);
    }

    /** Keeps an answer already computed (by a batch, say) as a decision in the audit chain; returns its id. */
    public long save(CaseDocument doc, EvaluationResult result, String requestedBy) {
        return save(doc, result, Json.toMap(result), requestedBy);
    }

    private long save(CaseDocument doc, EvaluationResult result, Map<String, Object> body, String requestedBy) {
        return decisionStore.save(new DecisionRecord(null, doc.subject().id(), doc.year(), doc.asOf(),
                result.regime(), result.rulesetVersion(), result.engineVersion(), summary(result.results()), body,
                requestedBy, Now.instant()), factsReliedOn(result), outcomes(result)).id();
    }

    /**
     * The case of a stored subject, as every evaluation from the store sees it (decisions and rule
     * previews alike): a unit comes with the members it had at the end of the year.
     */
    public CaseDocument caseOf(Subject subject, int year, LocalDate asOf, List<String> awards) {
        List<Subject> members = subject.kind() == SubjectKind.COLLECTIVE
                ? facts.membersOf(subject.id(), year).stream().map(id -> facts.subject(id).orElseThrow()).toList()
                : List.of();
        return new CaseDocument(null, asOf, year, awards, facts.organisationOf(subject), subject, members, Map.of());
    }

    /** A what-if: the case document's facts, not the store's; nothing is saved. */
    public Map<String, Object> whatIf(CaseDocument doc) {
        return withDecisionId(null, Json.toMap(rules.evaluator().evaluate(doc)));
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
