package vn.laurel.api.web;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct reads of the database, to check what a request did or did not write. */
final class Store {
    private Store() {}

    static long count(DataSource ds, String table) {
        return query(ds, "SELECT COUNT(*) FROM " + table);
    }

    static long query(DataSource ds, String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ds).getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table that holds subjects or facts: equal before and after means nothing was written. */
    static long facts(DataSource ds) {
        long n = 0;
        for (String t : new String[]{"org_unit", "subject", "membership", "rating", "title", "commendation", "initiative",
                "discipline", "absence", "attestation", "member_aggregate", "cluster_member", "emulation_cluster", "entity_revision"}) {
            n += count(ds, t);
        }
        return n;
    }

    static String product(DataSource ds) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(ds).getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
