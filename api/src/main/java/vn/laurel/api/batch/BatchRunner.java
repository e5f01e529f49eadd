package vn.laurel.api.batch;

import jakarta.inject.Singleton;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.preview.Population;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.evaluation.Quotas;
import vn.laurel.engine.history.History;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a batch: unit by unit, so that memory holds a few units' people at a time whatever the
 * population. A unit's people are read in bulk, evaluated, capped by the unit's quotas, then the
 * unit itself is evaluated with them as its members; its outcomes are written in one statement
 * batch. A few units are in flight at once, one per core. The rule set is taken once: the whole
 * batch is decided by one version, recorded on the run.
 */
@Singleton
public class BatchRunner {
    private static final int REPORT_EVERY_MS = 1000;
    private final FactStore facts;
    private final RuleSetHolder rules;
    private final Population population;
    private final BatchStore store;
    private final EligibilityService decisions;

    public BatchRunner(FactStore facts, RuleSetHolder rules, Population population, BatchStore store, EligibilityService decisions) {
        this.facts = facts;
        this.rules = rules;
        this.population = population;
        this.store = store;
        this.decisions = decisions;
    }

    /** Refuses a request that cannot run, naming the field: unknown unit or award, year after asOf. */
    public void validate(BatchRequest r) {
        if (r.year() > r.asOf().getYear()) throw ProblemException.badField("year", "the evaluation year " + r.year() + " is after asOf " + r.asOf());
        if (r.unit() != null && population.subtree(r.unit()).isEmpty()) throw ProblemException.badField("unit", "no unit with code " + r.unit());
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
        Evaluator evaluator = new Evaluator(() -> ruleSet, request.saveDecisions());
        List<String> units = request.unit() == null ? store.allUnits()
                : request.includeSubunits() ? population.subtree(request.unit()) : List.of(request.unit());
        long persons = store.countPersons(units, request.year(), request.unit() == null);
        store.start(id, ruleSet.version(), units.size(), persons);

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

    private List<BatchStore.Outcome> evaluateUnit(String unit, BatchRequest request, RuleSet ruleSet, Evaluator evaluator,
                                                  String requestedBy, AtomicLong subjectsDone) {
        List<String> personAwards = awardsFor(ruleSet, request.awards(), SubjectKind.PERSON);
        List<String> unitAwards = awardsFor(ruleSet, request.awards(), SubjectKind.COLLECTIVE);
        List<String> memberIds = facts.membersOf(unit, request.year());
        List<String> ids = new ArrayList<>(memberIds);
        ids.add(unit);
        Map<String, Subject> subjects = facts.subjects(ids);
        Subject unitSubject = subjects.get(unit);
        List<Subject> members = memberIds.stream().map(subjects::get).filter(Objects::nonNull).toList();
        Subject anyone = unitSubject != null ? unitSubject : members.isEmpty() ? null : members.get(0);
        Organisation organisation = anyone == null ? null : facts.organisationOf(anyone);

        List<BatchStore.Outcome> out = new ArrayList<>();
        // The people's answers before any quota, handed to the unit's evaluation so it does not decide them again.
        Map<String, EvaluationResult> decided = new HashMap<>();
        if (personAwards != null && !members.isEmpty()) {
            List<CaseDocument> docs = new ArrayList<>();
            List<EvaluationResult> results = new ArrayList<>();
            for (Subject person : members) {
                CaseDocument doc = new CaseDocument(null, request.asOf(), request.year(), personAwards, organisation, person, List.of(), Map.of());
                docs.add(doc);
                EvaluationResult result = evaluator.evaluate(ruleSet, doc);
                results.add(result);
                decided.put(person.id(), result);
                subjectsDone.incrementAndGet();
            }
            List<EvaluationResult> capped = withUnitQuotas(results, members, request, ruleSet, organisation);
            for (int i = 0; i < members.size(); i++) {
                Long decisionId = request.saveDecisions() ? decisions.save(docs.get(i), capped.get(i), DecisionBasis.STORED_FACTS, requestedBy) : null;
                addOutcomes(out, members.get(i).id(), unit, capped.get(i), personAwards, decisionId);
            }
        }
        if (unitAwards != null && unitSubject != null && unitSubject.kind() == SubjectKind.COLLECTIVE) {
            CaseDocument doc = new CaseDocument(null, request.asOf(), request.year(), unitAwards, organisation, unitSubject, members, Map.of());
            EvaluationResult result = evaluator.evaluate(ruleSet, doc, decided);
            subjectsDone.incrementAndGet();
            Long decisionId = request.saveDecisions() ? decisions.save(doc, result, DecisionBasis.STORED_FACTS, requestedBy) : null;
            addOutcomes(out, unit, unitSubject.unit(), result, unitAwards, decisionId);
        }
        return out;
    }

    /** Each award's cap applied among the unit's people, as the candidates list applies it. */
    private static List<EvaluationResult> withUnitQuotas(List<EvaluationResult> results, List<Subject> members, BatchRequest request,
                                                         RuleSet ruleSet, Organisation organisation) {
        List<List<AwardResult>> awards = new ArrayList<>();
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            awards.add(new ArrayList<>(results.get(i).results()));
            History h = new History(members.get(i));
            results.get(i).results().forEach(a -> h.recordDecision(a.award(), request.year(), a.outcome()));
            histories.add(h);
        }
        Set<String> codes = new LinkedHashSet<>();
        results.forEach(r -> r.results().forEach(a -> codes.add(a.award())));
        for (String code : codes) {
            List<Quotas.Candidate> candidates = new ArrayList<>();
            List<int[]> slots = new ArrayList<>();
            for (int m = 0; m < awards.size(); m++) {
                for (int k = 0; k < awards.get(m).size(); k++) {
                    if (awards.get(m).get(k).award().equals(code)) {
                        candidates.add(new Quotas.Candidate(histories.get(m), awards.get(m).get(k)));
                        slots.add(new int[]{m, k});
                    }
                }
            }
            List<vn.laurel.engine.policy.ParameterUse> used = new ArrayList<>();
            List<AwardResult> capped = Quotas.apply(code, request.year(), candidates, ruleSet.parameters(), request.asOf(), organisation, used);
            for (int i = 0; i < capped.size(); i++) awards.get(slots.get(i)[0]).set(slots.get(i)[1], capped.get(i));
        }
        List<EvaluationResult> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            EvaluationResult r = results.get(i);
            out.add(new EvaluationResult(r.subjectId(), r.subjectKind(), r.year(), r.asOf(), r.regime(), r.regimeDetails(), r.rulesetVersion(),
                    r.engineVersion(), List.copyOf(awards.get(i)), r.firedRules(), r.parameters(), r.facts(), r.members()));
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
