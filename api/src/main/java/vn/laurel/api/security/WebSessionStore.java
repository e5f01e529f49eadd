package vn.laurel.api.security;

import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The web_session and web_user_preference tables (migration V16_1). */
@Singleton
public class WebSessionStore implements SessionStore {
    private final DataSource dataSource;
    private final JsonMapper json;

    public WebSessionStore(DataSource dataSource, JsonMapper json) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.json = json;
    }

    @Override
    public void insert(Stored s) {
        update("INSERT INTO web_session (id_hash, csrf_token, username, authentication, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                s.idHash(), s.csrfToken(), s.user().getName(), write(s.user()), at(s.createdAt()), at(s.lastSeen()));
    }

    @Override
    public Optional<Stored> find(String idHash) {
        return first("cannot read a web session", rs -> new Stored(idHash, rs.getString(1), read(rs.getString(2), rs.getString(3)),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant()),
                "SELECT csrf_token, username, authentication, created_at, last_seen_at FROM web_session WHERE id_hash = ?", idHash);
    }

    @Override
    public void touch(String idHash, Instant lastSeen) {
        update("UPDATE web_session SET last_seen_at = ? WHERE id_hash = ?", at(lastSeen), idHash);
    }

    @Override
    public void delete(String idHash) {
        update("DELETE FROM web_session WHERE id_hash = ?", idHash);
    }

    @Override
    public int deleteEnded(Instant idleCutoff, Instant ageCutoff) {
        return update("DELETE FROM web_session WHERE last_seen_at <= ? OR created_at <= ?", at(idleCutoff), at(ageCutoff));
    }

    @Override
    public void keepNewest(int keep) {
        // Portable across PostgreSQL and H2: find the cut-off time, then drop what is older.
        first("cannot trim the web sessions", rs -> rs.getObject(1, OffsetDateTime.class),
                "SELECT last_seen_at FROM web_session ORDER BY last_seen_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY", Math.max(0, keep - 1))
                .ifPresent(cutoff -> update("DELETE FROM web_session WHERE last_seen_at < ?", cutoff));
    }

    @Override
    public void keepNewestOf(String username, int keep) {
        first("cannot trim a user's web sessions", rs -> rs.getObject(1, OffsetDateTime.class),
                "SELECT last_seen_at FROM web_session WHERE username = ? ORDER BY last_seen_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY",
                username, Math.max(0, keep - 1))
                .ifPresent(cutoff -> update("DELETE FROM web_session WHERE username = ? AND last_seen_at < ?", username, cutoff));
    }

    @Override
    public long count() {
        return first("cannot count the web sessions", rs -> rs.getLong(1), "SELECT COUNT(*) FROM web_session").orElseThrow();
    }

    @Override
    public Optional<String> preferredLanguage(String username) {
        return first("cannot read a user's preferences", rs -> rs.getString(1), "SELECT lang FROM web_user_preference WHERE username = ?", username);
    }

    @Override
    public void savePreferredLanguage(String username, String lang, Instant at) {
        if (update("UPDATE web_user_preference SET lang = ?, updated_at = ? WHERE username = ?", lang, at(at), username) > 0) return;
        try {
            update("INSERT INTO web_user_preference (username, lang, updated_at) VALUES (?, ?, ?)", username, lang, at(at));
        } catch (IllegalStateException raced) {
            // Another request inserted the row between our UPDATE and INSERT: update it instead.
            update("UPDATE web_user_preference SET lang = ?, updated_at = ? WHERE username = ?", lang, at(at), username);
        }
    }

    private String write(Authentication user) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("roles", new ArrayList<>(user.getRoles()));
        doc.put("attributes", user.getAttributes());
        try {
            return json.writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the signed-in user's attributes", e);
        }
    }

    private Authentication read(String username, String stored) {
        try {
            Map<String, Object> doc = json.readValue(stored, Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            Collection<String> roles = doc.get("roles") instanceof List<?> l ? (Collection<String>) l : List.of();
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = doc.get("attributes") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            return Authentication.build(username, roles, attributes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a web session's user", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What a query's first row holds, read by {@code row}; empty when it answers no row. */
    private <T> Optional<T> first(String failure, Row<T> row, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the web sessions", e);
        }
    }
}
