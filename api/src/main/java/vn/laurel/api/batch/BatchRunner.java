package vn.laurel.api.batch;

import jakarta.inject.Singleton;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.store.Now;
import java.time.Instant;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.preview.Population;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.unit.UnitAnswer;
import vn.laurel.engine.unit.UnitCase;
import vn.laurel.engine.unit.UnitEvaluator;

import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a batch: unit by unit, so that memory holds a few units' people at a time whatever the
 * population. A unit's case is read in bulk ({@link StoredCases#unitCase}) and evaluated with its
 * people by the engine ({@link UnitEvaluator}: their answers, the unit's quotas among them, the unit
 * itself on their outcomes); its outcomes are written in one statement batch. A few units are in
 * flight at once, one per core. The rule set is taken once: the whole batch is decided by one
 * version, recorded on the run.
 */
@Singleton
public class BatchRunner {
    private static final int REPORT_EVERY_MS = 1000;
    private final StoredCases cases;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;
    private final BatchStore store;
    private final EligibilityService decisions;

    public BatchRunner(StoredCases cases, UnitDirectory directory, RuleSetHolder rules, BatchStore store, EligibilityService decisions) {
        this.cases = cases;
        this.directory = directory;
        this.rules = rules;
        this.store = store;
        this.decisions = decisions;
    }

    /** Refuses a request that cannot run, naming the field: unknown unit or award, year after asOf. */
    public void validate(BatchRequest r) {
        if (r.year() > r.asOf().getYear()) throw ProblemException.badField("year", "the evaluation year " + r.year() + " is after asOf " + r.asOf());
        if (r.unit() != null && directory.subtree(r.unit()).isEmpty()) throw ProblemException.badField("unit", "no unit with code " + r.unit());
        RuleSet ruleSet = rules.current();
        for (int i = 0; i < r.awards().size(); i++) {
            if (ruleSet.award(r.awards().get(i)).isEmpty()) {
                throw ProblemException.badField("awards", "unknown award \"" + r.awards().get(i) + "\"; known: " + ruleSet.awards().keySet());
            }
        }
    }

    /** Runs the batch to its end; {@code listener} hears the progress about once a second and at the end. */
    public BatchProgress run(long id, BatchRequest request, String requestedBy, int threads, Consumer<BatchProgress> listener) {
        RuleSet ruleSet = rules.current();
        UnitEvaluator evaluator = new UnitEvaluator(new Evaluator(() -> ruleSet, request.saveDecisions()));
        List<String> units = request.unit() == null ? store.allUnits()
                : request.includeSubunits() ? directory.subtree(request.unit()) : List.of(request.unit());
        long persons = store.countPersons(units, request.year(), request.unit() == null);
        store.start(id, ruleSet.version(), units.size(), persons, request.awards().isEmpty() ? ruleSet.awards().keySet() : request.awards());

        long started = System.nanoTime();
        AtomicInteger unitsDone = new AtomicInteger();
        AtomicLong subjectsDone = new AtomicLong(), written = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        java.util.function.Supplier<BatchProgress> progress = () -> new BatchProgress(unitsDone.get(), units.size(), subjectsDone.get(),
                persons, written.get(), (System.nanoTime() - started) / 1e9);

        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads));
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
        reporter.scheduleAtFixedRate(() -> {
            BatchProgress p = progress.get();
            store.progress(id, p);
            listener.accept(p);
        }, REPORT_EVERY_MS, REPORT_EVERY_MS, TimeUnit.MILLISECONDS);
        // At most two units per worker are read ahead: memory stays flat however many units there are.
        Semaphore inFlight = new Semaphore(Math.max(1, threads) * 2);
        try {
            for (String unit : units) {
                if (failure.get() != null) break;
                inFlight.acquireUninterruptibly();
                workers.execute(() -> {
                    try {
                        if (failure.get() != null) return;
                        List<BatchStore.Outcome> out = evaluateUnit(unit, request, ruleSet, evaluator, requestedBy, subjectsDone);
                        store.write(id, out);
                        written.addAndGet(out.size());
                        unitsDone.incrementAndGet();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, new IllegalStateException("unit " + unit + ": " + t.getMessage(), t));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            workers.shutdown();
            awaitQuietly(workers);
            reporter.shutdownNow();
            awaitQuietly(reporter);
        }
        BatchProgress last = progress.get();
        Throwable t = failure.get();
        store.finish(id, last, t == null ? null : t.getMessage());
        listener.accept(last);
        if (t != null) throw new IllegalStateException("batch " + id + " failed: " + t.getMessage(), t);
        return last;
    }

    private List<BatchStore.Outcome> evaluateUnit(String unit, BatchRequest request, RuleSet ruleSet, UnitEvaluator evaluator,
                                                  String requestedBy, AtomicLong subjectsDone) {
        List<String> personAwards = awardsFor(ruleSet, request.awards(), SubjectKind.PERSON);
        List<String> unitAwards = awardsFor(ruleSet, request.awards(), SubjectKind.COLLECTIVE);
        // Taken before the unit's facts are read: each saved decision's record keeps it, and is read again as known then.
        Instant knownAt = Now.instant();
        UnitCase unitCase = cases.unitCase(unit, request.year(), request.asOf(), personAwards, unitAwards);
        UnitAnswer answer = evaluator.evaluate(ruleSet, unitCase, id -> subjectsDone.incrementAndGet());

        List<BatchStore.Outcome> out = new ArrayList<>();
        for (int i = 0; i < unitCase.members().size(); i++) {
            CaseDocument doc = unitCase.members().get(i);
            EvaluationResult result = answer.members().get(i);
            Long decisionId = request.saveDecisions() ? decisions.save(doc, result, DecisionBasis.STORED_FACTS, requestedBy, knownAt) : null;
            addOutcomes(out, doc.subject().id(), unit, result, personAwards, decisionId);
        }
        if (unitCase.unit() != null) {
            CaseDocument doc = unitCase.unit();
            Long decisionId = request.saveDecisions() ? decisions.save(doc, answer.unit(), DecisionBasis.STORED_FACTS, requestedBy, personAwards, knownAt) : null;
            addOutcomes(out, unit, doc.subject().unit(), answer.unit(), unitAwards, decisionId);
        }
        return out;
    }

    private static void addOutcomes(List<BatchStore.Outcome> out, String subject, String unit, EvaluationResult result,
                                    List<String> asked, Long decisionId) {
        for (AwardResult a : result.results()) {
            if (!asked.isEmpty() && !asked.contains(a.award())) continue; // a prerequisite, not asked for
            out.add(new BatchStore.Outcome(subject, unit, a.award(), a.outcome().name(),
                    a.quota() == null ? null : a.quota().rank(), decisionId));
        }
    }

    /** The asked awards that apply to the kind; empty for every award; null when none of those asked applies. */
    private static List<String> awardsFor(RuleSet ruleSet, List<String> asked, SubjectKind kind) {
        if (asked.isEmpty()) return List.of();
        List<String> out = asked.stream().filter(a -> ruleSet.award(a).map(d -> d.appliesTo(kind)).orElse(false)).toList();
        return out.isEmpty() ? null : out;
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) { /* a large unit can take a while */ }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
