package vn.laurel.api.imports.upload;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.api.limits.ImportLimits;
import vn.laurel.api.problem.ProblemException;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Receives the body of an import: a zip of files, or one file named by {@code ?file=}. The files
 * are written under {@code laurel.imports.temp-dir} (the system's temporary directory unless set:
 * an import may need as much room as its expanded limit) and are removed when the import is over.
 */
@Singleton
public class Uploads {
    private final Path tempRoot;
    private final ImportLimits limits;

    public Uploads(@Value("${laurel.imports.temp-dir:}") String tempDir, ImportLimits limits) {
        this.tempRoot = Path.of(tempDir == null || tempDir.isBlank() ? System.getProperty("java.io.tmpdir") : tempDir);
        this.limits = limits;
    }

    public ImportLimits limits() { return limits; }

    public UploadedFiles zip(InputStream body) {
        return UploadedFiles.unzip(body, tempRoot, limits);
    }

    /** One file; {@code name} is the {@code ?file=} parameter, or null for the default. */
    public UploadedFiles file(InputStream body, String name, String defaultName) {
        if (name == null && defaultName == null) {
            throw ProblemException.badField("file", "name the CSV file, e.g. ?file=ratings.csv");
        }
        return UploadedFiles.single(body, name == null ? defaultName : FileNames.ofParameter(name), tempRoot, limits);
    }
}
