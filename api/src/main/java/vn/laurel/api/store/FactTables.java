package vn.laurel.api.store;

import java.sql.*;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.stream.Collectors;

/**
 * The SQL behind the fact store, generated from each {@link FactKind}: staging of validated rows,
 * checks that need the database (unknown subjects, duplicates, impossible dates), the set-based
 * merge that supersedes changed rows and inserts new ones, and reads of the facts as they are now
 * or as they were known at a moment. Plain JDBC on the caller's connection and transaction; the
 * same statements run on PostgreSQL and H2.
 */
public final class FactTables {
    private FactTables() {}

    /** Counts of one merge. */
    public record Merge(long inserted, long superseded) {}

    // ------------------------------------------------------------------ staging

    /** Batches validated rows into the kind's staging table. */
    public static final class Stager implements AutoCloseable {
        private final PreparedStatement insert;
        private final FactKind kind;
        private final long stageId;
        private int pending;
        private long staged;

        public Stager(Connection c, FactKind kind, long stageId) throws SQLException {
            this.kind = kind;
            this.stageId = stageId;
            String cols = kind.columns().stream().map(Column::db).collect(Collectors.joining(", "));
            String marks = kind.columns().stream().map(x -> "?").collect(Collectors.joining(", "));
            insert = c.prepareStatement("INSERT INTO stage_" + kind.table() + " (import_id, row_no, " + cols + ") VALUES (?, ?, " + marks + ")");
        }

        public void add(long rowNo, Map<String, Object> values) throws SQLException {
            insert.setLong(1, stageId);
            insert.setLong(2, rowNo);
            int i = 3;
            for (Column c : kind.columns()) bind(insert, i++, c, values.get(c.db()));
            insert.addBatch();
            staged++;
            if (++pending == 1000) flush();
        }

        public long staged() { return staged; }

        private void flush() throws SQLException {
            if (pending > 0) insert.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            flush();
            insert.close();
        }
    }

    public static void clearStage(Connection c, FactKind kind, long stageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM stage_" + kind.table() + " WHERE import_id = ?")) {
            ps.setLong(1, stageId);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ checks that need the database

    /** Rows naming subjects, units or clusters the store does not know, duplicate keys, ratings before hiring. */
    public static List<RowError> check(Connection c, FactKind kind, long stageId, String file, int limit) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        String subjectField = kind.column("subject_id").csv();
        errors.addAll(query(c, "SELECT s.row_no, s.subject_id FROM stage_" + kind.table() + " s WHERE s.import_id = ? "
                        + "AND NOT EXISTS (SELECT 1 FROM subject x WHERE x.id = s.subject_id) ORDER BY s.row_no",
                stageId, limit, rs -> new RowError(file, rs.getLong(1), subjectField, "unknown subject \"" + rs.getString(2) + "\"")));
        if (kind == FactKinds.MEMBERSHIPS) {
            errors.addAll(query(c, "SELECT s.row_no, s.unit_code FROM stage_membership s WHERE s.import_id = ? "
                            + "AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.code = s.unit_code) ORDER BY s.row_no",
                    stageId, limit, rs -> new RowError(file, rs.getLong(1), "unit", "unknown unit \"" + rs.getString(2) + "\"")));
        }
        if (kind == FactKinds.CLUSTER_MEMBERS) {
            errors.addAll(query(c, "SELECT s.row_no, s.cluster_code FROM stage_cluster_member s WHERE s.import_id = ? "
                            + "AND NOT EXISTS (SELECT 1 FROM emulation_cluster k WHERE k.code = s.cluster_code) ORDER BY s.row_no",
                    stageId, limit, rs -> new RowError(file, rs.getLong(1), "cluster", "unknown cluster \"" + rs.getString(2) + "\"")));
        }
        if (kind == FactKinds.RATINGS) {
            errors.addAll(query(c, "SELECT s.row_no, s.rating_year, x.hired_on FROM stage_rating s JOIN subject x ON x.id = s.subject_id "
                            + "WHERE s.import_id = ? AND x.kind = 'PERSON' AND x.hired_on IS NOT NULL "
                            + "AND s.rating_year < EXTRACT(YEAR FROM x.hired_on) ORDER BY s.row_no",
                    stageId, limit, rs -> new RowError(file, rs.getLong(1), "year", "a rating for " + rs.getInt(2)
                            + " is before the person was hired (" + rs.getObject(3, LocalDate.class) + ")")));
        }
        if (kind == FactKinds.CONTRIBUTIONS) {
            errors.addAll(query(c, "SELECT s.row_no, s.subject_id, x.kind FROM stage_contribution s JOIN subject x ON x.id = s.subject_id "
                            + "WHERE s.import_id = ? AND x.kind NOT IN ('HOUSEHOLD', 'PERSON') ORDER BY s.row_no",
                    stageId, limit, rs -> new RowError(file, rs.getLong(1), subjectField, "\"" + rs.getString(2) + "\" is " + rs.getString(3)
                            + ": contributions of work, land or assets are recorded for households and persons")));
        }
        if (kind == FactKinds.UNIT_EVENTS) errors.addAll(UnitEvents.check(c, stageId, file, limit));
        String key = kind.keyColumns().stream().map(Column::db).collect(Collectors.joining(", "));
        errors.addAll(query(c, "SELECT MIN(row_no), MAX(row_no) FROM stage_" + kind.table() + " WHERE import_id = ? GROUP BY "
                        + key + " HAVING COUNT(*) > 1 ORDER BY MIN(row_no)",
                stageId, limit, rs -> new RowError(file, rs.getLong(2), kind.keyColumns().get(kind.keyColumns().size() - 1).csv(),
                        "duplicates row " + rs.getLong(1) + " (same " + kind.keyColumns().stream().map(Column::csv).toList() + ")")));
        return errors;
    }

    interface RowMapper<T> { T map(ResultSet rs) throws SQLException; }

    /** Runs a check over one import's staged rows, keeping at most {@code limit} findings. */
    static <T> List<T> query(Connection c, String sql, long stageId, int limit, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, stageId);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ merge

    /**
     * Merges the staged rows: current rows whose key is staged with other values are superseded, and
     * staged rows with no current row of the same key are inserted. Unchanged rows are left alone,
     * so merging the same rows twice changes nothing.
     *
     * @param source the provenance prefix, completed with the row number: "import 12, ratings.csv row "
     */
    public static Merge merge(Connection c, FactKind kind, long stageId, Instant now, String source, String recordedBy,
                              Long importId) throws SQLException {
        String t = kind.table();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String changed = kind.valueColumns().stream().map(v -> "s." + v.db() + " IS DISTINCT FROM " + t + "." + v.db())
                .collect(Collectors.joining(" OR "));
        long superseded = 0;
        if (!changed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t + " SET superseded_at = ?, current_flag = NULL "
                    + "WHERE current_flag = TRUE AND EXISTS (SELECT 1 FROM stage_" + t + " s WHERE s.import_id = ? AND "
                    + keyMatch(kind, "s", t) + " AND (" + changed + "))")) {
                ps.setObject(1, at);
                ps.setLong(2, stageId);
                superseded = ps.executeUpdate();
            }
        }
        String cols = kind.columns().stream().map(Column::db).collect(Collectors.joining(", "));
        String scols = kind.columns().stream().map(x -> "s." + x.db()).collect(Collectors.joining(", "));
        long inserted;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + " (" + cols
                + ", source, recorded_at, recorded_by, import_id, current_flag) SELECT " + scols
                + ", CONCAT(?, CAST(s.row_no AS VARCHAR(20))), ?, ?, ?, TRUE FROM stage_" + t + " s WHERE s.import_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM " + t + " f WHERE f.current_flag = TRUE AND " + keyMatch(kind, "s", "f") + ")")) {
            ps.setString(1, source);
            ps.setObject(2, at);
            ps.setString(3, recordedBy);
            if (importId == null) ps.setNull(4, Types.BIGINT); else ps.setLong(4, importId);
            ps.setLong(5, stageId);
            inserted = ps.executeUpdate();
        }
        if (superseded > 0) link(c, kind, at);
        return new Merge(inserted, superseded);
    }

    /** Points each row superseded at {@code at} to the row that replaced it. */
    private static void link(Connection c, FactKind kind, OffsetDateTime at) throws SQLException {
        String t = kind.table();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t + " SET superseded_by = (SELECT n.id FROM " + t
                + " n WHERE n.current_flag = TRUE AND " + keyMatch(kind, "n", t) + ") WHERE superseded_at = ? AND superseded_by IS NULL")) {
            ps.setObject(1, at);
            ps.executeUpdate();
        }
    }

    /** Key equality between two aliases; columns that may be empty compare null-safely. */
    static String keyMatch(FactKind kind, String a, String b) {
        return kind.keyColumns().stream()
                .map(k -> k.nullable() ? a + "." + k.db() + " IS NOT DISTINCT FROM " + b + "." + k.db()
                        : a + "." + k.db() + " = " + b + "." + k.db())
                .collect(Collectors.joining(" AND "));
    }

    // ------------------------------------------------------------------ corrections

    /** Retracts a current fact: it is superseded by nothing. Returns false if it was not current. */
    public static boolean retract(Connection c, FactKind kind, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + kind.table()
                + " SET superseded_at = ?, current_flag = NULL WHERE id = ? AND current_flag = TRUE")) {
            ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Links a retracted fact to the row that replaced it under a new key. */
    public static void linkReplacement(Connection c, FactKind kind, long oldId, long newId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + kind.table() + " SET superseded_by = ? WHERE id = ?")) {
            ps.setLong(1, newId);
            ps.setLong(2, oldId);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------ reads

    // read() takes these by position after the kind's own columns: keep the order.
    static final String PROVENANCE = ", id, source, recorded_at, recorded_by, import_id, superseded_at, superseded_by";

    /** The subject's current facts of a kind, or those as known at {@code knownAt} when it is not null. */
    public static List<StoredFact> forSubject(Connection c, FactKind kind, String subjectId, Instant knownAt) throws SQLException {
        String when = knownAt == null ? "current_flag = TRUE"
                : "recorded_at <= ? AND (superseded_at IS NULL OR superseded_at > ?)";
        String sql = "SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table() + " WHERE subject_id = ? AND " + when + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subjectId);
            if (knownAt != null) {
                OffsetDateTime at = OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC);
                ps.setObject(2, at);
                ps.setObject(3, at);
            }
            return read(kind, ps);
        }
    }

    /**
     * The subject's rows of a kind that a correction replaced (superseded by another row, not merely
     * retracted), oldest first: with their successors' ids, every fact's earlier versions in one query.
     */
    public static List<StoredFact> correctedForSubject(Connection c, FactKind kind, String subjectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table()
                + " WHERE subject_id = ? AND superseded_by IS NOT NULL ORDER BY id")) {
            ps.setString(1, subjectId);
            return read(kind, ps);
        }
    }

    /** The current row with the same natural key as {@code values}. */
    public static Optional<StoredFact> currentByKey(Connection c, FactKind kind, Map<String, Object> values) throws SQLException {
        String where = kind.keyColumns().stream()
                .map(k -> k.nullable() ? k.db() + " IS NOT DISTINCT FROM ?" : k.db() + " = ?").collect(Collectors.joining(" AND "));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table()
                + " WHERE current_flag = TRUE AND " + where)) {
            int i = 1;
            for (Column k : kind.keyColumns()) bind(ps, i++, k, values.get(k.db()));
            return read(kind, ps).stream().findFirst();
        }
    }

    /** The current facts of a kind for many subjects at once, by subject: one query per thousand subjects. */
    public static Map<String, List<StoredFact>> forSubjects(Connection c, FactKind kind, List<String> subjectIds) throws SQLException {
        return forSubjects(c, kind, subjectIds, null);
    }

    /** As above, as known at {@code knownAt} (the current facts when it is null). */
    public static Map<String, List<StoredFact>> forSubjects(Connection c, FactKind kind, List<String> subjectIds, Instant knownAt)
            throws SQLException {
        Map<String, List<StoredFact>> bySubject = new HashMap<>();
        String when = knownAt == null ? "current_flag = TRUE" : "recorded_at <= ? AND (superseded_at IS NULL OR superseded_at > ?)";
        for (int from = 0; from < subjectIds.size(); from += 1000) {
            List<String> chunk = subjectIds.subList(from, Math.min(subjectIds.size(), from + 1000));
            String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table()
                    + " WHERE " + when + " AND subject_id IN (" + marks + ") ORDER BY id")) {
                int p = 1;
                if (knownAt != null) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC);
                    ps.setObject(p++, at);
                    ps.setObject(p++, at);
                }
                for (int i = 0; i < chunk.size(); i++) ps.setString(p + i, chunk.get(i));
                for (StoredFact f : read(kind, ps)) {
                    bySubject.computeIfAbsent((String) f.values().get("subject_id"), k -> new ArrayList<>()).add(f);
                }
            }
        }
        return bySubject;
    }

    public static Optional<StoredFact> byId(Connection c, FactKind kind, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table() + " WHERE id = ?")) {
            ps.setLong(1, id);
            return read(kind, ps).stream().findFirst();
        }
    }

    /** Every version of a fact: those it superseded, itself, and those that superseded it, oldest first. */
    public static List<StoredFact> history(Connection c, FactKind kind, long id) throws SQLException {
        Deque<StoredFact> chain = new ArrayDeque<>();
        Optional<StoredFact> start = byId(c, kind, id);
        if (start.isEmpty()) return List.of();
        chain.add(start.get());
        for (Optional<StoredFact> prev = previous(c, kind, id); prev.isPresent() && chain.size() < 1000; prev = previous(c, kind, prev.get().id())) {
            chain.addFirst(prev.get());
        }
        for (Long next = start.get().supersededBy(); next != null && chain.size() < 1000; ) {
            Optional<StoredFact> f = byId(c, kind, next);
            if (f.isEmpty()) break;
            chain.addLast(f.get());
            next = f.get().supersededBy();
        }
        return List.copyOf(chain);
    }

    private static Optional<StoredFact> previous(Connection c, FactKind kind, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table() + " WHERE superseded_by = ?")) {
            ps.setLong(1, id);
            return read(kind, ps).stream().findFirst();
        }
    }

    /** A page of the subject's current facts of a kind, and how many there are. */
    public static List<StoredFact> page(Connection c, FactKind kind, String subjectId, int offset, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns(kind) + PROVENANCE + " FROM " + kind.table()
                + " WHERE subject_id = ? AND current_flag = TRUE ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setString(1, subjectId);
            ps.setInt(2, offset);
            ps.setInt(3, size);
            return read(kind, ps);
        }
    }

    public static long count(Connection c, FactKind kind, String subjectId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + kind.table() + " WHERE subject_id = ? AND current_flag = TRUE")) {
            ps.setString(1, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String columns(FactKind kind) {
        return kind.columns().stream().map(Column::db).collect(Collectors.joining(", "));
    }

    /** Rows selected as {@code columns(kind) + PROVENANCE}, read by position: a batch reads tens of millions. */
    static List<StoredFact> read(FactKind kind, PreparedStatement ps) throws SQLException {
        List<StoredFact> out = new ArrayList<>();
        List<Column> columns = kind.columns();
        int p = columns.size();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < p; i++) values.put(columns.get(i).db(), get(rs, i + 1, columns.get(i)));
                OffsetDateTime superseded = rs.getObject(p + 6, OffsetDateTime.class);
                long by = rs.getLong(p + 7);
                Long supersededBy = rs.wasNull() ? null : by;
                long imp = rs.getLong(p + 5);
                Long importId = rs.wasNull() ? null : imp;
                out.add(new StoredFact(kind.name(), rs.getLong(p + 1), values, rs.getString(p + 2),
                        rs.getObject(p + 3, OffsetDateTime.class).toInstant(), rs.getString(p + 4), importId,
                        superseded == null ? null : superseded.toInstant(), supersededBy));
            }
        }
        return out;
    }

    private static Object get(ResultSet rs, int i, Column c) throws SQLException {
        Object v = switch (c.type()) {
            case TEXT, CODE -> rs.getString(i);
            case INT -> rs.getInt(i);
            case LONG -> rs.getLong(i);
            case BOOL -> rs.getBoolean(i);
            case DATE -> rs.getObject(i, LocalDate.class);
            case DECIMAL -> rs.getBigDecimal(i) == null ? null : RowParser.normal(rs.getBigDecimal(i));
        };
        return rs.wasNull() ? null : v;
    }

    static void bind(PreparedStatement ps, int i, Column c, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, switch (c.type()) {
                case TEXT, CODE -> Types.VARCHAR;
                case INT -> Types.INTEGER;
                case LONG -> Types.BIGINT;
                case BOOL -> Types.BOOLEAN;
                case DATE -> Types.DATE;
                case DECIMAL -> Types.NUMERIC;
            });
            return;
        }
        ps.setObject(i, v);
    }
}
