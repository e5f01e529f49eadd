package vn.laurel.api.web;

import io.micronaut.security.annotation.Secured;
import vn.laurel.api.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import vn.laurel.api.replay.ReplayService;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.DecisionRecord;
import vn.laurel.api.decisions.DecisionRepository;
import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.json.Json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saved decisions: search, the whole record as JSON, or a printable report for an auditor. */
@Secured({Roles.AUDITOR, Roles.ADMIN})
@Controller("/api/v1/decisions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DecisionsController {
    private final DecisionRepository decisions;
    private final DecisionStore store;
    private final ReplayService replays;

    public DecisionsController(DecisionRepository decisions, DecisionStore store, ReplayService replays) {
        this.decisions = decisions;
        this.store = store;
        this.replays = replays;
    }

    /**
     * Re-evaluates a decision with the facts as known then and the rules of its version, and answers
     * whether the same answer comes out; with {@code with=current}, with today's facts and rules,
     * and what changed and why.
     */
    @Post(value = "/{id}/replay", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> replay(@PathVariable String id, @Nullable @QueryValue String with, HttpRequest<?> request) {
        if (with != null && !with.isBlank() && !with.equals("current")) throw ProblemException.badField("with", "may only be \"current\"");
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "\"" + id + "\" is not a decision id");
        }
        return HttpResponse.ok(Json.write(Language.localize(replays.replay(key, "current".equals(with)), Language.of(request))));
    }

    /** The whole record as JSON, or, for {@code Accept: text/html}, a page an auditor can read and print. */
    @Get(value = "/{id}", produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public HttpResponse<String> decision(@PathVariable String id, HttpRequest<?> request) {
        String lang = Language.of(request);
        boolean html = request.getHeaders().accept().stream().anyMatch(m -> m.getName().equals(MediaType.TEXT_HTML));
        if (html) {
            return HttpResponse.ok(DecisionReport.html(record(id), Language.BOTH.equals(lang) ? "vi" : lang))
                    .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
        }
        return HttpResponse.ok(Json.write(Language.localize(record(id), lang))).contentType(MediaType.APPLICATION_JSON);
    }

    /**
     * Decisions by subject, award, outcome, period (from inclusive, to exclusive), rule-set version and
     * basis (STORED_FACTS, SUBMITTED_CASE, UNRECORDED), newest first; each item says its basis.
     */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> search(@Nullable @QueryValue("subject") String rawSubject, @Nullable @QueryValue String award,
                                       @Nullable @QueryValue String outcome, @Nullable @QueryValue String from,
                                       @Nullable @QueryValue String to, @Nullable @QueryValue String rulesetVersion,
                                       @Nullable @QueryValue String basis,
                                       @Nullable @QueryValue String page, @Nullable @QueryValue String size) {
        String subject = Params.id(rawSubject);
        int p = FactsController.number("page", page, 0, 0, 1_000_000);
        int s = FactsController.number("size", size, 50, 1, FactsController.MAX_PAGE_SIZE);
        if (outcome != null && !List.of("ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_REVIEW", "ELIGIBLE_SUBJECT_TO_QUOTA", "NOT_MODELLED").contains(outcome)) {
            throw ProblemException.badField("outcome", "must be ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW, ELIGIBLE_SUBJECT_TO_QUOTA or NOT_MODELLED");
        }
        Map<String, Object> found = store.search(new DecisionStore.Search(blank(subject), blank(award), blank(outcome),
                moment("from", from), moment("to", to), blank(rulesetVersion), basis(basis), p * s, s));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", p);
        body.put("size", s);
        body.putAll(found);
        return HttpResponse.ok(Json.write(body));
    }

    private Map<String, Object> record(String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.badField("id", "\"" + id + "\" is not a decision id");
        }
        DecisionRecord d = decisions.findById(key).orElseThrow(() -> ProblemException.notFound("No decision with id " + id));
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
        DecisionBasis basis = DecisionBasis.parse(d.basis());
        v.put("basis", basis.name());
        v.put("basisNote", basis.sentence());
        List<Map<String, Object>> flags = store.flags(d.id());
        v.put("needsReEvaluation", !flags.isEmpty());
        v.put("flags", flags);
        // Saved as a compact record: rendered again and checked against it; an answer only when they agree.
        ReplayService.Reading reading = replays.read(d);
        if (reading.answer() != null) v.put("answer", EligibilityService.withDecisionId(d.id(), reading.answer()));
        if (reading.rendering() != null) v.put("rendering", reading.rendering());
        if (reading.record() != null) v.put("record", reading.record());
        return v;
    }

    private static DecisionBasis basis(String value) {
        if (blank(value) == null) return null;
        try {
            return DecisionBasis.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("basis", "must be STORED_FACTS, SUBMITTED_CASE or UNRECORDED");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A moment: an instant (2026-01-15T08:00:00Z) or a date (the start of that day, UTC). */
    private static Instant moment(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.contains("T") ? Instant.parse(value.trim()) : LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badField(field, "\"" + value + "\" is not a date (YYYY-MM-DD) or an instant");
        }
    }
}
