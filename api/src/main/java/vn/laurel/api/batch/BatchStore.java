package vn.laurel.api.batch;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.store.Now;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The batch_run and batch_subject tables: a batch's request, progress and outcomes, one row per subject
 * (batch_outcome, one row per subject and award, is read for the batches written before issue 20).
 */
@Singleton
public class BatchStore {
    private final DataSource dataSource;
    /** The award positions of the batches written or read since start (a batch's awards never change). */
    private final Map<Long, CompactOutcomes> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    public BatchStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** One outcome row: a subject's answer for an award, after the unit's quota. */
    public record Outcome(String subjectId, String unit, String award, String outcome, Integer quotaRank, Long decisionId) {}

    public long create(BatchRequest r, String requestedBy) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO batch_run (status, evaluation_year, as_of, unit_code, include_subunits, "
                     + "awards, save_decisions, requested_by, requested_at) VALUES ('QUEUED', ?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, r.year());
            ps.setObject(2, r.asOf());
            ps.setString(3, r.unit());
            ps.setBoolean(4, r.includeSubunits());
            ps.setString(5, r.awards().isEmpty() ? null : String.join(",", r.awards()));
            ps.setBoolean(6, r.saveDecisions());
            ps.setString(7, requestedBy);
            ps.setObject(8, now());
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the batch", e);
        }
    }

    /** The batch runs: its rule-set version, its size, and the awards its outcome rows have a position for (sorted here). */
    void start(long id, String rulesetVersion, int unitsTotal, long personsTotal, Collection<String> awards) {
        List<String> codes = awards.stream().sorted().distinct().toList();
        update("UPDATE batch_run SET status = 'RUNNING', ruleset_version = ?, units_total = ?, persons_total = ?, started_at = ?, award_codes = ? "
                + "WHERE id = ?", rulesetVersion, unitsTotal, personsTotal, now(), String.join(",", codes), id);
        layouts.put(id, new CompactOutcomes(codes));
    }

    void progress(long id, BatchProgress p) {
        update("UPDATE batch_run SET units_done = ?, subjects_done = ?, outcomes_written = ? WHERE id = ?",
                p.unitsDone(), p.subjectsDone(), p.outcomesWritten(), id);
    }

    void finish(long id, BatchProgress p, String failure) {
        update("UPDATE batch_run SET status = ?, units_done = ?, subjects_done = ?, outcomes_written = ?, failure = ?, finished_at = ? WHERE id = ?",
                failure == null ? "DONE" : "FAILED", p.unitsDone(), p.subjectsDone(), p.outcomesWritten(),
                failure == null ? null : failure.substring(0, Math.min(4000, failure.length())), now(), id);
    }

    /**
     * One unit's outcomes, in one transaction: a unit is written whole or not at all. One row per subject
     * (its outcomes in the positions of the batch's awards, {@link CompactOutcomes}); COPY on PostgreSQL,
     * INSERT batches elsewhere.
     */
    void write(long batchId, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) return;
        List<CompactOutcomes.Row> rows = layout(batchId).orElseThrow(() -> new IllegalStateException("batch " + batchId
                + " has not started: its awards are not known")).rows(outcomes);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (OutcomeCopyStore.supported(c)) OutcomeCopyStore.copy(c, batchId, rows);
                else insert(c, batchId, rows);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the outcomes of batch " + batchId, e);
        }
    }

    private static void insert(Connection c, long batchId, List<CompactOutcomes.Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_subject (batch_id, subject_id, unit_code, outcomes, quota_ranks, "
                + "decision_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (CompactOutcomes.Row r : rows) {
                ps.setLong(1, batchId);
                ps.setString(2, r.subjectId());
                ps.setString(3, r.unit());
                ps.setString(4, r.outcomes());
                ps.setString(5, r.quotaRanks());
                ps.setObject(6, r.decisionId(), java.sql.Types.BIGINT);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The awards a batch's rows have positions for; empty for a batch written before issue 20 (one row per award in batch_outcome). */
    private Optional<CompactOutcomes> layout(long batchId) {
        CompactOutcomes known = layouts.get(batchId);
        if (known != null) return Optional.of(known);
        try (Connection c = dataSource.getConnection()) {
            List<Map<String, Object>> row = SubjectRows.list(c, "SELECT award_codes FROM batch_run WHERE id = ?", batchId);
            String codes = row.isEmpty() ? null : (String) row.get(0).get("award_codes");
            if (codes == null) return Optional.empty();
            CompactOutcomes layout = new CompactOutcomes(codes.isEmpty() ? List.of() : List.of(codes.split(",")));
            layouts.put(batchId, layout);
            return Optional.of(layout);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read batch " + batchId, e);
        }
    }

    public Optional<Map<String, Object>> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return SubjectRows.list(c, "SELECT * FROM batch_run WHERE id = ?", id).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read batch " + id, e);
        }
    }

    /** The latest batches, newest first; with {@code requestedBy}, only those that user started. */
    public List<Map<String, Object>> recent(int limit, String requestedBy) {
        String sql = "SELECT * FROM batch_run" + (requestedBy == null ? "" : " WHERE requested_by = ?") + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection()) {
            return requestedBy == null ? SubjectRows.list(c, sql, limit) : SubjectRows.list(c, sql, requestedBy, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the batches", e);
        }
    }

    /** Per award, how many subjects came out with each outcome. */
    public Map<String, Map<String, Long>> counts(long id) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        Optional<CompactOutcomes> layout = layout(id);
        try (Connection c = dataSource.getConnection()) {
            if (layout.isPresent()) {
                // Few distinct strings of codes however many subjects: grouped by the database, spread over awards here.
                for (Map<String, Object> row : SubjectRows.list(c, "SELECT outcomes, COUNT(*) AS n FROM batch_subject WHERE batch_id = ? "
                        + "GROUP BY outcomes", id)) {
                    layout.get().count((String) row.get("outcomes"), ((Number) row.get("n")).longValue(), out);
                }
                return out;
            }
            for (Map<String, Object> row : SubjectRows.list(c, "SELECT award, outcome, COUNT(*) AS n FROM batch_outcome WHERE batch_id = ? "
                    + "GROUP BY award, outcome ORDER BY award, outcome", id)) {
                out.computeIfAbsent((String) row.get("award"), k -> new TreeMap<>()).put((String) row.get("outcome"), ((Number) row.get("n")).longValue());
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the outcomes of batch " + id, e);
        }
    }

    /**
     * A page of outcomes, optionally of one award and outcome, in subject order then award order: one map
     * per subject and award (subject_id, unit_code, award, outcome, quota_rank, decision_id), whichever way
     * the batch was stored.
     */
    public List<Map<String, Object>> outcomes(long id, String award, String outcome, int offset, int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<CompactOutcomes> layout = layout(id);
        if (layout.isEmpty()) return legacyOutcomes(id, award, outcome, offset, limit);
        if (award != null) {
            // One row per matching subject: the database pages.
            int position = layout.get().position(award);
            char code = outcome == null ? OutcomeCodes.NONE : OutcomeCodes.code(outcome);
            if (position < 0 || (outcome != null && code == OutcomeCodes.NONE)) return out;
            String sql = SUBJECTS + " WHERE batch_id = ? AND SUBSTRING(outcomes, ?, 1) " + (outcome == null ? "<>" : "=")
                    + " ? ORDER BY subject_id LIMIT ? OFFSET ?";
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, id);
                ps.setInt(2, position + 1);
                ps.setString(3, String.valueOf(code));
                ps.setInt(4, limit);
                ps.setInt(5, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) layout.get().expand(row(rs), award, outcome, out);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the outcomes of batch " + id, e);
            }
            return out;
        }
        forEachOutcome(id, null, outcome, new java.util.function.Predicate<>() {
            long skipped;

            @Override
            public boolean test(Map<String, Object> row) {
                if (skipped < offset) skipped++;
                else out.add(row);
                return out.size() < limit;
            }
        });
        return out;
    }

    /**
     * Every outcome matching the filter, in the order of {@link #outcomes}, handed to {@code each} as read
     * (one cursor, however large the batch) until it answers false.
     */
    public void forEachOutcome(long id, String award, String outcome, java.util.function.Predicate<Map<String, Object>> each) {
        Optional<CompactOutcomes> layout = layout(id);
        if (layout.isEmpty() || award != null) {
            // Old batches, and one award: a page at a time.
            for (int offset = 0; ; offset += 1000) {
                List<Map<String, Object>> page = outcomes(id, award, outcome, offset, 1000);
                for (Map<String, Object> row : page) if (!each.test(row)) return;
                if (page.size() < 1000) return;
            }
        }
        char code = outcome == null ? OutcomeCodes.NONE : OutcomeCodes.code(outcome);
        if (outcome != null && code == OutcomeCodes.NONE) return;
        String sql = SUBJECTS + " WHERE batch_id = ?" + (outcome == null ? "" : " AND outcomes LIKE ?") + " ORDER BY subject_id";
        List<Map<String, Object>> expanded = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                ps.setLong(1, id);
                if (outcome != null) ps.setString(2, "%" + code + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expanded.clear();
                        layout.get().expand(row(rs), null, outcome, expanded);
                        for (Map<String, Object> row : expanded) if (!each.test(row)) return;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outcomes of batch " + id, e);
        }
    }

    private static final String SUBJECTS = "SELECT subject_id, unit_code, outcomes, quota_ranks, decision_id FROM batch_subject";

    private static CompactOutcomes.Row row(ResultSet rs) throws SQLException {
        long decision = rs.getLong(5);
        Long decisionId = rs.wasNull() ? null : decision;
        return new CompactOutcomes.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), decisionId);
    }

    private List<Map<String, Object>> legacyOutcomes(long id, String award, String outcome, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT subject_id, unit_code, award, outcome, quota_rank, decision_id FROM batch_outcome WHERE batch_id = ?");
        List<Object> params = new ArrayList<>(List.of(id));
        if (award != null) { sql.append(" AND award = ?"); params.add(award); }
        if (outcome != null) { sql.append(" AND outcome = ?"); params.add(outcome); }
        sql.append(" ORDER BY subject_id, award LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        try (Connection c = dataSource.getConnection()) {
            return SubjectRows.list(c, sql.toString(), params.toArray());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outcomes of batch " + id, e);
        }
    }

    List<String> allUnits() {
        try (Connection c = dataSource.getConnection()) {
            return SubjectRows.list(c, "SELECT code FROM org_unit ORDER BY code").stream().map(r -> (String) r.get("code")).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the units", e);
        }
    }

    /** How many persons the units hold at the end of the year (for the progress bar; the same rule as FactStore.membersOf). */
    long countPersons(List<String> units, int year, boolean allUnits) {
        java.time.LocalDate end = java.time.LocalDate.of(year, 12, 31);
        String base = "SELECT COUNT(*) AS n FROM membership m JOIN subject s ON s.id = m.subject_id WHERE m.current_flag = TRUE "
                + "AND s.kind = 'PERSON' AND m.from_date <= ? AND (m.to_date IS NULL OR m.to_date >= ?)";
        try (Connection c = dataSource.getConnection()) {
            if (allUnits) return ((Number) SubjectRows.list(c, base, end, end).get(0).get("n")).longValue();
            long n = 0;
            for (int from = 0; from < units.size(); from += 1000) {
                List<String> chunk = units.subList(from, Math.min(units.size(), from + 1000));
                List<Object> params = new ArrayList<>(List.of(end, end));
                params.addAll(chunk);
                n += ((Number) SubjectRows.list(c, base + " AND m.unit_code IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                        params.toArray()).get(0).get("n")).longValue();
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the persons in scope", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the batch", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
    }
}
