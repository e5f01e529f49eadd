package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The end of a chain in decision_chain_head: row 1 for decisions, row 2 for flags, row 3 for rule-set changes. */
public record Head(long length, String hash) {
    static final int DECISIONS = 1;
    static final int FLAGS = 2;
    public static final int RULE_CHANGES = 3;

    /** Locks the head for this transaction: appends to one chain are strictly ordered. */
    public static Head lock(Connection c, int chain) throws SQLException {
        return query(c, "SELECT last_sequence, last_hash FROM decision_chain_head WHERE id = ? FOR UPDATE", chain);
    }

    public static Head read(Connection c, int chain) throws SQLException {
        return query(c, "SELECT last_sequence, last_hash FROM decision_chain_head WHERE id = ?", chain);
    }

    private static Head query(Connection c, String sql, int chain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("the head of chain " + chain + " is missing from decision_chain_head");
                return new Head(rs.getLong(1), rs.getString(2));
            }
        }
    }

    public static void advance(Connection c, int chain, long length, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE decision_chain_head SET last_sequence = ?, last_hash = ? WHERE id = ?")) {
            ps.setLong(1, length);
            ps.setString(2, hash);
            ps.setInt(3, chain);
            ps.executeUpdate();
        }
    }

    /** Both heads from one statement, so a checkpoint sees them at the same moment: [decisions, flags]. */
    static Head[] both(Connection c) throws SQLException {
        Head[] heads = new Head[2];
        try (PreparedStatement ps = c.prepareStatement("SELECT id, last_sequence, last_hash FROM decision_chain_head WHERE id IN (1, 2)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) heads[rs.getInt(1) - 1] = new Head(rs.getLong(2), rs.getString(3));
        }
        if (heads[0] == null || heads[1] == null) throw new SQLException("a chain head is missing from decision_chain_head");
        return heads;
    }
}
