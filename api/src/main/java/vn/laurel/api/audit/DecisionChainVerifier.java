package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;

/**
 * Verifies the decision chain in one pass over each table, whatever its length: a query per record or
 * per page made a million decisions a matter of tens of minutes, and a map of the whole chain would not
 * fit in memory. Two walks, each over cursors read as they come:
 * <ul>
 * <li>the links, by sequence: contiguity, each record's previous hash equal to the record before it,
 *     the hash format never going back, the anchors of signed checkpoints;</li>
 * <li>the decisions with their link, and their outcome and fact rows, all by decision id, merged here:
 *     each record's hash recomputed over its content and its own stored previous hash (the first walk
 *     proved those previous hashes are the chain's).</li>
 * </ul>
 * The two walks find problems in different orders; the one reported is the earliest in the chain, as a
 * walk record by record would name it. Both walks read one snapshot (REPEATABLE READ): appends that
 * happen meanwhile are neither half seen nor taken for a broken head.
 */
final class DecisionChainVerifier {
    /** Rows fetched at a time by each cursor: enough to keep the database busy, little memory. */
    static final int FETCH = 2000;
    /** Rows at a time of the decisions themselves: a record is 5 KB, an answer saved before issue 20 up to 80 KB. */
    static final int WIDE = 50;

    // When two problems are at the same record, the one a record-by-record walk meets first is named.
    private static final int GAP = 0, NOT_FOLLOWING = 1, REMOVED = 2, FORMAT = 3, HASH = 4, REWRITTEN = 5;

    private record Found(long sequence, int rank, Verification.Problem problem) {}

    private final Connection c;
    private final NavigableMap<Long, Anchors.Anchor> anchors;
    private final ChainStart start;
    private final List<Found> found = new ArrayList<>();
    private long links, lastSequence, lowestDecision = Long.MAX_VALUE;
    private String lastHash;
    private Long firstOutside;
    private long walkedFrom;

    private DecisionChainVerifier(Connection c, NavigableMap<Long, Anchors.Anchor> anchors, ChainStart start) {
        this.c = c;
        this.anchors = anchors;
        this.start = start;
        this.lastSequence = start.length();
        this.lastHash = start.hash();
    }

    /** {@code more}: connections in the same snapshot, for reading the decisions and their rows alongside; null: all on {@code c}. */
    static Verification verify(Connection c, NavigableMap<Long, Anchors.Anchor> anchors, ChainStart start, AuditChain.Connections more)
            throws SQLException {
        DecisionChainVerifier v = new DecisionChainVerifier(c, anchors, start);
        v.more = more;
        return v.run();
    }

    private AuditChain.Connections more;

    private Verification run() throws SQLException {
        boolean newFormatSeen = false;
        if (start.length() > 0) {
            Verification.Problem p = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, record_hash, format FROM decision_chain WHERE sequence = ?")) {
                ps.setLong(1, start.length());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        p = problem("DELETED", null, start.length(), "record " + start.length() + ", the last one " + start.checkpoint()
                                + " covers, is missing from the chain");
                    } else if (!start.hash().equals(rs.getString(2))) {
                        p = problem("REWRITTEN", rs.getLong(1), start.length(), "record " + start.length() + " (decision " + rs.getLong(1)
                                + "): hash differs from " + start.checkpoint() + "; the chain was rewritten at or before this record");
                    } else {
                        newFormatSeen = rs.getInt(3) != ChainContent.FORMAT_COLUMNS;
                    }
                }
            }
            if (p != null) return Verification.broken(0, 0, p);
        }
        walkLinks(newFormatSeen);
        long matched = walkDecisions();
        if (matched != links) findRemoved();
        Found first = found.stream().min(Comparator.comparingLong(Found::sequence).thenComparingInt(Found::rank)).orElse(null);
        if (first != null) return Verification.broken(first.sequence() - 1 - start.length(), 0, first.problem());

        long checked = links;
        Head head = Head.read(c, Head.DECISIONS);
        if (head.length() != lastSequence || !head.hash().equals(lastHash)) {
            return Verification.broken(checked, 0, problem("DELETED", null, head.length(), "the chain ends at record " + lastSequence
                    + " but its head says " + head.length() + ": the last records were removed"));
        }
        if (!anchors.isEmpty() && anchors.lastKey() > lastSequence) {
            Anchors.Anchor a = anchors.lastEntry().getValue();
            return Verification.broken(checked, 0, problem("DELETED", null, lastSequence, "the chain has " + lastSequence
                    + " records, shorter than " + a.checkpoint() + " says (" + a.length() + "): records " + (lastSequence + 1) + " to "
                    + a.length() + " were removed"));
        }
        if (start.length() > 0) {
            Long below = outsideBelow(walkedFrom);
            if (below != null) firstOutside = below;
        }
        if (firstOutside != null) {
            return Verification.broken(checked, 0, problem("INSERTED", firstOutside, null, "decision " + firstOutside + " is not in the chain"));
        }
        return new Verification(true, checked, 0, null);
    }

    /** The links by sequence: nothing missing, each following the one before, formats and anchors. */
    private void walkLinks(boolean newFormatSeen) throws SQLException {
        long expected = start.length() + 1;
        String previous = start.hash();
        boolean broken = false;
        Anchors.Anchor lastMatched = null;
        try (PreparedStatement ps = cursor("SELECT sequence, decision_id, previous_hash, record_hash, format FROM decision_chain "
                + "WHERE sequence > ? ORDER BY sequence")) {
            ps.setLong(1, start.length());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong(1), decisionId = rs.getLong(2);
                    String previousHash = rs.getString(3), recordHash = rs.getString(4);
                    int format = rs.getInt(5);
                    links++;
                    lowestDecision = Math.min(lowestDecision, decisionId);
                    lastSequence = sequence;
                    lastHash = recordHash;
                    if (broken) continue; // counted for the decisions' walk; the first problem is already known
                    if (sequence != expected) {
                        add(sequence, GAP, problem("DELETED", decisionId, sequence, "records " + expected + " to " + (sequence - 1)
                                + " of the chain are missing before decision " + decisionId));
                    } else if (!previousHash.equals(previous)) {
                        add(sequence, NOT_FOLLOWING, problem("INSERTED", decisionId, sequence, "decision " + decisionId
                                + " does not follow the record before it in the chain"));
                    } else if (format == ChainContent.FORMAT_COLUMNS && newFormatSeen) {
                        // The old format covers less; going back to it would hide a change to outcome or fact rows.
                        add(sequence, FORMAT, problem("ALTERED", decisionId, sequence, "record " + sequence + " (decision " + decisionId
                                + ") claims the hash format of records saved before V13_1, after records of the newer one"));
                    } else {
                        Anchors.Anchor anchor = anchors.get(sequence);
                        if (anchor != null && !anchor.hash().equals(recordHash)) {
                            add(sequence, REWRITTEN, problem("REWRITTEN", decisionId, sequence, "record " + sequence + " (decision " + decisionId
                                    + "): hash differs from " + anchor.checkpoint() + "; the chain was rewritten at or before this record"
                                    + (lastMatched == null ? "" : " and after record " + lastMatched.length() + ", which still matches "
                                    + lastMatched.checkpoint())));
                        } else if (anchor != null) {
                            lastMatched = anchor;
                        }
                    }
                    broken = !found.isEmpty();
                    newFormatSeen |= format != ChainContent.FORMAT_COLUMNS;
                    previous = recordHash;
                    expected = sequence + 1;
                }
            }
        }
    }

    private record Decision(long id, ChainContent.DecisionRow row, String answer, String record, Long sequence, String previousHash,
                            String recordHash, int format) {}

    private record Of(long decisionId, String first, String second) {}

    private <T> Feed<T> feed(String sql, long from, int rows, Feed.Mapper<T> mapper) throws SQLException {
        return more == null ? Feed.direct(c, sql, from, rows, mapper) : Feed.threaded(more, sql, from, rows, mapper);
    }

    /**
     * The decisions with their link, outcome rows and fact rows, merged by decision id; each chained
     * record's hash recomputed. Returns how many decisions had a link after the start.
     */
    private long walkDecisions() throws SQLException {
        long from = start.length() == 0 ? Long.MIN_VALUE : Math.min(lowestDecision, highestChained() + 1);
        walkedFrom = from;
        long matched = 0;
        try (Feed<Decision> decisions = feed("SELECT d.id, d.subject_id, d.evaluation_year, d.as_of, d.regime, d.ruleset_version, "
                + "d.engine_version, d.outcomes, d.requested_by, d.created_at, d.basis, CAST(d.result AS VARCHAR), d.record_text, "
                + "k.sequence, k.previous_hash, k.record_hash, k.format FROM decision d LEFT JOIN decision_chain k ON k.decision_id = d.id "
                + "WHERE d.id >= ? ORDER BY d.id", from, WIDE, DecisionChainVerifier::decision);
             Feed<Of> outcomes = feed("SELECT decision_id, award, outcome FROM decision_outcome WHERE decision_id >= ? ORDER BY decision_id",
                     from, FETCH, rs -> new Of(rs.getLong(1), rs.getString(2), rs.getString(3)));
             Feed<Of> facts = feed("SELECT decision_id, fact_id FROM decision_fact WHERE decision_id >= ? ORDER BY decision_id",
                     from, FETCH, rs -> new Of(rs.getLong(1), rs.getString(2), null))) {
            List<ChainContent.OutcomeRow> os = new ArrayList<>();
            List<String> fs = new ArrayList<>();
            for (Decision d; (d = decisions.peek()) != null; decisions.advance()) {
                long id = d.id();
                os.clear();
                fs.clear();
                // Rows of decisions not in this walk (none, unless rows were slipped in) are passed over.
                for (Of o; (o = outcomes.peek()) != null && o.decisionId() <= id; outcomes.advance()) {
                    if (o.decisionId() == id) os.add(new ChainContent.OutcomeRow(o.first(), o.second()));
                }
                for (Of f; (f = facts.peek()) != null && f.decisionId() <= id; facts.advance()) {
                    if (f.decisionId() == id) fs.add(f.first());
                }
                if (d.sequence() == null) {
                    if (firstOutside == null) firstOutside = id;
                    continue;
                }
                if (d.sequence() <= start.length()) continue; // covered by the checkpoint
                matched++;
                if (!d.recordHash().equals(hash(d, os, fs))) {
                    add(d.sequence(), HASH, problem("ALTERED", id, d.sequence(), "decision " + id + " no longer matches the hash it was saved with "
                            + "(its columns, answer, outcome or fact rows were changed)"));
                }
            }
        }
        return matched;
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        ChainContent.DecisionRow row = new ChainContent.DecisionRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
                rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class), rs.getString(11));
        long sequence = rs.getLong(14);
        Long link = rs.wasNull() ? null : sequence;
        return new Decision(row.id(), row, rs.getString(12), rs.getString(13), link, rs.getString(15), rs.getString(16), rs.getInt(17));
    }

    /** The record's hash as it should be, over its stored previous hash; null when its content cannot be read as its format says. */
    private static String hash(Decision d, List<ChainContent.OutcomeRow> outcomes, List<String> facts) {
        try {
            // Format 3 hashes the record text as stored; the older ones the stored answer in canonical form.
            // A row carries the one its format hashes: a record beside a hashed answer (or an answer beside a
            // hashed record) is not covered by the hash, and a reader could be shown it, so it is an alteration.
            boolean record = d.format() == ChainContent.FORMAT_RECORD;
            if (record ? d.answer() != null : d.record() != null) return null;
            String content = record ? d.record() : Canonical.json(d.answer());
            if (content == null) return null;
            return ChainContent.decisionHash(d.format(), d.row(), content, outcomes, facts, d.previousHash());
        } catch (RuntimeException e) {
            return null; // no answer or record where the format wants one, not JSON, an unknown format: altered
        }
    }

    /** A chain record after the start whose decision is gone: the first one by sequence (asked only when the counts disagree). */
    private void findRemoved() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.sequence, k.decision_id FROM decision_chain k WHERE k.sequence > ? "
                + "AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.id = k.decision_id) ORDER BY k.sequence FETCH FIRST 1 ROWS ONLY")) {
            ps.setLong(1, start.length());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    add(rs.getLong(1), REMOVED, problem("DELETED", rs.getLong(2), rs.getLong(1), "decision " + rs.getLong(2) + " was removed"));
                }
            }
        }
    }

    /** The highest decision id the chain holds up to the start: decisions above it are after the checkpoint or outside the chain. */
    private long highestChained() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(decision_id) FROM decision_chain WHERE sequence <= ?")) {
            ps.setLong(1, start.length());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** From a checkpoint, decisions below those walked are not read: one query finds any of them outside the chain. */
    private Long outsideBelow(long below) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(d.id) FROM decision d WHERE d.id < ? AND NOT EXISTS "
                + "(SELECT 1 FROM decision_chain k WHERE k.decision_id = d.id)")) {
            ps.setLong(1, below);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }

    private PreparedStatement cursor(String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH);
        return ps;
    }

    private void add(long sequence, int rank, Verification.Problem p) {
        found.add(new Found(sequence, rank, p));
    }

    private static Verification.Problem problem(String kind, Long decisionId, Long sequence, String detail) {
        return new Verification.Problem(AuditChain.DECISIONS, kind, decisionId, sequence, detail);
    }
}
