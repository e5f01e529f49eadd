package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

/**
 * The hash chain over decisions. Each record's hash covers the decision's columns, its answer, its
 * outcome rows and fact rows ({@link ChainContent}) and the previous record's hash. Appending locks
 * the chain head, so records are chained in one order even under concurrent requests; verifying walks
 * the sequence and names the first record that was altered, inserted or deleted — and, given anchors
 * from signed checkpoints, the first one that no longer leads to a checkpoint's head (a chain rewritten
 * with every hash recomputed is consistent in itself; only something kept outside the database shows it).
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);
    static final String DECISIONS = "decisions";
    private static final int PAGE = 200;
    private static final String COLUMNS = "SELECT d.id, d.subject_id, d.evaluation_year, d.as_of, d.regime, d.ruleset_version, "
            + "d.engine_version, d.outcomes, d.requested_by, d.created_at, d.basis FROM decision d";

    private AuditChain() {}

    /**
     * Appends a decision just inserted in this transaction, whose answer in canonical form is
     * {@code canonicalAnswer} (what {@link Canonical#json} makes of the stored text), with the outcome
     * and fact rows just written for it; returns its record hash.
     */
    public static String append(Connection c, long decisionId, String canonicalAnswer, Collection<ChainContent.OutcomeRow> outcomes,
                                Collection<String> factIds) throws SQLException {
        return append(c, decisionId, ChainContent.FORMAT_EVERYTHING, canonicalAnswer, outcomes, factIds);
    }

    /**
     * Appends a decision in the given chain format: {@code content} is its canonical answer (format 2) or
     * its stored record text ({@link ChainContent#FORMAT_RECORD}).
     */
    public static String append(Connection c, long decisionId, int format, String content, Collection<ChainContent.OutcomeRow> outcomes,
                                Collection<String> factIds) throws SQLException {
        // Built before the head is locked: concurrent appends queue only for the link itself. The columns
        // are read back so the hash sees them as verify will (the database's rounding of times, say).
        String hashed;
        try (PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE d.id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("decision " + decisionId + " is not in this transaction");
                hashed = ChainContent.decision(format, row(rs), content, outcomes, factIds);
            }
        }
        Head head = Head.lock(c, Head.DECISIONS);
        String hash = Canonical.sha256(hashed + "\n" + head.hash());
        long sequence = head.length() + 1;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO decision_chain (sequence, decision_id, previous_hash, record_hash, format) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setLong(2, decisionId);
            ps.setString(3, head.hash());
            ps.setString(4, hash);
            ps.setInt(5, format);
            ps.executeUpdate();
        }
        Head.advance(c, Head.DECISIONS, sequence, hash);
        return hash;
    }

    private static ChainContent.DecisionRow row(ResultSet rs) throws SQLException {
        return new ChainContent.DecisionRow(rs.getLong("id"), rs.getString("subject_id"), rs.getInt("evaluation_year"),
                rs.getObject("as_of", LocalDate.class), rs.getString("regime"), rs.getString("ruleset_version"),
                rs.getString("engine_version"), rs.getString("outcomes"), rs.getString("requested_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("basis"));
    }

    public static Verification verify(Connection c) throws SQLException {
        return verify(c, Anchors.none());
    }

    /** Walks both chains; anchors (from signed checkpoints) must be met at their lengths. */
    public static Verification verify(Connection c, Anchors anchors) throws SQLException {
        Verification decisions = verifyDecisions(c, anchors.decisions());
        FlagChain.Result flags = FlagChain.verify(c, anchors.flags());
        return decisions.withFlags(flags.checked(), flags.problem());
    }

    private record Link(long sequence, long decisionId, String previousHash, String recordHash, int format) {}

    private record Stored(ChainContent.DecisionRow row, String answer, List<ChainContent.OutcomeRow> outcomes, List<String> facts) {}

    private static Verification verifyDecisions(Connection c, NavigableMap<Long, Anchors.Anchor> anchors) throws SQLException {
        long expected = 1, checked = 0;
        String previous = GENESIS;
        boolean newFormatSeen = false;
        Anchors.Anchor lastMatched = null;
        long after = 0;
        while (true) {
            List<Link> page = links(c, after);
            if (page.isEmpty()) break;
            Map<Long, Stored> stored = load(c, page.stream().map(Link::decisionId).toList());
            for (Link l : page) {
                if (l.sequence() != expected) {
                    return broken(checked, "DELETED", l.decisionId(), l.sequence(), "records " + expected + " to " + (l.sequence() - 1)
                            + " of the chain are missing before decision " + l.decisionId());
                }
                if (!l.previousHash().equals(previous)) {
                    return broken(checked, "INSERTED", l.decisionId(), l.sequence(), "decision " + l.decisionId()
                            + " does not follow the record before it in the chain");
                }
                Stored d = stored.get(l.decisionId());
                if (d == null) {
                    return broken(checked, "DELETED", l.decisionId(), l.sequence(), "decision " + l.decisionId() + " was removed");
                }
                if (l.format() == ChainContent.FORMAT_COLUMNS && newFormatSeen) {
                    // The old format covers less; going back to it would hide a change to outcome or fact rows.
                    return broken(checked, "ALTERED", l.decisionId(), l.sequence(), "record " + l.sequence() + " (decision "
                            + l.decisionId() + ") claims the hash format of records saved before V13_1, after records of the newer one");
                }
                newFormatSeen |= l.format() != ChainContent.FORMAT_COLUMNS;
                String hash;
                try {
                    // Issue 20 (stopgap until the streaming verify): format 3 hashes the stored record text as it is.
                    String content = l.format() == ChainContent.FORMAT_RECORD ? d.answer() : Canonical.json(d.answer());
                    hash = ChainContent.decisionHash(l.format(), d.row(), content, d.outcomes(), d.facts(), previous);
                } catch (IllegalArgumentException e) {
                    hash = null;
                }
                if (!l.recordHash().equals(hash)) {
                    return broken(checked, "ALTERED", l.decisionId(), l.sequence(), "decision " + l.decisionId()
                            + " no longer matches the hash it was saved with (its columns, answer, outcome or fact rows were changed)");
                }
                Anchors.Anchor anchor = anchors.get(l.sequence());
                if (anchor != null) {
                    if (!anchor.hash().equals(hash)) return rewritten(checked, l, anchor, lastMatched);
                    lastMatched = anchor;
                }
                previous = hash;
                expected++;
                checked++;
            }
            after = page.get(page.size() - 1).sequence();
        }
        Head head = Head.read(c, Head.DECISIONS);
        if (head.length() != expected - 1 || !head.hash().equals(previous)) {
            return broken(checked, "DELETED", null, head.length(), "the chain ends at record " + (expected - 1)
                    + " but its head says " + head.length() + ": the last records were removed");
        }
        if (!anchors.isEmpty() && anchors.lastKey() > expected - 1) {
            Anchors.Anchor a = anchors.lastEntry().getValue();
            return broken(checked, "DELETED", null, expected - 1, "the chain has " + (expected - 1) + " records, shorter than "
                    + a.checkpoint() + " says (" + a.length() + "): records " + expected + " to " + a.length() + " were removed");
        }
        List<Long> outside = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM decision d WHERE NOT EXISTS "
                + "(SELECT 1 FROM decision_chain k WHERE k.decision_id = d.id) ORDER BY d.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) outside.add(rs.getLong(1));
        }
        if (!outside.isEmpty()) {
            return broken(checked, "INSERTED", outside.get(0), null, "decision " + outside.get(0) + " is not in the chain");
        }
        return new Verification(true, checked, 0, null);
    }

    private static Verification rewritten(long checked, Link l, Anchors.Anchor anchor, Anchors.Anchor lastMatched) {
        return broken(checked, "REWRITTEN", l.decisionId(), l.sequence(), "record " + l.sequence() + " (decision " + l.decisionId()
                + "): hash differs from " + anchor.checkpoint() + "; the chain was rewritten at or before this record"
                + (lastMatched == null ? "" : " and after record " + lastMatched.length() + ", which still matches " + lastMatched.checkpoint()));
    }

    private static Verification broken(long checked, String kind, Long decisionId, Long sequence, String detail) {
        return Verification.broken(checked, 0, new Verification.Problem(DECISIONS, kind, decisionId, sequence, detail));
    }

    private static List<Link> links(Connection c, long after) throws SQLException {
        List<Link> page = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, decision_id, previous_hash, record_hash, format FROM decision_chain "
                + "WHERE sequence > ? ORDER BY sequence FETCH FIRST " + PAGE + " ROWS ONLY")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) page.add(new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
            }
        }
        return page;
    }

    /** The decisions of a page of the chain, with their outcome and fact rows: three queries a page, not three a record. */
    private static Map<Long, Stored> load(Connection c, List<Long> ids) throws SQLException {
        String in = ids.stream().map(i -> "?").collect(Collectors.joining(", ", "(", ")"));
        Map<Long, ChainContent.DecisionRow> rows = new HashMap<>();
        Map<Long, String> answers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COLUMNS.replace(" FROM decision d", ", CAST(d.result AS VARCHAR) AS result_text, d.record_text FROM decision d")
                + " WHERE d.id IN " + in)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong("id"), row(rs));
                    answers.put(rs.getLong("id"), rs.getString("record_text") != null ? rs.getString("record_text") : rs.getString("result_text"));
                }
            }
        }
        Map<Long, List<ChainContent.OutcomeRow>> outcomes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, award, outcome FROM decision_outcome WHERE decision_id IN " + in)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) outcomes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ChainContent.OutcomeRow(rs.getString(2), rs.getString(3)));
            }
        }
        Map<Long, List<String>> facts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, fact_id FROM decision_fact WHERE decision_id IN " + in)) {
            bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) facts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, Stored> out = new HashMap<>();
        rows.forEach((id, row) -> out.put(id, new Stored(row, answers.get(id), outcomes.getOrDefault(id, List.of()), facts.getOrDefault(id, List.of()))));
        return out;
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) ps.setLong(i + 1, ids.get(i));
    }

    /** Both heads, read in one statement so that a checkpoint sees them at the same moment. */
    public static Head[] heads(Connection c) throws SQLException {
        return Head.both(c);
    }
}
