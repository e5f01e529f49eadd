package vn.laurel.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of a test's own (another port, another directory), for tests that stop and
 * start the database under the service. Commits are synchronous so a killed server keeps what it
 * acknowledged, as a production server would.
 */
public final class OwnPostgres implements AutoCloseable {
    private final Map<String, String> env;
    private final int port;

    public OwnPostgres(String name) {
        port = ThrowawayPostgres.freePort();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "laurel-pg-" + name + "-" + port);
        env = Map.of("PGPORT", String.valueOf(port), "PGDIR", dir.toString(), "PGDATABASE", "laurel", "PGDURABLE", "1");
        ThrowawayPostgres.run(ThrowawayPostgres.repoRoot(), env, "start");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public Map<String, String> properties() {
        return Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/laurel",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.dialect", "POSTGRES");
    }

    /** Kills the server as a crash would; the data stays. */
    public void pause() { ThrowawayPostgres.run(ThrowawayPostgres.repoRoot(), env, "pause"); }

    public void resume() { ThrowawayPostgres.run(ThrowawayPostgres.repoRoot(), env, "resume"); }

    @Override
    public synchronized void close() {
        try {
            ThrowawayPostgres.run(ThrowawayPostgres.repoRoot(), env, "stop");
        } catch (RuntimeException ignored) {
            // already stopped, or the JVM is exiting
        }
    }
}
