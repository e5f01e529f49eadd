package vn.laurel.api.workbench;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds what a workbench page shows: the rules in service (no draft named) or a draft's files and its
 * rules compiled through the service's cache (so reading a draft twice compiles it once).
 */
@Singleton
public class WorkbenchSources {
    private final RuleSetHolder holder;
    private final RuleStore store;
    private final DraftService drafts;
    /** Rule versions (content hashes of the rules) of drafts that did not compile: the same files never will. */
    private final Map<String, Boolean> broken = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 32;
        }
    };

    public WorkbenchSources(RuleSetHolder holder, RuleStore store, DraftService drafts) {
        this.holder = holder;
        this.store = store;
        this.drafts = drafts;
    }

    /** The rules in service, with the files of the revision that put them there. */
    public WorkbenchSource active() {
        var active = holder.active();
        Long revision = active.revisionId();
        if (revision == null) throw new IllegalStateException("the rules in service have no stored revision");
        return new WorkbenchSource(null, revision, store.bundle(revision), active.rules());
    }

    /**
     * A draft's files and compiled rules (null when they do not compile: the draft's check lists the
     * problems, and the pages carry on with what they can show); 404 problem for no such draft.
     */
    public WorkbenchSource draft(long id) {
        var view = drafts.view(id);
        var files = drafts.bundle(id);
        String version = files.rulesVersion();
        RuleSet compiled = null;
        if (!failedToCompile(version)) {
            try {
                compiled = drafts.compiled(id);
            } catch (ProblemException | RuleSetException e) {
                // Remembered, so that each page of a broken draft does not compile it again (seconds) to learn the same.
                synchronized (broken) {
                    broken.put(version, Boolean.TRUE);
                }
            }
        }
        return new WorkbenchSource(id, view.baseRevision(), files, compiled);
    }

    private boolean failedToCompile(String version) {
        synchronized (broken) {
            return broken.containsKey(version);
        }
    }

    /** The draft's compiled rules, or the rules in service while the draft does not compile (completions, choices). */
    public RuleSet rulesOrActive(long draftId) {
        RuleSet compiled;
        try {
            compiled = draft(draftId).compiled();
        } catch (ProblemException e) {
            compiled = null;
        }
        return compiled == null ? holder.current() : compiled;
    }

    /** A draft's number as an address gives it, or null when it is none (a page answers 404, as for no such draft). */
    public static @Nullable Long draftNumber(@Nullable String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) return null;
        long id = Long.parseLong(raw);
        return id < 1 ? null : id;
    }

    /** A draft when one is named, else the rules in service. */
    public WorkbenchSource of(@Nullable Long draftId) {
        return draftId == null ? active() : draft(draftId);
    }
}
