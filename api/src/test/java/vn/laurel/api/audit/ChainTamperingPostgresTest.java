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

/** The tampering of {@link ChainTamperingContract} on the real store, as a PostgreSQL superuser past the append-only triggers. */
@MicronautTest(transactional = false)
class ChainTamperingPostgresTest extends ChainTamperingContract {
    static final String DATABASE = "laurel_tampering";

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

    @Override
    boolean postgres() { return true; }
}
