package vn.laurel.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Merges staged units, clusters and people: new ones are inserted; changed ones are updated in place
 * after their previous values are written to entity_revision, so nothing is overwritten silently.
 * A new unit also becomes a collective subject with the unit's code as its id.
 */
public final class EntityTables {
    private EntityTables() {}

    /** The table an entity kind is stored in (people are subjects of kind PERSON; enterprises and households subjects too). */
    static String table(FactKind kind) {
        return kind == EntityKinds.PEOPLE ? "subject" : kind.table();
    }

    /** The subjects an entity kind may update: people only PERSON rows, subjects.csv only its own kinds. */
    private static String kindFilter(FactKind kind) {
        if (kind == EntityKinds.PEOPLE) return " AND x.kind = 'PERSON'";
        if (kind == EntityKinds.SUBJECTS) return " AND x.kind IN ('ENTERPRISE', 'HOUSEHOLD')";
        return "";
    }

    /** What the id of an existing subject of another kind already is, for the row that would reuse it. */
    private static final String TAKEN = "CASE x.kind WHEN 'PERSON' THEN 'a person''s id' WHEN 'COLLECTIVE' THEN 'a unit''s code' "
            + "WHEN 'ENTERPRISE' THEN 'an enterprise''s id' ELSE 'a household''s id' END";

    public static List<RowError> check(Connection c, FactKind kind, long stageId, String file, int limit) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        String stage = "stage_" + kind.table();
        String key = kind.keyColumns().get(0).db();
        errors.addAll(FactTables.query(c, "SELECT MIN(row_no), MAX(row_no), " + key + " FROM " + stage + " WHERE import_id = ? GROUP BY "
                + key + " HAVING COUNT(*) > 1 ORDER BY MIN(row_no)", stageId, limit,
                rs -> new RowError(file, rs.getLong(2), kind.keyColumns().get(0).csv(), "\"" + rs.getString(3) + "\" duplicates row " + rs.getLong(1))));
        if (kind == EntityKinds.UNITS) {
            errors.addAll(FactTables.query(c, "SELECT s.row_no, s.parent_code FROM stage_org_unit s WHERE s.import_id = ? AND s.parent_code IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.code = s.parent_code) "
                    + "AND NOT EXISTS (SELECT 1 FROM stage_org_unit p WHERE p.import_id = s.import_id AND p.code = s.parent_code) ORDER BY s.row_no",
                    stageId, limit, rs -> new RowError(file, rs.getLong(1), "parent", "unknown unit \"" + rs.getString(2) + "\"")));
            errors.addAll(FactTables.query(c, "SELECT s.row_no, s.code, " + TAKEN + " FROM stage_org_unit s JOIN subject x ON x.id = s.code "
                    + "WHERE s.import_id = ? AND x.kind <> 'COLLECTIVE' ORDER BY s.row_no", stageId, limit,
                    rs -> new RowError(file, rs.getLong(1), "code", "\"" + rs.getString(2) + "\" is already " + rs.getString(3))));
        }
        if (kind == EntityKinds.PEOPLE || kind == EntityKinds.SUBJECTS) {
            String own = kind == EntityKinds.PEOPLE ? "x.kind <> 'PERSON'"
                    : "x.kind NOT IN ('ENTERPRISE', 'HOUSEHOLD')";
            errors.addAll(FactTables.query(c, "SELECT s.row_no, s.unit_code FROM " + stage + " s WHERE s.import_id = ? AND s.unit_code IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.code = s.unit_code) ORDER BY s.row_no", stageId, limit,
                    rs -> new RowError(file, rs.getLong(1), "unit", "unknown unit \"" + rs.getString(2) + "\"")));
            errors.addAll(FactTables.query(c, "SELECT s.row_no, s.id, " + TAKEN + " FROM " + stage + " s JOIN subject x ON x.id = s.id "
                    + "WHERE s.import_id = ? AND " + own + " ORDER BY s.row_no", stageId, limit,
                    rs -> new RowError(file, rs.getLong(1), "id", "\"" + rs.getString(2) + "\" is already " + rs.getString(3))));
        }
        return errors;
    }

    public static FactTables.Merge merge(Connection c, FactKind kind, long stageId, Instant now, String source,
                                         String recordedBy) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String t = table(kind), stage = "stage_" + kind.table();
        String key = kind.keyColumns().get(0).db();
        List<Column> values = kind.valueColumns();
        String changed = values.stream().map(v -> "s." + v.db() + " IS DISTINCT FROM x." + v.db()).collect(Collectors.joining(" OR "));
        String kindFilter = kindFilter(kind);

        // New ones first, units without their parent (which may be new too and is set below).
        String cols = kind.columns().stream().map(Column::db).collect(Collectors.joining(", "));
        String scols = kind.columns().stream()
                .map(col -> kind == EntityKinds.UNITS && col.db().equals("parent_code") ? "NULL" : "s." + col.db())
                .collect(Collectors.joining(", "));
        String extraCols = kind == EntityKinds.PEOPLE ? ", kind" : "";
        String extraVals = kind == EntityKinds.PEOPLE ? ", 'PERSON'" : "";
        long inserted = update(c, "INSERT INTO " + t + " (" + cols + extraCols + ", source, recorded_at, recorded_by) SELECT "
                + scols + extraVals + ", CONCAT(?, CAST(s.row_no AS VARCHAR(20))), ?, ? FROM " + stage + " s WHERE s.import_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM " + t + " x WHERE x." + key + " = s." + key + ")", source, at, recordedBy, stageId);

        // Changed ones: keep the old values, then update.
        String old = oldValues(kind);
        String where = " FROM " + t + " x JOIN " + stage + " s ON s." + key + " = x." + key + " WHERE s.import_id = ? AND x.recorded_at <> ?"
                + kindFilter + " AND (" + changed + ")";
        update(c, "INSERT INTO entity_revision (entity, entity_key, old_values, replaced_at, replaced_by) SELECT '" + kind.name()
                + "', x." + key + ", CONCAT(" + old + "'source=', x.source), ?, CONCAT(?, CAST(s.row_no AS VARCHAR(20)))" + where,
                at, source, stageId, at);
        String set = values.stream().map(Column::db).collect(Collectors.joining(", "));
        String sset = values.stream().map(v -> "s." + v.db()).collect(Collectors.joining(", "));
        long updated = update(c, "UPDATE " + t + " SET (" + set + ", source, recorded_at, recorded_by) = (SELECT " + sset
                + ", CONCAT(?, CAST(s.row_no AS VARCHAR(20))), ?, ? FROM " + stage + " s WHERE s.import_id = ? AND s." + key + " = "
                + t + "." + key + ") WHERE EXISTS (SELECT 1 FROM " + stage + " s, " + t + " x WHERE x." + key + " = " + t + "." + key
                + " AND s.import_id = ? AND s." + key + " = x." + key + " AND x.recorded_at <> ?" + kindFilter + " AND (" + changed + "))",
                source, at, recordedBy, stageId, stageId, at);

        if (kind == EntityKinds.UNITS) {
            update(c, "UPDATE org_unit SET parent_code = (SELECT s.parent_code FROM stage_org_unit s WHERE s.import_id = ? AND s.code = org_unit.code) "
                    + "WHERE recorded_at = ? AND EXISTS (SELECT 1 FROM stage_org_unit s WHERE s.import_id = ? AND s.code = org_unit.code)",
                    stageId, at, stageId);
            update(c, "INSERT INTO subject (id, kind, name, unit_code, established_on, source, recorded_at, recorded_by) SELECT s.code, "
                    + "'COLLECTIVE', s.name, s.code, s.established_on, CONCAT(?, CAST(s.row_no AS VARCHAR(20))), ?, ? FROM stage_org_unit s "
                    + "WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM subject x WHERE x.id = s.code)", source, at, recordedBy, stageId);
            update(c, "UPDATE subject SET (name, established_on) = (SELECT u.name, u.established_on FROM org_unit u WHERE u.code = subject.id) "
                    + "WHERE kind = 'COLLECTIVE' AND EXISTS (SELECT 1 FROM stage_org_unit s WHERE s.import_id = ? AND s.code = subject.id)", stageId);
        }
        return new FactTables.Merge(inserted, updated);
    }

    /** The arguments of a CONCAT that writes an entity's values (alias x) as entity_revision keeps them: "name=…; parent=…; ". */
    static String oldValues(FactKind kind) {
        return kind.valueColumns().stream().map(v -> "'" + v.csv() + "=', COALESCE(CAST(x." + v.db() + " AS VARCHAR(255)), ''), '; '")
                .collect(Collectors.joining(", "));
    }

    /**
     * Keeps the current values of the entities {@code where} selects (alias x, on the kind's table) in entity_revision, as
     * replaced at {@code at} by {@code replacedBy}: before a unit event changes them in place.
     */
    static void keepRevisions(Connection c, FactKind kind, String where, OffsetDateTime at, String replacedBy, Object... params)
            throws SQLException {
        Object[] all = new Object[params.length + 2];
        all[0] = at;
        all[1] = replacedBy;
        System.arraycopy(params, 0, all, 2, params.length);
        update(c, "INSERT INTO entity_revision (entity, entity_key, old_values, replaced_at, replaced_by) SELECT '" + kind.name() + "', x."
                + kind.keyColumns().get(0).db() + ", CONCAT(" + oldValues(kind) + "'source=', x.source), ?, ? FROM " + table(kind) + " x WHERE "
                + where, all);
    }

    static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            return ps.executeUpdate();
        }
    }
}
