package vn.laurel.api.rules.drafts;

import java.time.Instant;

/** One approval or rejection, with the content it saw. */
public record Review(long id, String reviewer, Verdict verdict, String contentHash, String reason, Instant reviewedAt) {
    public enum Verdict { APPROVE, REJECT }
}
