package vn.laurel.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.*;

/** Reads of persons, units and subjects, as plain column maps. */
public final class SubjectRows {
    private SubjectRows() {}

    static final String SUBJECT_COLUMNS = "id, kind, name, unit_code, hired_on, manager, education, union_member, armed_forces, "
            + "deceased_on, contract_since, established_on, source, recorded_at, recorded_by";

    public static Optional<Map<String, Object>> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + SUBJECT_COLUMNS + " FROM subject WHERE id = ?", id);
    }

    public static Optional<Map<String, Object>> unit(Connection c, String code) throws SQLException {
        return one(c, "SELECT code, name, parent_code, sector, established_on, source, recorded_at, recorded_by FROM org_unit WHERE code = ?", code);
    }

    /**
     * The current events that name a unit, its own (subject_id) and those of other units naming it (other_code: a unit
     * merged into it, split off from it, renamed as it, moved under it), by day, with the units' names.
     */
    public static List<Map<String, Object>> unitEvents(Connection c, String code) throws SQLException {
        return list(c, "SELECT e.id, e.subject_id, u.name AS unit_name, e.event_kind, e.on_date, e.other_code, o.name AS other_name, "
                + "e.new_name, e.members, e.continues, e.source FROM unit_event e LEFT JOIN org_unit u ON u.code = e.subject_id "
                + "LEFT JOIN org_unit o ON o.code = e.other_code WHERE e.current_flag = TRUE AND (e.subject_id = ? OR e.other_code = ?) "
                + "ORDER BY e.on_date, e.id", code, code);
    }

    public static List<Map<String, Object>> list(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        Object v = md.getColumnType(i) == java.sql.Types.DATE ? rs.getObject(i, LocalDate.class) : rs.getObject(i);
                        if (v instanceof java.sql.Timestamp ts) v = ts.toInstant();
                        if (v instanceof java.time.OffsetDateTime odt) v = odt.toInstant();
                        row.put(name, v);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static Optional<Map<String, Object>> one(Connection c, String sql, String key) throws SQLException {
        return list(c, sql, key).stream().findFirst();
    }
}
