package vn.laurel.api.audit;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.ThrowawayPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** {@link ChainVerifyContract} on the embedded H2 database. */
@MicronautTest(transactional = false)
class ChainVerifyH2Test extends ChainVerifyContract {
    static final String URL = "jdbc:h2:mem:laurel-chain-verify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", URL,
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }

    @Override
    Connection superuser() throws SQLException {
        return DriverManager.getConnection(URL, "sa", "");
    }
}
