package vn.laurel.api.decisions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Saves decisions with the facts they relied on, in one transaction: a decision is either saved whole
 * or not at all, and a later correction of any of its facts can find it.
 */
@Singleton
public class DecisionStore {
    private final DecisionRepository decisions;
    private final DataSource dataSource;

    public DecisionStore(DecisionRepository decisions, DataSource dataSource) {
        this.decisions = decisions;
        this.dataSource = dataSource;
    }

    @Transactional
    public DecisionRecord save(DecisionRecord decision, Collection<String> factIds) {
        DecisionRecord saved = decisions.save(decision);
        // The contextual data source hands out this transaction's connection.
        try (PreparedStatement ps = dataSource.getConnection().prepareStatement(
                "INSERT INTO decision_fact (decision_id, fact_id) VALUES (?, ?)")) {
            for (String id : factIds) {
                ps.setLong(1, saved.id());
                ps.setString(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the facts of decision " + saved.id(), e);
        }
        return saved;
    }

    /** Why a decision should be evaluated again, if anything it relied on was corrected since. */
    public List<Map<String, Object>> flags(long decisionId) {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return vn.laurel.api.facts.SubjectRows.list(c,
                    "SELECT fact_id, reason, flagged_at FROM decision_flag WHERE decision_id = ? ORDER BY id", decisionId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
