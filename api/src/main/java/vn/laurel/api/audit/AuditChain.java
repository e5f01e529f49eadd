package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hash chain over decisions. Appending locks the chain head, so records are chained in one order
 * even under concurrent requests; verifying walks the sequence and names the first record that was
 * altered (its hash no longer matches its content), inserted (a decision outside the chain, or a
 * record whose previous hash does not match) or deleted (a gap in the sequence, or a chain record
 * without its decision).
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    private static final String COLUMNS = "SELECT d.id, d.subject_id, d.evaluation_year, d.as_of, d.regime, d.ruleset_version, "
            + "d.engine_version, d.outcomes, d.requested_by, d.created_at FROM decision d";
    private static final String ROW = COLUMNS.replace(" FROM decision d", ", CAST(d.result AS VARCHAR) AS result_text FROM decision d");

    private AuditChain() {}

    /**
     * Appends a decision just inserted in this transaction, whose answer in canonical form is
     * {@code canonicalAnswer} (what {@link Canonical#json} makes of the stored text); returns its record hash.
     */
    public static String append(Connection c, long decisionId, String canonicalAnswer) throws SQLException {
        // Built before the head is locked: concurrent appends queue only for the link itself.
        String content;
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE d.id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("decision " + decisionId + " is not in this transaction");
                content = content(rs, canonicalAnswer);
            }
        }
        long last;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence, last_hash FROM decision_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        String hash = Canonical.sha256(content + "\n" + lastHash);
        long sequence = last + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO decision_chain (sequence, decision_id, previous_hash, record_hash) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setLong(2, decisionId);
            ps.setString(3, lastHash);
            ps.setString(4, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE decision_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, sequence);
            ps.setString(2, hash);
            ps.executeUpdate();
        }
        return hash;
    }

    /** What the hash covers: every column of the decision, the answer in canonical form. */
    static String content(Connection c, long decisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW + " WHERE d.id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return content(rs);
            }
        }
    }

    private static String content(ResultSet rs) throws SQLException {
        return content(rs, Canonical.json(rs.getString("result_text")));
    }

    private static String content(ResultSet rs, String canonicalAnswer) throws SQLException {
        return String.join("\n", String.valueOf(rs.getLong("id")), rs.getString("subject_id"),
                String.valueOf(rs.getInt("evaluation_year")), String.valueOf(rs.getObject("as_of", java.time.LocalDate.class)),
                rs.getString("regime"), rs.getString("ruleset_version"), rs.getString("engine_version"), rs.getString("outcomes"),
                rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toString(),
                canonicalAnswer);
    }

    /** The outcome of a verification: how many records were checked, and the first problem found. */
    public record Verification(boolean intact, long checked, Problem firstProblem) {
        public record Problem(String kind, Long decisionId, Long sequence, String detail) {}
    }

    public static Verification verify(Connection c) throws SQLException {
        long expected = 1, checked = 0;
        String previous = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, decision_id, previous_hash, record_hash FROM decision_chain ORDER BY sequence");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long sequence = rs.getLong(1), decisionId = rs.getLong(2);
                String prev = rs.getString(3), hash = rs.getString(4);
                if (sequence != expected) {
                    return broken(checked, "DELETED", decisionId, sequence, "records " + expected + " to " + (sequence - 1)
                            + " of the chain are missing before decision " + decisionId);
                }
                if (!prev.equals(previous)) {
                    return broken(checked, "INSERTED", decisionId, sequence, "decision " + decisionId
                            + " does not follow the record before it in the chain");
                }
                String content = content(c, decisionId);
                if (content == null) {
                    return broken(checked, "DELETED", decisionId, sequence, "decision " + decisionId + " was removed");
                }
                if (!Canonical.sha256(content + "\n" + prev).equals(hash)) {
                    return broken(checked, "ALTERED", decisionId, sequence, "decision " + decisionId
                            + " no longer matches the hash it was saved with");
                }
                previous = hash;
                expected++;
                checked++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_sequence, last_hash FROM decision_chain_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getLong(1) != expected - 1 || !rs.getString(2).equals(previous)) {
                return broken(checked, "DELETED", null, rs.getLong(1), "the chain ends at record " + (expected - 1)
                        + " but its head says " + rs.getLong(1) + ": the last records were removed");
            }
        }
        List<Long> outside = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM decision d WHERE NOT EXISTS "
                + "(SELECT 1 FROM decision_chain k WHERE k.decision_id = d.id) ORDER BY d.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) outside.add(rs.getLong(1));
        }
        if (!outside.isEmpty()) {
            return broken(checked, "INSERTED", outside.get(0), null, "decision " + outside.get(0) + " is not in the chain");
        }
        return new Verification(true, checked, null);
    }

    private static Verification broken(long checked, String kind, Long decisionId, Long sequence, String detail) {
        return new Verification(false, checked, new Verification.Problem(kind, decisionId, sequence, detail));
    }

    public static Map<String, Object> view(Verification v) {
        return v.intact() ? Map.of("intact", true, "checked", v.checked())
                : Map.of("intact", false, "checked", v.checked(), "firstProblem", v.firstProblem());
    }
}
