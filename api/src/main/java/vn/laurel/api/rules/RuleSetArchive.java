package vn.laurel.api.rules;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.*;

/**
 * The files of every rule-set version ever put in service, by content hash, and the log of
 * activations. {@link #byVersion} compiles an old version again, so a past decision can be replayed
 * with the rules of its time; the few most recent are kept compiled.
 */
@Singleton
public class RuleSetArchive {
    private static final int CACHED = 4;

    private final DataSource dataSource;
    private final RuleSetHolder holder;
    private final Map<String, RuleSet> compiled = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > CACHED;
        }
    };

    public RuleSetArchive(DataSource dataSource, RuleSetHolder holder) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.holder = holder;
    }

    public record Activation(long id, String version, String action, Instant activatedAt, String activatedBy) {}

    public record Version(String version, int fileCount, Instant firstLoadedAt, String loadedBy) {}

    /** Keeps the version's files (once) and logs its activation, in one transaction. */
    public void record(ActiveRuleSet a) {
        String version = a.rules().version();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (find(c, version).isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version "
                            + "(version, files, file_count, first_loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, version);
                        ps.setBytes(2, a.files());
                        ps.setInt(3, a.rules().files().size());
                        ps.setObject(4, OffsetDateTime.ofInstant(a.activatedAt(), java.time.ZoneOffset.UTC));
                        ps.setString(5, a.activatedBy());
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_activation "
                        + "(version, action, activated_at, activated_by) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, version);
                    ps.setString(2, a.action().name());
                    ps.setObject(3, OffsetDateTime.ofInstant(a.activatedAt(), java.time.ZoneOffset.UTC));
                    ps.setString(4, a.activatedBy());
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot archive rule set " + version, e);
        }
    }

    /** The most recent activations first. */
    public List<Activation> history(int limit) {
        return query("SELECT id, version, action, activated_at, activated_by FROM ruleset_activation ORDER BY id DESC LIMIT ?",
                limit);
    }

    /** The version in service before the current one: the latest activation of any other version. */
    public Optional<String> previousVersion(String current) {
        return first("SELECT version FROM ruleset_activation WHERE version <> ? ORDER BY id DESC LIMIT 1", current,
                rs -> rs.getString(1));
    }

    public Optional<Version> version(String version) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, version);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read rule set " + version, e);
        }
    }

    /** The stored zip of a version. */
    public Optional<byte[]> files(String version) {
        return first("SELECT files FROM ruleset_version WHERE version = ?", version, rs -> rs.getBytes(1));
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row of a query with one text parameter, if any. */
    private <T> Optional<T> first(String sql, String parameter, Column<T> column) {
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
     * A stored version, compiled: the rules in service when it is the current version, otherwise
     * the stored files extracted and loaded. Empty when no such version was ever loaded.
     */
    public Optional<RuleSet> byVersion(String version) {
        RuleSet current = holder.current();
        if (current.version().equals(version)) return Optional.of(current);
        synchronized (compiled) {
            RuleSet cached = compiled.get(version);
            if (cached != null) return Optional.of(cached);
        }
        Optional<RuleSet> loaded = files(version).map(RuleArchive::load);
        loaded.filter(r -> r.version().equals(version)).ifPresent(r -> {
            synchronized (compiled) {
                compiled.put(version, r);
            }
        });
        return loaded;
    }

    private static Optional<Version> find(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, file_count, first_loaded_at, loaded_by "
                + "FROM ruleset_version WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Version(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)));
            }
        }
    }

    private List<Activation> query(String sql, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<Activation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Activation(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set history", e);
        }
    }
}
