package vn.laurel.api.web;

import vn.laurel.api.security.Requester;
import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.limits.YamlBodyLimit;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What-if: decide the case document sent in the body (JSON or YAML). Saved as a decision only with
 * {@code ?save=true}, and then as a decision on a submitted case document (basis SUBMITTED_CASE): its
 * facts are the sender's, and the record, the report and searches say so.
 */
// What-if is a client's question and a policy officer's tool.
@Secured({Roles.CLIENT, Roles.POLICY, Roles.ADMIN})
@Controller("/api/v1/evaluations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvaluationsController {
    private final EligibilityService service;
    private final YamlBodyLimit yamlLimit;
    private final RuleSetHolder rules;

    public EvaluationsController(EligibilityService service, YamlBodyLimit yamlLimit, RuleSetHolder rules) {
        this.service = service;
        this.yamlLimit = yamlLimit;
        this.rules = rules;
    }

    @Post(produces = MediaType.APPLICATION_JSON)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_YAML, "text/yaml", MediaType.TEXT_PLAIN})
    public HttpResponse<byte[]> evaluate(@Nullable @Body String body, @Nullable @QueryValue Boolean save, HttpRequest<?> request) {
        String lang = Language.of(request);
        yamlLimit.check(body);
        var doc = CaseReader.read(body == null ? "" : body, yamlLimit.bytes());
        List<FieldError> unknown = FactCodes.check(rules.current(), doc);
        if (!unknown.isEmpty()) {
            // Well formed, but a fact the rules would silently ignore: refused like a rule set that does not check.
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The case document names codes the rules do not know: "
                    + unknown.stream().map(FieldError::toString).collect(Collectors.joining("; ")), unknown);
        }
        // Kept, it is a decision on the document the client sent, even when the document names a stored subject.
        var answer = Boolean.TRUE.equals(save) ? service.decide(doc, DecisionBasis.SUBMITTED_CASE, Requester.of(request)) : service.whatIf(doc);
        return HttpResponse.ok(AnswerBody.of(answer, lang));
    }
}
