package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.audit.Verification;
import vn.laurel.api.checkpoint.Checkpoint;
import vn.laurel.api.checkpoint.Checkpoints;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.json.Json;

import java.net.URI;
import java.util.Map;

/**
 * The audit chains: verify them (by themselves, or against a signed checkpoint), and publish, list
 * and download checkpoints. Verifying the chain is the auditors' business.
 */
@Secured({Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
    private final Checkpoints checkpoints;

    public AuditController(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /**
     * 200 with {intact: true} when the chains hold; 409 with the first problem when they do not. With
     * {@code checkpoint=ID}, against that stored checkpoint (its signature checked first). With
     * {@code from=ID|latest}, only the records after that checkpoint, signed with this server's key.
     */
    @Operation(summary = "Verify the audit chains, by themselves, against a stored checkpoint, or from one",
            description = "from=ID|latest: only the records after a stored checkpoint signed with this server's key (its head hash trusted, "
                    + "the records it covers not read again); 409 when no key is configured or no checkpoint is stored, 422 when its "
                    + "signature does not verify or another key signed it.")
    @Get(value = "/verify", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> verify(@Nullable @QueryValue String checkpoint, @Nullable @QueryValue String from) {
        if (from != null && !from.isBlank()) {
            if (checkpoint != null && !checkpoint.isBlank()) throw ProblemException.badField("from", "give either checkpoint or from, not both");
            Map<String, Object> result = checkpoints.verifyFrom(from.trim());
            return answer(Boolean.TRUE.equals(result.get("intact")), result);
        }
        if (checkpoint == null || checkpoint.isBlank()) {
            Verification v = checkpoints.verify();
            return answer(v.intact(), v.view());
        }
        return against(checkpoints.byId(id("checkpoint", checkpoint)), true);
    }

    /** Verifies the chains against a checkpoint document an auditor kept (as downloaded from /checkpoints/{id}). */
    @Operation(summary = "Verify the audit chains against a checkpoint document",
            description = "The body is a checkpoint document as downloaded; its signature is checked with its public key, then every record, "
                    + "and the record at the checkpoint's length must have the checkpoint's hash. 200 intact, 409 with the first record that "
                    + "no longer matches, 422 when the signature does not verify.")
    @Post(value = "/verify", produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<String> verifyAgainst(@Nullable @Body String body) {
        return against(Checkpoint.parse(body), false);
    }

    private HttpResponse<String> against(Checkpoint cp, boolean stored) {
        Map<String, Object> result = checkpoints.verify(cp, stored);
        return answer(Boolean.TRUE.equals(result.get("intact")), result);
    }

    private static HttpResponse<String> answer(boolean intact, Map<String, Object> body) {
        return HttpResponse.<String>status(intact ? HttpStatus.OK : HttpStatus.CONFLICT).body(Json.write(body));
    }

    /** Signs a checkpoint of the chains as they are now: 201 with the document to keep. */
    @Operation(summary = "Publish a signed checkpoint now", description = "409 when no checkpoint key is configured.")
    @Post(value = "/checkpoints", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
    public HttpResponse<String> publish(HttpRequest<?> request) {
        Checkpoint cp = checkpoints.publish(Requester.of(request));
        return HttpResponse.<String>created(URI.create("/api/v1/audit/checkpoints/" + cp.id())).body(Json.write(cp.document()));
    }

    /** The newest checkpoints first. */
    @Get(value = "/checkpoints", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(@Nullable @QueryValue String size) {
        int s = FactsController.number("size", size, 50, 1, FactsController.MAX_PAGE_SIZE);
        return HttpResponse.ok(Json.write(Map.of("items", checkpoints.latest(s).stream().map(Checkpoint::document).toList())));
    }

    /** One checkpoint, as a document to download and keep. */
    @Get(value = "/checkpoints/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> checkpoint(@PathVariable String id) {
        Checkpoint cp = checkpoints.byId(id("id", id));
        return HttpResponse.ok(Json.write(cp.document()))
                .header("Content-Disposition", "attachment; filename=\"laurel-checkpoint-" + cp.id() + ".json\"");
    }

    private static long id(String field, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badField(field, "\"" + value + "\" is not a checkpoint id");
    }
}
