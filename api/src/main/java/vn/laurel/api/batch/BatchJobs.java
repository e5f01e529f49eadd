package vn.laurel.api.batch;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.metrics.LaurelMetrics;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Batches asked for over HTTP: recorded as QUEUED at once, run one after another in the
 * background (a batch already uses every core), polled through batch_run.
 */
@Singleton
public class BatchJobs {
    private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);
    private final BatchRunner runner;
    private final BatchStore store;
    private final int threads;
    private final LaurelMetrics metrics;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "laurel-batch");
        t.setDaemon(true);
        return t;
    });

    public BatchJobs(BatchRunner runner, BatchStore store, @Value("${laurel.batch.threads:0}") int threads, LaurelMetrics metrics) {
        this.runner = runner;
        this.metrics = metrics;
        this.store = store;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Checks the request, records it and queues it; returns its id. */
    public long submit(BatchRequest request, String requestedBy) {
        runner.validate(request);
        long id = store.create(request, requestedBy);
        queue.execute(() -> {
            try {
                runner.run(id, request, requestedBy, threads, p -> metrics.batchProgress(id, p.subjectsDone(), p.personsTotal() + p.unitsTotal()));
            } catch (RuntimeException e) {
                LOG.warn("Batch {} failed", id, e); // recorded on the run as FAILED with its reason
            } finally {
                metrics.batchEnded(id);
            }
        });
        return id;
    }

    @PreDestroy
    void stop() {
        queue.shutdownNow();
    }
}
