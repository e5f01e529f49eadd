package vn.laurel.api.replay;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.laurel.api.decisions.CompactRecord;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.DecisionRenderer;
import vn.laurel.api.decisions.DecisionRecord;
import vn.laurel.api.decisions.DecisionRepository;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;
import java.util.*;

/**
 * Replays a saved decision. By default with the facts as known when it was saved and the rules of
 * its version (kept by content hash), and answers whether the same answer comes out — it must, or
 * something in the record or the store is not what it was. With {@code with=current}, with today's
 * facts and rules, and says what changed and why: outcomes, criteria, rule set, facts.
 */
@Singleton
public class ReplayService {
    private final DecisionRepository decisions;
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final RuleSetArchive archive;
    private final DecisionRenderer renderer;

    public ReplayService(DecisionRepository decisions, FactStore facts, StoredCases cases, RuleSetHolder rules, RuleSetArchive archive,
                         DecisionRenderer renderer) {
        this.renderer = renderer;
        this.decisions = decisions;
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.archive = archive;
    }

    /**
     * A decision as readers see it: its answer (as saved, or rendered from its compact record and found
     * equal to it), or — when the record cannot be rendered to itself — no answer, the record, and why.
     */
    public record Reading(Map<String, Object> answer, Map<String, Object> record, Map<String, Object> rendering) {}

    public Reading read(DecisionRecord d) {
        if (d.recordText() == null) return new Reading(d.result(), null, null);
        DecisionRenderer.Rendered r = renderer.render(d);
        Map<String, Object> rendering = new LinkedHashMap<>();
        rendering.put("from", "record");
        rendering.put("matches", r.matches());
        // Rendered by another engine version than the record's: a note, not a difference.
        if (r.engine() != null) rendering.put("engine", r.engine());
        if (r.matches()) return new Reading(Json.toMap(r.result()), null, rendering);
        rendering.put("code", r.code().name());
        rendering.put("problem", r.problem());
        if (r.rendered() != null) rendering.put("differences", JsonDiff.of(r.record(), r.rendered(), 200));
        return new Reading(null, r.record(), rendering);
    }

    public Map<String, Object> replay(long id, boolean withCurrent) {
        DecisionRecord d = decisions.findById(id).orElseThrow(() -> ProblemException.notFound("No decision with id " + id));
        if (d.recordText() != null) return replayRecord(d, withCurrent);
        if (DecisionBasis.parse(d.basis()) == DecisionBasis.SUBMITTED_CASE) {
            // Its facts were the sender's, and a decision saved before issue 20 did not keep the document.
            throw new ProblemException(HttpStatus.CONFLICT, "Decision " + id + " was decided on a submitted case document, not on the "
                    + "stored facts of " + d.subjectId() + ": replay it by sending the document again", List.of());
        }
        Instant knownAt = withCurrent ? null : d.createdAt();
        Subject subject = facts.subject(d.subjectId(), knownAt).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "Decision " + id + " is about " + d.subjectId() + ", which is not in the store (a what-if on a case document): "
                        + "replay it by sending the document again", List.of()));
        RuleSet ruleSet = withCurrent ? rules.current() : archive.byVersion(d.rulesetVersion())
                .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "The rules of version " + d.rulesetVersion()
                        + " are not kept, so decision " + id + " cannot be replayed with them", List.of()));
        Map<String, Object> before = d.result();
        CaseDocument doc = cases.caseOf(subject, d.evaluationYear(), d.asOf(), askedAwards(before), knownAt);
        EvaluationResult result = rules.evaluator().evaluate(ruleSet, doc);
        Map<String, Object> after = Json.toMap(result);
        List<JsonDiff.Difference> differences = JsonDiff.of(before, after, 200);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decisionId", id);
        out.put("with", withCurrent ? "current facts and rules" : "facts as known on " + d.createdAt() + " and rules " + d.rulesetVersion());
        out.put("identical", differences.isEmpty());
        out.put("rulesetVersion", Map.of("before", d.rulesetVersion(), "after", result.rulesetVersion()));
        out.put("outcomes", outcomeChanges(before, after));
        out.put("factsChanged", factChanges(before, after));
        out.put("differences", differences);
        out.put("answer", after);
        return out;
    }

    /**
     * A decision kept as a compact record: its question asked again (of the stored case document when one was
     * submitted), and what it answers compared with the record, record to record.
     */
    private Map<String, Object> replayRecord(DecisionRecord d, boolean withCurrent) {
        DecisionRenderer.Rendered r = renderer.render(d, withCurrent);
        if (r.result() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Decision " + d.id() + " cannot be replayed (" + r.code() + "): " + r.problem(), List.of());
        }
        boolean submitted = DecisionBasis.parse(d.basis()) == DecisionBasis.SUBMITTED_CASE;
        Map<String, Object> before = r.record(), after = r.rendered();
        // The engine's version is reported beside the replay (engine), not as a difference in what decided.
        Map<String, Object> beforeDecided = new LinkedHashMap<>(before), afterDecided = new LinkedHashMap<>(after);
        beforeDecided.remove("engine");
        afterDecided.remove("engine");
        List<JsonDiff.Difference> differences = JsonDiff.of(beforeDecided, afterDecided, 200);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decisionId", d.id());
        Object knownAt = r.record().get("question") instanceof Map<?, ?> q && q.get("knownAt") != null ? q.get("knownAt") : d.createdAt();
        out.put("with", (submitted ? "the submitted case document" : withCurrent ? "current facts" : "facts as known on " + knownAt)
                + (withCurrent ? " and current rules" : " and rules " + d.rulesetVersion()));
        out.put("identical", differences.isEmpty());
        out.put("rulesetVersion", Map.of("before", d.rulesetVersion(), "after", r.result().rulesetVersion()));
        List<Map<String, Object>> outcomes = new ArrayList<>();
        Map<String, String> was = CompactRecord.outcomes(before), now = CompactRecord.outcomes(after);
        for (String award : was.keySet()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("award", award);
            change.put("before", was.get(award));
            change.put("after", now.get(award));
            change.put("criteriaChanged", criteriaChanges(CompactRecord.statuses(before, award), CompactRecord.statuses(after, award)));
            outcomes.add(change);
        }
        out.put("outcomes", outcomes);
        out.put("factsChanged", changes(CompactRecord.factIds(before), CompactRecord.factIds(after)));
        out.put("differences", differences);
        out.put("answer", Json.toMap(r.result()));
        if (r.engine() != null) out.put("engine", r.engine());
        return out;
    }

    private static List<Map<String, Object>> criteriaChanges(Map<String, ?> before, Map<String, ?> after) {
        List<Map<String, Object>> criteria = new ArrayList<>();
        Set<String> ids = new TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String c : ids) {
            if (!Objects.equals(before.get(c), after.get(c))) {
                criteria.add(Map.of("criterion", c, "before", String.valueOf(before.get(c)), "after", String.valueOf(after.get(c))));
            }
        }
        return criteria;
    }

    /** The awards the question asked for; awards only evaluated as prerequisites carry a note saying so. */
    @SuppressWarnings("unchecked")
    static List<String> askedAwards(Map<String, Object> answer) {
        Map<String, Object> prerequisiteNote = Json.toMap(Explainer.label("note.prerequisite"));
        List<String> asked = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) answer.get("results")) {
            List<Object> notes = (List<Object>) r.getOrDefault("notes", List.of());
            if (!notes.contains(prerequisiteNote)) asked.add((String) r.get("award"));
        }
        return asked;
    }

    /** Per award: the outcome before and after, and the criteria whose status changed. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> outcomeChanges(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> was = byAward(before), now = byAward(after);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String award : new TreeSet<>(was.keySet())) {
            Map<String, Object> b = was.get(award), a = now.getOrDefault(award, Map.of());
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("award", award);
            change.put("before", b.get("outcome"));
            change.put("after", a.get("outcome"));
            change.put("criteriaChanged", criteriaChanges(statuses(b), statuses(a)));
            out.add(change);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byAward(Map<String, Object> answer) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) answer.get("results")) out.put((String) r.get("award"), r);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statuses(Map<String, Object> award) {
        Map<String, Object> out = new TreeMap<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) award.getOrDefault("criteria", List.of())) {
            out.put((String) c.get("criterion"), c.get("status"));
        }
        return out;
    }

    /** Facts the answer relied on that are gone, and facts that are new (a correction shows as both). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> factChanges(Map<String, Object> before, Map<String, Object> after) {
        return changes(factIds(before), factIds(after));
    }

    private static Map<String, Object> changes(Set<String> was, Set<String> now) {
        Set<String> gone = new TreeSet<>(was), added = new TreeSet<>(now);
        gone.removeAll(now);
        added.removeAll(was);
        return Map.of("gone", gone, "added", added);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> factIds(Map<String, Object> answer) {
        Set<String> ids = new TreeSet<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) answer.getOrDefault("facts", List.of())) {
            Object id = f.get("factId");
            if (id != null && String.valueOf(id).contains(":")) ids.add(String.valueOf(id));
        }
        return ids;
    }
}
