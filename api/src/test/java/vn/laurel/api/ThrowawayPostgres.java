package vn.laurel.api;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for the tests, started once per test JVM by scripts/pg-throwaway.sh on a free
 * port and stopped when the JVM exits. The script installs the postgresql package if its binaries
 * are missing, and runs the server as the postgres OS user when the tests run as root.
 */
public final class ThrowawayPostgres {
    private static Map<String, String> properties;

    private ThrowawayPostgres() {}

    public static synchronized Map<String, String> ensureStarted() {
        if (properties != null) return properties;
        Path root = repoRoot();
        int port = freePort();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "laurel-pg-test-" + port);
        Map<String, String> env = Map.of("PGPORT", String.valueOf(port), "PGDIR", dir.toString(), "PGDATABASE", "laurel");
        run(root, env, "start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(root, env, "stop");
            } catch (RuntimeException ignored) {
                // the JVM is exiting; the directory is under the temporary directory either way
            }
        }));
        properties = Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + port + "/laurel",
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.dialect", "POSTGRES");
        return properties;
    }

    /** Another database on the same server, for tests that must not share data (they tamper with it). */
    public static Map<String, String> separateDatabase(String name) {
        Map<String, String> props = new java.util.HashMap<>(ensureStarted());
        String url = props.get("datasources.default.url");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        props.put("datasources.default.url", url.substring(0, url.lastIndexOf('/') + 1) + name);
        return props;
    }

    /** The URL of a database made by {@link #separateDatabase}. */
    public static String separateDatabaseUrl(String name) {
        String url = ensureStarted().get("datasources.default.url");
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    public static Path repoRoot() {
        String root = System.getProperty("laurel.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    static void run(Path root, Map<String, String> env, String command) {
        try {
            // Output goes to a file: writing to the surefire fork's own streams corrupts its channel.
            File log = Files.createTempFile("laurel-pg-", ".log").toFile();
            ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("scripts/pg-throwaway.sh").toString(), command)
                    .redirectErrorStream(true).redirectOutput(log);
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg-throwaway.sh " + command + " failed:\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pg-throwaway.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
