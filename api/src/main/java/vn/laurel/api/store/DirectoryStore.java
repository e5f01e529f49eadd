package vn.laurel.api.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The directory the API lists: stored subjects a page at a time, the units, a unit with what hangs on it. */
@Singleton
public class DirectoryStore {
    private final DataSource dataSource;

    public DirectoryStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** One page of subjects and how many match in all. */
    public record Page(long total, List<Map<String, Object>> items) {}

    /**
     * Subjects in id order.
     *
     * @param unit        only the subjects of this unit; null: any
     * @param kind        PERSON, COLLECTIVE, ENTERPRISE or HOUSEHOLD; null: any
     * @param nameLike    a lower-case LIKE pattern on the name (escaped by the caller); null: any
     * @param visible     a scoped user's units: subjects of them, or current members of one; empty: everyone
     */
    public Page subjects(@Nullable String unit, @Nullable String kind, @Nullable String nameLike, Optional<Set<String>> visible,
                         int offset, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (unit != null) { where.append(" AND unit_code = ?"); params.add(unit); }
        if (kind != null) { where.append(" AND kind = ?"); params.add(kind); }
        if (nameLike != null) { where.append(" AND LOWER(name) LIKE ?"); params.add(nameLike); }
        try (Connection c = dataSource.getConnection()) {
            if (visible.isPresent()) {
                java.sql.Array codes = c.createArrayOf("VARCHAR", visible.get().toArray());
                where.append(" AND (unit_code = ANY(?) OR EXISTS (SELECT 1 FROM membership m WHERE m.subject_id = subject.id "
                        + "AND m.current_flag = TRUE AND m.unit_code = ANY(?)))");
                params.add(codes);
                params.add(codes);
            }
            long total = ((Number) SubjectRows.list(c, "SELECT COUNT(*) AS n FROM subject" + where, params.toArray()).get(0).get("n")).longValue();
            List<Object> paged = new ArrayList<>(params);
            paged.add(offset);
            paged.add(size);
            List<Map<String, Object>> items = SubjectRows.list(c, "SELECT id, kind, name, unit_code, hired_on, established_on FROM subject" + where
                    + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", paged.toArray());
            return new Page(total, items);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list subjects", e);
        }
    }

    /** Whether any subject is stored at all (the demo department loads into an empty database only). */
    public boolean hasSubjects() {
        try (Connection c = dataSource.getConnection()) {
            return !SubjectRows.list(c, "SELECT 1 FROM subject FETCH FIRST 1 ROWS ONLY").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the subjects", e);
        }
    }

    /** Every unit with its parent and sector, in code order. */
    public List<Map<String, Object>> units() {
        try (Connection c = dataSource.getConnection()) {
            return SubjectRows.list(c, "SELECT code, name, parent_code, sector FROM org_unit ORDER BY code");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list units", e);
        }
    }

    /** A unit with its subunits, its people at present, its clusters and the events naming it; empty when there is no such unit. */
    public Optional<Map<String, Object>> unit(String code) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Map<String, Object>> row = SubjectRows.unit(c, code);
            if (row.isEmpty()) return Optional.empty();
            Map<String, Object> unit = new LinkedHashMap<>(row.get());
            unit.put("subunits", SubjectRows.list(c, "SELECT code, name FROM org_unit WHERE parent_code = ? ORDER BY code", code));
            unit.put("people", SubjectRows.list(c, "SELECT id, name FROM subject WHERE kind = 'PERSON' AND unit_code = ? ORDER BY id", code));
            unit.put("clusters", SubjectRows.list(c, "SELECT cluster_code, member_year, ranking FROM cluster_member "
                    + "WHERE subject_id = ? AND current_flag = TRUE ORDER BY member_year", code));
            unit.put("events", SubjectRows.unitEvents(c, code));
            return Optional.of(unit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read unit " + code, e);
        }
    }
}
