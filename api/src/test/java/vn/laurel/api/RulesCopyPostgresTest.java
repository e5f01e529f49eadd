package vn.laurel.api;

import vn.laurel.engine.ruleset.RuleArchive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL test whose service reads its rules from a private copy of the repository's rules/,
 * which the test may change and reload; the repository's own files are never touched.
 */
public abstract class RulesCopyPostgresTest extends PostgresTest {
    protected Path rulesDir;

    @Override
    public Map<String, String> getProperties() {
        rulesDir = copyOfRules();
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("laurel.rules.dir", rulesDir.toString());
        return p;
    }

    /** The repository's rule files (the content a version covers) extracted into a new temporary directory. */
    public static Path copyOfRules() {
        try {
            Path dir = Files.createTempDirectory("laurel-rules-test-");
            RuleArchive.unzip(RuleArchive.zip(ThrowawayPostgres.repoRoot().resolve("rules")), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) throw new AssertionError(file + " does not contain " + from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
