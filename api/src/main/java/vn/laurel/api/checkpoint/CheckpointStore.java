package vn.laurel.api.checkpoint;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.audit.Anchors;
import vn.laurel.api.audit.AuditChain;
import vn.laurel.api.audit.ChainStart;
import vn.laurel.api.audit.Head;
import vn.laurel.api.audit.Verification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checkpoints in audit_checkpoint (append-only), and the chain heads they are taken from. */
@Singleton
public class CheckpointStore {
    private static final String COLUMNS = "SELECT id, chain_length, head_hash, flag_chain_length, flag_head_hash, created_at, created_by, "
            + "key_id, public_key, ephemeral_key, signature FROM audit_checkpoint";
    private final DataSource dataSource;

    public CheckpointStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Both chain heads at one moment: [decisions, flags]. */
    Head[] heads() {
        try (Connection c = dataSource.getConnection()) {
            return AuditChain.heads(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the chain heads", e);
        }
    }

    Checkpoint insert(Checkpoint cp) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_checkpoint (chain_length, head_hash, flag_chain_length, flag_head_hash, "
                     + "created_at, created_by, key_id, public_key, ephemeral_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
            ps.setLong(1, cp.chainLength());
            ps.setString(2, cp.headHash());
            ps.setLong(3, cp.flagChainLength());
            ps.setString(4, cp.flagHeadHash());
            ps.setObject(5, OffsetDateTime.ofInstant(cp.createdAt(), ZoneOffset.UTC));
            ps.setString(6, cp.createdBy());
            ps.setString(7, cp.keyId());
            ps.setString(8, cp.publicKey());
            ps.setBoolean(9, cp.ephemeralKey());
            ps.setString(10, cp.signature());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return cp.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the checkpoint", e);
        }
    }

    Optional<Checkpoint> byId(long id) {
        return read(c -> byId(c, id));
    }

    /** The newest first. */
    List<Checkpoint> latest(int size) {
        return read(c -> query(c, COLUMNS + " ORDER BY id DESC FETCH FIRST " + size + " ROWS ONLY"));
    }

    Optional<Checkpoint> latestOf(String keyId) {
        return read(c -> latestOf(c, keyId));
    }

    /** Every checkpoint under a key that covers no more than a given length of the decision chain, shortest first. */
    List<Checkpoint> ofKeyUpTo(String keyId, long chainLength) {
        return read(c -> query(c, COLUMNS + " WHERE key_id = ? AND chain_length <= ? ORDER BY chain_length, id", keyId, chainLength));
    }

    /** More connections of this store, for a verification's readers. */
    AuditChain.Connections connections() {
        return dataSource::getConnection;
    }

    /** Verifies the chains on a connection of this store (its own transaction: see AuditChain.verify). */
    Verification verify(Anchors anchors, ChainStart start) {
        return read(c -> AuditChain.verify(c, anchors, start, dataSource::getConnection));
    }

    static Optional<Checkpoint> byId(Connection c, long id) throws SQLException {
        List<Checkpoint> found = query(c, COLUMNS + " WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    static Optional<Checkpoint> latestOf(Connection c, String keyId) throws SQLException {
        List<Checkpoint> found = query(c, COLUMNS + " WHERE key_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", keyId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every checkpoint under a key that covers more of the decision chain than a given length, shortest first. */
    static List<Checkpoint> ofKeyAfter(Connection c, String keyId, long chainLength) throws SQLException {
        return query(c, COLUMNS + " WHERE key_id = ? AND chain_length > ? ORDER BY chain_length, id", keyId, chainLength);
    }

    interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    <T> T read(Read<T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read checkpoints or the chains", e);
        }
    }

    private static List<Checkpoint> query(Connection c, String sql, Object... params) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getBoolean(10), rs.getString(11)));
                }
            }
        }
        return out;
    }
}
