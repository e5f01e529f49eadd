package vn.laurel.api.decisions;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.laurel.api.audit.AuditChain;
import vn.laurel.api.audit.Canonical;
import vn.laurel.api.audit.ChainContent;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.store.Databases;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Saves decisions and reads them back. A decision is saved whole or not at all, in one transaction:
 * its compact record, one row per award's outcome (for searching), the facts it relied on (so a later
 * correction can flag it), and its link in the audit chain.
 */
@Singleton
public class DecisionStore {
    private final DataSource dataSource;

    public DecisionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a decision is saved with besides its answer: the columns auditors search by. */
    public record NewDecision(String subjectId, int evaluationYear, LocalDate asOf, String regime, String rulesetVersion,
                              String engineVersion, String outcomes, String requestedBy, Instant createdAt, DecisionBasis basis) {}

    /**
     * Saves a decision with its compact record, already canonical text ({@link CompactRecord#write}), and
     * returns its id. The record is stored as that exact text and chained as it is (chain format 3); the
     * answer is rendered from it on read. Plain JDBC rather than the repository: one insert, no read back.
     */
    @Transactional
    public long save(NewDecision decision, String record, Collection<String> factIds, Map<String, String> outcomes) {
        // The contextual data source hands out this transaction's connection; it must not be closed here.
        Connection c = connection();
        try {
            long id = insert(c, decision, record);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_outcome (decision_id, award, outcome) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> o : outcomes.entrySet()) {
                    ps.setLong(1, id);
                    ps.setString(2, o.getKey());
                    ps.setString(3, o.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_fact (decision_id, fact_id) VALUES (?, ?)")) {
                for (String factId : factIds) {
                    ps.setLong(1, id);
                    ps.setString(2, factId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditChain.append(c, id, ChainContent.FORMAT_RECORD, record, outcomes.entrySet().stream()
                    .map(o -> new ChainContent.OutcomeRow(o.getKey(), o.getValue())).toList(), factIds);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the decision of " + decision.subjectId(), e);
        }
    }

    private static long insert(Connection c, NewDecision d, String record) throws SQLException {
        boolean postgres = Databases.isPostgres(c);
        // Text, not JSON: the chain hashes the record as stored, so no database may re-spell it.
        String sql = "INSERT INTO decision (subject_id, evaluation_year, as_of, regime, ruleset_version, engine_version, outcomes, "
                + "record_text, requested_by, created_at, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        // Only the id comes back (PostgreSQL would otherwise return every column, the record included).
        try (PreparedStatement ps = postgres ? c.prepareStatement(sql, new String[]{"id"}) : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, d.subjectId());
            ps.setInt(2, d.evaluationYear());
            ps.setObject(3, d.asOf());
            ps.setString(4, d.regime());
            ps.setString(5, d.rulesetVersion());
            ps.setString(6, d.engineVersion());
            ps.setString(7, d.outcomes());
            ps.setString(8, record);
            ps.setString(9, d.requestedBy());
            ps.setObject(10, OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC));
            ps.setString(11, d.basis().name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a decision should be evaluated again, if anything it relied on was corrected since. */
    public List<Map<String, Object>> flags(long decisionId) {
        return query("SELECT fact_id, reason, flagged_at FROM decision_flag WHERE decision_id = ? ORDER BY id", decisionId);
    }

    /** The search criteria of GET /api/v1/decisions; null means any. */
    public record Search(String subject, String award, String outcome, Instant from, Instant to, String rulesetVersion,
                         DecisionBasis basis, int offset, int size) {}

    public Map<String, Object> search(Search s) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (s.subject() != null) { where.append(" AND d.subject_id = ?"); params.add(s.subject()); }
        if (s.basis() != null) { where.append(" AND d.basis = ?"); params.add(s.basis().name()); }
        if (s.rulesetVersion() != null) { where.append(" AND d.ruleset_version = ?"); params.add(s.rulesetVersion()); }
        if (s.from() != null) { where.append(" AND d.created_at >= ?"); params.add(OffsetDateTime.ofInstant(s.from(), ZoneOffset.UTC)); }
        if (s.to() != null) { where.append(" AND d.created_at < ?"); params.add(OffsetDateTime.ofInstant(s.to(), ZoneOffset.UTC)); }
        if (s.award() != null || s.outcome() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM decision_outcome o WHERE o.decision_id = d.id");
            if (s.award() != null) { where.append(" AND o.award = ?"); params.add(s.award()); }
            if (s.outcome() != null) { where.append(" AND o.outcome = ?"); params.add(s.outcome()); }
            where.append(")");
        }
        long total = ((Number) query("SELECT COUNT(*) AS n FROM decision d" + where, params.toArray()).get(0).get("n")).longValue();
        List<Object> page = new ArrayList<>(params);
        page.add(s.offset());
        page.add(s.size());
        List<Map<String, Object>> items = query("SELECT d.id, d.subject_id, d.evaluation_year, d.as_of, d.regime, d.ruleset_version, "
                + "d.engine_version, d.outcomes, d.requested_by, d.created_at, d.basis FROM decision d" + where
                + " ORDER BY d.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", page.toArray());
        return Map.of("total", total, "items", items);
    }

    /** A saved decision as a preview evaluates it again: its subject, year, appraisal date and outcomes text. */
    public record Recent(String subjectId, int evaluationYear, LocalDate asOf, String outcomes) {}

    /** The last n saved decisions, newest first. */
    public List<Recent> latest(int n) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT subject_id, evaluation_year, as_of, outcomes FROM decision "
                     + "ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, n);
            List<Recent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Recent(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decisions", e);
        }
    }

    private List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return SubjectRows.list(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
