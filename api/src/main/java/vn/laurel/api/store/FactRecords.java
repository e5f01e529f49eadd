package vn.laurel.api.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored facts as records, for the API that keeps them (GET /subjects/{id}, /facts/...): a
 * subject's row with every fact by kind and its revisions, a page of one kind, one fact, its versions.
 */
@Singleton
public class FactRecords {
    private final DataSource dataSource;

    public FactRecords(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A subject's row, its facts by kind (current, or as known at {@code at}) and its row's revisions. */
    public record SubjectRecord(Map<String, Object> row, Map<FactKind, List<StoredFact>> facts, List<Map<String, Object>> revisions) {}

    public Optional<SubjectRecord> subject(String id, @Nullable Instant at) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Map<String, Object>> row = SubjectRows.find(c, id);
            if (row.isEmpty()) return Optional.empty();
            Map<FactKind, List<StoredFact>> facts = new LinkedHashMap<>();
            for (FactKind kind : FactKinds.ALL) {
                List<StoredFact> list = FactTables.forSubject(c, kind, id, at);
                if (!list.isEmpty()) facts.put(kind, list);
            }
            List<Map<String, Object>> revisions = SubjectRows.list(c, "SELECT old_values, replaced_at, replaced_by FROM entity_revision "
                    + "WHERE entity_key = ? ORDER BY id", id);
            return Optional.of(new SubjectRecord(row.get(), facts, revisions));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subject " + id, e);
        }
    }

    /** One page of a subject's facts of one kind, and how many there are; empty when there is no such subject. */
    public record FactPage(long total, List<StoredFact> items) {}

    public Optional<FactPage> page(FactKind kind, String id, int offset, int size) {
        try (Connection c = dataSource.getConnection()) {
            if (SubjectRows.find(c, id).isEmpty()) return Optional.empty();
            return Optional.of(new FactPage(FactTables.count(c, kind, id), FactTables.page(c, kind, id, offset, size)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the facts of " + id, e);
        }
    }

    public Optional<StoredFact> fact(FactKind kind, long key) {
        try (Connection c = dataSource.getConnection()) {
            return FactTables.byId(c, kind, key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a fact", e);
        }
    }

    /** Every version of a fact, oldest first; empty when there is no such fact. */
    public List<StoredFact> history(FactKind kind, long key) {
        try (Connection c = dataSource.getConnection()) {
            return FactTables.history(c, kind, key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a fact's history", e);
        }
    }
}
