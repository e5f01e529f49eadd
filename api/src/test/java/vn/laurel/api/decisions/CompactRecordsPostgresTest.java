package vn.laurel.api.decisions;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.util.HashMap;
import java.util.Map;

/** {@link CompactRecordsContract} on PostgreSQL, in a database of its own. */
@MicronautTest(transactional = false)
class CompactRecordsPostgresTest extends CompactRecordsContract {
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(new PostgresTest() {}.getProperties());
        p.putAll(ThrowawayPostgres.separateDatabase("laurel_compact"));
        return p;
    }

    @Override
    boolean postgres() { return true; }
}
