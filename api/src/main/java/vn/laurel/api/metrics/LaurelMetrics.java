package vn.laurel.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import vn.laurel.api.logging.RequestIds;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Laurel's own meters, fed by one-line calls from the services that do the work (eligibility,
 * batches, imports). Takes only engine types and plain values, so that no service package and this
 * one depend on each other. Names are Micrometer's dotted names; Prometheus shows them with
 * underscores and a {@code _total} or {@code _seconds} suffix (docs/operations.md lists them).
 */
@Singleton
public class LaurelMetrics {
    private final MeterRegistry registry;
    private final Timer evaluation;
    private final Counter batchSubjects;
    /** Subjects done and in all of the batches running on this instance, by batch id. */
    private final Map<Long, long[]> batches = new ConcurrentHashMap<>();

    public LaurelMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluation = Timer.builder("laurel.evaluation")
                .description("Time the engine takes to decide one case document (eligibility, what-if)")
                .publishPercentileHistogram()
                .register(registry);
        batchSubjects = Counter.builder("laurel.batch.subjects").description("Subjects evaluated by batches on this instance")
                .register(registry);
        Gauge.builder("laurel.batch.running.done", batches, b -> b.values().stream().mapToLong(p -> p[0]).sum())
                .description("Subjects evaluated so far by the batches running on this instance").register(registry);
        Gauge.builder("laurel.batch.running.subjects", batches, b -> b.values().stream().mapToLong(p -> p[1]).sum())
                .description("Subjects in all of the batches running on this instance").register(registry);
    }

    /** Runs one evaluation and records how long it took. */
    public <T> T evaluation(Supplier<T> evaluate) {
        return evaluation.record(evaluate);
    }

    /**
     * A decision was saved: counted by award and outcome, and its id put on the request's log lines
     * from here on (a batch's workers have no request: their decisions are counted only).
     */
    public void decided(long decisionId, EvaluationResult result) {
        for (AwardResult a : result.results()) {
            Counter.builder("laurel.decisions").description("Saved decisions, one per award decided, by award and outcome")
                    .tag("award", a.award()).tag("outcome", a.outcome().name()).register(registry).increment();
        }
        RequestIds.decided(decisionId, result.subjectId());
    }

    /** A running batch's progress, about once a second: subjects done and in all (people and units). */
    public void batchProgress(long batchId, long subjectsDone, long subjectsTotal) {
        long[] last = batches.put(batchId, new long[] {subjectsDone, subjectsTotal});
        batchSubjects.increment(Math.max(0, subjectsDone - (last == null ? 0 : last[0])));
    }

    /** A batch ended (done or failed): no longer counted as running. */
    public void batchEnded(long batchId) {
        batches.remove(batchId);
    }

    /** An import ended: its rows read, by how it ended (SUCCEEDED, FAILED). */
    public void imported(String status, long rowsRead) {
        Counter.builder("laurel.import.rows").description("Rows read by imports, by how the import ended")
                .tag("status", status).register(registry).increment(rowsRead);
        Counter.builder("laurel.imports").description("Imports, by how they ended").tag("status", status).register(registry).increment();
    }
}
