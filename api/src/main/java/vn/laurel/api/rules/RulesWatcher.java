package vn.laurel.api.rules;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.engine.ruleset.RuleSetException;

import java.io.IOException;
import java.nio.file.*;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * With {@code laurel.rules.watch=true}: reloads when a file under the rules directory changes, the
 * same way as POST /api/v1/ruleset/reload (check, then publish, or a draft when approvals are required). Changes are gathered
 * until the directory has been quiet for a moment, so saving several files makes one reload. A
 * failed reload is logged with every problem and the current rules keep serving.
 */
@Singleton
@Requires(property = "laurel.rules.watch", value = "true")
public class RulesWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final RuleSetHolder holder;
    private final RuleSetService service;
    private final long quietMs;
    private WatchService watch;
    private Thread thread;

    public RulesWatcher(RuleSetHolder holder, RuleSetService service, @Value("${laurel.rules.watch-quiet-ms:1000}") long quietMs) {
        this.holder = holder;
        this.service = service;
        this.quietMs = quietMs;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) throws IOException {
        watch = FileSystems.getDefault().newWatchService();
        registerAll(holder.directory());
        thread = new Thread(this::loop, "laurel-rules-watch");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for rule changes", holder.directory());
    }

    private void registerAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path d : walk.filter(Files::isDirectory).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watch.take();
                drain(key);
                // gather the rest of a save (editors write several events, people save several files)
                for (WatchKey more; (more = watch.poll(quietMs, TimeUnit.MILLISECONDS)) != null; ) drain(more);
                registerAll(holder.directory()); // a new regime folder is watched too
                try {
                    RuleSetService.Reloaded r = service.reload("watch");
                    if (r.draft() != null) {
                        LOG.info("Rules changed on disk: proposed as a draft for review ({} approval(s) required): {}",
                                r.approvalsRequired(), r.draft());
                    } else if (r.change().changed()) {
                        LOG.info("Rules reloaded after a change on disk: version {}", r.change().version());
                    }
                } catch (RuleSetException e) {
                    LOG.error("Rules changed on disk but were not loaded; the current rules stay in service:\n{}", e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("Rules changed on disk but were not loaded; the current rules stay in service: {}", e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("Stopped watching the rules directory: {}", e.getMessage());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (thread != null) thread.interrupt();
        if (watch != null) watch.close();
    }
}
