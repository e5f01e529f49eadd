package vn.laurel.api.checkpoint;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a checkpoint every {@code laurel.audit.checkpoint.interval} (LAUREL_CHECKPOINT_INTERVAL,
 * 10 minutes by default) when the chains moved since the last one: how often is how precisely a
 * rewrite can be placed, since two stored checkpoints bracket the records between them.
 */
@Singleton
public class CheckpointSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private final Checkpoints checkpoints;

    public CheckpointSchedule(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelay = "${laurel.audit.checkpoint.interval:10m}", initialDelay = "${laurel.audit.checkpoint.interval:10m}")
    void publish() {
        try {
            checkpoints.publishIfMoved().ifPresent(cp -> LOG.info("Checkpoint {}: {} decisions, head {}", cp.id(), cp.chainLength(), cp.headHash()));
        } catch (RuntimeException e) {
            // The database may be away for a while; the next run tries again, and the scheduler must not die.
            LOG.warn("No checkpoint this time: {}", e.getMessage());
        }
    }
}
