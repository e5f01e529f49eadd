package vn.laurel.api.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Duration;

/**
 * Keeps this instance on the database's active revision when another instance changes it. On
 * PostgreSQL a connection of its own listens for the notice an activation sends when it commits; on
 * every database the latest activation id is also checked each {@code laurel.rules.poll-interval}, so
 * a notice lost while the connection was down costs one interval, not the change. The new version is
 * compiled on this thread, never on a request's, and swapped in at once; a version that fails to
 * compile is logged and tried again at the next check while the old rules keep answering.
 */
@Singleton
public class RuleFollower {
    private static final Logger LOG = LoggerFactory.getLogger(RuleFollower.class);

    private final RuleSetHolder holder;
    private final RuleStore store;
    private final CompiledRuleSets compiled;
    private final long intervalMs;
    private volatile boolean running;
    private Thread thread;
    private RuleStore.Notices listening;
    private long failedActivation;
    private volatile long behindSince;
    private String lastFailure;

    public RuleFollower(RuleSetHolder holder, RuleStore store, CompiledRuleSets compiled,
                        @Value("${laurel.rules.poll-interval:1s}") Duration interval) {
        this.holder = holder;
        this.store = store;
        this.compiled = compiled;
        this.intervalMs = Math.max(10, interval.toMillis());
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (thread != null) return;
        running = true;
        thread = new Thread(this::loop, "laurel-rules-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                try {
                    awaitNotice();
                    follow();
                    lastFailure = null;
                } catch (RuntimeException | Error e) { // a StoreException when the database is away
                    // An Error too: a follower that died silently would leave this instance on old rules for ever.
                    closeListener();
                    // The database away for a while gives the same failure every interval: said once.
                    if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                        LOG.warn("Cannot follow the active rule set (will retry every {} ms): {}", intervalMs, e.toString());
                        lastFailure = String.valueOf(e.getMessage());
                    }
                    Thread.sleep(intervalMs);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeListener();
        }
    }

    /** Returns when a notice came or an interval passed; on PostgreSQL (re)connects the listener first. */
    private void awaitNotice() throws InterruptedException {
        if (listening == null) listening = store.notices().orElse(null);
        if (listening == null) {
            Thread.sleep(intervalMs);
            return;
        }
        listening.await(intervalMs);
    }

    /** Compiles and swaps in the latest activation when it is newer than the one served. */
    void follow() {
        if (store.latestActivationId() <= holder.active().activationId()) {
            behindSince = 0;
            return;
        }
        if (behindSince == 0) behindSince = System.nanoTime();
        RuleStore.Active next = store.active().orElseThrow();
        if (next.activationId() <= holder.active().activationId()) {
            behindSince = 0;
            return;
        }
        String version = next.rulesVersion();
        long start = System.nanoTime();
        RuleSet rules;
        try {
            rules = compiled.compileStored(version, () -> store.rulesZip(version).orElseThrow(() ->
                    new IllegalStateException("no stored files for rule-set version " + version)));
        } catch (RuntimeException | StackOverflowError e) {
            if (failedActivation != next.activationId()) {
                LOG.error("Activation {} (version {}) cannot be compiled here; the current rules stay in service and it is tried "
                        + "again at each check: {}", next.activationId(), version, e.getMessage());
                failedActivation = next.activationId();
            }
            return;
        }
        boolean swapped = holder.swap(ActiveRuleSet.of(rules, next));
        behindSince = 0; // serving this activation now, or a newer one (a swap never goes back)
        if (swapped) {
            LOG.info("Followed activation {} (revision {}, version {}) in {} ms", next.activationId(),
                    next.revision() == null ? null : next.revision().id(), version, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * How long this instance has known of a newer activation than the one it serves (zero when it
     * serves the latest): an instance that cannot follow must say so, or it answers under old rules
     * for as long as it runs.
     */
    public Duration behind() {
        long since = behindSince;
        return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    private void closeListener() {
        if (listening == null) return;
        listening.close();
        listening = null;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t == null) return;
        t.interrupt();
        t.join(intervalMs + 2000);
    }
}
