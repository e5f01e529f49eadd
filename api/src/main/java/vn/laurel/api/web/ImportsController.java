package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import vn.laurel.api.imports.*;
import vn.laurel.api.security.Requester;
import vn.laurel.api.problem.Problem;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Bulk import. The body is one CSV file ({@code text/csv}, named by {@code ?file=ratings.csv}), a zip
 * of CSV and JSON files ({@code application/zip}: one import, one transaction), or case documents
 * ({@code application/json}). Answers 201 with what was inserted, superseded and unchanged, or 422
 * with every bad row by file, row and field — and then nothing was written. With {@code ?async=true}
 * it answers 202 at once; {@code GET /api/v1/imports/{id}} shows progress and the outcome.
 */
// Importing: clerks; reading an import's report: auditors too (see the methods).
@Secured({Roles.CLERK, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportsController {
    private final ImportService imports;
    private final ExecutorService background;

    public ImportsController(ImportService imports, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.imports = imports;
        this.background = background;
    }

    @Secured({Roles.CLERK, Roles.ADMIN})
    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<String> upload(HttpRequest<?> request, @Body InputStream body, @Nullable @QueryValue String file,
                                       @Nullable @QueryValue Boolean async) {
        String type = request.getContentType().map(MediaType::getName).orElse("");
        Path dir = temporaryDirectory();
        List<ImportSource> sources = switch (type) {
            case "application/zip", MediaType.APPLICATION_OCTET_STREAM -> unzip(body, dir);
            case MediaType.APPLICATION_JSON -> List.of(save(body, dir, file == null ? "cases.json" : file));
            default -> {
                if (file == null || file.isBlank()) {
                    throw ProblemException.badField("file", "name the CSV file, e.g. ?file=ratings.csv");
                }
                yield List.of(save(body, dir, file));
            }
        };
        String client = Requester.of(request);
        long id = imports.begin(sources.stream().map(ImportSource::name).toList(), client);
        if (Boolean.TRUE.equals(async)) {
            background.submit(() -> {
                try {
                    imports.run(id, sources, client);
                } catch (RuntimeException ignored) {
                    // The outcome is recorded on the import; GET /api/v1/imports/{id} shows it.
                } finally {
                    deleteQuietly(dir);
                }
            });
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).header(io.micronaut.http.HttpHeaders.LOCATION, "/api/v1/imports/" + id)
                    .body(Json.write(imports.find(id).orElseThrow()));
        }
        try {
            ImportReport report = imports.run(id, sources, client);
            return HttpResponse.<String>status(HttpStatus.CREATED).header(io.micronaut.http.HttpHeaders.LOCATION, "/api/v1/imports/" + id).body(Json.write(report));
        } catch (ImportFailedException e) {
            return new Problem("about:blank", "Unprocessable Content", 422,
                    "Import " + id + " refused: " + e.report().errorCount() + " bad row(s); nothing was written.",
                    "/api/v1/imports/" + id, e.errors()).toResponse();
        } finally {
            deleteQuietly(dir);
        }
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> status(@PathVariable String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "\"" + id + "\" is not an import id");
        }
        return HttpResponse.ok(Json.write(imports.find(key).orElseThrow(() -> ProblemException.notFound("No import with id " + id))));
    }

    private static ImportSource save(InputStream in, Path dir, String name) {
        String safe = Path.of(name).getFileName().toString();
        try {
            Path target = dir.resolve(safe);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return ImportSources.file(target);
        } catch (IOException e) {
            // The body is streamed: its size limit is only met while reading it.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof io.micronaut.http.exceptions.ContentLengthExceededException tooLarge) {
                    throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge.getMessage(),
                            List.of(new vn.laurel.engine.caseformat.FieldError("body", tooLarge.getMessage())));
                }
            }
            throw new UncheckedIOException(e);
        }
    }

    private static List<ImportSource> unzip(InputStream in, Path dir) {
        List<ImportSource> sources = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) continue;
                sources.add(save(zip, dir, e.getName()));
            }
        } catch (IOException e) {
            throw ProblemException.badField("body", "is not a readable zip archive: " + e.getMessage());
        }
        if (sources.isEmpty()) throw ProblemException.badField("body", "the zip archive holds no files");
        return sources;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("laurel-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is cleaned by the system
        }
    }
}
