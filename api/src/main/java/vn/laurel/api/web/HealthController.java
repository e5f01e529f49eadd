package vn.laurel.api.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.health.Readiness;
import vn.laurel.engine.json.Json;

/**
 * Liveness and readiness, open to anybody who can reach the port (a load balancer, an orchestrator):
 * they say UP or DOWN and the rule-set version, nothing else. {@code /health} is readiness under its
 * older name, kept for the deployments and scripts that poll it.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
    private final Readiness readiness;

    public HealthController(Readiness readiness) {
        this.readiness = readiness;
    }

    /** As /health/ready. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> health() {
        return ready();
    }

    /** 200 UP when the database answers, rules are loaded and this instance serves the active rule set; 503 DOWN otherwise. */
    @Get(value = "/ready", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> ready() {
        Readiness.State state = readiness.check();
        return HttpResponse.<String>status(state.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(Json.write(state.body()));
    }

    /**
     * Liveness: the process answers HTTP, nothing else is asked (no database, no rules). Also the
     * framework's limit in the HTTP benchmark: the same server and executor as an eligibility request.
     */
    @Get(value = "/live", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> live() {
        return HttpResponse.ok("{\"status\":\"UP\"}");
    }
}
