package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.laurel.api.audit.AuditChain;
import vn.laurel.api.audit.ChainContent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Chains the flags written before V13_1, in the order they were written, with Laurel's own hashing
 * (a migration in SQL would need a second spelling of it). After this, every flag is in the chain, and a
 * flag outside it was inserted behind the service. Runs before V13_3 makes decision_flag append-only.
 */
public class V13_2__Chain_existing_flags extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        long sequence = 0;
        String previous = AuditChain.GENESIS;
        try (PreparedStatement read = c.prepareStatement("SELECT id, decision_id, fact_id, reason, flagged_at FROM decision_flag ORDER BY id");
             PreparedStatement write = c.prepareStatement("UPDATE decision_flag SET chain_sequence = ?, previous_hash = ?, record_hash = ? WHERE id = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                sequence++;
                String hash = ChainContent.flagHash(new ChainContent.FlagRow(sequence, rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)), previous);
                write.setLong(1, sequence);
                write.setString(2, previous);
                write.setString(3, hash);
                write.setLong(4, rs.getLong(1));
                write.addBatch();
                previous = hash;
            }
            write.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE decision_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 2")) {
            head.setLong(1, sequence);
            head.setString(2, previous);
            head.executeUpdate();
        }
    }
}
