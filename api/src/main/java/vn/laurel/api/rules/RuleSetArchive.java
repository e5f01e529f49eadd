package vn.laurel.api.rules;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.*;

/**
 * The files of every rule-set version ever put in service, by content hash, and the log of
 * activations. {@link #byVersion} compiles an old version again, so a past decision can be replayed
 * with the rules of its time. Written by {@link RuleStore} (revisions and activations).
 */
@Singleton
public class RuleSetArchive {
    private final DataSource dataSource;
    private final RuleSetHolder holder;
    private final CompiledRuleSets compiled;

    public RuleSetArchive(DataSource dataSource, RuleSetHolder holder, CompiledRuleSets compiled) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.holder = holder;
        this.compiled = compiled;
    }

    public record Activation(long id, String version, String action, Instant activatedAt, String activatedBy, Long revisionId) {}

    public record Version(String version, int fileCount, Instant firstLoadedAt, String loadedBy) {}

    /** The most recent activations first. */
    public List<Activation> history(int limit) {
        return query("SELECT id, version, action, activated_at, activated_by, revision_id FROM ruleset_activation ORDER BY id DESC LIMIT ?",
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
     * A stored version, compiled (the recent ones are kept compiled, see {@link CompiledRuleSets}).
     * Empty when no such version was ever stored; 409 when its stored files are no longer the files of
     * that version (changed outside Laurel); RuleSetException (422) when they do not compile today.
     */
    public Optional<RuleSet> byVersion(String version) {
        RuleSet current = holder.current();
        if (current.version().equals(version)) return Optional.of(current);
        Optional<RuleSet> cached = compiled.cached(version);
        if (cached.isPresent()) return cached;
        Optional<byte[]> zip = files(version);
        if (zip.isEmpty()) return Optional.empty();
        try {
            return Optional.of(compiled.compileStored(version, zip::get));
        } catch (CompiledRuleSets.VersionMismatch e) {
            throw new ProblemException(HttpStatus.CONFLICT, "The stored files of " + version + " no longer match that version ("
                    + e.actual() + "): the archive was changed outside Laurel.", List.of());
        }
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
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getObject(6, Long.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set history", e);
        }
    }
}
