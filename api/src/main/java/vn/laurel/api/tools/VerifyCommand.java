package vn.laurel.api.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.laurel.api.Application;
import vn.laurel.api.checkpoint.CheckpointKey;
import vn.laurel.api.checkpoint.FromCheckpointStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.cli.Cli;
import vn.laurel.engine.json.Json;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ./laurel verify --db JDBC_URL [--from-checkpoint ID|latest] [--key-id KEY]}: verifies the audit
 * chains straight from the database, without a running service: every record, or only those after a
 * signed checkpoint. Plain JDBC, no application context: a verification needs nothing but the tables.
 * The result, as JSON, goes to stdout, with the time taken and the memory used.
 */
@Command(name = "laurel verify", description = {"Verify the audit chains (decisions and flags) straight from the database: every record,",
        "or only those after a signed checkpoint. The result, as JSON, goes to stdout."},
        exitCodeListHeading = Cli.EXIT_CODES_HEADING,
        exitCodeList = {"0:the chains are intact", "1:a record was altered, inserted, deleted or rewritten (the first one named), "
                + "or the database could not be read", "2:usage error, or a checkpoint that cannot be trusted"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Cli.Help help;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The database (default: LAUREL_DB_URL).")
    String db;

    @Option(names = "--from-checkpoint", paramLabel = "ID|latest", description = {"Only the records after this stored checkpoint",
            "(latest: the newest signed with the trusted key); its head hashes are trusted, once its signature holds."})
    String from;

    @Option(names = "--key-id", paramLabel = "KEY", description = {"With --from-checkpoint: the key id trusted (as recorded when the",
            "checkpoint was published, e.g. ed25519:…); default: the key of LAUREL_CHECKPOINT_KEY_FILE or LAUREL_CHECKPOINT_KEY."})
    String keyId;

    public static void main(String[] args) {
        Cli.main(new VerifyCommand(), args);
    }

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = new HashMap<>(System.getenv());
        if (db != null) env.put("LAUREL_DB_URL", db);
        if (env.get("LAUREL_DB_URL") == null) throw usage("name the database: --db JDBC_URL or LAUREL_DB_URL");
        Map<String, Object> settings;
        try {
            settings = Application.databaseSettings(env);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        String trusted = from == null ? null : trustedKey(env);
        long started = System.nanoTime();
        try {
            Map<String, Object> result = FromCheckpointStore.verify((String) settings.get("datasources.default.url"),
                    (String) settings.get("datasources.default.username"), (String) settings.get("datasources.default.password"), from, trusted);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> summary = new LinkedHashMap<>(result);
            summary.put("seconds", Math.round(seconds * 10) / 10.0);
            summary.put("recordsPerSecond", Math.round(((Number) result.get("checked")).longValue() / Math.max(seconds, 1e-3)));
            summary.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
            summary.put("peakHeapMb", peakHeapMb());
            summary.put("peakRssMb", peakRssMb());
            out.println(Json.writePretty(summary));
            out.flush();
            return Boolean.TRUE.equals(result.get("intact")) ? Cli.OK : Cli.FAILED;
        } catch (ProblemException e) {
            throw usage(e.getMessage());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("laurel verify: " + e.getMessage());
            return Cli.FAILED;
        }
    }

    /** The key trusted to have signed the checkpoint started from: named, or the one configured for the service. */
    private String trustedKey(Map<String, String> env) {
        if (keyId != null && !keyId.isBlank()) return keyId.trim();
        String file = env.getOrDefault("LAUREL_CHECKPOINT_KEY_FILE", ""), pem = env.getOrDefault("LAUREL_CHECKPOINT_KEY", "");
        // The service creates a missing key file; a verification must not.
        if (!file.isBlank() && !Files.isRegularFile(Path.of(file))) throw usage("LAUREL_CHECKPOINT_KEY_FILE " + file + " does not exist");
        if (file.isBlank() && pem.isBlank()) {
            throw usage("--from-checkpoint trusts a checkpoint only under a key you trust: give --key-id, or LAUREL_CHECKPOINT_KEY_FILE");
        }
        try {
            return new CheckpointKey(file, pem, false).keyId();
        } catch (RuntimeException e) {
            throw usage("the checkpoint key cannot be read: " + e.getMessage());
        }
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak >> 20;
    }

    /** The resident set's high-water mark (Linux); null elsewhere. */
    private static Long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux
        }
        return null;
    }

    private ParameterException usage(String why) {
        return new ParameterException(spec.commandLine(), why);
    }
}
