package vn.laurel.api.imports.upload;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.imports.ImportSource;
import vn.laurel.api.imports.ImportSources;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.limits.ImportLimits;
import vn.laurel.api.limits.Sizes;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.store.RowError;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of one import as received: the body, or every file of a zip body, written to a
 * temporary directory of the import's own and counted byte by byte as they are inflated, so an
 * archive that expands past the limits stops there. Closing it removes the directory and all in
 * it, whatever happened; a refused upload removes it before the refusal is thrown.
 */
public final class UploadedFiles implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Path dir;
    private final ImportLimits limits;
    private final List<ImportSource> sources = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private long expanded;

    private UploadedFiles(Path dir, ImportLimits limits) {
        this.dir = dir;
        this.limits = limits;
    }

    /** A zip body: every file in it, directories skipped. */
    static UploadedFiles unzip(InputStream body, Path tempRoot, ImportLimits limits) {
        UploadedFiles files = create(tempRoot, limits);
        try {
            files.readZip(body);
            if (files.sources.isEmpty()) throw ProblemException.badField("body", "the zip archive holds no files");
            return files;
        } catch (RuntimeException | Error e) {
            files.close();
            throw e;
        }
    }

    /** A body that is one file, named by the client. */
    static UploadedFiles single(InputStream body, String name, Path tempRoot, ImportLimits limits) {
        UploadedFiles files = create(tempRoot, limits);
        try {
            files.save(body, name);
            return files;
        } catch (IOException e) {
            files.close();
            throw unreadable(e, "body", "cannot be read");
        } catch (RuntimeException | Error e) {
            files.close();
            throw e;
        }
    }

    public List<ImportSource> sources() { return List.copyOf(sources); }

    private void readZip(InputStream body) {
        int number = 0;
        String current = null;
        try (ZipInputStream zip = new ZipInputStream(body)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                number++;
                current = e.getName();
                if (e.isDirectory()) continue;
                if (sources.size() == limits.entries()) {
                    throw tooLarge(FileNames.ofEntry(number, e.getName()), "the zip archive holds more than " + limits.entries()
                            + " files, the limit for one import");
                }
                save(zip, FileNames.ofEntry(number, e.getName()));
            }
        } catch (IOException e) {
            String which = current == null ? "" : " at file " + number + ", " + FileNames.shown(current);
            throw unreadable(e, "body", "is not a readable zip archive" + which + ": " + zipFault(e));
        }
    }

    private void save(InputStream in, String name) throws IOException {
        if (!names.add(name)) throw ProblemException.badField("body", "holds two files named " + FileNames.shown(name));
        Path target = dir.resolve(name);
        long entry = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                entry += n;
                expanded += n;
                // Checked on every buffer as it is inflated: what is written never passes the limit by more than one buffer.
                if (entry > limits.entryBytes()) {
                    throw tooLarge(name, "expands to more than " + Sizes.of(limits.entryBytes()) + ", the limit for one file");
                }
                if (expanded > limits.expandedBytes()) {
                    throw tooLarge(name, "brings the import past " + Sizes.of(limits.expandedBytes()) + " expanded, the limit for one import");
                }
                out.write(buffer, 0, n);
            }
        }
        sources.add(ImportSources.file(target));
    }

    private static ProblemException tooLarge(String file, String message) {
        return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, file + ": " + message + "; nothing was imported.",
                List.of(new RowError(file, 0, "body", message)));
    }

    /** The body ended or broke while being read: too large for the server (413), or damaged (400). */
    private static ProblemException unreadable(IOException e, String field, String message) {
        ProblemException read = Bodies.unreadable(e);
        return read.problem().status() == 413 ? read : ProblemException.badField(field, message);
    }

    private static String zipFault(IOException e) {
        if (e instanceof EOFException) return "it ends early (cut short in transfer?)";
        if (e instanceof ZipException && e.getMessage() != null) return e.getMessage();
        return "it is damaged";
    }

    private static UploadedFiles create(Path tempRoot, ImportLimits limits) {
        try {
            return new UploadedFiles(Files.createTempDirectory(tempRoot, "laurel-import-"), limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for an import under " + tempRoot, e);
        }
    }

    /** Removes the directory and every file in it. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Already gone: nothing to remove.
        }
    }
}
