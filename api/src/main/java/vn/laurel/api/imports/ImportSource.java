package vn.laurel.api.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * One file of an import. Its name says what it holds: {@code ratings.csv}, {@code people.csv}… (see
 * examples/demo/README.md), or {@code *.json} for case documents.
 */
public record ImportSource(String name, Opener opener) {
    @FunctionalInterface
    public interface Opener { InputStream open() throws IOException; }

    public InputStream open() throws IOException { return opener.open(); }
}
