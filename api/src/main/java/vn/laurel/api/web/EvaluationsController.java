package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.json.Json;

/** What-if: decide the case document sent in the body (JSON or YAML). Nothing is saved. */
@Controller("/api/v1/evaluations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvaluationsController {
    private final EligibilityService service;

    public EvaluationsController(EligibilityService service) {
        this.service = service;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "text/yaml", MediaType.TEXT_PLAIN})
    public HttpResponse<String> evaluate(@Nullable @Body String body) {
        return HttpResponse.ok(Json.write(service.whatIf(CaseReader.read(body == null ? "" : body))));
    }
}
