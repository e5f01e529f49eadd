package vn.laurel.api.rules.changes;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.audit.Canonical;
import vn.laurel.api.audit.Head;
import vn.laurel.api.store.Now;

import javax.sql.DataSource;
import java.sql.*;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The rule-set change log: every draft created, saved, proposed, approved, rejected, published,
 * every seed, reload and rollback, with who, when, the note and the version hashes. Append-only
 * and hash-chained like the decisions (head in {@code decision_chain_head} row 3): each record's
 * hash covers its fields and the hash before it, so a record altered, inserted or removed shows.
 */
@Singleton
public class RuleChangeLog {
    public enum Action {
        SEEDED, DRAFT_CREATED, FILE_SAVED, FILE_DELETED, PROPOSED, APPROVED, REJECTED, REBASED, PUBLISHED, DISCARDED,
        ROLLED_BACK, RELOADED,
        /** An approved draft sent back to OPEN because its check no longer passed when it was published. */
        REOPENED
    }

    /** What one change says; any of the ids and hashes may be null when the action has none. */
    public record Change(Action action, String actor, Long draftId, Long revisionId, String rulesVersion,
                         String contentHash, String detail) {}

    public record Entry(long sequence, String action, String actor, Instant changedAt, Long draftId, Long revisionId,
                        String rulesVersion, String contentHash, String detail, String previousHash, String recordHash) {}

    /** The first record whose hash does not hold, or none: what {@code verify} found. */
    public record Verification(boolean intact, long records, Long firstBrokenSequence, String problem) {}

    private static final int PAGE = 500;
    private static final String GENESIS = "0".repeat(64);
    private final DataSource dataSource;

    public RuleChangeLog(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /**
     * Appends one change in the caller's transaction: the head is locked until it commits, so
     * changes are strictly ordered and a change whose transaction fails leaves no record.
     */
    public Entry append(Connection c, Change change) throws SQLException {
        Head head = Head.lock(c, Head.RULE_CHANGES);
        long sequence = head.length() + 1;
        Instant at = Now.instant();
        String detail = change.detail() == null ? null : clip(change.detail());
        String actor = clip(change.actor());
        Entry unsigned = new Entry(sequence, change.action().name(), actor, at, change.draftId(), change.revisionId(),
                change.rulesVersion(), change.contentHash(), detail, head.hash(), null);
        String hash = hash(unsigned);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_change (sequence, action, actor, changed_at, draft_id, "
                + "revision_id, rules_version, content_hash, detail, previous_hash, record_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, sequence);
            ps.setString(2, unsigned.action());
            ps.setString(3, actor);
            ps.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setObject(5, change.draftId(), Types.BIGINT);
            ps.setObject(6, change.revisionId(), Types.BIGINT);
            ps.setString(7, change.rulesVersion());
            ps.setString(8, change.contentHash());
            ps.setString(9, detail);
            ps.setString(10, head.hash());
            ps.setString(11, hash);
            ps.executeUpdate();
        }
        Head.advance(c, Head.RULE_CHANGES, sequence, hash);
        return new Entry(sequence, unsigned.action(), actor, at, change.draftId(), change.revisionId(), change.rulesVersion(),
                change.contentHash(), detail, head.hash(), hash);
    }

    /** The newest changes first; of one draft when draftId is given; before a sequence to page back. */
    public List<Entry> list(Long draftId, Long before, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        if (draftId != null) sql.append(" AND draft_id = ?");
        if (before != null) sql.append(" AND sequence < ?");
        sql.append(" ORDER BY sequence DESC LIMIT ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (draftId != null) ps.setLong(i++, draftId);
            if (before != null) ps.setLong(i++, before);
            ps.setInt(i, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rule-set change log", e);
        }
    }

    /** The draft's latest change of that action, in the caller's transaction. */
    public Optional<Entry> latest(Connection c, long draftId, Action action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE draft_id = ? AND action = ? ORDER BY sequence DESC LIMIT 1")) {
            ps.setLong(1, draftId);
            ps.setString(2, action.name());
            List<Entry> found = read(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /**
     * The draft's changes of those actions after a sequence number, oldest first, in the caller's
     * transaction. Sequence numbers, not times: every instance's clock may differ, the log's order is one.
     */
    public List<Entry> since(Connection c, long draftId, long afterSequence, Action... actions) throws SQLException {
        String in = String.join(", ", Collections.nCopies(actions.length, "?"));
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE draft_id = ? AND sequence > ? AND action IN (" + in
                + ") ORDER BY sequence")) {
            ps.setLong(1, draftId);
            ps.setLong(2, afterSequence);
            for (int i = 0; i < actions.length; i++) ps.setString(3 + i, actions[i].name());
            return read(ps);
        }
    }

    /** Walks the whole log from the first record, recomputing every hash, and compares the end with the head. */
    public Verification verify() {
        try (Connection c = dataSource.getConnection()) {
            String previous = GENESIS;
            long expected = 1;
            while (true) {
                List<Entry> page;
                try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE sequence >= ? ORDER BY sequence LIMIT ?")) {
                    ps.setLong(1, expected);
                    ps.setInt(2, PAGE);
                    page = read(ps);
                }
                for (Entry e : page) {
                    if (e.sequence() != expected) return broken(expected - 1, expected, "record " + expected + " is missing");
                    if (!e.previousHash().equals(previous)) return broken(expected - 1, e.sequence(), "record " + e.sequence()
                            + " does not follow the record before it (inserted, or the one before was changed)");
                    if (!hash(e).equals(e.recordHash())) return broken(expected - 1, e.sequence(), "record " + e.sequence()
                            + " was changed after it was written");
                    previous = e.recordHash();
                    expected++;
                }
                if (page.size() < PAGE) break;
            }
            Head head = Head.read(c, Head.RULE_CHANGES);
            long records = expected - 1;
            if (head.length() != records || !head.hash().equals(previous)) {
                return broken(records, records + 1, "the log ends at record " + records + " but its head says " + head.length()
                        + ": records were removed from the end");
            }
            return new Verification(true, records, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the rule-set change log", e);
        }
    }

    private static Verification broken(long records, long sequence, String problem) {
        return new Verification(false, records, sequence, problem);
    }

    private static final String SELECT = "SELECT sequence, action, actor, changed_at, draft_id, revision_id, rules_version, "
            + "content_hash, detail, previous_hash, record_hash FROM ruleset_change";

    private static List<Entry> read(PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }

    /** SHA-256 over the record's fields in one canonical JSON object, then the previous hash. */
    static String hash(Entry e) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("sequence", e.sequence());
        fields.put("action", e.action());
        fields.put("actor", e.actor());
        fields.put("changedAt", e.changedAt().toString());
        fields.put("draftId", e.draftId());
        fields.put("revisionId", e.revisionId());
        fields.put("rulesVersion", e.rulesVersion());
        fields.put("contentHash", e.contentHash());
        fields.put("detail", e.detail());
        return Canonical.sha256(Canonical.write(fields) + "\n" + e.previousHash());
    }

    private static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
