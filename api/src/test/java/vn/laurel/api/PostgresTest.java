package vn.laurel.api;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of the tests that run the service against a real PostgreSQL, with the repository's rules and
 * the demo department loaded into it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PostgresTest implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(ThrowawayPostgres.ensureStarted());
        p.put("laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString());
        // The service's default (examples/scenarios under the working directory, api/ here) does not exist:
        // a reload refuses a missing scenario folder, so every test names the repository's.
        p.put("laurel.scenarios.dir", ThrowawayPostgres.repoRoot().resolve("examples/scenarios").toString());
        p.put("laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
        p.put("laurel.demo.enabled", "true");
        if (database() != null) p.putAll(ThrowawayPostgres.separateDatabase(database()));
        p.putAll(settings());
        return p;
    }

    /** A database of the test's own on the same server, for tests whose data must not be shared; null: the shared one. */
    protected String database() {
        return null;
    }

    /** The test's own settings, over the shared ones. */
    protected Map<String, String> settings() {
        return Map.of();
    }
}
