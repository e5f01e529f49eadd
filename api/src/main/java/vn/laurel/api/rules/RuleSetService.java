package vn.laurel.api.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.http.HttpStatus;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.store.Now;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes the rules in service: reload (compile → lint → scenarios → archive → atomic swap) and
 * rollback. Any failure leaves the current rules serving. One change at a time; evaluations are
 * never blocked, they simply take whichever rule set is current when they start.
 */
@Singleton
public class RuleSetService {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetService.class);

    private final RuleSetHolder holder;
    private final RuleSetArchive archive;
    private final Path scenarios;
    private final boolean runScenarios;

    public RuleSetService(RuleSetHolder holder, RuleSetArchive archive,
                          @Value("${laurel.scenarios.dir:examples/scenarios}") String scenarios,
                          @Value("${laurel.reload.run-scenarios:true}") boolean runScenarios) {
        this.holder = holder;
        this.archive = archive;
        this.scenarios = Path.of(scenarios).toAbsolutePath().normalize();
        this.runScenarios = runScenarios;
    }

    /** What a reload or rollback did, and how long each step took. */
    public record Change(String action, String version, String previousVersion, boolean changed, int scenarios,
                         long compileMs, long scenarioMs, long totalMs, String activatedBy) {}

    /** The rules loaded at start are archived too: every version that ever decided is kept. */
    @EventListener
    void onStartup(StartupEvent event) {
        try {
            archive.record(holder.active());
        } catch (RuntimeException e) {
            LOG.error("The rules in service (version {}) could not be archived: {}", holder.current().version(), e.getMessage());
        }
    }

    /** Throws RuleSetException (422) when the files do not compile or lint, ProblemException (422) when a scenario fails. */
    public synchronized Change reload(String by) {
        long start = System.nanoTime();
        ActiveRuleSet before = holder.active();
        ActiveRuleSet next = holder.snapshot(ActiveRuleSet.Action.RELOAD, by);
        long compiled = System.nanoTime();
        int count = 0;
        if (runScenarios) {
            ScenarioReport report = ScenarioRunner.run(next.rules(), scenarios);
            count = report.results().size();
            if (report.folderProblem() != null) {
                // Passing with zero scenarios run would put unproven rules into service.
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The rules were not checked: " + report.folderProblem()
                        + " (laurel.scenarios.dir); the current rules stay in service.",
                        List.of(new FieldError("laurel.scenarios.dir", report.folderProblem())));
            }
            if (!report.passed()) throw scenarioFailures(report);
        }
        long checked = System.nanoTime();
        String previous = before.rules().version();
        boolean changed = !previous.equals(next.rules().version());
        if (changed) {
            archive.record(next); // before the swap: a version that decides is always archived
            holder.swap(next);
        }
        return new Change("RELOAD", next.rules().version(), previous, changed, count, ms(compiled - start),
                ms(checked - compiled), ms(System.nanoTime() - start), by);
    }

    /** Back to a stored version: the one given, or the one in service before the current one. */
    public synchronized Change rollback(String by, String version) {
        long start = System.nanoTime();
        String current = holder.current().version();
        String target = version != null ? version : archive.previousVersion(current).orElseThrow(() ->
                new ProblemException(HttpStatus.CONFLICT, "There is no earlier rule-set version to roll back to.", List.of()));
        RuleSet rules = archive.byVersion(target).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "version: no rule set " + target + " was ever loaded", List.of(new FieldError("version", "no rule set " + target + " was ever loaded"))));
        long compiled = System.nanoTime();
        // The stored files were compiled again (allow-list and lint included) by byVersion; they must
        // still be the files of that version: a version is the hash of its files.
        if (!rules.version().equals(target)) {
            throw new ProblemException(HttpStatus.CONFLICT, "The stored files of " + target + " no longer match that version ("
                    + rules.version() + "): the archive was changed outside Laurel. The current rules stay in service.", List.of());
        }
        if (!target.equals(current)) {
            ActiveRuleSet next = new ActiveRuleSet(rules, archive.files(target).orElseThrow(), ActiveRuleSet.Action.ROLLBACK,
                    Now.instant(), by);
            archive.record(next);
            holder.swap(next);
        }
        return new Change("ROLLBACK", target, current, !target.equals(current), 0, ms(compiled - start), 0,
                ms(System.nanoTime() - start), by);
    }

    private static ProblemException scenarioFailures(ScenarioReport report) {
        List<FieldError> errors = new ArrayList<>();
        for (ScenarioResult r : report.results()) {
            if (r.passed()) continue;
            if (r.error() != null) errors.add(new FieldError("scenarios/" + r.file(), r.error()));
            for (ScenarioResult.Mismatch m : r.mismatches()) {
                errors.add(new FieldError("scenarios/" + r.file(), "\"" + r.name() + "\": " + m.award() + " expected "
                        + m.expected() + ", got " + m.actual() + (m.decidingCriteria().isEmpty() ? ""
                        : " because " + String.join("; ", m.decidingCriteria()))));
            }
        }
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, report.failures() + " of " + report.results().size()
                + " scenario(s) fail with the new rules; the current rules stay in service.", errors);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
