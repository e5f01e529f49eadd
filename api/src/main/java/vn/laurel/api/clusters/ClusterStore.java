package vn.laurel.api.clusters;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactKinds;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.api.store.FactWriter;
import vn.laurel.api.store.Now;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.store.Transactions;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The tables of the cluster reviews (cluster_term, cluster_criterion, cluster_setting, cluster_score,
 * cluster_review), and what they read of the clusters and their members. The ranks a review records are
 * facts: they go through the store's {@link FactWriter}, on this store's transaction, so that the record
 * of the review and the facts it wrote commit together or not at all.
 */
@Singleton
public class ClusterStore {
    private final DataSource dataSource;
    private final FactWriter writer;

    public ClusterStore(DataSource dataSource, FactWriter writer) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.writer = writer;
    }

    public record Cluster(String code, String name, String kind, String organisation) {}

    public record Member(String unit, String name, Integer rank, Boolean leads, String source) {}

    public record Term(String head, String deputy) {}

    public record Score(String unit, String criterion, BigDecimal points) {}

    /** A recording: its source, who and when, what it proposed (JSON) and the digests of its inputs ({@link ReviewDigest#inputs}). */
    public record Recorded(long id, String source, String by, OffsetDateTime at, String proposals, String inputs) {}

    /** Every cluster and block, by code. */
    public List<Cluster> clusters() {
        return read(c -> SubjectRows.list(c, "SELECT code, name, kind, organisation FROM emulation_cluster ORDER BY code")
                .stream().map(ClusterStore::cluster).toList());
    }

    public Optional<Cluster> cluster(String code) {
        return read(c -> SubjectRows.list(c, "SELECT code, name, kind, organisation FROM emulation_cluster WHERE code = ?", code)
                .stream().map(ClusterStore::cluster).findFirst());
    }

    /** The cluster's member units in the year (current rows), by code, with their names and recorded rank. */
    public List<Member> members(String code, int year) {
        return read(c -> SubjectRows.list(c, "SELECT m.subject_id, s.name, m.ranking, m.leads, m.source FROM cluster_member m "
                + "JOIN subject s ON s.id = m.subject_id WHERE m.cluster_code = ? AND m.member_year = ? AND m.current_flag = TRUE "
                + "ORDER BY m.subject_id", code, year).stream()
                .map(r -> new Member((String) r.get("subject_id"), (String) r.get("name"), (Integer) r.get("ranking"),
                        (Boolean) r.get("leads"), (String) r.get("source"))).toList());
    }

    /** How many member units each cluster has in the year. */
    public Map<String, Integer> memberCounts(int year) {
        Map<String, Integer> out = new HashMap<>();
        read(c -> SubjectRows.list(c, "SELECT cluster_code, COUNT(*) AS n FROM cluster_member WHERE member_year = ? "
                + "AND current_flag = TRUE GROUP BY cluster_code", year))
                .forEach(r -> out.put((String) r.get("cluster_code"), ((Number) r.get("n")).intValue()));
        return out;
    }

    public Optional<Term> term(String code, int year) {
        return read(c -> SubjectRows.list(c, "SELECT head_unit, deputy_unit FROM cluster_term WHERE cluster_code = ? AND term_year = ?",
                code, year).stream().map(r -> new Term((String) r.get("head_unit"), (String) r.get("deputy_unit"))).findFirst());
    }

    public void saveTerm(String code, int year, Term term, String by) {
        write(c -> {
            update(c, "DELETE FROM cluster_term WHERE cluster_code = ? AND term_year = ?", code, year);
            update(c, "INSERT INTO cluster_term (cluster_code, term_year, head_unit, deputy_unit, recorded_at, recorded_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", code, year, term.head(), term.deputy(), now(), by);
            return null;
        });
    }

    /** The scoring table in force on {@code day}: the rows of the latest valid_from not after it, in their order. */
    public ScoringTable table(String code, LocalDate day) {
        return read(c -> {
            List<Map<String, Object>> rows = SubjectRows.list(c, "SELECT valid_from, code, name_vi, name_en, max_points FROM cluster_criterion "
                    + "WHERE cluster_code = ? AND valid_from = (SELECT MAX(valid_from) FROM cluster_criterion WHERE cluster_code = ? "
                    + "AND valid_from <= ?) ORDER BY list_order, code", code, code, Date.valueOf(day));
            if (rows.isEmpty()) return new ScoringTable(null, List.of());
            LocalDate from = localDate(rows.get(0).get("valid_from"));
            return new ScoringTable(from, rows.stream().map(r -> new ScoringTable.Criterion((String) r.get("code"),
                    (String) r.get("name_vi"), (String) r.get("name_en"), (BigDecimal) r.get("max_points"))).toList());
        });
    }

    /** Saves a table from {@code table.validFrom()}, replacing one of the same date. */
    public void saveTable(String code, ScoringTable table, String by) {
        write(c -> {
            update(c, "DELETE FROM cluster_criterion WHERE cluster_code = ? AND valid_from = ?", code, Date.valueOf(table.validFrom()));
            int i = 0;
            for (ScoringTable.Criterion k : table.criteria()) {
                update(c, "INSERT INTO cluster_criterion (cluster_code, valid_from, code, name_vi, name_en, max_points, list_order, "
                        + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", code, Date.valueOf(table.validFrom()), k.code(),
                        k.nameVi(), k.nameEn(), k.maxPoints(), ++i, now(), by);
            }
            return null;
        });
    }

    /** The settings in force on {@code day}; empty when the cluster has none (the defaults apply). */
    public Optional<ClusterSettings> settings(String code, LocalDate day) {
        return read(c -> SubjectRows.list(c, "SELECT valid_from, flag_award, flag_quota, merit_award, merit_count, basis FROM cluster_setting "
                + "WHERE cluster_code = ? AND valid_from <= ? ORDER BY valid_from DESC FETCH FIRST 1 ROWS ONLY", code, Date.valueOf(day))
                .stream().map(r -> new ClusterSettings(localDate(r.get("valid_from")), (String) r.get("flag_award"),
                        ((Number) r.get("flag_quota")).intValue(), (String) r.get("merit_award"), ((Number) r.get("merit_count")).intValue(),
                        (String) r.get("basis"))).findFirst());
    }

    public void saveSettings(String code, ClusterSettings s, String by) {
        write(c -> {
            update(c, "DELETE FROM cluster_setting WHERE cluster_code = ? AND valid_from = ?", code, Date.valueOf(s.validFrom()));
            update(c, "INSERT INTO cluster_setting (cluster_code, valid_from, flag_award, flag_quota, merit_award, merit_count, basis, "
                    + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", code, Date.valueOf(s.validFrom()), s.flagAward(),
                    s.flagQuota(), s.meritAward(), s.meritCount(), s.basis(), now(), by);
            return null;
        });
    }

    public List<Score> scores(String code, int year) {
        return read(c -> scores(c, code, year));
    }

    private static List<Score> scores(Connection c, String code, int year) throws SQLException {
        return SubjectRows.list(c, "SELECT unit, criterion, points FROM cluster_score WHERE cluster_code = ? AND score_year = ? "
                + "ORDER BY unit, criterion", code, year).stream()
                .map(r -> new Score((String) r.get("unit"), (String) r.get("criterion"), (BigDecimal) r.get("points"))).toList();
    }

    /**
     * Writes scores in one transaction: with {@code replace}, the year's scores become exactly these (a PUT);
     * without, each unit's points on each criterion sent replace those it had (a CSV merged in). With
     * {@code expected}, the year's scores must still be those the writer read ({@link ReviewDigest#scores}),
     * else nothing is written (409): a grid opened before someone else saved must not erase their work.
     * Every write of the cluster's scores first locks the cluster's row, so the check and the write are
     * one step against another writer.
     */
    public void saveScores(String code, int year, List<Score> scores, boolean replace, String expected, String by) {
        write(c -> {
            SubjectRows.list(c, "SELECT code FROM emulation_cluster WHERE code = ? FOR UPDATE", code);
            if (expected != null && !expected.equals(ReviewDigest.scores(scores(c, code, year)))) {
                throw ReviewRefused.field(ReviewRefused.Kind.CONFLICT, "version", "clusters.error.scoresChanged");
            }
            if (replace) update(c, "DELETE FROM cluster_score WHERE cluster_code = ? AND score_year = ?", code, year);
            OffsetDateTime at = now();
            try (PreparedStatement del = c.prepareStatement("DELETE FROM cluster_score WHERE cluster_code = ? AND score_year = ? "
                    + "AND unit = ? AND criterion = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO cluster_score (cluster_code, score_year, unit, criterion, points, "
                         + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Score s : scores) {
                    bind(del, code, year, s.unit(), s.criterion());
                    del.addBatch();
                    bind(ins, code, year, s.unit(), s.criterion(), s.points(), at, by);
                    ins.addBatch();
                }
                if (!scores.isEmpty()) { del.executeBatch(); ins.executeBatch(); }
            }
            return null;
        });
    }

    /** The latest time the review of the year was recorded, if it was. */
    public Optional<Recorded> recorded(String code, int year) {
        return read(c -> SubjectRows.list(c, "SELECT id, source, recorded_by, recorded_at, proposals, inputs FROM cluster_review "
                + "WHERE cluster_code = ? AND review_year = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", code, year).stream()
                .map(r -> new Recorded(((Number) r.get("id")).longValue(), (String) r.get("source"), (String) r.get("recorded_by"),
                        at(r.get("recorded_at")), (String) r.get("proposals"), (String) r.get("inputs"))).findFirst());
    }

    /** One member's place as a recorded review writes it: rank, and whether it leads. */
    public record Placed(String unit, int rank, boolean leads) {}

    /**
     * Records a review: each member's rank and whether it leads become its cluster_member fact of the year
     * (through the fact writer, the review as their source), and the review is kept, in one transaction.
     */
    public Recorded record(String code, int year, List<Placed> placed, String source, String proposals, String inputs, RuleSet rules,
                           String by) {
        return write(c -> {
            long line = 0;
            for (Placed p : placed) {
                Map<String, Object> json = new HashMap<>();
                json.put("cluster", code);
                json.put("unit", p.unit());
                json.put("year", year);
                json.put("rank", p.rank());
                json.put("leads", p.leads());
                writer.write(c, FactKinds.CLUSTER_MEMBERS, json, rules, source + ", line ", ++line, by);
            }
            OffsetDateTime at = now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cluster_review (cluster_code, review_year, source, proposals, "
                    + "inputs, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                bind(ps, code, year, source, proposals, inputs, at, by);
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return new Recorded(id, source, by, at, proposals, inputs);
        });
    }

    /** Whether the subject is a unit (a collective) of the store. */
    public boolean isUnit(String id) {
        return read(c -> !SubjectRows.list(c, "SELECT 1 FROM subject WHERE id = ? AND kind = 'COLLECTIVE'", id).isEmpty());
    }

    // ------------------------------------------------------------------ plumbing

    private interface Work<T> { T run(Connection c) throws SQLException; }

    private <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the cluster reviews", e);
        }
    }

    private <T> T write(Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "23503".equals(e.getSQLState())) {
                throw new FactRefusedException(FactRefusedException.Reason.CONFLICT, "the store refused the write: " + e.getMessage(), List.of());
            }
            throw new IllegalStateException("cannot write the cluster review", e);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
    }

    private static Cluster cluster(Map<String, Object> r) {
        return new Cluster((String) r.get("code"), (String) r.get("name"), (String) r.get("kind"), (String) r.get("organisation"));
    }

    private static LocalDate localDate(Object v) {
        return v instanceof Date d ? d.toLocalDate() : v instanceof LocalDate l ? l : LocalDate.parse(String.valueOf(v));
    }

    private static OffsetDateTime at(Object v) {
        if (v instanceof OffsetDateTime o) return o;
        if (v instanceof java.sql.Timestamp t) return t.toInstant().atOffset(ZoneOffset.UTC);
        if (v instanceof java.time.Instant i) return i.atOffset(ZoneOffset.UTC);
        return OffsetDateTime.parse(String.valueOf(v));
    }
}
