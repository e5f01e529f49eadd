package vn.laurel.api.tools.rules;

import vn.laurel.engine.ruleset.RuleBundle;

import java.util.List;

/** Where {@code ./laurel rules} reads and sends rule sets: a running service, or a database directly. */
public interface RuleSource extends AutoCloseable {

    /**
     * A stored rule set's files.
     *
     * @param revisionId the revision they are (null when only a version's rule files were stored, with no scenarios)
     * @param note       what to tell the reader about them, or null
     */
    record Pulled(RuleBundle bundle, Long revisionId, String version, String note) {}

    /**
     * A draft made of pushed files, its check, and its changes against its base: a line diff, or
     * (when only files could be compared) a list of files with no hunks; {@code diffNote} says why a
     * diff is missing or partial.
     */
    record Pushed(Replies.Draft draft, List<Replies.FileDiff> diff, String diffNote) {}

    /** revision or version (at most one of them): that one; neither: the active revision. */
    Pulled pull(Long revision, String version);

    /** A draft of the bundle based on a revision (null: the active one). */
    Pushed push(RuleBundle bundle, Long baseRevision, String title, String note);

    /** Proposes a draft for review; the draft as it is afterwards. */
    default Replies.Draft propose(long draftId, String note) {
        throw CommandFailure.usage("--propose needs a running service (--url)");
    }

    @Override
    default void close() {}
}
