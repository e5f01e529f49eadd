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
import vn.laurel.api.imports.upload.UploadedFiles;
import vn.laurel.api.imports.upload.Uploads;
import vn.laurel.api.security.Requester;
import vn.laurel.api.problem.Problem;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.json.Json;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Bulk import. The body is one CSV file ({@code text/csv}, named by {@code ?file=ratings.csv}), a zip
 * of CSV and JSON files ({@code application/zip}: one import, one transaction), or case documents
 * ({@code application/json}). Answers 201 with what was inserted, superseded and unchanged, or 422
 * with every bad row by file, row and field — and then nothing was written. With {@code ?async=true}
 * it answers 202 at once; {@code GET /api/v1/imports/{id}} shows progress and the outcome. What a body
 * may expand to, and how many files, rows and characters per field it may hold, is limited
 * ({@code laurel.limits.import-*}): 413 for size, 422 for rows and fields, checked as it streams.
 */
// Importing: clerks; reading an import's report: auditors too (see the methods).
@Secured({Roles.CLERK, Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportsController {
    private final ImportService imports;
    private final Uploads uploads;
    private final ExecutorService background;

    public ImportsController(ImportService imports, Uploads uploads, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.imports = imports;
        this.uploads = uploads;
        this.background = background;
    }

    @Secured({Roles.CLERK, Roles.ADMIN})
    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<String> upload(HttpRequest<?> request, @Body InputStream body, @Nullable @QueryValue String file,
                                       @Nullable @QueryValue Boolean async) {
        String type = request.getContentType().map(MediaType::getName).orElse("");
        UploadedFiles files = switch (type) {
            case "application/zip", MediaType.APPLICATION_OCTET_STREAM -> uploads.zip(body);
            case MediaType.APPLICATION_JSON -> uploads.file(body, file, "cases.json");
            default -> uploads.file(body, file, null);
        };
        // The files are removed when the import is over, on every path: by the background task once
        // it has run, else here (refused, failed or done).
        boolean handedOver = false;
        try {
            List<ImportSource> sources = files.sources();
            String client = Requester.of(request);
            long id = imports.begin(sources.stream().map(ImportSource::name).toList(), client);
            if (Boolean.TRUE.equals(async)) {
                background.submit(() -> {
                    try (files) {
                        imports.run(id, sources, client, uploads.limits());
                    } catch (RuntimeException ignored) {
                        // The outcome is recorded on the import; GET /api/v1/imports/{id} shows it.
                    }
                });
                handedOver = true;
                return HttpResponse.<String>status(HttpStatus.ACCEPTED).header(io.micronaut.http.HttpHeaders.LOCATION, "/api/v1/imports/" + id)
                        .body(Json.write(imports.find(id).orElseThrow()));
            }
            try {
                ImportReport report = imports.run(id, sources, client, uploads.limits());
                return HttpResponse.<String>status(HttpStatus.CREATED).header(io.micronaut.http.HttpHeaders.LOCATION, "/api/v1/imports/" + id).body(Json.write(report));
            } catch (ImportFailedException e) {
                return new Problem("about:blank", "Unprocessable Content", 422,
                        "Import " + id + " refused: " + e.report().errorCount() + " bad row(s); nothing was written.",
                        "/api/v1/imports/" + id, e.errors()).toResponse();
            }
        } finally {
            if (!handedOver) files.close();
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
}
