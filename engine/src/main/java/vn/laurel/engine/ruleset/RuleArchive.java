package vn.laurel.engine.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A rule set's files as one zip: what is stored for every version ever loaded, and what a client
 * sends to preview a proposed rule set. Only rule-set content (DRL and YAML, the files the version
 * hash covers) goes in, so a zip extracted and loaded gives back the same version.
 */
public final class RuleArchive {
    /** Guards against zip bombs: a rule set is a few hundred kilobytes. */
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;

    private RuleArchive() {}

    /** The content files of a rules directory, zipped by their relative path. */
    public static byte[] zip(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RuleSetException(List.of(RuleProblem.error(root.toString(), 0, 0, "rules directory not found")));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path file : new RulesDirectory(root).contentFiles()) {
                ZipEntry entry = new ZipEntry(RulesDirectory.relative(root, file));
                entry.setTime(0); // the same files give the same bytes
                zip.putNextEntry(entry);
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Extracts a zip into an empty directory; entries that would escape it are refused. */
    public static void unzip(byte[] zip, Path target) {
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) throw invalid("more than " + MAX_ENTRIES + " entries");
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root) || e.getName().contains("..")) throw invalid("entry " + e.getName() + " leaves the directory");
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total += copyLimited(in, out, MAX_TOTAL_BYTES - total);
            }
        } catch (IOException e) {
            throw invalid("not a readable zip: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw invalid("not a readable zip: an entry's name is not UTF-8 text");
        }
        if (entries == 0) throw invalid("the zip is empty");
    }

    /**
     * Loads a rule set from a zip, strictly (as written today): extracted to a temporary directory,
     * loaded, and removed again (a loaded rule set needs no files). The zip may hold the rules at its
     * top or in one folder.
     */
    public static RuleSet load(byte[] zip) {
        return load(zip, LoadMode.STRICT);
    }

    /** As {@link #load(byte[])}, strictly or leniently (a version already stored, see {@link LoadMode}). */
    public static RuleSet load(byte[] zip, LoadMode mode) {
        return extracted(zip, dir -> RuleSetLoader.load(dir, mode));
    }

    /** {@link RuleSetLoader#authoringProblems} of a zipped rule set. */
    public static List<RuleProblem> authoringProblems(byte[] zip) {
        return extracted(zip, RuleSetLoader::authoringProblems);
    }

    private static <T> T extracted(byte[] zip, java.util.function.Function<Path, T> read) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("laurel-rules-");
            unzip(zip, dir);
            return read.apply(rulesRoot(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    /** A zip made by zipping a folder holds one top folder; the rules are where regimes.yaml is. */
    private static Path rulesRoot(Path dir) throws IOException {
        if (Files.exists(dir.resolve(RulesDirectory.REGIMES))) return dir;
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> children = list.toList();
            if (children.size() == 1 && Files.exists(children.get(0).resolve(RulesDirectory.REGIMES))) return children.get(0);
        }
        return dir;
    }

    private static long copyLimited(InputStream in, Path out, long budget) throws IOException {
        long written = 0;
        byte[] buf = new byte[8192];
        try (var os = Files.newOutputStream(out)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                written += n;
                if (written > budget) throw invalid("larger than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB when extracted");
                os.write(buf, 0, n);
            }
        }
        return written;
    }

    private static RuleSetException invalid(String why) {
        return new RuleSetException(List.of(RuleProblem.error("(zip)", 0, 0, "the rule-set zip is invalid: " + why)));
    }

    static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
