package vn.laurel.api.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Whether the database answers now, for /health. */
@Singleton
public class DatabaseProbe {
    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        // The injected data source hands out the current transaction's connection; health needs its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** True when a connection can be had and is valid within two seconds. */
    public boolean answers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
