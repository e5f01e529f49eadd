package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.audit.AuditChain;
import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.engine.json.Json;

/** Walks the audit chain of decisions and names the first record altered, inserted or deleted. */
// Verifying the chain is the auditors' business.
@Secured({Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
    private final DecisionStore store;

    public AuditController(DecisionStore store) {
        this.store = store;
    }

    /** 200 with {intact: true} when the chain holds; 409 with the first problem when it does not. */
    @Get(value = "/verify", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> verify() {
        AuditChain.Verification v = store.verify();
        return HttpResponse.<String>status(v.intact() ? HttpStatus.OK : HttpStatus.CONFLICT).body(Json.write(AuditChain.view(v)));
    }
}
