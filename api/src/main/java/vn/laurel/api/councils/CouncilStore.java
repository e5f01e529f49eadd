package vn.laurel.api.councils;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactKinds;
import vn.laurel.api.store.FactWriter;
import vn.laurel.api.store.Now;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.store.Transactions;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The council tables (council, council_member, council_session, council_attendance, council_ballot,
 * council_vote). A session's ballots are written in one transaction with the attestation facts they
 * carry (through {@link FactWriter#createIn}, the source naming the council, session and ballot).
 */
@Singleton
public class CouncilStore {
    private final DataSource dataSource;
    private final FactWriter facts;

    public CouncilStore(DataSource dataSource, FactWriter facts) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.facts = facts;
    }

    /** A ballot to record, with the attestation facts it writes (JSON bodies of the attestation kind). */
    public record NewBallot(String subjectId, String award, int year, int members, int inFavour, int against, int abstaining,
                            BigDecimal share, Threshold threshold, boolean passed, List<String> criteria,
                            Map<Long, Vote> votes, Set<Long> inWriting, List<Map<String, Object>> attestations) {}

    // ------------------------------------------------------------------ councils

    public boolean exists(String code) {
        return run(c -> !SubjectRows.list(c, "SELECT code FROM council WHERE code = ?", code).isEmpty());
    }

    /** Creates a council with its members; false when the code is taken (nothing written). */
    public boolean create(String code, String name, String unit, List<Council.Member> members, String by) {
        // Two officials creating the same code at once: the second meets the primary key.
        return run(new CouncilRefused(409, "code", "councils.error.codeTaken", code), c -> {
            if (!SubjectRows.list(c, "SELECT code FROM council WHERE code = ?", code).isEmpty()) return false;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO council (code, name, unit_code, created_at, created_by) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, unit);
                ps.setObject(4, now());
                ps.setString(5, by);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO council_member (council_code, member_no, name, member_position, "
                    + "member_from, member_to) VALUES (?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Council.Member m : members) {
                    ps.setString(1, code);
                    ps.setInt(2, ++n);
                    ps.setString(3, m.name());
                    ps.setString(4, m.position());
                    ps.setObject(5, m.from());
                    ps.setObject(6, m.to());
                    ps.addBatch();
                }
                if (n > 0) ps.executeBatch();
            }
            return true;
        });
    }

    public List<Council> councils() {
        return run(c -> {
            List<Council> out = new ArrayList<>();
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT code, name, unit_code FROM council ORDER BY code")) {
                out.add(council(c, r));
            }
            return out;
        });
    }

    public Optional<Council> council(String code) {
        return run(c -> {
            List<Map<String, Object>> rows = SubjectRows.list(c, "SELECT code, name, unit_code FROM council WHERE code = ?", code);
            return rows.isEmpty() ? Optional.<Council>empty() : Optional.of(council(c, rows.get(0)));
        });
    }

    private static Council council(Connection c, Map<String, Object> r) throws SQLException {
        String code = (String) r.get("code");
        List<Council.Member> members = new ArrayList<>();
        for (Map<String, Object> m : SubjectRows.list(c, "SELECT id, member_no, name, member_position, member_from, member_to "
                + "FROM council_member WHERE council_code = ? ORDER BY member_no", code)) {
            members.add(new Council.Member(((Number) m.get("id")).longValue(), ((Number) m.get("member_no")).intValue(),
                    (String) m.get("name"), (String) m.get("member_position"), (LocalDate) m.get("member_from"), (LocalDate) m.get("member_to")));
        }
        return new Council(code, (String) r.get("name"), (String) r.get("unit_code"), List.copyOf(members));
    }

    // ------------------------------------------------------------------ sessions

    public long createSession(String council, int year, LocalDate heldOn, String note, Map<Long, Attendance> attendance, String by) {
        // No unique key but the session's own: nothing another official does at once can clash with it.
        return run(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO council_session (council_code, review_year, held_on, note, "
                    + "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, council);
                ps.setInt(2, year);
                ps.setObject(3, heldOn);
                ps.setString(4, note);
                ps.setObject(5, now());
                ps.setString(6, by);
                ps.executeUpdate();
                id = generated(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO council_attendance (session_id, member_id, attendance) VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, Attendance> e : attendance.entrySet()) {
                    ps.setLong(1, id);
                    ps.setLong(2, e.getKey());
                    ps.setString(3, e.getValue().name());
                    ps.addBatch();
                }
                if (!attendance.isEmpty()) ps.executeBatch();
            }
            return id;
        });
    }

    public Optional<CouncilSession> session(long id) {
        return run(c -> {
            List<Map<String, Object>> rows = SubjectRows.list(c, SESSION + " WHERE id = ?", id);
            return rows.isEmpty() ? Optional.<CouncilSession>empty() : Optional.of(session(c, rows.get(0)));
        });
    }

    /** Sessions, latest first; {@code council} and {@code year} narrow them when given. */
    public List<CouncilSession> sessions(String council, Integer year) {
        return run(c -> {
            StringBuilder sql = new StringBuilder(SESSION + " WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (council != null) { sql.append(" AND council_code = ?"); params.add(council); }
            if (year != null) { sql.append(" AND review_year = ?"); params.add(year); }
            sql.append(" ORDER BY held_on DESC, id DESC");
            List<CouncilSession> out = new ArrayList<>();
            for (Map<String, Object> r : SubjectRows.list(c, sql.toString(), params.toArray())) out.add(session(c, r));
            return out;
        });
    }

    private static final String SESSION = "SELECT id, council_code, review_year, held_on, note, created_at, created_by FROM council_session";

    private static CouncilSession session(Connection c, Map<String, Object> r) throws SQLException {
        long id = ((Number) r.get("id")).longValue();
        Map<Long, Attendance> attendance = new LinkedHashMap<>();
        for (Map<String, Object> a : SubjectRows.list(c, "SELECT member_id, attendance FROM council_attendance WHERE session_id = ? ORDER BY member_id", id)) {
            attendance.put(((Number) a.get("member_id")).longValue(), Attendance.valueOf((String) a.get("attendance")));
        }
        return new CouncilSession(id, (String) r.get("council_code"), ((Number) r.get("review_year")).intValue(), (LocalDate) r.get("held_on"),
                (String) r.get("note"), attendance, (Instant) r.get("created_at"), (String) r.get("created_by"));
    }

    // ------------------------------------------------------------------ ballots

    public List<Ballot> ballots(long sessionId) {
        return run(c -> ballots(c, BALLOT + " WHERE session_id = ? ORDER BY id", sessionId));
    }

    /** The latest ballot on a candidate for an award and year (by the session's date, then the ballot's id), with its session. */
    public Optional<Map.Entry<Ballot, CouncilSession>> latest(String subjectId, String award, int year) {
        return run(c -> {
            List<Ballot> found = ballots(c, "SELECT b.id, b.session_id, b.subject_id, b.award, b.review_year, b.members_total, b.in_favour, "
                    + "b.votes_against, b.abstaining, b.vote_share, b.required_share, b.strictly_more, b.threshold_parameter, b.threshold_scope, "
                    + "b.threshold_reference, b.threshold_confidence, b.result, b.criteria, b.recorded_at, b.recorded_by "
                    + "FROM council_ballot b JOIN council_session s ON s.id = b.session_id "
                    + "WHERE b.subject_id = ? AND b.award = ? AND b.review_year = ? ORDER BY s.held_on DESC, b.id DESC", subjectId, award, year);
            if (found.isEmpty()) return Optional.<Map.Entry<Ballot, CouncilSession>>empty();
            Ballot b = found.get(0);
            CouncilSession s = session(c, SubjectRows.list(c, SESSION + " WHERE id = ?", b.sessionId()).get(0));
            return Optional.of(Map.entry(b, s));
        });
    }

    /**
     * The latest ballot per candidate and award on the achievement {@code year} at the sessions other than
     * {@code sessionId} held on or before {@code heldOn} (by any council), keyed "subject|award".
     */
    public Map<String, SessionBallot> earlier(int year, long sessionId, LocalDate heldOn) {
        return run(c -> {
            List<Ballot> found = ballots(c, "SELECT b.id, b.session_id, b.subject_id, b.award, b.review_year, b.members_total, b.in_favour, "
                    + "b.votes_against, b.abstaining, b.vote_share, b.required_share, b.strictly_more, b.threshold_parameter, b.threshold_scope, "
                    + "b.threshold_reference, b.threshold_confidence, b.result, b.criteria, b.recorded_at, b.recorded_by "
                    + "FROM council_ballot b JOIN council_session s ON s.id = b.session_id "
                    + "WHERE b.review_year = ? AND s.id <> ? AND s.held_on <= ? ORDER BY s.held_on, b.id", year, sessionId, heldOn);
            Map<Long, CouncilSession> sessions = new HashMap<>();
            Map<String, SessionBallot> out = new HashMap<>();
            for (Ballot b : found) {
                CouncilSession s = sessions.get(b.sessionId());
                if (s == null) {
                    s = session(c, SubjectRows.list(c, SESSION + " WHERE id = ?", b.sessionId()).get(0));
                    sessions.put(b.sessionId(), s);
                }
                out.put(AgendaService.key(b.subjectId(), b.award()), new SessionBallot(b, s));
            }
            return out;
        });
    }

    private static final String BALLOT = "SELECT id, session_id, subject_id, award, review_year, members_total, in_favour, votes_against, "
            + "abstaining, vote_share, required_share, strictly_more, threshold_parameter, threshold_scope, threshold_reference, "
            + "threshold_confidence, result, criteria, recorded_at, recorded_by FROM council_ballot";

    private static List<Ballot> ballots(Connection c, String sql, Object... params) throws SQLException {
        List<Ballot> out = new ArrayList<>();
        for (Map<String, Object> r : SubjectRows.list(c, sql, params)) {
            long id = ((Number) r.get("id")).longValue();
            Map<Long, Vote> votes = new LinkedHashMap<>();
            for (Map<String, Object> v : SubjectRows.list(c, "SELECT member_id, vote FROM council_vote WHERE ballot_id = ? ORDER BY member_id", id)) {
                votes.put(((Number) v.get("member_id")).longValue(), Vote.valueOf((String) v.get("vote")));
            }
            String parameter = (String) r.get("threshold_parameter");
            Threshold t = new Threshold(decimal(r.get("required_share")), Boolean.TRUE.equals(r.get("strictly_more")), parameter,
                    (String) r.get("threshold_scope"), (String) r.get("threshold_reference"), (String) r.get("threshold_confidence"),
                    !Threshold.DEFAULT.equals(parameter));
            String criteria = (String) r.get("criteria");
            out.add(new Ballot(id, ((Number) r.get("session_id")).longValue(), (String) r.get("subject_id"), (String) r.get("award"),
                    ((Number) r.get("review_year")).intValue(), ((Number) r.get("members_total")).intValue(),
                    ((Number) r.get("in_favour")).intValue(), ((Number) r.get("votes_against")).intValue(),
                    ((Number) r.get("abstaining")).intValue(), decimal(r.get("vote_share")), t, "PASSED".equals(r.get("result")),
                    criteria == null || criteria.isEmpty() ? List.of() : List.of(criteria.split(",")), votes,
                    (Instant) r.get("recorded_at"), (String) r.get("recorded_by")));
        }
        return out;
    }

    /**
     * Records a session's ballots and writes the attestations they carry, all in one transaction: a refused
     * fact or a ballot already recorded for the same candidate and award writes nothing at all.
     *
     * @param source the provenance of the facts up to the ballot's id, e.g. "council X, session 3 held 2026-01-10, ballot "
     */
    public List<Long> record(long sessionId, List<NewBallot> ballots, String source, RuleSet rules, String by) {
        // Two officials recording a ballot on the same candidate and award at once: UNIQUE (session, subject, award).
        return run(new CouncilRefused(409, "ballots", "councils.error.ballotRace"), c -> {
            List<Long> ids = new ArrayList<>();
            OffsetDateTime at = now();
            for (NewBallot b : ballots) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO council_ballot (session_id, subject_id, award, review_year, "
                        + "members_total, in_favour, votes_against, abstaining, vote_share, required_share, strictly_more, threshold_parameter, "
                        + "threshold_scope, threshold_reference, threshold_confidence, result, criteria, recorded_at, recorded_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    int i = 0;
                    ps.setLong(++i, sessionId);
                    ps.setString(++i, b.subjectId());
                    ps.setString(++i, b.award());
                    ps.setInt(++i, b.year());
                    ps.setInt(++i, b.members());
                    ps.setInt(++i, b.inFavour());
                    ps.setInt(++i, b.against());
                    ps.setInt(++i, b.abstaining());
                    ps.setBigDecimal(++i, b.share());
                    ps.setBigDecimal(++i, b.threshold().share());
                    ps.setBoolean(++i, b.threshold().strictlyMore());
                    ps.setString(++i, b.threshold().parameter());
                    ps.setString(++i, b.threshold().scope());
                    ps.setString(++i, cut(b.threshold().reference()));
                    ps.setString(++i, b.threshold().confidence());
                    ps.setString(++i, b.passed() ? "PASSED" : "FAILED");
                    ps.setString(++i, cut(String.join(",", b.criteria())));
                    ps.setObject(++i, at);
                    ps.setString(++i, by);
                    ps.executeUpdate();
                    id = generated(ps);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO council_vote (ballot_id, member_id, vote, in_writing) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<Long, Vote> v : b.votes().entrySet()) {
                        ps.setLong(1, id);
                        ps.setLong(2, v.getKey());
                        ps.setString(3, v.getValue().name());
                        ps.setBoolean(4, b.inWriting().contains(v.getKey()));
                        ps.addBatch();
                    }
                    if (!b.votes().isEmpty()) ps.executeBatch();
                }
                for (Map<String, Object> fact : b.attestations()) {
                    facts.write(c, FactKinds.ATTESTATIONS, fact, rules, source, id, by);
                }
                ids.add(id);
            }
            return ids;
        });
    }

    // ------------------------------------------------------------------ shared

    private static long generated(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(v));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
    }

    private <T> T run(Transactions.Work<T> work) {
        return run(null, work);
    }

    /** Runs the work in a transaction; a unique key met (a race with another official) is {@code race}, nothing written. */
    private <T> T run(CouncilRefused race, Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            if (race != null && "23505".equals(e.getSQLState())) throw race;
            throw new IllegalStateException("cannot read or write the councils", e);
        }
    }
}
