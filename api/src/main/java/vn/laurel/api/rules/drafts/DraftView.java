package vn.laurel.api.rules.drafts;

import java.time.Instant;
import java.util.List;

/**
 * A draft as its readers see it: where it came from, who changed it, who approved or rejected it,
 * what its last check found and which files it changes against its base.
 *
 * @param baseIsActive     whether its base is still the revision in service (otherwise publishing rebases it)
 * @param approvals        the approvals that count: given since it was last proposed, for its present content
 */
public record DraftView(long id, String title, DraftStatus status, long baseRevision, boolean baseIsActive, Long activeRevision,
                        String author, List<String> contributors, Instant createdAt, Instant updatedAt, String contentHash,
                        String rulesVersion, String note, List<Approval> approvals, int approvalsRequired,
                        List<Rejection> rejections, DraftCheck check, FileChanges changes, Long publishedRevision) {

    public record Approval(String by, Instant at, String note) {}

    public record Rejection(String by, Instant at, String reason) {}

    /** One line of a list of drafts. */
    public record Summary(long id, String title, DraftStatus status, long baseRevision, String author, Instant createdAt,
                          Instant updatedAt, boolean checkPassed, Long publishedRevision) {
        static Summary of(Draft d) {
            return new Summary(d.id(), d.title(), d.status(), d.baseRevisionId(), d.author(), d.createdAt(), d.updatedAt(),
                    d.checkPassed(), d.publishedRevisionId());
        }
    }

    /** A file of the draft, and how it differs from the base: added, changed, unchanged (or removed, then sized as in the base). */
    public record FileEntry(String path, long size, String change) {}
}
