package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/**
 * The hash chain over decisions. Each record's hash covers the decision's columns, its answer, its
 * outcome rows and fact rows ({@link ChainContent}) and the previous record's hash. Appending locks
 * the chain head, so records are chained in one order even under concurrent requests; verifying
 * ({@link DecisionChainVerifier}) names the first record that was altered, inserted or deleted — and, given anchors
 * from signed checkpoints, the first one that no longer leads to a checkpoint's head (a chain rewritten
 * with every hash recomputed is consistent in itself; only something kept outside the database shows it).
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    static final String DECISIONS = "decisions";
    private static final String COLUMNS = "SELECT d.id, d.subject_id, d.evaluation_year, d.as_of, d.regime, d.ruleset_version, "
            + "d.engine_version, d.outcomes, d.requested_by, d.created_at, d.basis FROM decision d";

    private AuditChain() {}

    /**
     * Appends a decision just inserted in this transaction, whose answer in canonical form is
     * {@code canonicalAnswer} (what {@link Canonical#json} makes of the stored text), with the outcome
     * and fact rows just written for it; returns its record hash.
     */
    public static String append(Connection c, long decisionId, String canonicalAnswer, Collection<ChainContent.OutcomeRow> outcomes,
                                Collection<String> factIds) throws SQLException {
        return append(c, decisionId, ChainContent.FORMAT_EVERYTHING, canonicalAnswer, outcomes, factIds);
    }

    /**
     * Appends a decision in the given chain format: {@code content} is its canonical answer (format 2) or
     * its stored record text ({@link ChainContent#FORMAT_RECORD}).
     */
    public static String append(Connection c, long decisionId, int format, String content, Collection<ChainContent.OutcomeRow> outcomes,
                                Collection<String> factIds) throws SQLException {
        // Built before the head is locked: concurrent appends queue only for the link itself. The columns
        // are read back so the hash sees them as verify will (the database's rounding of times, say).
        String hashed;
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE d.id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("decision " + decisionId + " is not in this transaction");
                hashed = ChainContent.decision(format, row(rs), content, outcomes, factIds);
            }
        }
        Head head = Head.lock(c, Head.DECISIONS);
        String hash = Canonical.sha256(hashed + "\n" + head.hash());
        long sequence = head.length() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO decision_chain (sequence, decision_id, previous_hash, record_hash, format) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setLong(2, decisionId);
            ps.setString(3, head.hash());
            ps.setString(4, hash);
            ps.setInt(5, format);
            ps.executeUpdate();
        }
        Head.advance(c, Head.DECISIONS, sequence, hash);
        return hash;
    }

    private static ChainContent.DecisionRow row(ResultSet rs) throws SQLException {
        return new ChainContent.DecisionRow(rs.getLong("id"), rs.getString("subject_id"), rs.getInt("evaluation_year"),
                rs.getObject("as_of", LocalDate.class), rs.getString("regime"), rs.getString("ruleset_version"),
                rs.getString("engine_version"), rs.getString("outcomes"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("basis"));
    }

    public static Verification verify(Connection c) throws SQLException {
        return verify(c, Anchors.none());
    }

    /** Walks both chains; anchors (from signed checkpoints) must be met at their lengths. */
    public static Verification verify(Connection c, Anchors anchors) throws SQLException {
        return verify(c, anchors, ChainStart.genesis());
    }

    /**
     * Walks both chains from {@code start} (the empty chains, or the end of a checkpoint whose signature
     * was checked); anchors must be met at their lengths. Both walks read one snapshot, through cursors:
     * the connection is in a read-only transaction meanwhile, and given back as it came.
     */
    public static Verification verify(Connection c, Anchors anchors, ChainStart start) throws SQLException {
        if (!c.getAutoCommit()) return walk(c, anchors, start); // the caller's transaction, as it is
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return walk(c, anchors, start);
        } finally {
            c.rollback(); // nothing was written
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(true);
        }
    }

    private static Verification walk(Connection c, Anchors anchors, ChainStart start) throws SQLException {
        Verification decisions = DecisionChainVerifier.verify(c, anchors.decisions(), start);
        FlagChain.Result flags = FlagChain.verify(c, anchors.flags(), start.flagLength(), start.flagHash());
        return decisions.withFlags(flags.checked(), flags.problem());
    }

    /** Both heads, read in one statement so that a checkpoint sees them at the same moment. */
    public static Head[] heads(Connection c) throws SQLException {
        return Head.both(c);
    }
}
