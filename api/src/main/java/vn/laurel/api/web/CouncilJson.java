package vn.laurel.api.web;

import vn.laurel.api.councils.*;
import vn.laurel.engine.evaluation.CriterionOutcome;

import java.util.*;
import java.util.function.Function;

/**
 * The councils' JSON answers: councils, sessions, ballots (each naming the council and session that cast
 * it), thresholds and agenda items. Texts of the service's own — the default threshold's reference —
 * come from the councils bundle in the caller's language ({@code text}).
 */
final class CouncilJson {
    private final Function<String, String> text;

    CouncilJson(Function<String, String> text) {
        this.text = text;
    }

    static Map<String, Object> council(Council c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", c.code());
        out.put("name", c.name());
        out.put("unit", c.unit());
        out.put("members", c.members().stream().map(m -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", m.id());
            v.put("number", m.number());
            v.put("name", m.name());
            v.put("position", m.position());
            v.put("from", m.from().toString());
            v.put("to", m.to() == null ? null : m.to().toString());
            return v;
        }).toList());
        return out;
    }

    static Map<String, Object> sessionSummary(CouncilSession s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("council", s.council());
        out.put("year", s.year());
        out.put("heldOn", s.heldOn().toString());
        out.put("note", s.note());
        return out;
    }

    /** A session with the attendance of the council's members on its date and its ballots. */
    Map<String, Object> session(CouncilSession s, Council c, List<Ballot> ballots) {
        Map<String, Object> out = sessionSummary(s);
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (Council.Member m : c.membersOn(s.heldOn())) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("member", m.id());
            a.put("name", m.name());
            a.put("position", m.position());
            a.put("attendance", s.attendanceOf(m.id()).name());
            attendance.add(a);
        }
        out.put("members", attendance.size());
        out.put("attendance", attendance);
        out.put("ballots", ballots.stream().map(b -> ballot(b, s)).toList());
        out.put("createdBy", s.createdBy());
        return out;
    }

    Map<String, Object> ballot(Ballot b, CouncilSession s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("session", b.sessionId());
        out.put("council", s.council());
        out.put("heldOn", s.heldOn().toString());
        out.put("subject", b.subjectId());
        out.put("award", b.award());
        out.put("year", b.year());
        out.put("members", b.members());
        out.put("inFavour", b.inFavour());
        out.put("against", b.against());
        out.put("abstaining", b.abstaining());
        out.put("share", b.share());
        out.put("threshold", threshold(b.threshold()));
        out.put("result", b.result());
        out.put("attested", b.criteria());
        out.put("votes", b.votes().entrySet().stream().map(e -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("member", e.getKey());
            v.put("vote", e.getValue().name());
            v.put("inWriting", s.attendanceOf(e.getKey()) == Attendance.WRITTEN);
            return v;
        }).toList());
        out.put("recordedBy", b.recordedBy());
        out.put("recordedAt", b.recordedAt() == null ? null : b.recordedAt().toString());
        return out;
    }

    Map<String, Object> threshold(Threshold t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("share", t.share());
        out.put("strictlyMore", t.strictlyMore());
        out.put("text", t.text());
        out.put("parameter", t.parameter());
        out.put("scope", t.scope());
        out.put("reference", t.serviceDefault() ? text.apply(Threshold.SERVICE_DEFAULT_REFERENCE) : t.reference());
        out.put("confidence", t.confidence());
        return out;
    }

    /** An agenda item of session {@code s}: its ballot at this session, and the latest one of an earlier session. */
    Map<String, Object> item(AgendaItem it, CouncilSession s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", it.subjectId());
        out.put("name", it.name());
        out.put("kind", it.person() ? "PERSON" : "COLLECTIVE");
        out.put("unit", it.unit());
        out.put("award", it.award());
        out.put("awardName", it.awardName());
        out.put("outcome", it.outcome().name());
        out.put("ballotRequired", it.ballotRequired());
        out.put("threshold", threshold(it.threshold()));
        out.put("waiting", it.waiting().stream().map(CouncilJson::criterion).toList());
        out.put("otherOpen", it.otherOpen().stream().map(CouncilJson::criterion).toList());
        out.put("ballot", it.ballot() == null ? null : brief(it.ballot(), s.id(), s.council(), s.heldOn().toString()));
        SessionBallot e = it.earlier();
        out.put("earlierBallot", e == null ? null : brief(e.ballot(), e.session().id(), e.session().council(), e.session().heldOn().toString()));
        return out;
    }

    /** A ballot in a line: the council and session that cast it, and its result. */
    private static Map<String, Object> brief(Ballot b, long session, String council, String heldOn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("session", session);
        out.put("council", council);
        out.put("heldOn", heldOn);
        out.put("result", b.result());
        out.put("share", b.share());
        out.put("inFavour", b.inFavour());
        out.put("members", b.members());
        return out;
    }

    private static Map<String, Object> criterion(CriterionOutcome c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("criterion", c.criterion());
        out.put("status", c.status().name());
        out.put("explanation", c.explanation());
        return out;
    }
}
