package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.context.annotation.Value;
import vn.laurel.api.rules.RuleFollower;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.DatabaseProbe;
import java.time.Duration;
import vn.laurel.engine.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UP when the rules are loaded, the database answers and this instance serves the active rule set;
 * DOWN (503) otherwise — an instance that has not followed a publication for {@code
 * laurel.rules.behind-after} (10 s) is taken out of a load balancer's rotation rather than answer
 * under rules no longer in service.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
    private final DatabaseProbe database;
    private final RuleSetHolder rules;
    private final RuleFollower follower;
    private final Duration behindAfter;

    public HealthController(DatabaseProbe database, RuleSetHolder rules, RuleFollower follower,
                            @Value("${laurel.rules.behind-after:10s}") Duration behindAfter) {
        this.database = database;
        this.rules = rules;
        this.follower = follower;
        this.behindAfter = behindAfter;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> health() {
        boolean database = this.database.answers();
        Duration behind = follower.behind();
        boolean current = behind.compareTo(behindAfter) < 0;
        boolean up = database && current;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", database ? "UP" : "DOWN");
        body.put("rules", current ? "UP" : "BEHIND");
        if (!current) body.put("behindSeconds", behind.toSeconds());
        body.put("rulesetVersion", rules.current().version());
        return HttpResponse.<String>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(Json.write(body));
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
