package vn.laurel.api.rules.drafts;

import java.time.Instant;

/** A draft's row; its files, contributors and reviews are read separately. */
public record Draft(long id, String title, long baseRevisionId, DraftStatus status, String author, Instant createdAt,
                    Instant updatedAt, String contentHash, String proposalNote, boolean checkPassed, String checkResult,
                    Long publishedRevisionId) {}
