package vn.laurel.api.rules;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import vn.laurel.api.store.Now;
import vn.laurel.api.store.StoreException;
import vn.laurel.engine.ruleset.RuleBundle;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of rule-set revisions and activations. A revision is a rule set's files (kept once per
 * version in {@code ruleset_version}) with the scenarios that prove it, its parent, author, time and
 * note; the latest activation names the revision every instance serves. An activation written on
 * PostgreSQL notifies the channel {@value #CHANNEL} when its transaction commits.
 */
@Singleton
public class RuleStore {
    public static final String CHANNEL = "laurel_rules";

    public record Revision(long id, String rulesVersion, String contentHash, Long parentId, String author,
                           Instant createdAt, String note, Long draftId) {}

    /** The latest activation; its revision is null only for activations logged before revisions existed. */
    public record Active(long activationId, String rulesVersion, Revision revision, String action, Instant activatedAt,
                         String activatedBy) {}

    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    public RuleStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try {
            return vn.laurel.api.store.Transactions.run(dataSource, work::run);
        } catch (SQLException e) {
            throw new IllegalStateException("the rule-set store failed: " + e.getMessage(), e);
        }
    }

    public <T> T read(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set store: " + e.getMessage(), e);
        }
    }

    /** The id of the latest activation, 0 when none: what an instance polls to notice a change cheaply. */
    public long latestActivationId() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM ruleset_activation"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<Active> active() {
        return read(this::active);
    }

    public Optional<Active> active(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, revision_id, action, activated_at, activated_by "
                + "FROM ruleset_activation ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            Long revisionId = rs.getObject(3, Long.class);
            long id = rs.getLong(1);
            String version = rs.getString(2);
            String action = rs.getString(4);
            Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
            String by = rs.getString(6);
            Revision revision = revisionId == null ? null : revision(c, revisionId).orElse(null);
            return Optional.of(new Active(id, version, revision, action, at, by));
        }
    }

    public Optional<Revision> revision(long id) {
        return read(c -> revision(c, id));
    }

    public Optional<Revision> revision(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(REVISION + " WHERE id = ?")) {
            ps.setLong(1, id);
            List<Revision> found = revisions(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** The newest revisions first; before an id to page back. */
    public List<Revision> revisions(Long before, int limit) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(REVISION + (before == null ? "" : " WHERE id < ?") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (before != null) ps.setLong(i++, before);
                ps.setInt(i, limit);
                return revisions(ps);
            }
        });
    }

    /** The newest revision of a rule-set version, if it was ever stored with one. */
    public Optional<Revision> latestRevisionOf(String rulesVersion) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(REVISION + " WHERE rules_version = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, rulesVersion);
                List<Revision> found = revisions(ps);
                return found.isEmpty() ? Optional.<Revision>empty() : Optional.of(found.get(0));
            }
        });
    }

    /** A revision's files: the rules of its version and its scenarios. */
    public RuleBundle bundle(long revisionId) {
        return read(c -> bundle(c, revisionId));
    }

    public RuleBundle bundle(Connection c, long revisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v.files, r.scenarios FROM ruleset_revision r "
                + "JOIN ruleset_version v ON v.version = r.rules_version WHERE r.id = ?")) {
            ps.setLong(1, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("no rule-set revision " + revisionId);
                return RuleBundle.fromZips(rs.getBytes(1), rs.getBytes(2));
            }
        }
    }

    /** The newest revision a draft's publication stored, in the caller's transaction. */
    public Optional<Long> latestRevisionOfDraft(Connection c, long draftId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM ruleset_revision WHERE draft_id = ?")) {
            ps.setLong(1, draftId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, Long.class)) : Optional.empty();
            }
        }
    }

    /**
     * The revision in service apart from any this draft's publication just activated: what the rules
     * in service were when the publication began, as far as this transaction can see.
     */
    public Optional<Long> activeRevisionBesides(Connection c, long draftId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision_id FROM ruleset_activation WHERE revision_id IS NULL "
                + "OR revision_id NOT IN (SELECT id FROM ruleset_revision WHERE draft_id = ?) ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, draftId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, Long.class)) : Optional.empty();
            }
        }
    }

    /** The stored zip of a version's rule files. */
    public Optional<byte[]> rulesZip(String version) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT files FROM ruleset_version WHERE version = ?")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    // ---- the archive: every version ever stored and the log of activations (RuleSetArchive reads them) ----

    /** One line of the activation log; its revision is null for activations logged before revisions existed. */
    public record Activation(long id, String version, String action, Instant activatedAt, String activatedBy, Long revisionId) {}

    /** A stored rule-set version: how many rule files it has, and when and by whom it was first stored. */
    public record Version(String version, int fileCount, Instant firstLoadedAt, String loadedBy) {}

    /** The most recent activations first. */
    public List<Activation> activations(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, version, action, "
                + "activated_at, activated_by, revision_id FROM ruleset_activation ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            List<Activation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Activation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getObject(6, Long.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set history", e);
        }
    }

    /** The latest activation of any version other than {@code current}. */
    public Optional<String> latestActivatedVersionOtherThan(String current) {
        return archived("SELECT version FROM ruleset_activation WHERE version <> ? ORDER BY id DESC LIMIT 1", current,
                rs -> rs.getString(1));
    }

    /** The stored zip of a version's rule files, read for the archive (its failure says so). */
    public Optional<byte[]> archivedFiles(String version) {
        return archived("SELECT files FROM ruleset_version WHERE version = ?", version, rs -> rs.getBytes(1));
    }

    public Optional<Version> version(String version) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT version, file_count, "
                + "first_loaded_at, loaded_by FROM ruleset_version WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Version(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule set " + version, e);
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row of an archive query with one text parameter, if any. */
    private <T> Optional<T> archived(String sql, String parameter, Column<T> column) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(column.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set archive", e);
        }
    }

    /**
     * Stores a bundle as a new revision (its rule files once per version) in the caller's transaction.
     * The bundle's rules must be the files the version was computed from: {@code rulesVersion} is
     * checked against them here, so a revision can never name a version its files do not have.
     */
    public Revision insertRevision(Connection c, RuleBundle bundle, Long parentId, String author, String note, Long draftId)
            throws SQLException {
        String version = bundle.rulesVersion();
        Instant now = Now.instant();
        boolean known;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_version WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                known = rs.next();
            }
        }
        if (!known) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version "
                    + "(version, files, file_count, first_loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, version);
                ps.setBytes(2, bundle.rulesZip());
                ps.setInt(3, bundle.part(RuleBundle.RULES).size());
                ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(5, author);
                ps.executeUpdate();
            }
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_revision (rules_version, scenarios, content_hash, "
                + "parent_id, author, created_at, note, draft_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, version);
            ps.setBytes(2, bundle.scenariosZip());
            ps.setString(3, bundle.contentHash());
            ps.setObject(4, parentId, Types.BIGINT);
            ps.setString(5, author);
            ps.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(7, note == null ? "" : note);
            ps.setObject(8, draftId, Types.BIGINT);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return new Revision(id, version, bundle.contentHash(), parentId, author, now, note == null ? "" : note, draftId);
    }

    /**
     * Logs an activation of a revision in the caller's transaction; on PostgreSQL every instance
     * listening on {@value #CHANNEL} hears of it when the transaction commits.
     */
    public long activate(Connection c, Revision revision, String action, String by) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_activation (version, action, activated_at, activated_by, "
                + "revision_id) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, revision.rulesVersion());
            ps.setString(2, action);
            ps.setObject(3, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC));
            ps.setString(4, by);
            ps.setLong(5, revision.id());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, Long.toString(id));
                ps.execute();
            }
        }
        return id;
    }

    /**
     * A connection of its own that listens on {@value #CHANNEL}, held by the caller until it closes it;
     * none on a database without notifications (H2), where a periodic check is all there is.
     */
    public Optional<Notices> notices() {
        try {
            Connection c = listen();
            return c == null ? Optional.empty() : Optional.of(new Notices(c));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The notices of activations, heard on a connection of their own (see {@link #notices}). */
    public static final class Notices implements AutoCloseable {
        private final Connection listening;

        private Notices(Connection listening) {
            this.listening = listening;
        }

        /** Returns when a notice came or {@code ms} passed. */
        public void await(long ms) {
            try {
                listening.unwrap(PGConnection.class).getNotifications((int) ms);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /** Gives the connection back: it returns to the pool, which must not keep it listening. */
        @Override
        public void close() {
            try (listening) {
                try (Statement s = listening.createStatement()) {
                    s.execute("UNLISTEN *");
                }
            } catch (SQLException ignored) {
                // a broken connection listens to nothing; the pool drops it
            }
        }
    }

    private Connection listen() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!isPostgres(c)) {
                c.close();
                return null;
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    private static final String REVISION = "SELECT id, rules_version, content_hash, parent_id, author, created_at, note, draft_id "
            + "FROM ruleset_revision";

    private static List<Revision> revisions(PreparedStatement ps) throws SQLException {
        List<Revision> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Revision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7), rs.getObject(8, Long.class)));
            }
        }
        return out;
    }
}
