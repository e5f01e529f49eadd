package vn.laurel.api.decisions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.Map;

/** {@link CompactRecordsContract} on the embedded H2 database. */
@MicronautTest(transactional = false)
class CompactRecordsH2Test extends CompactRecordsContract {
    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-compact;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }

    @Override
    boolean postgres() { return false; }
}
