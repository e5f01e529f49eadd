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
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.json.Json;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** UP when the rules are loaded and the database answers; DOWN (503) otherwise. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {
    private final DataSource dataSource;
    private final RuleSetHolder rules;

    public HealthController(DataSource dataSource, RuleSetHolder rules) {
        // The injected data source hands out the current transaction's connection; health needs its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.rules = rules;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> health() {
        boolean database = databaseAnswers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "UP" : "DOWN");
        body.put("database", database ? "UP" : "DOWN");
        body.put("rulesetVersion", rules.current().version());
        return HttpResponse.<String>status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(Json.write(body));
    }

    /**
     * Liveness: the process answers HTTP, nothing else is asked (no database, no rules). Also the
     * framework's limit in the HTTP benchmark: the same server and executor as an eligibility request.
     */
    @Get(value = "/live", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> live() {
        return HttpResponse.ok("{\"status\":\"UP\"}");
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
