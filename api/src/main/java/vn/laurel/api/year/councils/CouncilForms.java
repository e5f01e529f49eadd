package vn.laurel.api.year.councils;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import vn.laurel.api.councils.*;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.pages.Choice;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;

import java.util.*;

/**
 * The councils' form pages, built for their first showing and again with the input kept and the field
 * named when it was refused: the councils of a year with the "set up a council" form, a council with the
 * new-session form, and one candidate's ballot form (its threshold and the criteria waiting, decided as
 * the agenda decides them).
 */
@Singleton
public class CouncilForms {
    private final Pages pages;
    private final CouncilService service;
    private final UnitDirectory directory;
    private final FactStore facts;
    private final ValueTexts texts;
    private final RuleSetHolder rules;

    public CouncilForms(Pages pages, CouncilService service, UnitDirectory directory, FactStore facts, ValueTexts texts, RuleSetHolder rules) {
        this.pages = pages;
        this.service = service;
        this.directory = directory;
        this.facts = facts;
        this.texts = texts;
        this.rules = rules;
    }

    /** What the council form was sent with, kept to show it again. */
    public record CouncilForm(String code, String name, String unit, String from, String members) {}

    /** What the session form was sent with. */
    public record SessionForm(String year, String heldOn, String note, Map<Long, String> attendance) {}

    MutableHttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, int year, CouncilForm form,
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

    MutableHttpResponse<?> councilPage(HttpRequest<?> request, HttpStatus status, Council c, int year, SessionForm form,
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

    MutableHttpResponse<?> ballotPage(HttpRequest<?> request, HttpStatus status, CouncilSession session, String subject, String award,
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
        HttpStatus waitingStatus = HttpStatus.UNPROCESSABLE_ENTITY;
        Optional<Ballot> recorded = service.ballots(session.id()).stream()
                .filter(b -> b.subjectId().equals(subject) && b.award().equals(award)).findFirst();
        if (recorded.isPresent()) {
            // Voted on at this session already: its result, and no form to vote again.
            Map<Long, String> memberNames = new HashMap<>();
            c.membersOn(session.heldOn()).forEach(m -> memberNames.put(m.id(), m.name()));
            CouncilViews.ResultRow r = CouncilViews.resultRow(recorded.get(), session, c, memberNames,
                    Map.of(subject, String.valueOf(model.get("subjectName"))), texts, lang, msg);
            model.put("recorded", r);
            model.put("recordedUrl", "/councils/sessions/" + session.id() + "#ballot-" + r.id());
            model.put("threshold", r.required());
            model.put("thresholdReference", r.reference());
        }
        if (recorded.isEmpty()) try {
            var subj = facts.subject(subject.length() > 64 ? "" : subject);
            if (subj.isPresent() && rules.current().award(award).isPresent()) {
                AgendaItem it = service.candidate(session, subj.get(), award);
                model.put("waiting", it.waiting().stream().map(k -> CouncilViews.waitingText(k, texts, lang)).toList());
                model.put("threshold", it.threshold().text());
                model.put("thresholdReference", CouncilViews.reference(it.threshold(), texts, lang, msg));
                model.put("needed", it.threshold().needed(c.membersOn(session.heldOn()).size()));
            } else {
                waitingError = pages.messages().text(lang, "councils.error.pageNotOnAgenda");
            }
        } catch (CouncilRefused e) {
            // Not on the agenda (422), or the unit could not be evaluated now (429 busy, 422 past the deadline).
            waitingError = text(request, e);
            waitingStatus = HttpStatus.valueOf(e.status());
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
        model.put("notOnAgenda", waitingError != null || recorded.isPresent());
        return pages.page(request, status == HttpStatus.OK && waitingError != null ? waitingStatus : status,
                "year/councils/ballot", model);
    }

    /** Whether the rules in service know the award. */
    boolean awardKnown(String award) {
        return rules.current().award(award).isPresent();
    }

    CouncilViews.SessionRow sessionRow(CouncilSession s, Council c, String lang) {
        return new CouncilViews.SessionRow(s.id(), c.code(), c.name(), s.year(), ValueTexts.date(s.heldOn(), lang), s.note());
    }

    String text(HttpRequest<?> request, CouncilRefused e) {
        String lang = Pages.lang(request);
        return e.text(k -> pages.messages().text(lang, k));
    }

    static CouncilForm emptyCouncil() {
        return new CouncilForm("", "", "", "", "");
    }
}
