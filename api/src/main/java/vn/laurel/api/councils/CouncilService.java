package vn.laurel.api.councils;

import jakarta.inject.Singleton;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.*;

/**
 * Councils, their sessions and ballots. A ballot is counted on all members of the council on the session's
 * date: a present member votes at the session, an absent one only in writing, and a member without a vote
 * counts as not in favour. A passed ballot attests the criteria waiting for the council's judgment (and
 * COUNCIL_VOTE_PASSED where the award's rules read it); a failed one writes only COUNCIL_VOTE_PASSED=false
 * where the rules read it. Every request is checked whole before anything is written.
 */
@Singleton
public class CouncilService {
    static final String COUNCIL_VOTE_PASSED = "COUNCIL_VOTE_PASSED";

    private final CouncilStore store;
    private final AgendaService agendas;
    private final UnitDirectory directory;
    private final FactStore facts;
    private final RuleSetHolder rules;
    private final RequestLimits limits;

    public CouncilService(CouncilStore store, AgendaService agendas, UnitDirectory directory, FactStore facts, RuleSetHolder rules,
                          RequestLimits limits) {
        this.store = store;
        this.agendas = agendas;
        this.directory = directory;
        this.facts = facts;
        this.rules = rules;
        this.limits = limits;
    }

    public record NewMember(String name, String position, LocalDate from, LocalDate to) {}

    public record NewSession(String council, int year, LocalDate heldOn, String note, List<Long> present, List<Long> inWriting) {}

    /** One ballot asked for: the candidate, the award, and the votes cast by member id. */
    public record BallotRequest(String subject, String award, Map<Long, Vote> votes) {}

    // ------------------------------------------------------------------ councils

    public List<Council> councils() {
        return store.councils();
    }

    public Council council(String code) {
        return find(code).orElseThrow(() -> CouncilRefused.notFound("code", "councils.error.noCouncil", code));
    }

    /** A council by its code; empty for a code no council has (or one too long to be one). */
    public Optional<Council> find(String code) {
        return code == null || code.length() > 64 ? Optional.empty() : store.council(code);
    }

    public Council create(String code, String name, String unit, List<NewMember> members, String by) {
        if (members.size() > CouncilInput.MAX_MEMBERS) throw new CouncilRefused(413, "members", "councils.error.tooMany", CouncilInput.MAX_MEMBERS);
        if (directory.subtree(unit).isEmpty()) throw CouncilRefused.unprocessable("unit", "councils.error.noUnit", unit);
        List<Council.Member> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            NewMember m = members.get(i);
            if (m.to() != null && m.to().isBefore(m.from())) throw CouncilRefused.bad("members[" + i + "].to", "councils.error.toBeforeFrom");
            rows.add(new Council.Member(0, i + 1, m.name(), m.position(), m.from(), m.to()));
        }
        if (!store.create(code, name, unit, rows, by)) throw new CouncilRefused(409, "code", "councils.error.codeTaken", code);
        return council(code);
    }

    // ------------------------------------------------------------------ sessions

    public CouncilSession session(long id) {
        return store.session(id).orElseThrow(() -> CouncilRefused.notFound("id", "councils.error.noSession", id));
    }

    public List<CouncilSession> sessions(String council, Integer year) {
        return store.sessions(council, year);
    }

    public CouncilSession createSession(NewSession s, String by) {
        Council council = store.council(s.council()).orElseThrow(() ->
                CouncilRefused.unprocessable("council", "councils.error.noCouncil", s.council()));
        // A session on a year is held at the turn of it: from the year itself (December) to the next.
        if (s.heldOn().getYear() < s.year() || s.heldOn().getYear() > s.year() + 1) {
            throw CouncilRefused.unprocessable("heldOn", "councils.error.heldOn", s.year(), s.year() + 1);
        }
        Set<Long> onDay = new LinkedHashSet<>();
        council.membersOn(s.heldOn()).forEach(m -> onDay.add(m.id()));
        if (onDay.isEmpty()) throw CouncilRefused.unprocessable("heldOn", "councils.error.noMembersOn", s.heldOn());
        // A session is a meeting: without a member present there is none, whoever votes in writing.
        if (s.present().isEmpty()) throw CouncilRefused.unprocessable("present", "councils.error.nobodyPresent");
        Map<Long, Attendance> attendance = new LinkedHashMap<>();
        onDay.forEach(id -> attendance.put(id, Attendance.ABSENT));
        mark(attendance, s.present(), "present", Attendance.PRESENT);
        mark(attendance, s.inWriting(), "inWriting", Attendance.WRITTEN);
        long id = store.createSession(council.code(), s.year(), s.heldOn(), s.note(), attendance, by);
        return session(id);
    }

    private static void mark(Map<Long, Attendance> attendance, List<Long> ids, String field, Attendance as) {
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            Attendance now = attendance.get(id);
            if (now == null) throw CouncilRefused.unprocessable(field + "[" + i + "]", "councils.error.notMemberOn", id);
            if (now != Attendance.ABSENT) throw CouncilRefused.unprocessable(field + "[" + i + "]", "councils.error.twice", id);
            attendance.put(id, as);
        }
    }

    /** A session's agenda: a population-wide query, bounded as such (429 when too many run at once, 422 past the deadline). */
    public Agenda agenda(CouncilSession session) {
        Council council = council(session.council());
        return bounded("session", () -> agendas.agenda(session, council, store.ballots(session.id()), earlier(session)));
    }

    /**
     * Runs a population-wide query among the few allowed at once ({@link RequestLimits#wide}); when too many
     * run, refused with 429 naming {@code field}, in the councils' words (the API adds Retry-After).
     */
    private <T> T bounded(String field, java.util.function.Supplier<T> query) {
        try {
            return limits.wide(query);
        } catch (ProblemException e) {
            if (e.problem().status() == 429) throw new CouncilRefused(429, field, "councils.error.busy");
            throw e;
        }
    }

    /**
     * One candidate's agenda item at a session (the ballot form), decided as the agenda decides it: refused
     * when it is not on the agenda; bounded like the agenda (429 when too many such queries run, 422 past the deadline).
     */
    public AgendaItem candidate(CouncilSession session, Subject subject, String award) {
        Council council = council(session.council());
        return bounded("subject", () -> agendas.candidates(rules.current(), session, council,
                List.of(new AgendaService.Asked(subject, award, "subject")), earlier(session)).get(0));
    }

    /** The latest ballots of the year at the sessions held before this one (or on its day): their candidates may be voted on again. */
    private Map<String, SessionBallot> earlier(CouncilSession session) {
        return store.earlier(session.year(), session.id(), session.heldOn());
    }

    public List<Ballot> ballots(long sessionId) {
        return store.ballots(sessionId);
    }

    // ------------------------------------------------------------------ ballots

    /**
     * Records the ballots of a request, all or none; answers them as recorded. Checking the candidates
     * evaluates the council's unit as the agenda does (and asks the engine what each ballot settles), so a
     * request is bounded like the agenda: at most {@link CouncilInput#MAX_BALLOTS} ballots (413), one such
     * query among the few allowed at once (429) and the evaluation deadline (422).
     */
    public List<Ballot> record(long sessionId, List<BallotRequest> requests, String by) {
        if (requests.isEmpty()) throw CouncilRefused.bad("ballots", "councils.error.required");
        if (requests.size() > CouncilInput.MAX_BALLOTS) throw new CouncilRefused(413, "ballots", "councils.error.tooMany", CouncilInput.MAX_BALLOTS);
        return bounded("ballots", () -> recordChecked(sessionId, requests, by));
    }

    private List<Ballot> recordChecked(long sessionId, List<BallotRequest> requests, String by) {
        CouncilSession session = session(sessionId);
        Council council = council(session.council());
        RuleSet ruleSet = rules.current();
        Organisation organisation = agendas.organisationOf(council);
        List<Council.Member> members = council.membersOn(session.heldOn());
        Set<Long> memberIds = new HashSet<>();
        members.forEach(m -> memberIds.add(m.id()));
        Set<String> already = new HashSet<>();
        store.ballots(sessionId).forEach(b -> already.add(b.subjectId() + "|" + b.award()));
        Set<String> keys = new HashSet<>();
        List<AgendaService.Asked> asked = new ArrayList<>();
        List<Set<Long>> writing = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            BallotRequest r = requests.get(i);
            String at = "ballots[" + i + "]";
            String award = CouncilInput.text(at + ".award", r.award(), true, 64);
            if (ruleSet.award(award).isEmpty()) throw CouncilRefused.unprocessable(at + ".award", "councils.error.noAward", award);
            String subjectId = CouncilInput.text(at + ".subject", r.subject(), true, 64);
            Subject subject = facts.subject(subjectId).orElseThrow(() ->
                    CouncilRefused.unprocessable(at + ".subject", "councils.error.noSubject", subjectId));
            String key = subjectId + "|" + award;
            if (!keys.add(key)) throw CouncilRefused.unprocessable(at + ".subject", "councils.error.sameBallot", subjectId, award);
            if (already.contains(key)) throw new CouncilRefused(409, at + ".subject", "councils.error.ballotTwice", subjectId, award);
            // An empty ballot would record a failed one that cannot be undone: at least one vote.
            if (r.votes().isEmpty()) throw CouncilRefused.unprocessable(at + ".votes", "councils.error.noVotes");
            Set<Long> inWriting = new HashSet<>();
            int j = 0;
            for (Map.Entry<Long, Vote> v : r.votes().entrySet()) {
                String field = at + ".votes[" + j++ + "].member";
                if (!memberIds.contains(v.getKey())) throw CouncilRefused.unprocessable(field, "councils.error.notMemberOn", v.getKey());
                Attendance a = session.attendanceOf(v.getKey());
                if (a == Attendance.ABSENT) throw CouncilRefused.unprocessable(field, "councils.error.absentVote", v.getKey());
                if (a == Attendance.WRITTEN) inWriting.add(v.getKey());
            }
            asked.add(new AgendaService.Asked(subject, award, at + ".subject"));
            writing.add(inWriting);
        }
        List<AgendaItem> items = agendas.candidates(ruleSet, session, council, asked, earlier(session));
        List<CouncilStore.NewBallot> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(ballot(ruleSet, session, council, organisation, items.get(i), members.size(), requests.get(i).votes(), writing.get(i)));
        }
        String source = "council " + council.code() + ", session " + session.id() + " held " + session.heldOn() + ", ballot ";
        List<Long> ids = store.record(sessionId, out, source, ruleSet, by);
        List<Ballot> recorded = new ArrayList<>();
        for (Ballot b : store.ballots(sessionId)) if (ids.contains(b.id())) recorded.add(b);
        return recorded;
    }

    private CouncilStore.NewBallot ballot(RuleSet ruleSet, CouncilSession session, Council council, Organisation organisation,
                                          AgendaItem item, int members, Map<Long, Vote> votes, Set<Long> inWriting) {
        int inFavour = 0, against = 0, abstaining = 0;
        for (Vote v : votes.values()) {
            switch (v) {
                case FOR -> inFavour++;
                case AGAINST -> against++;
                case ABSTAIN -> abstaining++;
            }
        }
        Threshold threshold = Threshold.of(ruleSet, item.award(), session.heldOn(), organisation);
        boolean passed = threshold.passes(inFavour, members);
        boolean readsVote = readsCouncilVote(ruleSet, item.award(), agendas.asOf(session.year()));
        List<String> criteria = new ArrayList<>();
        if (passed) item.settles().stream().filter(c -> !c.equals(COUNCIL_VOTE_PASSED)).forEach(criteria::add);
        if (readsVote) criteria.add(COUNCIL_VOTE_PASSED);
        List<Map<String, Object>> attestations = new ArrayList<>();
        for (String criterion : criteria) {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("subject", item.subjectId());
            fact.put("year", session.year());
            fact.put("criterion", criterion);
            fact.put("value", passed);
            fact.put("attestedBy", council.name());
            fact.put("attestedOn", session.heldOn().toString());
            attestations.add(fact);
        }
        return new CouncilStore.NewBallot(item.subjectId(), item.award(), session.year(), members, inFavour, against, abstaining,
                Threshold.share(inFavour, members), threshold, passed, criteria, new TreeMap<>(votes), inWriting, attestations);
    }

    /** Whether the award's rules in the regime of the appraisal date have a criterion COUNCIL_VOTE_PASSED. */
    static boolean readsCouncilVote(RuleSet ruleSet, String award, LocalDate asOf) {
        return ruleSet.regimeOn(asOf).map(r -> ruleSet.compiled(r.code())).map(c -> c.criteriaOf(award).stream()
                .anyMatch(k -> COUNCIL_VOTE_PASSED.equals(k.criterion()))).orElse(false);
    }
}
