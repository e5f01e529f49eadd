package vn.laurel.api.proposals;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.Now;
import vn.laurel.api.store.Transactions;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/** The proposal_* tables: the lists as prepared, their rows, and the conferments recorded against them. */
@Singleton
public class ProposalStore {
    private final DataSource dataSource;

    public ProposalStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A list's heading before it has an id. */
    public record NewList(int year, String authority, String unit, LocalDate asOf, String rulesetVersion, String preparedBy,
                          int evaluated, int withheld) {}

    /** What a conferred row became: the fact's kind (titles, commendations) and id. */
    public record Written(String factKind, long factId) {}

    /** Writes the fact of one row on the conferment's connection; throws to undo the whole conferment. */
    public interface RowWriter {
        Written write(Connection c, ProposalList.Row row) throws SQLException;
    }

    /** Rows already conferred (by row, or by the same subject, award and year through any list): the reason to refuse. */
    public static final class AlreadyConferred extends RuntimeException {
        public final List<Integer> rows;

        AlreadyConferred(List<Integer> rows) {
            super("already conferred: rows " + rows, null, false, false);
            this.rows = List.copyOf(rows);
        }
    }

    public long create(NewList l, List<ProposalList.Row> rows, List<ProposalList.Withheld> withheld) {
        return run(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO proposal_list (achievement_year, authority, unit_code, as_of, "
                    + "ruleset_version, prepared_by, prepared_at, evaluated, withheld) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, l.year());
                ps.setString(2, l.authority());
                ps.setString(3, l.unit());
                ps.setObject(4, l.asOf());
                ps.setString(5, l.rulesetVersion());
                ps.setString(6, l.preparedBy());
                ps.setObject(7, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC));
                ps.setInt(8, l.evaluated());
                ps.setInt(9, l.withheld());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO proposal_row (list_id, row_no, subject_id, subject_kind, subject_name, "
                    + "unit_code, unit_name, award, award_category, facts_vi, facts_en, ballot_id, ballot_share, ballot_required, ballot_strict, "
                    + "decision_id, ballot_council) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ProposalList.Row r : rows) {
                    ps.setLong(1, id);
                    ps.setInt(2, r.no());
                    ps.setString(3, r.subjectId());
                    ps.setString(4, r.subjectKind());
                    ps.setString(5, cut(r.name(), 500));
                    ps.setString(6, r.unitCode());
                    ps.setString(7, cut(r.unitName(), 500));
                    ps.setString(8, r.award());
                    ps.setString(9, r.category());
                    ps.setString(10, cut(r.factsVi(), 4000));
                    ps.setString(11, cut(r.factsEn(), 4000));
                    if (r.ballotId() == null) ps.setNull(12, Types.BIGINT); else ps.setLong(12, r.ballotId());
                    ps.setBigDecimal(13, r.ballotShare());
                    ps.setBigDecimal(14, r.ballotRequired());
                    if (r.ballotStrict() == null) ps.setNull(15, Types.BOOLEAN); else ps.setBoolean(15, r.ballotStrict());
                    ps.setLong(16, r.decisionId());
                    ps.setString(17, cut(r.ballotCouncil(), 500));
                    ps.addBatch();
                }
                if (!rows.isEmpty()) ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO proposal_withheld (list_id, item_no, subject_id, subject_kind, "
                    + "subject_name, unit_name, award, reason, ballot_id, ballot_share, ballot_required, ballot_strict, ballot_parameter) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ProposalList.Withheld w : withheld) {
                    ps.setLong(1, id);
                    ps.setInt(2, w.no());
                    ps.setString(3, w.subjectId());
                    ps.setString(4, w.subjectKind());
                    ps.setString(5, cut(w.name(), 500));
                    ps.setString(6, cut(w.unitName(), 500));
                    ps.setString(7, w.award());
                    ps.setString(8, w.reason());
                    if (w.ballotId() == null) ps.setNull(9, Types.BIGINT); else ps.setLong(9, w.ballotId());
                    ps.setBigDecimal(10, w.ballotShare());
                    ps.setBigDecimal(11, w.ballotRequired());
                    if (w.ballotStrict() == null) ps.setNull(12, Types.BOOLEAN); else ps.setBoolean(12, w.ballotStrict());
                    ps.setString(13, cut(w.ballotParameter(), 200));
                    ps.addBatch();
                }
                if (!withheld.isEmpty()) ps.executeBatch();
            }
            return id;
        });
    }

    public Optional<ProposalList> find(long id) {
        return run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_list WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(c, rs)) : Optional.empty();
                }
            }
        });
    }

    /** The latest list of each authority for the year (or of the one asked), in the order they were first prepared. */
    public List<ProposalList> latest(int year, String authority) {
        return run(c -> {
            String sql = "SELECT * FROM proposal_list l WHERE achievement_year = ? "
                    + (authority == null ? "" : "AND authority = ? ")
                    + "AND id = (SELECT MAX(id) FROM proposal_list m WHERE m.achievement_year = l.achievement_year AND m.authority = l.authority) "
                    + "ORDER BY (SELECT MIN(id) FROM proposal_list f WHERE f.achievement_year = l.achievement_year AND f.authority = l.authority)";
            List<ProposalList> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, year);
                if (authority != null) ps.setString(2, authority);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(read(c, rs));
                }
            }
            return out;
        });
    }

    /** Every list of the year, newest first, without rows: the history of preparations. */
    public List<ProposalList> all(int year) {
        return run(c -> {
            List<ProposalList> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_list WHERE achievement_year = ? ORDER BY id DESC")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(heading(rs, List.of(), List.of(), List.of()));
                }
            }
            return out;
        });
    }

    /**
     * Records the authority's decision on {@code rows} of list {@code listId}, in one transaction with the facts
     * {@code writer} writes for them: all or nothing. A row already conferred (or the same subject, award and
     * year already conferred through another list) is refused with {@link AlreadyConferred}, nothing written.
     */
    public long confer(long listId, String decisionNo, LocalDate decidedOn, List<Integer> rows, String recordedBy, RowWriter writer) {
        return run(c -> {
            // One conferment of a list at a time: the check below and the inserts see the same rows.
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM proposal_list WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, listId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NoSuchElementException("no list " + listId);
                }
            }
            ProposalList list = find(c, listId);
            Map<Integer, ProposalList.Row> byNo = new HashMap<>();
            list.rows().forEach(r -> byNo.put(r.no(), r));
            List<Integer> done = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM proposal_conferred WHERE (list_id = ? AND row_no = ?) "
                    + "OR (achievement_year = ? AND subject_id = ? AND award = ?)")) {
                for (int no : rows) {
                    ProposalList.Row r = byNo.get(no);
                    ps.setLong(1, listId);
                    ps.setInt(2, no);
                    ps.setInt(3, list.year());
                    ps.setString(4, r.subjectId());
                    ps.setString(5, r.award());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) done.add(no);
                    }
                }
            }
            if (!done.isEmpty()) throw new AlreadyConferred(done);
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO proposal_conferment (list_id, decision_no, decided_on, recorded_by, recorded_at) "
                    + "VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, listId);
                ps.setString(2, decisionNo);
                ps.setObject(3, decidedOn);
                ps.setString(4, recordedBy);
                ps.setObject(5, OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO proposal_conferred (conferment_id, list_id, row_no, achievement_year, "
                    + "subject_id, award, fact_kind, fact_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int no : rows) {
                    ProposalList.Row r = byNo.get(no);
                    Written w = writer.write(c, r);
                    ps.setLong(1, id);
                    ps.setLong(2, listId);
                    ps.setInt(3, no);
                    ps.setInt(4, list.year());
                    ps.setString(5, r.subjectId());
                    ps.setString(6, r.award());
                    ps.setString(7, w.factKind());
                    ps.setLong(8, w.factId());
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    private ProposalList find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_list WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new NoSuchElementException("no list " + id);
                return read(c, rs);
            }
        }
    }

    private ProposalList read(Connection c, ResultSet list) throws SQLException {
        long id = list.getLong("id");
        Map<Integer, Long> conferredBy = new HashMap<>();
        Map<Long, List<Integer>> rowsOf = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conferment_id, row_no FROM proposal_conferred WHERE list_id = ? ORDER BY row_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    conferredBy.put(rs.getInt("row_no"), rs.getLong("conferment_id"));
                    rowsOf.computeIfAbsent(rs.getLong("conferment_id"), k -> new ArrayList<>()).add(rs.getInt("row_no"));
                }
            }
        }
        List<ProposalList.Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_row WHERE list_id = ? ORDER BY row_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ballot = rs.getLong("ballot_id");
                    Long ballotId = rs.wasNull() ? null : ballot;
                    rows.add(new ProposalList.Row(rs.getInt("row_no"), rs.getString("subject_id"), rs.getString("subject_kind"),
                            rs.getString("subject_name"), rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("award"),
                            rs.getString("award_category"), rs.getString("facts_vi"), rs.getString("facts_en"), ballotId,
                            scaled(rs.getBigDecimal("ballot_share")), scaled(rs.getBigDecimal("ballot_required")), bool(rs, "ballot_strict"),
                            rs.getLong("decision_id"), conferredBy.get(rs.getInt("row_no")), rs.getString("ballot_council")));
                }
            }
        }
        List<ProposalList.Withheld> withheld = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_withheld WHERE list_id = ? ORDER BY item_no")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long ballot = rs.getLong("ballot_id");
                    Long ballotId = rs.wasNull() ? null : ballot;
                    withheld.add(new ProposalList.Withheld(rs.getInt("item_no"), rs.getString("subject_id"), rs.getString("subject_kind"),
                            rs.getString("subject_name"), rs.getString("unit_name"), rs.getString("award"), rs.getString("reason"), ballotId,
                            scaled(rs.getBigDecimal("ballot_share")), scaled(rs.getBigDecimal("ballot_required")), bool(rs, "ballot_strict"),
                            rs.getString("ballot_parameter")));
                }
            }
        }
        List<ProposalList.Conferment> conferments = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_conferment WHERE list_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long cid = rs.getLong("id");
                    conferments.add(new ProposalList.Conferment(cid, rs.getString("decision_no"), rs.getObject("decided_on", LocalDate.class),
                            rs.getString("recorded_by"), instant(rs, "recorded_at"), rowsOf.getOrDefault(cid, List.of())));
                }
            }
        }
        return heading(list, rows, conferments, withheld);
    }

    private static ProposalList heading(ResultSet rs, List<ProposalList.Row> rows, List<ProposalList.Conferment> conferments,
                                        List<ProposalList.Withheld> withheld) throws SQLException {
        return new ProposalList(rs.getLong("id"), rs.getInt("achievement_year"), rs.getString("authority"), rs.getString("unit_code"),
                rs.getObject("as_of", LocalDate.class), rs.getString("ruleset_version"), rs.getString("prepared_by"),
                instant(rs, "prepared_at"), rs.getInt("evaluated"), rs.getInt("withheld"), rows, conferments, withheld);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Shares as the ballot stated them (0.9, not 0.9000). */
    private static BigDecimal scaled(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private <T> T run(Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) throw new AlreadyConferred(List.of());
            throw new IllegalStateException("cannot read or write the proposal lists", e);
        }
    }
}
