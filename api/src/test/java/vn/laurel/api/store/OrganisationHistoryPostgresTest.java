package vn.laurel.api.store;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.HashMap;
import java.util.Map;

/** {@link OrganisationHistoryContract} on PostgreSQL, in a database of its own. */
@MicronautTest(transactional = false)
class OrganisationHistoryPostgresTest extends OrganisationHistoryContract {
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(new PostgresTest() {}.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase("laurel_organisation_history"));
        return p;
    }
}
