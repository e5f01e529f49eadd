package vn.laurel.api.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** {@link ChainVerifyContract} on PostgreSQL, where the walks are server-side cursors; tampering as a superuser past the triggers. */
@MicronautTest(transactional = false)
class ChainVerifyPostgresTest extends ChainVerifyContract {
    static final String DATABASE = "laurel_chain_verify";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(new PostgresTest() {}.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase(DATABASE));
        return p;
    }

    @Override
    Connection superuser() throws SQLException {
        Connection c = DriverManager.getConnection(ThrowawayPostgres.separateDatabaseUrl(DATABASE), "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // no trigger fires, no foreign key is checked
        }
        return c;
    }
}
