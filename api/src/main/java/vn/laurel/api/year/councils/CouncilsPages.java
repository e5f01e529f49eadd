package vn.laurel.api.year.councils;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.councils.*;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.security.Requester;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.year.EmulationYear;

import java.net.URI;
import java.util.*;

/**
 * The councils' pages of the emulation year: the councils of a year ({@code /councils?year=}), a council
 * with its members and sessions ({@code /councils/{code}}), a session with its attendance, agenda, ballots
 * and results, printable ({@code /councils/sessions/{id}}), and the ballot form of one candidate. Read by
 * BOARD, AUDITOR and ADMIN; the forms only for BOARD and ADMIN.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CouncilsPages {
    private final Pages pages;
    private final CouncilService service;
    private final CouncilForms forms;
    private final UnitDirectory directory;
    private final FactStore facts;
    private final ValueTexts texts;

    public CouncilsPages(Pages pages, CouncilService service, CouncilForms forms, UnitDirectory directory, FactStore facts, ValueTexts texts) {
        this.pages = pages;
        this.service = service;
        this.forms = forms;
        this.directory = directory;
        this.facts = facts;
        this.texts = texts;
    }

    // ------------------------------------------------------------------ the councils of a year

    @Get("/councils")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        if (y == null) return forms.listPage(request, HttpStatus.BAD_REQUEST, EmulationYear.current(), forms.emptyCouncil(), "year", "year.badYear");
        return forms.listPage(request, HttpStatus.OK, y, forms.emptyCouncil(), null, null);
    }

    @Post(value = "/councils", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Integer y = EmulationYear.parse(Pages.field(form, "year"));
        int year = y == null ? EmulationYear.current() : y;
        CouncilForms.CouncilForm sent = new CouncilForms.CouncilForm(keep(form, "code"), keep(form, "name"), keep(form, "unit"), keep(form, "from"), keep(form, "members"));
        try {
            String code = CouncilInput.code("code", sent.code());
            String name = CouncilInput.text("name", sent.name(), true, CouncilInput.MAX_NAME);
            String unit = CouncilInput.text("unit", sent.unit(), true, 64);
            java.time.LocalDate from = CouncilInput.date("from", sent.from(), true);
            String lines = CouncilInput.text("members", sent.members(), false, 20_000);
            List<CouncilService.NewMember> members = new ArrayList<>();
            if (lines != null) {
                for (String line : lines.split("\\R")) {
                    if (line.isBlank()) continue;
                    String[] parts = line.split(";", 2);
                    members.add(new CouncilService.NewMember(CouncilInput.text("members", parts[0], true, CouncilInput.MAX_NAME),
                            parts.length > 1 ? CouncilInput.text("members", parts[1], false, CouncilInput.MAX_NAME) : null, from, null));
                }
            }
            Council c = service.create(code, name, unit, members, Requester.of(request));
            return HttpResponse.seeOther(URI.create("/councils/" + CouncilViews.enc(c.code()) + "?year=" + year));
        } catch (CouncilRefused e) {
            return forms.listPage(request, HttpStatus.valueOf(e.status()), year, sent, e.field().replaceAll("\\[.*", ""), forms.text(request, e));
        }
    }

    // ------------------------------------------------------------------ one council

    @Get("/councils/{code}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> council(@PathVariable String code, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        Optional<Council> c = service.find(code);
        if (c.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoCouncil");
        int yy = y == null ? EmulationYear.current() : y;
        CouncilForms.SessionForm fresh = new CouncilForms.SessionForm(String.valueOf(yy), "", "", Map.of());
        return forms.councilPage(request, y == null ? HttpStatus.BAD_REQUEST : HttpStatus.OK, c.get(), yy, fresh,
                y == null ? "year" : null, y == null ? pages.messages().text(Pages.lang(request), "year.badYear") : null);
    }

    @Post(value = "/councils/{code}/sessions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> createSession(@PathVariable String code, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Optional<Council> c = service.find(code);
        if (c.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoCouncil");
        Map<Long, String> attendance = new LinkedHashMap<>();
        List<Long> present = new ArrayList<>(), written = new ArrayList<>();
        for (Council.Member m : c.get().members()) {
            String a = Pages.field(form, "att-" + m.id());
            if (a == null) continue;
            attendance.put(m.id(), a);
            if (a.equals("PRESENT")) present.add(m.id());
            else if (a.equals("WRITTEN")) written.add(m.id());
        }
        CouncilForms.SessionForm sent = new CouncilForms.SessionForm(keep(form, "year"), keep(form, "heldOn"), keep(form, "note"), attendance);
        Integer shown = EmulationYear.parse(sent.year());
        int year = shown == null ? EmulationYear.current() : shown;
        try {
            int y = CouncilInput.year("year", sent.year());
            CouncilSession s = service.createSession(new CouncilService.NewSession(c.get().code(), y,
                    CouncilInput.date("heldOn", sent.heldOn(), true), CouncilInput.text("note", sent.note(), false, CouncilInput.MAX_TEXT),
                    present, written), Requester.of(request));
            return HttpResponse.seeOther(URI.create("/councils/sessions/" + s.id()));
        } catch (CouncilRefused e) {
            String field = e.field().startsWith("present") || e.field().startsWith("inWriting") ? "attendance" : e.field();
            return forms.councilPage(request, HttpStatus.valueOf(e.status()), c.get(), year, sent, field, forms.text(request, e));
        }
    }

    // ------------------------------------------------------------------ one session

    @Get("/councils/sessions/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> session(@PathVariable String id, @Nullable @QueryValue String award, @Nullable @QueryValue String unit,
                                   @Nullable @QueryValue String what, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Optional<CouncilSession> s = session(id);
        if (s.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoSession");
        AgendaFilter filter;
        try {
            filter = AgendaFilter.of(award, unit, what, AgendaFilter.What.ACTIONABLE);
        } catch (CouncilRefused e) {
            return pages.error(request, HttpStatus.BAD_REQUEST, "councils.error.pageFilter");
        }
        String lang = Pages.lang(request);
        Map<String, String> msg = pages.messages().of(lang);
        CouncilSession session = s.get();
        Council c = service.council(session.council());
        boolean canEdit = Pages.hasAny(request, PageRoles.YEAR_EDIT);
        Map<String, Object> model = pages.model(request, "councils.sessionTitle");
        model.put("title", pages.messages().text(lang, "councils.sessionTitle") + " " + session.id() + " — " + c.name());
        model.put("session", forms.sessionRow(session, c, lang));
        model.put("council", c);
        model.put("year", session.year());
        Map<String, String> unitNames = UnitDirectory.namesOf(directory.all().values());
        model.put("unitName", unitNames.getOrDefault(c.unit(), c.unit()));
        List<CouncilViews.MemberRow> attendance = new ArrayList<>();
        Map<Long, String> memberNames = new HashMap<>();
        int present = 0, written = 0;
        for (Council.Member m : c.membersOn(session.heldOn())) {
            Attendance a = session.attendanceOf(m.id());
            if (a == Attendance.PRESENT) present++;
            if (a == Attendance.WRITTEN) written++;
            memberNames.put(m.id(), m.name());
            attendance.add(new CouncilViews.MemberRow(m.id(), m.number(), m.name(), m.position(), ValueTexts.date(m.from(), lang),
                    ValueTexts.date(m.to(), lang), a.name(), CouncilViews.attendanceText(a, msg), null));
        }
        model.put("attendance", attendance);
        model.put("membersTotal", attendance.size());
        model.put("present", present);
        model.put("written", written);
        Map<String, String> councilNames = new HashMap<>();
        java.util.function.Function<String, String> councilName = code -> councilNames.computeIfAbsent(code,
                k -> service.find(k).map(Council::name).orElse(k));
        try {
            Agenda agenda = service.agenda(session);
            model.put("asOf", ValueTexts.date(agenda.asOf(), lang));
            List<AgendaItem> shown = agenda.items().stream().filter(filter::matches).toList();
            model.put("agenda", shown.stream()
                    .map(it -> CouncilViews.agendaRow(it, unitNames, texts, lang, msg, session.id(), canEdit, councilName)).toList());
            model.put("filters", CouncilViews.filters(agenda.items(), filter, shown.size(), session.id(), unitNames, lang, msg));
        } catch (CouncilRefused e) {
            // Too many population-wide queries at once, or past the deadline: the session without its agenda, and why.
            model.put("agenda", List.of());
            model.put("agendaError", e.status() == 429 ? pages.messages().text(lang, "councils.agendaBusy") : forms.text(request, e));
        }
        List<Ballot> ballots = service.ballots(session.id());
        Map<String, String> subjectNames = new HashMap<>();
        facts.subjects(ballots.stream().map(Ballot::subjectId).distinct().toList()).forEach((k, v) -> subjectNames.put(k, v.name()));
        model.put("results", ballots.stream().map(b -> CouncilViews.resultRow(b, session, c, memberNames, subjectNames, texts, lang, msg)).toList());
        model.put("canEdit", canEdit);
        return pages.page(request, "year/councils/session", model);
    }

    @Get("/councils/sessions/{id}/ballot")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> ballotForm(@PathVariable String id, @Nullable @QueryValue String subject, @Nullable @QueryValue String award,
                                      HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        Optional<CouncilSession> s = session(id);
        if (s.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoSession");
        String subj = Objects.toString(subject, "").strip(), aw = Objects.toString(award, "").strip();
        if (subj.isEmpty() || subj.length() > 64 || facts.subject(subj).isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoSubject");
        }
        if (aw.isEmpty() || aw.length() > 64 || !forms.awardKnown(aw)) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoAward");
        return forms.ballotPage(request, HttpStatus.OK, s.get(), subj, aw, Map.of(), null, null);
    }

    @Post(value = "/councils/sessions/{id}/ballot", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> ballot(@PathVariable String id, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Optional<CouncilSession> s = session(id);
        if (s.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoSession");
        CouncilSession session = s.get();
        Council c = service.council(session.council());
        String subject = keep(form, "subject"), award = keep(form, "award");
        Map<Long, String> chosen = new LinkedHashMap<>();
        Map<Long, Vote> votes = new LinkedHashMap<>();
        try {
            for (Council.Member m : c.membersOn(session.heldOn())) {
                String v = Pages.field(form, "vote-" + m.id());
                if (v == null || v.isBlank()) continue;
                chosen.put(m.id(), v);
                votes.put(m.id(), CouncilInput.vote("vote-" + m.id(), v));
            }
            // A vote for someone who is not a member on the day is refused, naming its field, rather than dropped.
            Set<String> fields = new HashSet<>();
            c.membersOn(session.heldOn()).forEach(m -> fields.add("vote-" + m.id()));
            if (form != null) {
                for (String name : new TreeSet<>(form.keySet())) {
                    if (!name.startsWith("vote-") || fields.contains(name)) continue;
                    String v = Pages.field(form, name);
                    if (v == null || v.isBlank()) continue;
                    String shown = name.length() > 40 ? name.substring(0, 40) : name;
                    throw CouncilRefused.unprocessable(shown, "councils.error.voteField", shown, shown.substring(5));
                }
            }
            service.record(session.id(), List.of(new CouncilService.BallotRequest(subject, award, votes)), Requester.of(request));
            return HttpResponse.seeOther(URI.create("/councils/sessions/" + session.id() + "#results"));
        } catch (CouncilRefused e) {
            String field = e.field().replaceFirst("^ballots\\[0]\\.", "");
            if (field.startsWith("votes")) field = "votes";
            return forms.ballotPage(request, HttpStatus.valueOf(e.status()), session, subject, award, chosen, field, forms.text(request, e));
        } catch (FactRefusedException e) {
            // An attestation the fact store refused (a fact superseded meanwhile, say): nothing was written; the form again.
            HttpStatus status = e.reason() == FactRefusedException.Reason.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return forms.ballotPage(request, status, session, subject, award, chosen, "subject",
                    pages.messages().text(Pages.lang(request), "councils.error.factRefused"));
        }
    }

    // ------------------------------------------------------------------ shared

    private Optional<CouncilSession> session(String id) {
        if (id == null || !id.matches("\\d{1,18}")) return Optional.empty();
        try {
            return Optional.of(service.session(Long.parseLong(id)));
        } catch (CouncilRefused e) {
            return Optional.empty();
        }
    }

    private static String keep(@Nullable Map<String, Object> form, String name) {
        String v = Pages.field(form, name);
        if (v == null) return "";
        return v.length() > 20_000 ? v.substring(0, 20_000) : v;
    }
}
