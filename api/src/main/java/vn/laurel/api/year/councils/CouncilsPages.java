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
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.pages.Choice;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.security.Requester;
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
    private final UnitDirectory directory;
    private final FactStore facts;
    private final ValueTexts texts;
    private final RuleSetHolder rules;
    private final RequestLimits limits;

    public CouncilsPages(Pages pages, CouncilService service, UnitDirectory directory, FactStore facts, ValueTexts texts,
                         RuleSetHolder rules, RequestLimits limits) {
        this.pages = pages;
        this.service = service;
        this.directory = directory;
        this.facts = facts;
        this.texts = texts;
        this.rules = rules;
        this.limits = limits;
    }

    /** What the council form was sent with, kept to show it again. */
    public record CouncilForm(String code, String name, String unit, String from, String members) {}

    /** What the session form was sent with. */
    public record SessionForm(String year, String heldOn, String note, Map<Long, String> attendance) {}

    // ------------------------------------------------------------------ the councils of a year

    @Get("/councils")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        if (y == null) return listPage(request, HttpStatus.BAD_REQUEST, EmulationYear.current(), emptyCouncil(), "year", "year.badYear");
        return listPage(request, HttpStatus.OK, y, emptyCouncil(), null, null);
    }

    @Post(value = "/councils", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Integer y = EmulationYear.parse(Pages.field(form, "year"));
        int year = y == null ? EmulationYear.current() : y;
        CouncilForm sent = new CouncilForm(keep(form, "code"), keep(form, "name"), keep(form, "unit"), keep(form, "from"), keep(form, "members"));
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
            return listPage(request, HttpStatus.valueOf(e.status()), year, sent, e.field().replaceAll("\\[.*", ""), text(request, e));
        }
    }

    private MutableHttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, int year, CouncilForm form,
                                            @Nullable String errorField, @Nullable String error) {
        String lang = Pages.lang(request);
        Map<String, Object> model = pages.model(request, "councils.title");
        Map<String, String> unitNames = UnitDirectory.namesOf(directory.all().values());
        List<CouncilSession> sessions = service.sessions(null, year);
        List<CouncilViews.CouncilRow> rows = new ArrayList<>();
        java.time.LocalDate endOfYear = java.time.LocalDate.of(year, 12, 31);
        for (Council c : service.councils()) {
            List<CouncilViews.SessionRow> own = sessions.stream().filter(s -> s.council().equals(c.code()))
                    .map(s -> sessionRow(s, c, lang)).toList();
            rows.add(new CouncilViews.CouncilRow(c.code(), c.name(), c.unit(), unitNames.getOrDefault(c.unit(), c.unit()),
                    c.membersOn(endOfYear).size(), own));
        }
        model.put("year", year);
        model.put("councils", rows);
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        List<Choice> units = new ArrayList<>();
        directory.all().values().forEach(u -> units.add(new Choice(u.code(), u.name() + " (" + u.code() + ")", u.code().equals(form.unit()))));
        model.put("units", units);
        model.put("form", form);
        model.put("errorField", errorField);
        model.put("error", error == null ? null : error.startsWith("year.") ? pages.messages().text(lang, error) : error);
        return pages.page(request, status, "year/councils/list", model);
    }

    // ------------------------------------------------------------------ one council

    @Get("/councils/{code}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> council(@PathVariable String code, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        Optional<Council> c = code.length() > 64 ? Optional.empty() : service.councils().stream().filter(x -> x.code().equals(code)).findFirst();
        if (c.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoCouncil");
        int yy = y == null ? EmulationYear.current() : y;
        SessionForm fresh = new SessionForm(String.valueOf(yy), "", "", Map.of());
        return councilPage(request, y == null ? HttpStatus.BAD_REQUEST : HttpStatus.OK, c.get(), yy, fresh,
                y == null ? "year" : null, y == null ? pages.messages().text(Pages.lang(request), "year.badYear") : null);
    }

    @Post(value = "/councils/{code}/sessions", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> createSession(@PathVariable String code, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Optional<Council> c = code.length() > 64 ? Optional.empty() : service.councils().stream().filter(x -> x.code().equals(code)).findFirst();
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
        SessionForm sent = new SessionForm(keep(form, "year"), keep(form, "heldOn"), keep(form, "note"), attendance);
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
            return councilPage(request, HttpStatus.valueOf(e.status()), c.get(), year, sent, field, text(request, e));
        }
    }

    private MutableHttpResponse<?> councilPage(HttpRequest<?> request, HttpStatus status, Council c, int year, SessionForm form,
                                               @Nullable String errorField, @Nullable String error) {
        String lang = Pages.lang(request);
        Map<String, String> msg = pages.messages().of(lang);
        Map<String, Object> model = pages.model(request, "councils.councilTitle");
        model.put("title", c.name());
        model.put("council", c);
        model.put("year", year);
        model.put("unitName", UnitDirectory.namesOf(directory.all().values()).getOrDefault(c.unit(), c.unit()));
        List<CouncilViews.MemberRow> members = new ArrayList<>();
        for (Council.Member m : c.members()) {
            String chosen = form.attendance().getOrDefault(m.id(), "PRESENT");
            members.add(new CouncilViews.MemberRow(m.id(), m.number(), m.name(), m.position(), ValueTexts.date(m.from(), lang),
                    ValueTexts.date(m.to(), lang), null, null, chosen));
        }
        model.put("members", members);
        model.put("sessions", service.sessions(c.code(), null).stream().map(s -> sessionRow(s, c, lang)).toList());
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        model.put("form", form);
        model.put("attendanceChoices", List.of("PRESENT", "WRITTEN", "ABSENT"));
        model.put("errorField", errorField);
        model.put("error", error);
        model.put("msgAttendance", msg);
        return pages.page(request, status, "year/councils/council", model);
    }

    // ------------------------------------------------------------------ one session

    @Get("/councils/sessions/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> session(@PathVariable String id, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Optional<CouncilSession> s = session(id);
        if (s.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "councils.error.pageNoSession");
        String lang = Pages.lang(request);
        Map<String, String> msg = pages.messages().of(lang);
        CouncilSession session = s.get();
        Council c = service.council(session.council());
        boolean canEdit = Pages.hasAny(request, PageRoles.YEAR_EDIT);
        Map<String, Object> model = pages.model(request, "councils.sessionTitle");
        model.put("title", pages.messages().text(lang, "councils.sessionTitle") + " " + session.id() + " — " + c.name());
        model.put("session", sessionRow(session, c, lang));
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
        try {
            Agenda agenda = limits.wide(() -> service.agenda(session));
            model.put("asOf", ValueTexts.date(agenda.asOf(), lang));
            model.put("agenda", agenda.items().stream().map(it -> CouncilViews.agendaRow(it, unitNames, texts, lang, msg, session.id(), canEdit)).toList());
        } catch (ProblemException e) {
            // Too many population-wide queries at once: the session without its agenda, and why.
            model.put("agenda", List.of());
            model.put("agendaError", pages.messages().text(lang, "councils.agendaBusy"));
        }
        List<Ballot> ballots = service.ballots(session.id());
        Map<String, String> subjectNames = new HashMap<>();
        facts.subjects(ballots.stream().map(Ballot::subjectId).distinct().toList()).forEach((k, v) -> subjectNames.put(k, v.name()));
        model.put("results", ballots.stream().map(b -> CouncilViews.resultRow(b, session, memberNames, subjectNames, texts, lang, msg)).toList());
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
        return ballotPage(request, HttpStatus.OK, s.get(), Objects.toString(subject, ""), Objects.toString(award, ""), Map.of(), null, null);
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
            service.record(session.id(), List.of(new CouncilService.BallotRequest(subject, award, votes)), Requester.of(request));
            return HttpResponse.seeOther(URI.create("/councils/sessions/" + session.id() + "#results"));
        } catch (CouncilRefused e) {
            String field = e.field().replaceFirst("^ballots\\[0]\\.", "");
            if (field.startsWith("votes")) field = "votes";
            return ballotPage(request, HttpStatus.valueOf(e.status()), session, subject, award, chosen, field, text(request, e));
        }
    }

    private MutableHttpResponse<?> ballotPage(HttpRequest<?> request, HttpStatus status, CouncilSession session, String subject, String award,
                                              Map<Long, String> chosen, @Nullable String errorField, @Nullable String error) {
        String lang = Pages.lang(request);
        Map<String, String> msg = pages.messages().of(lang);
        Council c = service.council(session.council());
        Map<String, Object> model = pages.model(request, "councils.ballotTitle");
        model.put("session", sessionRow(session, c, lang));
        model.put("council", c);
        model.put("year", session.year());
        model.put("subject", subject);
        model.put("award", award);
        model.put("subjectName", facts.subject(subject.length() > 64 ? "" : subject).map(x -> x.name()).orElse(subject));
        model.put("awardName", texts.codeOrSelf(award, lang));
        String waitingError = null;
        try {
            var subj = facts.subject(subject.length() > 64 ? "" : subject);
            if (subj.isPresent() && rules.current().award(award).isPresent()) {
                AgendaItem it = service.candidate(session, subj.get(), award);
                model.put("waiting", it.waiting().stream().map(k -> CouncilViews.waitingText(k, texts, lang)).toList());
                model.put("threshold", it.threshold().text());
                model.put("thresholdReference", texts.humanise(it.threshold().reference(), lang));
                model.put("needed", it.threshold().needed(c.membersOn(session.heldOn()).size()));
            } else {
                waitingError = pages.messages().text(lang, "councils.error.pageNotOnAgenda");
            }
        } catch (CouncilRefused e) {
            waitingError = text(request, e);
        }
        List<CouncilViews.MemberRow> voters = new ArrayList<>(), absent = new ArrayList<>();
        for (Council.Member m : c.membersOn(session.heldOn())) {
            Attendance a = session.attendanceOf(m.id());
            CouncilViews.MemberRow row = new CouncilViews.MemberRow(m.id(), m.number(), m.name(), m.position(), null, null, a.name(),
                    CouncilViews.attendanceText(a, msg), chosen.getOrDefault(m.id(), ""));
            (a == Attendance.ABSENT ? absent : voters).add(row);
        }
        model.put("voters", voters);
        model.put("absent", absent);
        model.put("membersTotal", voters.size() + absent.size());
        model.put("voteChoices", List.of("FOR", "AGAINST", "ABSTAIN"));
        model.put("errorField", errorField);
        model.put("error", error != null ? error : waitingError);
        model.put("notOnAgenda", waitingError != null);
        return pages.page(request, status == HttpStatus.OK && waitingError != null ? HttpStatus.UNPROCESSABLE_ENTITY : status,
                "year/councils/ballot", model);
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

    private CouncilViews.SessionRow sessionRow(CouncilSession s, Council c, String lang) {
        return new CouncilViews.SessionRow(s.id(), c.code(), c.name(), s.year(), ValueTexts.date(s.heldOn(), lang), s.note());
    }

    private String text(HttpRequest<?> request, CouncilRefused e) {
        String lang = Pages.lang(request);
        return e.text(k -> pages.messages().text(lang, k));
    }

    private static String keep(@Nullable Map<String, Object> form, String name) {
        String v = Pages.field(form, name);
        if (v == null) return "";
        return v.length() > 20_000 ? v.substring(0, 20_000) : v;
    }

    private static CouncilForm emptyCouncil() {
        return new CouncilForm("", "", "", "", "");
    }
}
