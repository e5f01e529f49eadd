package vn.laurel.api.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.DecisionRecord;
import vn.laurel.api.decisions.DecisionRepository;
import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saved decisions, as they were answered. */
@Controller("/api/v1/decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionsController {
    private final DecisionRepository decisions;
    private final DecisionStore store;

    public DecisionsController(DecisionRepository decisions, DecisionStore store) {
        this.decisions = decisions;
        this.store = store;
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> decision(@PathVariable String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "\"" + id + "\" is not a decision id");
        }
        DecisionRecord d = decisions.findById(key).orElseThrow(() -> ProblemException.notFound("No decision with id " + id));
        Map<String, Object> v = view(d);
        List<Map<String, Object>> flags = store.flags(d.id());
        v.put("needsReEvaluation", !flags.isEmpty());
        v.put("flags", flags);
        return HttpResponse.ok(Json.write(v));
    }

    /** Decisions about one subject, newest first. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> bySubject(@Nullable @QueryValue String subject) {
        if (subject == null || subject.isBlank()) throw ProblemException.badField("subject", "is required, e.g. subject=P-0001");
        List<Map<String, Object>> found = decisions.findBySubjectIdOrderByIdDesc(subject).stream().map(d -> {
            Map<String, Object> v = new LinkedHashMap<>(view(d));
            v.remove("answer");
            return v;
        }).toList();
        return HttpResponse.ok(Json.write(Map.of("subject", subject, "decisions", found)));
    }

    private static Map<String, Object> view(DecisionRecord d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("subjectId", d.subjectId());
        v.put("year", d.evaluationYear());
        v.put("asOf", d.asOf().toString());
        v.put("regime", d.regime());
        v.put("rulesetVersion", d.rulesetVersion());
        v.put("engineVersion", d.engineVersion());
        v.put("outcomes", d.outcomes());
        v.put("requestedBy", d.requestedBy());
        v.put("createdAt", d.createdAt().toString());
        v.put("answer", EligibilityService.withDecisionId(d.id(), d.result()));
        return v;
    }
}
