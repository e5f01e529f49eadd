package vn.laurel.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import vn.laurel.api.councils.*;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.limits.Bodies;
import vn.laurel.api.problem.Problem;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;

import java.io.InputStream;
import java.net.URI;
import java.util.*;
import java.util.function.Supplier;

/**
 * The councils of the emulation year (issue 19): {@code GET/POST /api/v1/councils}, {@code GET
 * /api/v1/councils/{code}}, {@code GET/POST /api/v1/councils/sessions}, {@code GET …/sessions/{id}}, its
 * {@code …/agenda} and {@code POST …/sessions/{id}/ballots}. Read by BOARD, AUDITOR and ADMIN; written
 * by BOARD and ADMIN. A refused request is a problem naming the field, in the caller's language, and
 * writes nothing.
 */
@Controller("/api/v1/councils")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CouncilsController {
    private static final ObjectMapper BODY = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final CouncilService service;
    private final Messages messages;
    private final ScopeGuard scope;

    public CouncilsController(CouncilService service, Messages messages, ScopeGuard scope) {
        this.service = service;
        this.messages = messages;
        this.scope = scope;
    }

    // ------------------------------------------------------------------ councils

    @Operation(summary = "The councils, with their members (dated)")
    @Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> councils(HttpRequest<?> request) {
        return answer(request, () -> Map.of("items", service.councils().stream().map(CouncilJson::council).toList()));
    }

    @Operation(summary = "Create a council of a unit with its members",
            description = "Body: {\"code\", \"name\", \"unit\", \"members\": [{\"name\", \"position\", \"from\", \"to\"}]}. 201 with the council.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "A bad field, named", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "409", description = "The code is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body InputStream body) {
        return created(request, () -> {
            Map<String, Object> json = object(body, Set.of("code", "name", "unit", "members"));
            String code = CouncilInput.code("code", json.get("code"));
            String name = CouncilInput.text("name", json.get("name"), true, CouncilInput.MAX_NAME);
            String unit = CouncilInput.text("unit", json.get("unit"), true, 64);
            scope.requireUnit(request, "unit", unit);
            List<CouncilService.NewMember> members = new ArrayList<>();
            List<?> list = list(json.get("members"), "members", CouncilInput.MAX_MEMBERS);
            for (int i = 0; i < list.size(); i++) {
                String at = "members[" + i + "]";
                Map<String, Object> m = map(list.get(i), at, Set.of("name", "position", "from", "to"));
                members.add(new CouncilService.NewMember(CouncilInput.text(at + ".name", m.get("name"), true, CouncilInput.MAX_NAME),
                        CouncilInput.text(at + ".position", m.get("position"), false, CouncilInput.MAX_NAME),
                        CouncilInput.date(at + ".from", m.get("from"), true), CouncilInput.date(at + ".to", m.get("to"), false)));
            }
            Council c = service.create(code, name, unit, members, Requester.of(request));
            return Map.entry("/api/v1/councils/" + c.code(), CouncilJson.council(c));
        });
    }

    @Operation(summary = "A council: members and sessions")
    @Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/{code}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> council(@PathVariable String code, HttpRequest<?> request) {
        return answer(request, () -> {
            Map<String, Object> out = CouncilJson.council(service.council(code));
            out.put("sessions", service.sessions(code, null).stream().map(CouncilJson::sessionSummary).toList());
            return out;
        });
    }

    // ------------------------------------------------------------------ sessions

    @Operation(summary = "Sessions, latest first", description = "year and council narrow them.")
    @Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/sessions", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> sessions(@Nullable @QueryValue String year, @Nullable @QueryValue String council, HttpRequest<?> request) {
        return answer(request, () -> {
            Integer y = year == null ? null : CouncilInput.year("year", year);
            String c = council == null ? null : CouncilInput.code("council", council);
            return Map.of("items", service.sessions(c, y).stream().map(CouncilJson::sessionSummary).toList());
        });
    }

    @Operation(summary = "Record a session: council, year reviewed, date, who is present, who votes in writing",
            description = "Body: {\"council\", \"year\", \"heldOn\", \"present\": [member ids], \"inWriting\": [member ids], \"note\"}. "
                    + "Members of the council on that date named in neither list are absent without a vote.")
    @ApiResponse(responseCode = "201", description = "Created")
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(value = "/sessions", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> createSession(HttpRequest<?> request, @Nullable @Body InputStream body) {
        return created(request, () -> {
            Map<String, Object> json = object(body, Set.of("council", "year", "heldOn", "present", "inWriting", "note"));
            String council = CouncilInput.code("council", json.get("council"));
            CouncilService.NewSession s = new CouncilService.NewSession(council, CouncilInput.year("year", json.get("year")),
                    CouncilInput.date("heldOn", json.get("heldOn"), true), CouncilInput.text("note", json.get("note"), false, CouncilInput.MAX_TEXT),
                    ids(json.get("present"), "present"), ids(json.get("inWriting"), "inWriting"));
            CouncilSession created = service.createSession(s, Requester.of(request));
            return Map.entry("/api/v1/councils/sessions/" + created.id(), session(request, created));
        });
    }

    @Operation(summary = "A session: attendance, ballots and their results")
    @Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/sessions/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> session(@PathVariable String id, HttpRequest<?> request) {
        return answer(request, () -> session(request, service.session(sessionId(id))));
    }

    @Operation(summary = "A session's agenda",
            description = "The candidates of the council's unit and subunits whose outcome for an award needs review, with the attestation "
                    + "criteria waiting for the council, and the eligible candidates of the awards that need a ballot; each with the threshold "
                    + "and the ballot recorded at this session, if any. Evaluated from the stored facts; nothing is saved. Complete unless "
                    + "filtered: award=<AWARD>, unit=<unit code>, what=vote (criteria a ballot settles), ballot (a ballot required), "
                    + "actionable (either, or voted on earlier), all (the default); total counts every row.")
    @Secured({Roles.BOARD, Roles.AUDITOR, Roles.ADMIN})
    @Get(value = "/sessions/{id}/agenda", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> agenda(@PathVariable String id, @Nullable @QueryValue String award, @Nullable @QueryValue String unit,
                                       @Nullable @QueryValue String what, HttpRequest<?> request) {
        return answer(request, () -> {
            AgendaFilter filter = AgendaFilter.of(award, unit, what, AgendaFilter.What.ALL);
            CouncilSession s = service.session(sessionId(id));
            Agenda agenda = service.agenda(s);
            CouncilJson json = json(request);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("session", s.id());
            out.put("council", s.council());
            out.put("year", s.year());
            out.put("heldOn", s.heldOn().toString());
            out.put("asOf", agenda.asOf().toString());
            out.put("rulesetVersion", agenda.rulesetVersion());
            out.put("total", agenda.items().size());
            out.put("items", agenda.items().stream().filter(filter::matches).map(it -> json.item(it, s)).toList());
            return out;
        });
    }

    @Operation(summary = "Record ballots of a session, all or none",
            description = "Body: {\"ballots\": [{\"subject\", \"award\", \"votes\": [{\"member\": id, \"vote\": \"FOR|AGAINST|ABSTAIN\"}]}]}. "
                    + "A present member votes at the session, an absent one only if the session says they vote in writing; a member "
                    + "without a vote counts as not in favour. Passed when the members in favour reach the threshold of all members of "
                    + "the council on the session's date (council.vote_share.<AWARD>); a passed ballot writes the attestations waiting "
                    + "for the council, with the session and ballot as their source. A candidate not on the agenda is refused (422).")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "A ballot on that candidate and award is already recorded at this session",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @ApiResponse(responseCode = "422", description = "Not on the agenda, not a member, an absent member's vote: the field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @Secured({Roles.BOARD, Roles.ADMIN})
    @Post(value = "/sessions/{id}/ballots", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
    public HttpResponse<String> ballots(@PathVariable String id, HttpRequest<?> request, @Nullable @Body InputStream body) {
        return created(request, () -> {
            long sessionId = sessionId(id);
            Map<String, Object> json = object(body, Set.of("ballots"));
            List<?> list = list(json.get("ballots"), "ballots", CouncilInput.MAX_BALLOTS);
            List<CouncilService.BallotRequest> requests = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "ballots[" + i + "]";
                Map<String, Object> b = map(list.get(i), at, Set.of("subject", "award", "votes"));
                Map<Long, Vote> votes = new LinkedHashMap<>();
                List<?> vs = list(b.get("votes"), at + ".votes", CouncilInput.MAX_MEMBERS);
                for (int j = 0; j < vs.size(); j++) {
                    String vat = at + ".votes[" + j + "]";
                    Map<String, Object> v = map(vs.get(j), vat, Set.of("member", "vote"));
                    long member = CouncilInput.id(vat + ".member", v.get("member"));
                    if (votes.put(member, CouncilInput.vote(vat + ".vote", v.get("vote"))) != null) {
                        throw CouncilRefused.unprocessable(vat + ".member", "councils.error.twice", member);
                    }
                }
                requests.add(new CouncilService.BallotRequest(CouncilInput.text(at + ".subject", b.get("subject"), true, 64),
                        CouncilInput.text(at + ".award", b.get("award"), true, 64), votes));
            }
            CouncilSession s = service.session(sessionId);
            List<Ballot> recorded = service.record(sessionId, requests, Requester.of(request));
            CouncilJson views = json(request);
            return Map.entry("/api/v1/councils/sessions/" + sessionId, Map.of("session", sessionId,
                    "ballots", recorded.stream().map(b -> views.ballot(b, s)).toList()));
        });
    }

    private Map<String, Object> session(HttpRequest<?> request, CouncilSession s) {
        return json(request).session(s, service.council(s.council()), service.ballots(s.id()));
    }

    /** The JSON views, with the service's own texts in the caller's language. */
    private CouncilJson json(HttpRequest<?> request) {
        String lang = messagesLang(request);
        return new CouncilJson(k -> messages.text(lang, k));
    }

    private static String messagesLang(HttpRequest<?> request) {
        String lang = Language.of(request);
        return Language.BOTH.equals(lang) ? "vi" : lang;
    }

    // ------------------------------------------------------------------ reading and answering

    private HttpResponse<String> answer(HttpRequest<?> request, Supplier<Object> work) {
        String lang = Language.of(request);
        Object body = localized(request, work);
        return HttpResponse.ok(Json.write(Language.localize(Json.toMap(body), lang))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private HttpResponse<String> created(HttpRequest<?> request, Supplier<Map.Entry<String, Object>> work) {
        String lang = Language.of(request);
        Map.Entry<String, Object> made = localized(request, work);
        return HttpResponse.<String>created(URI.create(made.getKey()))
                .body(Json.write(Language.localize(Json.toMap(made.getValue()), lang))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * Runs the work; a refused input becomes a problem in the caller's language, naming the field — the
     * limits' refusals of an agenda or a ballot too (too many such queries at once, past the deadline).
     */
    private <T> T localized(HttpRequest<?> request, Supplier<T> work) {
        String lang = messagesLang(request);
        try {
            return work.get();
        } catch (CouncilRefused e) {
            String text = e.text(k -> messages.text(lang, k));
            HttpStatus status = HttpStatus.valueOf(e.status());
            ProblemException problem = new ProblemException(status, e.field() + ": " + text, List.of(new FieldError(e.field(), text)));
            throw status == HttpStatus.TOO_MANY_REQUESTS ? problem.retryAfter(5) : problem;
        }
    }

    private static long sessionId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) throw CouncilRefused.notFound("id", "councils.error.noSession", id);
        return Long.parseLong(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(InputStream body, Set<String> fields) {
        byte[] bytes = Bodies.readAll(body);
        if (bytes.length == 0) throw CouncilRefused.bad("body", "councils.error.body");
        Object parsed;
        try {
            parsed = BODY.readValue(bytes, Object.class);
        } catch (java.io.IOException e) {
            // The parser's own words are English; the place is enough to find the fault.
            var at = e instanceof JsonProcessingException j ? j.getLocation() : null;
            if (at == null || at.getLineNr() < 1) throw CouncilRefused.bad("body", "councils.error.json");
            throw CouncilRefused.bad("body", "councils.error.jsonAt", at.getLineNr(), at.getColumnNr());
        }
        return map(parsed, "body", fields);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String field, Set<String> fields) {
        if (!(value instanceof Map<?, ?> m)) throw CouncilRefused.bad(field, "councils.error.object");
        for (Object k : m.keySet()) {
            if (!fields.contains(String.valueOf(k))) {
                String at = field.equals("body") ? String.valueOf(k) : field + "." + k;
                throw CouncilRefused.bad(at, "councils.error.unknownField", new TreeSet<>(fields));
            }
        }
        return (Map<String, Object>) m;
    }

    private static List<?> list(Object value, String field, int max) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> l)) throw CouncilRefused.bad(field, "councils.error.list");
        if (l.size() > max) throw new CouncilRefused(413, field, "councils.error.tooMany", max);
        return l;
    }

    private static List<Long> ids(Object value, String field) {
        List<?> l = list(value, field, CouncilInput.MAX_MEMBERS);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) out.add(CouncilInput.id(field + "[" + i + "]", l.get(i)));
        return out;
    }
}
