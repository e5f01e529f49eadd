package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.NavigableMap;

/**
 * The chain of flags. A flag (a decision to be evaluated again because a fact it relied on was
 * corrected) comes after its decision's hash was taken, so flags are chained on their own: each row of
 * decision_flag carries its sequence, the previous flag's hash and its own, written with the row (the
 * table is append-only, so the hash cannot be added later). Deleting a flag would hide that a decision
 * should be looked at again; inserting one would cast doubt on a sound one: verify names both.
 */
public final class FlagChain {
    static final String FLAGS = "flags";

    private FlagChain() {}

    /** A flag to write: which decision, which fact, why, when. */
    public record NewFlag(long decisionId, String factId, String reason) {}

    /**
     * Writes flags in this transaction, chained, in batches as they come (a correction may flag a great
     * many decisions: memory stays flat). The head is locked at the first flag: most corrections flag
     * nothing, and the lock is held until the writer's transaction ends.
     */
    public static final class Appender implements AutoCloseable {
        private static final int BATCH = 1000;
        private final Connection c;
        private final OffsetDateTime at;
        private PreparedStatement insert;
        private long sequence, written;
        private int pending;
        private String previous;

        public Appender(Connection c, OffsetDateTime at) {
            this.c = c;
            this.at = at;
        }

        public void add(NewFlag f) throws SQLException {
            if (insert == null) {
                Head head = Head.lock(c, Head.FLAGS);
                sequence = head.length();
                previous = head.hash();
                insert = c.prepareStatement("INSERT INTO decision_flag (decision_id, fact_id, reason, flagged_at, chain_sequence, "
                        + "previous_hash, record_hash) VALUES (?, ?, ?, ?, ?, ?, ?)");
            }
            sequence++;
            String hash = ChainContent.flagHash(new ChainContent.FlagRow(sequence, f.decisionId(), f.factId(), f.reason(), at), previous);
            insert.setLong(1, f.decisionId());
            insert.setString(2, f.factId());
            insert.setString(3, f.reason());
            insert.setObject(4, at);
            insert.setLong(5, sequence);
            insert.setString(6, previous);
            insert.setString(7, hash);
            insert.addBatch();
            previous = hash;
            written++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        /** How many flags were written. */
        public long written() {
            return written;
        }

        /** Writes what is left and moves the head; nothing happens if no flag was added. */
        @Override
        public void close() throws SQLException {
            if (insert == null) return;
            try (PreparedStatement ps = insert) {
                if (pending > 0) ps.executeBatch();
            }
            Head.advance(c, Head.FLAGS, sequence, previous);
        }
    }

    record Result(long checked, Verification.Problem problem) {}

    static Result verify(Connection c, NavigableMap<Long, Anchors.Anchor> anchors) throws SQLException {
        return verify(c, anchors, 0, AuditChain.GENESIS);
    }

    /**
     * Walks the flags after {@code after} (0, or a checkpoint's flag length whose hash {@code previous} it
     * vouches for), through a cursor: a correction may have flagged a great many decisions.
     */
    static Result verify(Connection c, NavigableMap<Long, Anchors.Anchor> anchors, long after, String previous) throws SQLException {
        long expected = after + 1, checked = 0;
        Anchors.Anchor lastMatched = null;
        if (after > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, record_hash FROM decision_flag WHERE chain_sequence = ?")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return broken(0, "DELETED", null, after, "flag " + after + ", the last one the checkpoint covers, is missing");
                    if (!previous.equals(rs.getString(2))) {
                        return broken(0, "REWRITTEN", rs.getLong(1), after, "flag " + after + ": hash differs from the checkpoint's");
                    }
                }
            }
        }
        // Rows without a sequence sort last on both databases (PostgreSQL's default, DEFAULT_NULL_ORDERING=HIGH on H2).
        try (PreparedStatement ps = c.prepareStatement("SELECT id, decision_id, fact_id, reason, flagged_at, chain_sequence, previous_hash, "
                + "record_hash FROM decision_flag WHERE chain_sequence > ? OR chain_sequence IS NULL ORDER BY chain_sequence")) {
            ps.setFetchSize(DecisionChainVerifier.FETCH);
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1), decisionId = rs.getLong(2);
                    long sequence = rs.getLong(6);
                    if (rs.wasNull()) return broken(checked, "INSERTED", decisionId, null, "flag " + id + " on decision " + decisionId + " is not in the chain");
                    if (sequence != expected) {
                        return broken(checked, "DELETED", decisionId, sequence, "flags " + expected + " to " + (sequence - 1) + " of the chain are missing");
                    }
                    if (!previous.equals(rs.getString(7))) {
                        return broken(checked, "INSERTED", decisionId, sequence, "flag " + sequence + " on decision " + decisionId
                                + " does not follow the flag before it in the chain");
                    }
                    String hash = ChainContent.flagHash(new ChainContent.FlagRow(sequence, decisionId, rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class)), previous);
                    if (!hash.equals(rs.getString(8))) {
                        return broken(checked, "ALTERED", decisionId, sequence, "flag " + sequence + " on decision " + decisionId
                                + " no longer matches the hash it was written with");
                    }
                    Anchors.Anchor anchor = anchors.get(sequence);
                    if (anchor != null) {
                        if (!anchor.hash().equals(hash)) {
                            return broken(checked, "REWRITTEN", decisionId, sequence, "flag " + sequence + ": hash differs from " + anchor.checkpoint()
                                    + (lastMatched == null ? "" : "; flags up to " + lastMatched.length() + " still match " + lastMatched.checkpoint()));
                        }
                        lastMatched = anchor;
                    }
                    previous = hash;
                    expected++;
                    checked++;
                }
            }
        }
        Head head = Head.read(c, Head.FLAGS);
        if (head.length() != expected - 1 || !head.hash().equals(previous)) {
            return broken(checked, "DELETED", null, head.length(), "the flag chain ends at " + (expected - 1) + " but its head says "
                    + head.length() + ": the last flags were removed");
        }
        if (!anchors.isEmpty() && anchors.lastKey() > expected - 1) {
            Anchors.Anchor a = anchors.lastEntry().getValue();
            return broken(checked, "DELETED", null, expected - 1, "the flag chain has " + (expected - 1) + " flags, fewer than "
                    + a.checkpoint() + " says (" + a.length() + ")");
        }
        return new Result(checked, null);
    }

    private static Result broken(long checked, String kind, Long decisionId, Long sequence, String detail) {
        return new Result(checked, new Verification.Problem(FLAGS, kind, decisionId, sequence, detail));
    }
}
