package vn.laurel.engine.ruleset;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A rule set with the scenarios that prove it: every file by its path, {@code rules/…} for the rule
 * set's content (DRL and YAML, what the version hash covers) and {@code scenarios/…} for the
 * scenario files. This is what the database stores for each revision, what a draft edits, and what
 * {@code ./laurel rules pull} writes and {@code push} reads (the two folders side by side).
 *
 * <p>The rules part zipped alone ({@link #rulesZip}) is byte for byte what {@link RuleArchive#zip}
 * gives for the same directory, so its version is the version decisions record.
 */
public final class RuleBundle {
    public static final String RULES = "rules/";
    public static final String SCENARIOS = "scenarios/";
    static final int MAX_PATH = 300;

    private final SortedMap<String, byte[]> files;

    private RuleBundle(SortedMap<String, byte[]> files) {
        this.files = Collections.unmodifiableSortedMap(files);
    }

    public static RuleBundle of(Map<String, byte[]> files) {
        SortedMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> {
            String problem = pathProblem(path);
            if (problem != null) throw invalid(path, problem);
            copy.put(path, bytes.clone());
        });
        requireNoFileUnderAFile(copy);
        return new RuleBundle(copy);
    }

    /** rules/a.drl and rules/a.drl/b.drl cannot both be files of one folder tree. */
    private static void requireNoFileUnderAFile(SortedMap<String, byte[]> files) {
        for (String path : files.keySet()) {
            SortedMap<String, byte[]> under = files.tailMap(path + "/");
            if (!under.isEmpty() && under.firstKey().startsWith(path + "/")) {
                throw invalid(under.firstKey(), "lies under " + path + ", which is a file");
            }
        }
    }

    /** The rules directory's content files and the scenario folder's scenario files (a missing folder gives none). */
    public static RuleBundle fromDirectories(Path rulesDir, Path scenariosDir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        Path rules = rulesDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(rules)) {
            throw new RuleSetException(List.of(RuleProblem.error(rules.toString(), 0, 0, "rules directory not found")));
        }
        try {
            for (Path file : new RulesDirectory(rules).contentFiles()) {
                files.put(RULES + RulesDirectory.relative(rules, file), Files.readAllBytes(file));
            }
            if (scenariosDir != null && Files.isDirectory(scenariosDir)) {
                Path root = scenariosDir.toAbsolutePath().normalize();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path file : walk.filter(Files::isRegularFile).filter(RuleBundle::isScenarioFile).sorted().toList()) {
                        files.put(SCENARIOS + RulesDirectory.relative(root, file), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Refused here, at the door: a name stored now and refused when read back would lock every later reader out.
        List<RuleProblem> problems = new ArrayList<>();
        files.keySet().forEach(path -> {
            String problem = pathProblem(path);
            if (problem != null) problems.add(RuleProblem.error(path, 0, 0, problem));
        });
        if (!problems.isEmpty()) throw new RuleSetException(problems);
        return new RuleBundle(files);
    }

    /** A bundle written by {@link #writeTo}: {@code DIR/rules} and {@code DIR/scenarios}. */
    public static RuleBundle fromDirectory(Path dir) {
        return fromDirectories(dir.resolve("rules"), dir.resolve("scenarios"));
    }

    /** The rules zip (as stored per version) and the scenarios zip (as stored per revision) put together again. */
    public static RuleBundle fromZips(byte[] rulesZip, byte[] scenariosZip) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        read(rulesZip, RULES, files);
        if (scenariosZip != null && scenariosZip.length > 0) read(scenariosZip, SCENARIOS, files);
        return of(files);
    }

    /** A whole bundle as one zip ({@code rules/…}, {@code scenarios/…}), as {@link #toZip} writes it. */
    public static RuleBundle fromZip(byte[] zip) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        read(zip, "", files);
        return of(files);
    }

    /** Why a path cannot be a file of a bundle, or null when it can. */
    public static String pathProblem(String path) {
        if (path == null || path.isBlank()) return "a file needs a path";
        if (path.length() > MAX_PATH) return "a path may have at most " + MAX_PATH + " characters";
        if (path.contains("\\") || path.startsWith("/") || path.contains("//") || path.endsWith("/")) {
            return "a path is written with single forward slashes, relative, such as rules/law-2022/advanced-laborer.drl";
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.startsWith(".")) return "a path may not contain \"" + part + "\"";
            if (!part.matches("[A-Za-z0-9._-]+")) return "a path uses letters, digits, '.', '_' and '-' only (\"" + part + "\")";
        }
        if (path.startsWith(RULES)) {
            if (!(path.endsWith(".drl") || path.endsWith(".yaml") || path.endsWith(".yml"))) {
                return "a rule-set file is a .drl or .yaml file";
            }
            return null;
        }
        if (path.startsWith(SCENARIOS)) {
            return isScenarioName(path) ? null : "a scenario is a .yaml, .yml or .json file";
        }
        return "a file lives under rules/ or scenarios/";
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path)).map(byte[]::clone);
    }

    public RuleBundle with(String path, byte[] content) {
        String problem = pathProblem(path);
        if (problem != null) throw invalid(path, problem);
        SortedMap<String, byte[]> next = new TreeMap<>(files);
        next.put(path, content.clone());
        requireNoFileUnderAFile(next);
        return new RuleBundle(next);
    }

    public RuleBundle without(String path) {
        SortedMap<String, byte[]> next = new TreeMap<>(files);
        next.remove(path);
        return new RuleBundle(next);
    }

    /** The rule-set files alone, zipped as {@link RuleArchive#zip} zips a directory: their version is the rule-set version. */
    public byte[] rulesZip() {
        return zip(RULES, true);
    }

    /** The scenario files alone, relative to the scenario folder. */
    public byte[] scenariosZip() {
        return zip(SCENARIOS, true);
    }

    /** Every file, with its {@code rules/} or {@code scenarios/} prefix. */
    public byte[] toZip() {
        return zip("", false);
    }

    /** The rule-set version of the rules part: the hash decisions record. */
    public String rulesVersion() {
        return ContentHash.of(part(RULES));
    }

    /** A hash over every file, rules and scenarios: two bundles with the same files have the same hash. */
    public String contentHash() {
        return ContentHash.of(new LinkedHashMap<>(files));
    }

    public boolean hasScenarios() {
        return files.keySet().stream().anyMatch(p -> p.startsWith(SCENARIOS));
    }

    /** Writes {@code DIR/rules/…} and {@code DIR/scenarios/…}; DIR must be empty or absent. */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir.resolve("rules"));
            Files.createDirectories(dir.resolve("scenarios"));
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path out = dir.resolve(e.getKey()).normalize();
                if (!out.startsWith(dir.normalize())) throw invalid(e.getKey(), "leaves the directory");
                Files.createDirectories(out.getParent());
                Files.write(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of one part, without its prefix, in path order. */
    public SortedMap<String, byte[]> part(String prefix) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        files.forEach((path, bytes) -> {
            if (path.startsWith(prefix)) out.put(path.substring(prefix.length()), bytes);
        });
        return out;
    }

    private byte[] zip(String prefix, boolean strip) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                if (!e.getKey().startsWith(prefix)) continue;
                ZipEntry entry = new ZipEntry(strip ? e.getKey().substring(prefix.length()) : e.getKey());
                entry.setTime(0); // the same files give the same bytes
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void read(byte[] zip, String prefix, SortedMap<String, byte[]> into) {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > RuleArchive.MAX_ENTRIES) throw invalid("(zip)", "more than " + RuleArchive.MAX_ENTRIES + " entries");
                if (e.isDirectory()) continue;
                byte[] content = readLimited(in, RuleArchive.MAX_TOTAL_BYTES - total);
                total += content.length;
                // Two entries of one name: which one counts would be an accident of the reader.
                if (into.put(prefix + e.getName(), content) != null) throw invalid(e.getName(), "the zip holds this file twice");
            }
        } catch (IOException e) {
            throw invalid("(zip)", "not a readable zip: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // The JDK's way of saying an entry's name is not UTF-8.
            throw invalid("(zip)", "not a readable zip: an entry's name is not UTF-8 text");
        }
    }

    private static byte[] readLimited(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long written = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            written += n;
            if (written > budget) throw invalid("(zip)", "larger than " + RuleArchive.MAX_TOTAL_BYTES / (1024 * 1024) + " MB when extracted");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean isScenarioFile(Path p) {
        return isScenarioName(p.getFileName().toString());
    }

    private static boolean isScenarioName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static RuleSetException invalid(String path, String why) {
        return new RuleSetException(List.of(RuleProblem.error(path, 0, 0, why)));
    }
}
