package vn.laurel.api.store;

import vn.laurel.api.audit.FlagChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Marks the decisions that relied on a fact just superseded as needing re-evaluation: a title
 * revoked, a rating corrected. The decision itself is never changed; the flag says why to look again.
 * Flags are chained ({@link FlagChain}), so they are found first and then written with their hashes.
 */
public final class Flags {
    private Flags() {}

    /** Flags every decision that used a fact of this kind superseded at {@code at}; returns how many flags. */
    public static long flagDecisionsOnSuperseded(Connection c, FactKind kind, Instant at) throws SQLException {
        String t = kind.table();
        String reason = kind == FactKinds.TITLES
                ? "CASE WHEN n.revoked = TRUE AND o.revoked = FALSE THEN 'title revoked' ELSE 'title corrected' END"
                : "'" + kind.name() + " corrected'";
        String sql = "SELECT df.decision_id, df.fact_id, CONCAT(" + reason + ", ': ', df.fact_id, ' superseded by " + kind.prefix()
                + ":', COALESCE(CAST(o.superseded_by AS VARCHAR(20)), '(removed)')) "
                + "FROM " + t + " o LEFT JOIN " + t + " n ON n.id = o.superseded_by "
                + "JOIN decision_fact df ON df.fact_id = CONCAT('" + kind.prefix() + ":', CAST(o.id AS VARCHAR(20))) "
                + "WHERE o.superseded_at = ? ORDER BY df.decision_id, df.fact_id";
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        FlagChain.Appender flags = new FlagChain.Appender(c, when);
        try (flags; PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, when);
            ps.setFetchSize(1000); // streamed: the caller's transaction is open, so PostgreSQL reads it with a cursor
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) flags.add(new FlagChain.NewFlag(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return flags.written();
    }
}
