package vn.laurel.api.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One import's transaction on the fact and entity tables, on a connection of its own: rows staged
 * kind by kind under the import's id, checked set-wise against what is stored, merged, and then
 * committed or rolled back as one. A statement the database refuses throws {@link StoreException}.
 */
public final class ImportTransaction implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImportTransaction.class);

    private final Connection c;
    private final long importId;
    private long membershipsMoved;

    private ImportTransaction(Connection c, long importId) {
        this.c = c;
        this.importId = importId;
    }

    /** Begins the transaction of import {@code importId}; {@code dataSource} must hand out connections of their own. */
    public static ImportTransaction begin(DataSource dataSource, long importId) {
        try {
            Connection c = dataSource.getConnection();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new ImportTransaction(c, importId);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Batches validated rows of one kind into its staging table; close it to send the last batch. */
    public Stager stager(FactKind kind) {
        return sql(() -> new Stager(new FactTables.Stager(c, kind, importId)));
    }

    /** The rows of the staged kind that the store refuses (unknown subjects, units or clusters, duplicates…), at most {@code limit}. */
    public List<RowError> check(FactKind kind, String file, int limit) {
        return sql(() -> isEntity(kind) ? EntityTables.check(c, kind, importId, file, limit) : FactTables.check(c, kind, importId, file, limit));
    }

    /** The staged rows of a kind whose codes the rules refuse for their subject's kind (a campaign group that does not admit it). */
    public List<RowError> checkOfKinds(FactKind kind, vn.laurel.engine.ruleset.RuleSet rules, String file, int limit) {
        if (kind != FactKinds.CAMPAIGN_RESULTS) return List.of();
        return sql(() -> {
            List<RowError> errors = new java.util.ArrayList<>();
            String cols = kind.columns().stream().map(col -> "s." + col.db()).collect(java.util.stream.Collectors.joining(", "));
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT s.row_no, x.kind, " + cols + " FROM stage_campaign_result s "
                    + "JOIN subject x ON x.id = s.subject_id WHERE s.import_id = ? ORDER BY s.row_no")) {
                ps.setLong(1, importId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && errors.size() < limit) {
                        Map<String, Object> values = new java.util.HashMap<>();
                        for (int i = 0; i < kind.columns().size(); i++) values.put(kind.columns().get(i).db(), rs.getObject(i + 3));
                        values.put("result_year", rs.getInt("result_year"));
                        errors.addAll(CodeColumns.checkOfKind(rules, kind, values, vn.laurel.engine.model.SubjectKind.valueOf(rs.getString(2)),
                                file, rs.getLong(1)));
                    }
                }
            }
            return errors;
        });
    }

    /** Merges the staged rows of one kind; facts remember the import that brought them. */
    public FactTables.Merge merge(FactKind kind, Instant now, String source, String recordedBy) {
        return sql(() -> {
            if (isEntity(kind)) return EntityTables.merge(c, kind, importId, now, source, recordedBy);
            FactTables.Merge m = FactTables.merge(c, kind, importId, now, source, recordedBy, importId);
            // Events change the tree as they happened: a unit's parent, name, people (UnitEvents).
            if (kind == FactKinds.UNIT_EVENTS && m.inserted() > 0) membershipsMoved += UnitEvents.applyImported(c, importId, now, recordedBy);
            return m;
        });
    }

    /**
     * How many memberships the unit events merged so far superseded (a merger's people moved, a dissolution's ended):
     * flag their decisions with {@link #flagDecisionsOnSuperseded} for {@link FactKinds#MEMBERSHIPS}, once, after the merges.
     */
    public long membershipsSupersededByEvents() {
        return membershipsMoved;
    }

    /** Flags the decisions that relied on facts of this kind superseded at {@code at}; returns how many flags. */
    public long flagDecisionsOnSuperseded(FactKind kind, Instant at) {
        return sql(() -> Flags.flagDecisionsOnSuperseded(c, kind, at));
    }

    public void clearStage(FactKind kind) {
        sql(() -> { FactTables.clearStage(c, kind, importId); return null; });
    }

    public void commit() {
        sql(() -> { c.commit(); return null; });
    }

    public void rollback() {
        sql(() -> { c.rollback(); return null; });
    }

    /**
     * After a large import the query planner's statistics describe the tables as they were: reads by
     * subject then scan whole tables (measured: 140 instead of 1 700 subjects a second in a batch over
     * a million people). So the tables an import grew are analysed at once, outside its transaction
     * (call after {@link #commit()}).
     */
    public void refreshStatistics(Map<FactKind, Long> staged) {
        if (staged.values().stream().mapToLong(Long::longValue).sum() < 10_000) return;
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            for (FactKind k : staged.keySet()) {
                String table = EntityTables.table(k);
                s.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
            }
        } catch (SQLException e) {
            LOG.warn("statistics not refreshed after the import; reads may be slow until the database does it: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        sql(() -> { c.close(); return null; });
    }

    private static boolean isEntity(FactKind kind) {
        return EntityKinds.ALL.contains(kind);
    }

    /** Rows of one kind on their way into its staging table. */
    public static final class Stager implements AutoCloseable {
        private final FactTables.Stager rows;

        private Stager(FactTables.Stager rows) {
            this.rows = rows;
        }

        public void add(long rowNo, Map<String, Object> values) {
            sql(() -> { rows.add(rowNo, values); return null; });
        }

        public long staged() { return rows.staged(); }

        @Override
        public void close() {
            sql(() -> { rows.close(); return null; });
        }
    }

    private interface Sql<T> { T run() throws SQLException; }

    private static <T> T sql(Sql<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
