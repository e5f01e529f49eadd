package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.limits.DraftFileLimit;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftInputs;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSetException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * Drafts of the rules over HTTP: open one, change its files (each save checked), read its diff,
 * propose it, have a second person approve or reject it, publish it. Writing is for policy staff and
 * administrators; auditors read every draft and its review. A file's GET answers {@code ETag: "sha256:<hex>"};
 * a PUT with {@code If-Match} of that value is refused with 412 when someone saved the file meanwhile.
 */
@Secured({Roles.POLICY, Roles.ADMIN})
@Controller("/api/v1/ruleset/drafts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DraftsController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT_UTF8 = "text/plain; charset=utf-8";
    static final int MAX_LIST = 1000;

    private final DraftService drafts;
    private final DraftFileLimit fileLimit;

    public DraftsController(DraftService drafts, DraftFileLimit fileLimit) {
        this.drafts = drafts;
        this.fileLimit = fileLimit;
    }

    /**
     * JSON {"title": "…", "from": 12 | "sha256:…"} copies a stored revision (default: the one in
     * service); a zip body (rules/…, scenarios/…, as {@code ./laurel rules push} sends a directory)
     * becomes the draft's files, with title, note and from in the query.
     */
    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, "application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body InputStream body) {
        String type = request.getContentType().map(MediaType::getName).orElse(MediaType.APPLICATION_JSON);
        byte[] bytes = Bodies.readAll(body);
        String by = Requester.of(request);
        Object view;
        if (MediaType.APPLICATION_JSON.equals(type)) {
            JsonNode json = object(bytes, "title", "from");
            view = drafts.create(text(json, "title"), from(json.get("from")), by);
        } else {
            String title = request.getParameters().get("title");
            String note = request.getParameters().get("note"); // ./laurel rules push --note: kept as the draft's note
            String fromText = request.getParameters().get("from");
            Object from = fromText == null || fromText.isBlank() ? null : from(JSON.getNodeFactory().textNode(fromText));
            view = drafts.createFromBundle(uploaded(bytes), drafts.baseRevisionId(from), by, title, note);
        }
        return HttpResponse.status(HttpStatus.CREATED).body(Json.write(view)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(@Nullable @QueryValue String status, @Nullable @QueryValue String before,
                                     @Nullable @QueryValue String limit) {
        DraftStatus s = null;
        if (status != null && !status.isBlank()) {
            s = DraftStatus.parse(status.strip());
            if (s == null) throw ProblemException.badField("status", "\"" + status + "\" is not a draft status ("
                    + String.join(", ", Arrays.stream(DraftStatus.values()).map(Enum::name).toList()) + ")");
        }
        Long b = before == null || before.isBlank() ? null : number("before", before);
        int n = limit == null || limit.isBlank() ? 100 : (int) Math.min(number("limit", limit), Integer.MAX_VALUE);
        if (n > MAX_LIST) throw ProblemException.badField("limit", "must be between 1 and " + MAX_LIST);
        return HttpResponse.ok(Json.write(Map.of("drafts", drafts.list(s, b, n))));
    }

    @Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(@PathVariable String id) {
        return HttpResponse.ok(Json.write(drafts.view(number("id", id))));
    }

    @Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/{id}/files", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> files(@PathVariable String id) {
        long draft = number("id", id);
        return HttpResponse.ok(Json.write(Map.of("draft", draft, "files", drafts.files(draft))));
    }

    /** The file's content, with {@code ETag: "sha256:<hex>"} (its SHA-256): send it back as {@code If-Match} with a PUT. */
    @Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/{id}/files/{+path}", produces = TEXT_UTF8)
    public HttpResponse<byte[]> file(@PathVariable String id, @PathVariable String path) {
        long draft = number("id", id);
        byte[] content = drafts.file(draft, path(path));
        return HttpResponse.ok(content).contentType(TEXT_UTF8).header("ETag", etag(DraftService.fileVersion(content)));
    }

    /**
     * The body is the file's new content, UTF-8 text; the answer is the draft with the check of its new files.
     * Optional {@code If-Match: "sha256:<hex>"} (the ETag of the GET): when the file is no longer that (someone
     * saved it meanwhile, or it was deleted), 412 Precondition Failed naming If-Match, nothing written.
     * Without it the save replaces whatever is there.
     */
    @Put(value = "/{id}/files/{+path}", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, "application/x-yaml", "application/yaml", "text/yaml",
            "text/x-yaml", MediaType.APPLICATION_JSON})
    public HttpResponse<String> save(HttpRequest<?> request, @PathVariable String id, @PathVariable String path,
                                     @Nullable @Body InputStream body) {
        long draft = number("id", id);
        String file = path(path);
        byte[] bytes = Bodies.readAll(body);
        fileLimit.check("body", bytes.length);
        requireUtf8("body", bytes);
        DraftInputs.requireText("body", bytes);
        String expected = ifMatch(request.getHeaders().get("If-Match"));
        try {
            return HttpResponse.ok(Json.write(drafts.save(draft, file, bytes, Requester.of(request), expected)));
        } catch (DraftService.StaleFile e) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "If-Match: " + file + " is no longer " + etag(expected)
                    + " (it is now " + (DraftService.ABSENT.equals(e.current()) ? "absent" : etag(e.current()))
                    + "): someone saved it meanwhile; nothing was saved. GET it again and apply your change again.",
                    List.of(new FieldError("If-Match", "the file changed since you read it")));
        }
    }

    private static String etag(String version) {
        return "\"sha256:" + version + "\"";
    }

    /** The SHA-256 an If-Match header names ("sha256:<hex>", quoted as an ETag), or null without the header. */
    private static @Nullable String ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) return null;
        String v = header.strip();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) v = v.substring(1, v.length() - 1);
        if (!v.matches("sha256:[0-9a-fA-F]{64}")) {
            throw ProblemException.badField("If-Match", "is the ETag of the file as you read it: \"sha256:<hex>\"");
        }
        return v.substring("sha256:".length()).toLowerCase(Locale.ROOT);
    }

    @Delete(value = "/{id}/files/{+path}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> deleteFile(HttpRequest<?> request, @PathVariable String id, @PathVariable String path) {
        long draft = number("id", id);
        return HttpResponse.ok(Json.write(drafts.delete(draft, path(path), Requester.of(request))));
    }

    /** ?against=base (default) or active. */
    @Secured({Roles.POLICY, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/{id}/diff", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> diff(@PathVariable String id, @Nullable @QueryValue String against) {
        long draft = number("id", id);
        if (against != null && !against.isBlank() && !against.equals("base") && !against.equals("active")) {
            throw ProblemException.badField("against", "is \"base\" (the default) or \"active\"");
        }
        return HttpResponse.ok(Json.write(drafts.diff(draft, "active".equals(against))));
    }

    /** {"note": "why this change"} (required). */
    @Post(value = "/{id}/propose", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<String> propose(HttpRequest<?> request, @PathVariable String id, @Nullable @Body InputStream body) {
        long draft = number("id", id);
        JsonNode json = object(Bodies.readAll(body), "note");
        return HttpResponse.ok(Json.write(drafts.propose(draft, text(json, "note"), Requester.of(request))));
    }

    /**
     * {"contentHash": "sha256:…" (required: the draft's contentHash as the reviewer read it), "note": "…"
     * (optional)}. Approving names what was read, so content changed meanwhile is never approved unseen.
     */
    @Post(value = "/{id}/approve", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<String> approve(HttpRequest<?> request, @PathVariable String id, @Nullable @Body InputStream body) {
        long draft = number("id", id);
        JsonNode json = object(Bodies.readAll(body), "contentHash", "note");
        return HttpResponse.ok(Json.write(drafts.approve(draft, text(json, "contentHash"), text(json, "note"), Requester.of(request))));
    }

    /** {"reason": "…"} (required), "contentHash" optional (when given, it must still be the draft's). */
    @Post(value = "/{id}/reject", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<String> reject(HttpRequest<?> request, @PathVariable String id, @Nullable @Body InputStream body) {
        long draft = number("id", id);
        JsonNode json = object(Bodies.readAll(body), "contentHash", "reason");
        return HttpResponse.ok(Json.write(drafts.reject(draft, text(json, "contentHash"), text(json, "reason"), Requester.of(request))));
    }

    @Post(value = "/{id}/publish", produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<String> publish(HttpRequest<?> request, @PathVariable String id, @Nullable @Body InputStream body) {
        long draft = number("id", id);
        object(Bodies.readAll(body));
        return HttpResponse.ok(Json.write(drafts.publish(draft, Requester.of(request))));
    }

    /** Discards the draft: its author, or an administrator. */
    @Delete(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> discard(HttpRequest<?> request, @PathVariable String id) {
        long draft = number("id", id);
        boolean admin = request.getUserPrincipal(Authentication.class).map(a -> a.getRoles().contains(Roles.ADMIN)).orElse(false);
        return HttpResponse.ok(Json.write(drafts.discard(draft, Requester.of(request), admin)));
    }

    // ---- reading the request ----

    /** An uploaded bundle: every entry a valid path, no file over the limit, all text UTF-8. */
    private RuleBundle uploaded(byte[] zip) {
        if (zip.length == 0) throw ProblemException.badField("body", "send the draft's files as a zip (rules/…, scenarios/…)");
        RuleBundle bundle;
        try {
            bundle = RuleBundle.fromZip(zip);
        } catch (RuleSetException e) {
            List<FieldError> errors = e.getProblems().stream()
                    .map(p -> new FieldError(p.file() == null || p.file().startsWith("(") ? "body" : p.file(), p.message())).toList();
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The zip cannot be a draft: " + errors.stream()
                    .map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
        if (bundle.files().isEmpty()) throw ProblemException.badField("body", "the zip holds no file");
        bundle.files().forEach((path, bytes) -> {
            fileLimit.check(path, bytes.length);
            requireUtf8(path, bytes);
        });
        return bundle;
    }

    private static String path(String path) {
        String problem = RuleBundle.pathProblem(path);
        if (problem != null) throw ProblemException.badField("path", problem);
        return path;
    }

    private static void requireUtf8(String field, byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw ProblemException.badField(field, "is not UTF-8 text");
        }
    }

    private static long number(String field, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < 1) throw ProblemException.badField(field, "must be a positive number");
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a number");
        }
    }

    /** "from": a revision id (number) or a rule-set version (sha256:…). */
    private static Object from(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() > 0) return v.asLong();
        if (v.isTextual()) {
            String text = v.asText().strip();
            if (text.matches("[0-9]{1,18}") && Long.parseLong(text) > 0) return Long.parseLong(text);
            if (text.matches("sha256:[0-9a-f]{64}")) return text;
        }
        throw ProblemException.badField("from", "is a revision number such as 12 or a rule-set version (sha256:…)");
    }

    /** The body as a JSON object with only the fields named; an empty body is an empty object. */
    private static JsonNode object(byte[] bytes, String... fields) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) return JSON.createObjectNode();
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw ProblemException.badField("body", "is not JSON: " + JsonProblems.describe(e));
        }
        if (json == null || !json.isObject()) throw ProblemException.badField("body", "must be a JSON object");
        List<String> allowed = List.of(fields);
        json.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) throw ProblemException.badField(f, "is not a field here"
                    + (allowed.isEmpty() ? " (no field is)" : " (only " + String.join(", ", allowed) + ")"));
        });
        return json;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ProblemException.badField(field, "must be a text");
        return v.asText();
    }
}
