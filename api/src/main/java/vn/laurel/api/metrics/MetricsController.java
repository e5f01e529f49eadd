package vn.laurel.api.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import vn.laurel.api.security.Roles;

/**
 * The Prometheus scrape: this instance's meters in the text exposition format. MONITOR (the
 * scraper's own role, which opens nothing else) or ADMIN: the meters name awards, outcomes, routes
 * and rule-set versions — not secret, but not for anybody who can reach the port either.
 */
@Secured({Roles.MONITOR, Roles.ADMIN})
@Controller("/metrics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;
    private final InstanceGauges gauges;

    public MetricsController(PrometheusMeterRegistry registry, InstanceGauges gauges) {
        this.registry = registry;
        this.gauges = gauges;
    }

    @Operation(summary = "This instance's metrics for Prometheus (role MONITOR or ADMIN)")
    @Get
    public HttpResponse<String> scrape() {
        gauges.refresh();
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }
}
