package vn.laurel.api.workbench;

import jakarta.inject.Singleton;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A bundle's scenarios read and run against its compiled rules, kept for the few bundles read last:
 * the catalogue, the coverage and the scenario pages show the same run without running every
 * scenario (seconds) again on each page. Same rules and same scenario files, same run.
 */
@Singleton
public class ScenarioRuns {
    /** The scenarios as read (documents or why not) and their results, both in file order. */
    public record Run(List<ScenarioRunner.Scenario> scenarios, ScenarioReport report) {}

    /** Runs done or under way: pages asking at once for the same run wait for the one run (single flight). */
    private final Map<String, CompletableFuture<Run>> recent = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Run>> eldest) {
            return size() > 8;
        }
    };

    public Run of(RuleSet rules, RuleBundle files) {
        String key = rules.version() + "|" + files.contentHash();
        CompletableFuture<Run> mine = new CompletableFuture<>();
        CompletableFuture<Run> running;
        synchronized (recent) {
            running = recent.putIfAbsent(key, mine);
        }
        if (running != null) return running.join();
        try {
            Run run = run(rules, files);
            mine.complete(run);
            return run;
        } catch (RuntimeException | Error e) {
            synchronized (recent) {
                recent.remove(key, mine); // the next page tries again
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Run run(RuleSet rules, RuleBundle files) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("laurel-workbench-");
            RuleArchive.unzip(files.scenariosZip(), dir);
            return new Run(ScenarioRunner.load(rules, dir), ScenarioRunner.run(rules, dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder left behind is removed with the system's temporary files
        }
    }
}
