package vn.laurel.api.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where import files come from: a directory on the server, or files on the command line. */
public final class ImportSources {
    private ImportSources() {}

    /** Every .csv and .json file of a directory. */
    public static List<ImportSource> directory(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches(".*\\.(csv|json)"))
                    .sorted().map(ImportSources::file).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public static ImportSource file(Path path) {
        return new ImportSource(path.getFileName().toString(), () -> Files.newInputStream(path));
    }
}
