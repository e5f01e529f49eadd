package vn.laurel.api.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.Map;

/** The same attack on {@code ./laurel serve} as it comes: the embedded H2 database, the demo department, no key set. */
@MicronautTest(transactional = false)
class ForgedTokenAttackEmbeddedTest extends ForgedTokenAttackTest {
    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url", "jdbc:h2:mem:laurel-forged-tokens;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString(),
                "laurel.reload.run-scenarios", "false");
    }
}
