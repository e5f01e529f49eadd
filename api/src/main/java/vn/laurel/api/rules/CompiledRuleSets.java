package vn.laurel.api.rules;

import jakarta.inject.Singleton;
import vn.laurel.engine.ruleset.LoadMode;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleProblem;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The recently compiled rule sets, by version. A version is compiled once however many ask for it at
 * the same moment (the follower, a replay, a draft's check): the others wait for the same result.
 * Compiling takes seconds, so the few versions in play — the active one, the one before it, a draft —
 * stay compiled; a rollback or a replay of a recent decision then costs nothing.
 */
@Singleton
public class CompiledRuleSets {
    static final int KEPT = 4;

    private final Map<String, CompletableFuture<RuleSet>> byVersion = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<RuleSet>> eldest) {
            return size() > KEPT;
        }
    };

    public Optional<RuleSet> cached(String version) {
        CompletableFuture<RuleSet> f;
        synchronized (byVersion) {
            f = byVersion.get(version);
        }
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /**
     * Marks a version as just used, so the compiles that follow evict older versions first: a draft's
     * check or preview calls it with the version in service, which then stays compiled for a rollback.
     */
    public void touch(String version) {
        synchronized (byVersion) {
            byVersion.get(version); // an access-ordered map: reading moves it to the newest end
        }
    }

    public void put(RuleSet rules) {
        synchronized (byVersion) {
            byVersion.put(rules.version(), CompletableFuture.completedFuture(rules));
        }
    }

    /**
     * The version compiled from its rules zip, checked as a rule set written today ({@link LoadMode#STRICT}):
     * for every authoring path (a draft's check, a reload or push, the seed of an empty store). Throws
     * RuleSetException when the files do not compile or are not written in today's form, and
     * VersionMismatch when they are not the files of that version.
     */
    public RuleSet compile(String version, Supplier<byte[]> rulesZip) {
        byte[] zip = rulesZip.get();
        // The rules of form cost a parse, not a build: checked every time, so that a version kept
        // compiled for a replay (leniently) is never taken for one written today.
        List<RuleProblem> form = RuleArchive.authoringProblems(zip);
        RuleSet rules;
        try {
            rules = compileStored(version, () -> zip);
        } catch (RuleSetException e) {
            if (form.isEmpty()) throw e;
            List<RuleProblem> all = new ArrayList<>(form);
            all.addAll(e.getProblems());
            throw new RuleSetException(all.stream().distinct().sorted(Comparator.comparing(RuleProblem::file)
                    .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)).toList());
        }
        if (!form.isEmpty()) throw new RuleSetException(form);
        return rules;
    }

    /**
     * The version compiled from its rules zip (read only when not cached), as a version already stored
     * ({@link LoadMode#LENIENT}: rule files published before today's form still load and replay; the
     * allow-list of what rule code may reach applies as always). For the version in service at start,
     * a version another instance activated, a replay, the preview of an older revision, a rollback.
     * Throws RuleSetException when the files do not compile, and VersionMismatch when they are not
     * the files of that version (a version is the hash of its files: stored files that hash otherwise
     * were changed outside Laurel).
     */
    public RuleSet compileStored(String version, Supplier<byte[]> rulesZip) {
        CompletableFuture<RuleSet> mine = new CompletableFuture<>();
        CompletableFuture<RuleSet> theirs;
        synchronized (byVersion) {
            theirs = byVersion.putIfAbsent(version, mine);
        }
        if (theirs != null) return join(theirs);
        try {
            RuleSet rules = RuleArchive.load(rulesZip.get(), LoadMode.LENIENT);
            if (!rules.version().equals(version)) throw new VersionMismatch(version, rules.version());
            mine.complete(rules);
            return rules;
        } catch (RuntimeException | Error e) {
            // A failure is not kept (the next check tries again), and those waiting are told: an Error
            // left unhandled here would leave them waiting on this version for ever.
            forget(version, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void forget(String version, CompletableFuture<RuleSet> f) {
        synchronized (byVersion) {
            byVersion.remove(version, f);
        }
    }

    private static RuleSet join(CompletableFuture<RuleSet> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /** Stored files whose hash is not the version they are stored under. */
    public static final class VersionMismatch extends RuntimeException {
        private final String expected;
        private final String actual;

        VersionMismatch(String expected, String actual) {
            super("the stored files of " + expected + " are the files of " + actual);
            this.expected = expected;
            this.actual = actual;
        }

        public String expected() { return expected; }

        public String actual() { return actual; }
    }

    static boolean isRuleProblem(RuntimeException e) {
        return e instanceof RuleSetException || e instanceof VersionMismatch;
    }
}
