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
            + "deceased_on, contract_since, source, recorded_at, recorded_by";

    public static Optional<Map<String, Object>> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + SUBJECT_COLUMNS + " FROM subject WHERE id = ?", id);
    }

    public static Optional<Map<String, Object>> unit(Connection c, String code) throws SQLException {
        return one(c, "SELECT code, name, parent_code, sector, source, recorded_at, recorded_by FROM org_unit WHERE code = ?", code);
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
