package vn.laurel.api.rules;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.laurel.api.audit.Head;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;
import vn.laurel.engine.scenario.ScenarioReport;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.util.List;

/**
 * Changes the rule set every instance serves: checks a bundle (compile, lint, allow-list, its
 * scenarios), publishes a checked one (revision, activation and change log in one transaction, then
 * the local swap; other instances follow), reloads the server's directories (published at once only
 * when no approval is required, otherwise made a draft for review) and rolls back. Any failure leaves
 * the current rules serving; evaluations never wait.
 */
@Singleton
public class RuleSetService {
    private final RuleSetHolder holder;
    private final RuleStore store;
    private final RuleChangeLog changes;
    private final CompiledRuleSets compiled;
    private final RuleSetArchive archive;
    private final RuleDirectories directories;
    private final RuleApprovals approvals;
    // A provider: the drafts service publishes through this one.
    private final Provider<DraftService> drafts;
    private final boolean runScenarios;

    public RuleSetService(RuleSetHolder holder, RuleStore store, RuleChangeLog changes, CompiledRuleSets compiled,
                          RuleSetArchive archive, RuleDirectories directories, RuleApprovals approvals, Provider<DraftService> drafts,
                          @Value("${laurel.reload.run-scenarios:true}") boolean runScenarios) {
        this.holder = holder;
        this.store = store;
        this.changes = changes;
        this.compiled = compiled;
        this.archive = archive;
        this.directories = directories;
        this.approvals = approvals;
        this.drafts = drafts;
        this.runScenarios = runScenarios;
    }

    /** What a reload or rollback did, and how long each step took. */
    public record Change(String action, String version, String previousVersion, boolean changed, int scenarios,
                         long compileMs, long scenarioMs, long totalMs, String activatedBy, RuleStore.Revision revision) {}

    /** A reload: published ({@code change}), or a draft made for review ({@code draft}, 202). */
    public record Reloaded(Change change, Object draft, int approvalsRequired) {}

    public record Published(RuleStore.Revision revision, String previousVersion, boolean changed) {}

    public record CheckResult(String rulesVersion, RuleSet compiled, List<RuleProblem> problems, int scenarios,
                              int scenarioFailures, List<FieldError> failures, long compileMs, long scenarioMs) {
        public boolean passed() {
            return compiled != null && problems.stream().noneMatch(p -> p.severity() == RuleProblem.Severity.ERROR) && failures.isEmpty();
        }
    }

    /**
     * Compiles the rules part (once per version) and runs the bundle's own scenarios. Rule problems and
     * failing scenarios are returned, never thrown; a bundle without any scenario does not pass.
     */
    public CheckResult check(RuleBundle bundle) {
        long start = System.nanoTime();
        String version = bundle.rulesVersion();
        RuleSet rules;
        try {
            rules = compiled.compile(version, bundle::rulesZip);
        } catch (RuleSetException e) {
            return new CheckResult(version, null, e.getProblems(), 0, 0, List.of(), ms(System.nanoTime() - start), 0);
        }
        long built = System.nanoTime();
        if (!runScenarios) return new CheckResult(version, rules, List.of(), 0, 0, List.of(), ms(built - start), 0);
        if (!bundle.hasScenarios()) {
            return new CheckResult(version, rules, List.of(), 0, 0, List.of(new FieldError("scenarios",
                    "no scenario: rules are checked against the scenarios that prove them")), ms(built - start), 0);
        }
        ScenarioReport report = ScenarioCheck.run(rules, bundle);
        List<FieldError> failures = report.folderProblem() != null
                ? List.of(new FieldError("scenarios", "no scenario: " + report.folderProblem())) : ScenarioCheck.failures(report);
        return new CheckResult(version, rules, List.of(), report.results().size(), (int) report.failures(), failures,
                ms(built - start), ms(System.nanoTime() - built));
    }

    /**
     * Puts a checked bundle in service: revision, activation (RELOAD for a reload, PUBLISH otherwise),
     * change-log record and the caller's own writes in one transaction, serialised by the change log's
     * head lock; then this instance swaps at once and the others follow the activation's notice.
     */
    public Published publish(RuleBundle bundle, RuleSet compiled, Long parentRevisionId, String by, String note,
                             Long draftId, RuleChangeLog.Action logAction, RuleStore.SqlWork<Void> alsoInTransaction) {
        if (!compiled.version().equals(bundle.rulesVersion())) {
            throw new IllegalArgumentException("the compiled rules " + compiled.version() + " are not the bundle's " + bundle.rulesVersion());
        }
        String action = logAction == RuleChangeLog.Action.RELOADED ? "RELOAD" : "PUBLISH";
        record Done(RuleStore.Revision revision, RuleStore.Active active, String previous) {}
        Done done = store.inTransaction(c -> {
            Head.lock(c, Head.RULE_CHANGES);
            String previous = store.active(c).map(RuleStore.Active::rulesVersion).orElse(null);
            RuleStore.Revision revision = store.insertRevision(c, bundle, parentRevisionId, by, note, draftId);
            store.activate(c, revision, action, by);
            changes.append(c, new RuleChangeLog.Change(logAction, by, draftId, revision.id(), revision.rulesVersion(),
                    revision.contentHash(), note));
            if (alsoInTransaction != null) alsoInTransaction.run(c);
            return new Done(revision, store.active(c).orElseThrow(), previous);
        });
        this.compiled.put(compiled);
        holder.swap(ActiveRuleSet.of(compiled, done.active()));
        return new Published(done.revision(), done.previous(), !done.revision().rulesVersion().equals(done.previous()));
    }

    /**
     * The server's directories proposed as the next revision. Unchanged: nothing written. Failing the
     * check: RuleSetException or ProblemException (422), nothing written. Otherwise published when no
     * approval is required, else a draft for review.
     */
    public synchronized Reloaded reload(String by) {
        long start = System.nanoTime();
        ActiveRuleSet before = holder.active();
        RuleBundle bundle = directories.bundle();
        String previous = before.rules().version();
        if (before.revision() != null && bundle.contentHash().equals(before.revision().contentHash())) {
            return new Reloaded(new Change("RELOAD", previous, previous, false, 0, 0, 0, ms(System.nanoTime() - start), by,
                    before.revision()), null, approvals.required());
        }
        if (runScenarios && !bundle.hasScenarios()) {
            String problem = ScenarioRunner.folderProblem(directories.scenarios());
            if (problem == null) problem = "the scenario folder " + directories.scenarios() + " holds no scenario";
            // Passing with zero scenarios run would put unproven rules into service.
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The rules were not checked: " + problem
                    + " (laurel.scenarios.dir); the current rules stay in service.", List.of(new FieldError("laurel.scenarios.dir", problem)));
        }
        CheckResult check = check(bundle);
        if (check.compiled() == null) throw new RuleSetException(check.problems());
        if (!check.passed()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, check.scenarioFailures() + " of " + check.scenarios()
                    + " scenario(s) fail with the new rules; the current rules stay in service.", check.failures());
        }
        if (approvals.required() > 0) {
            Object draft = drafts.get().createChecked(bundle, before.revisionId(), by, "Reload of " + directories.rules(), check);
            return new Reloaded(null, draft, approvals.required());
        }
        Published p = publish(bundle, check.compiled(), before.revisionId(), by, "reloaded from the server's rule files", null,
                RuleChangeLog.Action.RELOADED, null);
        return new Reloaded(new Change("RELOAD", p.revision().rulesVersion(), p.previousVersion(), p.changed(), check.scenarios(),
                check.compileMs(), check.scenarioMs(), ms(System.nanoTime() - start), by, p.revision()), null, approvals.required());
    }

    /**
     * Back to a stored revision: the one given, the newest of the version given, or the newest of the
     * version in service before the current one. No approval (the emergency path), but logged with who.
     */
    public synchronized Change rollback(String by, String version, Long revisionId) {
        long start = System.nanoTime();
        // The database's active revision, not this instance's view of it: that may lag by a follow.
        RuleStore.Active now = store.active().orElseThrow();
        String current = now.rulesVersion();
        Long currentRevision = now.revision() == null ? null : now.revision().id();
        RuleStore.Revision target;
        String targetVersion;
        if (revisionId != null) {
            target = store.revision(revisionId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                    "revision: no rule-set revision " + revisionId, List.of(new FieldError("revision", "no rule-set revision " + revisionId))));
            targetVersion = target.rulesVersion();
        } else {
            targetVersion = version != null ? version : archive.previousVersion(current).orElseThrow(() ->
                    new ProblemException(HttpStatus.CONFLICT, "There is no earlier rule-set version to roll back to.", List.of()));
            target = store.latestRevisionOf(targetVersion).orElse(null);
        }
        byte[] zip = store.rulesZip(targetVersion).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "version: no rule set " + targetVersion + " was ever loaded",
                List.of(new FieldError("version", "no rule set " + targetVersion + " was ever loaded"))));
        RuleSet rules;
        try {
            // Compiled again, allow-list and lint included, as a stored version: one published before
            // today's rules of form rolls back as it was published.
            rules = compiled.compileStored(targetVersion, () -> zip);
        } catch (CompiledRuleSets.VersionMismatch e) {
            throw new ProblemException(HttpStatus.CONFLICT, "The stored files of " + targetVersion + " no longer match that version ("
                    + e.actual() + "): the archive was changed outside Laurel. The current rules stay in service.", List.of());
        }
        long compiledAt = System.nanoTime();
        if (target != null && currentRevision != null && target.id() == currentRevision) {
            return new Change("ROLLBACK", targetVersion, current, false, 0, ms(compiledAt - start), 0, ms(System.nanoTime() - start),
                    by, target);
        }
        // A version stored before revisions gets one, with the scenarios of the revision in service.
        RuleBundle made = target != null ? null : RuleBundle.fromZips(zip,
                currentRevision == null ? null : store.bundle(currentRevision).scenariosZip());
        record Done(RuleStore.Revision revision, RuleStore.Active active) {}
        Done done = store.inTransaction(c -> {
            Head.lock(c, Head.RULE_CHANGES);
            RuleStore.Active from = store.active(c).orElseThrow(); // under the lock: what this rollback really replaces
            if (from.activationId() != now.activationId()) {
                // Chosen against one state, applied to another: it would silently undo a change nobody meant to undo.
                throw new ProblemException(HttpStatus.CONFLICT, "The rules in service changed while the rollback was prepared "
                        + "(activation " + now.activationId() + " is now " + from.activationId() + "); nothing was rolled back. "
                        + "Look at GET /api/v1/ruleset and roll back again if it is still needed.", List.of());
            }
            Long fromRevision = from.revision() == null ? null : from.revision().id();
            RuleStore.Revision r = target != null ? target
                    : store.insertRevision(c, made, fromRevision, by, "stored before revisions; made for a rollback", null);
            store.activate(c, r, "ROLLBACK", by);
            changes.append(c, new RuleChangeLog.Change(RuleChangeLog.Action.ROLLED_BACK, by, null, r.id(), r.rulesVersion(),
                    r.contentHash(), "from revision " + fromRevision + " (" + from.rulesVersion() + ")"));
            return new Done(r, store.active(c).orElseThrow());
        });
        compiled.put(rules);
        holder.swap(ActiveRuleSet.of(rules, done.active()));
        return new Change("ROLLBACK", targetVersion, current, !targetVersion.equals(current), 0, ms(compiledAt - start), 0,
                ms(System.nanoTime() - start), by, done.revision());
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
