package vn.laurel.api.store;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.Map;

/** {@link OrganisationHistoryContract} on the embedded H2 database (the V21_1 migration included). */
@MicronautTest(transactional = false)
class OrganisationHistoryH2Test extends OrganisationHistoryContract {
    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-organisation-history;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.scenarios.dir", ThrowawayPostgres.repoRoot().resolve("examples/scenarios").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }
}
