package vn.laurel.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's own rules/ and examples/, which the tests read as the service does. */
public final class RepoPaths {
    private RepoPaths() {}

    public static Path root() {
        String root = System.getProperty("laurel.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path rules() { return root().resolve("rules"); }

    /** A private copy of the repository's rules, for a test to break or change. */
    public static Path copyOfRules(Path dir) throws IOException {
        Path src = rules();
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return dir;
    }
}
