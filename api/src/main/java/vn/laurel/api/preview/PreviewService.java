package vn.laurel.api.preview;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;
import java.util.concurrent.*;

/**
 * A shadow run: every subject of a population evaluated under the rules in service and under a
 * proposed rule set, from the same facts, and the answers compared. Nothing is saved. Subjects are
 * evaluated on a few threads (the facts are read once per subject and used for both rule sets).
 */
@Singleton
public class PreviewService {
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final int threads;

    public PreviewService(FactStore facts, StoredCases cases, RuleSetHolder rules,
                          @Value("${laurel.preview.threads:4}") int threads) {
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.threads = Math.max(1, threads);
    }

    /** A criterion whose status differs between the two rule sets. */
    public record CriterionChange(String criterion, String before, String after, Object actualBefore, Object actualAfter,
                                  Object requiredBefore, Object requiredAfter, String explanationAfter) {}

    /** One award of one subject whose outcome changes. */
    public record Change(String subjectId, String name, String unit, int year, String award, String before, String after,
                         List<CriterionChange> criteria) {}

    public record AwardSummary(int changed, Map<String, Integer> transitions) {}

    public record Failure(String subjectId, String message) {}

    public record Report(String activeVersion, String proposedVersion, Map<String, Object> population, int evaluated,
                         int changed, long elapsedMs, Map<String, AwardSummary> byAward, List<Change> changes,
                         List<Failure> errors) {}

    public Report preview(RuleSet proposed, List<Population.Target> targets, Map<String, Object> population) {
        long start = System.nanoTime();
        RuleSet active = rules.current(); // taken once: a reload during the preview does not mix versions
        List<Change> changes = Collections.synchronizedList(new ArrayList<>());
        List<Failure> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Population.Target t : targets) {
                futures.add(pool.submit(() -> {
                    try {
                        changes.addAll(compare(active, proposed, t));
                    } catch (RuntimeException e) {
                        errors.add(new Failure(t.subjectId(), String.valueOf(e.getMessage())));
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("preview interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Change> sorted = changes.stream()
                .sorted(Comparator.comparing(Change::subjectId).thenComparing(Change::year).thenComparing(Change::award)).toList();
        Map<String, AwardSummary> byAward = new TreeMap<>();
        for (Change c : sorted) {
            AwardSummary s = byAward.computeIfAbsent(c.award(), k -> new AwardSummary(0, new TreeMap<>()));
            s.transitions().merge(c.before() + " -> " + c.after(), 1, Integer::sum);
            byAward.put(c.award(), new AwardSummary(s.changed() + 1, s.transitions()));
        }
        List<Failure> failures = errors.stream().sorted(Comparator.comparing(Failure::subjectId)).toList();
        return new Report(active.version(), proposed.version(), population, targets.size() - failures.size(),
                sorted.size(), (System.nanoTime() - start) / 1_000_000, byAward, sorted, failures);
    }

    private List<Change> compare(RuleSet active, RuleSet proposed, Population.Target t) {
        Subject subject = facts.subject(t.subjectId()).orElseThrow(() -> new NoSuchElementException("no subject " + t.subjectId()));
        CaseDocument doc = cases.caseOf(subject, t.year(), t.asOf(), t.awards());
        EvaluationResult before = rules.evaluator().evaluate(active, doc);
        EvaluationResult after = rules.evaluator().evaluate(proposed, doc);
        Map<String, AwardResult> afterByAward = new HashMap<>();
        after.results().forEach(r -> afterByAward.put(r.award(), r));
        List<Change> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwardResult b : before.results()) {
            seen.add(b.award());
            AwardResult a = afterByAward.get(b.award());
            String afterOutcome = a == null ? "(not evaluated)" : a.outcome().name();
            if (b.outcome().name().equals(afterOutcome)) continue;
            out.add(new Change(subject.id(), subject.name(), subject.unit(), t.year(), b.award(), b.outcome().name(),
                    afterOutcome, criteriaChanged(b, a)));
        }
        // an award only the proposed rules answer (a new award, a newly modelled regime)
        for (AwardResult a : after.results()) {
            if (!seen.contains(a.award())) {
                out.add(new Change(subject.id(), subject.name(), subject.unit(), t.year(), a.award(), "(not evaluated)",
                        a.outcome().name(), criteriaChanged(null, a)));
            }
        }
        return out;
    }

    /** The criteria whose status differs (a criterion only one side has counts as changed). */
    static List<CriterionChange> criteriaChanged(AwardResult before, AwardResult after) {
        Map<String, CriterionOutcome> b = index(before), a = index(after);
        Set<String> ids = new LinkedHashSet<>(b.keySet());
        ids.addAll(a.keySet());
        List<CriterionChange> out = new ArrayList<>();
        for (String id : ids) {
            CriterionOutcome x = b.get(id), y = a.get(id);
            String sx = x == null ? null : x.status().name(), sy = y == null ? null : y.status().name();
            if (Objects.equals(sx, sy)) continue;
            out.add(new CriterionChange(id, sx, sy, x == null ? null : x.actual(), y == null ? null : y.actual(),
                    x == null ? null : x.required(), y == null ? null : y.required(),
                    y == null ? null : y.explanation().en()));
        }
        return out;
    }

    private static Map<String, CriterionOutcome> index(AwardResult r) {
        Map<String, CriterionOutcome> m = new LinkedHashMap<>();
        if (r != null) r.criteria().forEach(c -> m.put(c.criterion(), c));
        return m;
    }
}
