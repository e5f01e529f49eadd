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
        return verify(c, anchors, start, null);
    }

    /** Opens another connection to the same database (a pool's, or the driver's). */
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * As {@link #verify(Connection, Anchors, ChainStart)}; on PostgreSQL, with {@code more} (may be null),
     * the outcome and fact rows and the decisions are read on connections of their own, in the same snapshot,
     * while this thread hashes: the database and the hashing work at once.
     */
    public static Verification verify(Connection c, Anchors anchors, ChainStart start, Connections more) throws SQLException {
        if (!c.getAutoCommit()) return walk(c, anchors, start, null); // the caller's transaction, as it is
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
        try {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return walk(c, anchors, start, more == null || !c.isWrapperFor(org.postgresql.PGConnection.class) ? null : sameSnapshot(c, more));
        } finally {
            c.rollback(); // nothing was written
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(true);
        }
    }

    /** Connections that read the snapshot of {@code c}'s transaction (exported: PostgreSQL's SET TRANSACTION SNAPSHOT). */
    private static Connections sameSnapshot(Connection c, Connections more) throws SQLException {
        String snapshot;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_export_snapshot()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            snapshot = rs.getString(1);
        }
        return () -> {
            Connection other = more.open();
            try {
                other.setAutoCommit(false);
                other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (java.sql.Statement s = other.createStatement()) {
                    s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "") + "'");
                }
                return givenBackClean(other);
            } catch (SQLException | RuntimeException e) {
                other.close();
                throw e;
            }
        };
    }

    /** The connection, which on close ends its transaction and is given back as it came (a pool's may serve others). */
    private static Connection givenBackClean(Connection c) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && (args == null || args.length == 0)) {
                        try {
                            c.rollback();
                            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                            c.setAutoCommit(true);
                        } finally {
                            c.close();
                        }
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Verification walk(Connection c, Anchors anchors, ChainStart start, Connections more) throws SQLException {
        Verification decisions = DecisionChainVerifier.verify(c, anchors.decisions(), start, more);
        FlagChain.Result flags = FlagChain.verify(c, anchors.flags(), start.flagLength(), start.flagHash());
        return decisions.withFlags(flags.checked(), flags.problem());
    }

    /** Both heads, read in one statement so that a checkpoint sees them at the same moment. */
    public static Head[] heads(Connection c) throws SQLException {
        return Head.both(c);
    }
}
