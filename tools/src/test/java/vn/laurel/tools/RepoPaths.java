package vn.laurel.tools;

import java.nio.file.Path;

/** The repository's own rules/ and examples/, which the tests read. */
public final class RepoPaths {
    private RepoPaths() {}

    public static Path root() {
        String root = System.getProperty("laurel.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).toAbsolutePath().normalize();
    }

    public static Path rules() { return root().resolve("rules"); }
}
