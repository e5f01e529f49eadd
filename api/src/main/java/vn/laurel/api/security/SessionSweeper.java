package vn.laurel.api.security;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the sessions nobody will use again (idle past the timeout, or past their maximum age) every
 * ten minutes, so that the table holds live sessions only, whether or not their cookies ever come back.
 */
@Singleton
public class SessionSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSweeper.class);
    private final WebSessions sessions;

    public SessionSweeper(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "10m")
    void sweep() {
        try {
            int removed = sessions.sweep();
            if (removed > 0) LOG.debug("removed {} ended web session(s)", removed);
        } catch (RuntimeException e) {
            LOG.warn("cannot sweep the web sessions now: {}", e.toString()); // the next round tries again
        }
    }
}
