package vn.laurel.api.metrics;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The decision chain's length, read from its head (one row by key: cheap enough for every scrape). */
@Singleton
public class ChainLengthStore {
    private final DataSource dataSource;

    public ChainLengthStore(DataSource dataSource) {
        // A connection of its own, outside any transaction of the thread that scrapes.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Decisions in the chain; -1 when the database does not answer. */
    public long length() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_sequence FROM decision_chain_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }
}
