package vn.laurel.api.rules.drafts;

import jakarta.inject.Singleton;
import vn.laurel.api.audit.Head;
import vn.laurel.api.rules.RuleCandidates.Candidate;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.rules.changes.RuleChangeLog.Action;
import vn.laurel.api.store.Now;
import vn.laurel.engine.ruleset.RuleBundle;

import java.sql.*;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The SQL of drafts: the draft row, its files (a complete copy of a rule set with its scenarios),
 * who changed it, and its reviews. Every method works in the caller's connection, so a change and
 * its line in the rule-set change log commit together.
 *
 * <p>{@link DraftService} decides what a draft step does and holds no connection: it runs the step
 * through {@link #read} or {@link #writing}, which hand it a {@link Tx}, the statements of this store,
 * of the rule store and of the change log on the one connection of that step.
 */
@Singleton
public class DraftStore {
    private static final String DRAFT = "SELECT id, title, base_revision_id, status, author, created_at, updated_at, content_hash, "
            + "proposal_note, check_passed, check_result, published_revision_id FROM ruleset_draft";

    private final RuleStore rules;
    private final RuleChangeLog log;

    public DraftStore(RuleStore rules, RuleChangeLog log) {
        this.rules = rules;
        this.log = log;
    }

    // ---- a draft step's connection ----

    /** What a draft step does with the statements of its connection. */
    public interface Step<T> {
        T run(Tx tx);
    }

    /** A step that reads, on a connection of its own. */
    public <T> T read(Step<T> step) {
        return rules.read(c -> run(c, step));
    }

    /**
     * A step that writes, in a transaction of its own. The change log's head is locked first, as
     * publishing locks it before the draft's row: one order for every writer, so a publish and a save
     * of the same draft wait for each other instead of deadlocking (each step appends to the log, so
     * takes it anyway).
     */
    public <T> T writing(Step<T> step) {
        return rules.inTransaction(c -> {
            Head.lock(c, Head.RULE_CHANGES);
            return run(c, step);
        });
    }

    /** A step to run inside another's transaction (a publication's), on its connection. */
    public RuleStore.SqlWork<Void> alongside(Step<Void> step) {
        return c -> run(c, step);
    }

    /**
     * The step's statements throw {@link Failed} (the step holds no JDBC types); its SQLException is
     * thrown on here, so the transaction rolls back and reports it as it does any other.
     */
    private <T> T run(Connection c, Step<T> step) throws SQLException {
        try {
            return step.run(new Tx(c));
        } catch (Failed e) {
            throw e.sql;
        }
    }

    /** A statement of a step that failed, carried to {@link #run} (never seen outside this class). */
    private static final class Failed extends RuntimeException {
        final SQLException sql;

        Failed(SQLException sql) {
            super(sql.getMessage(), sql);
            this.sql = sql;
        }
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T on(Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /** The statements of one draft step, on its connection: see each method of the same name below. */
    public final class Tx {
        private final Connection c;

        private Tx(Connection c) {
            this.c = c;
        }

        public long insert(String title, String note, long baseRevisionId, String author, String contentHash, DraftCheck check) {
            return on(() -> DraftStore.this.insert(c, title, note, baseRevisionId, author, contentHash, check));
        }

        public Optional<Draft> find(long id) { return on(() -> DraftStore.this.find(c, id)); }

        public Optional<Draft> lock(long id) { return on(() -> DraftStore.this.lock(c, id)); }

        public List<Draft> list(DraftStatus status, Long before, int limit) { return on(() -> DraftStore.this.list(c, status, before, limit)); }

        public void updateContent(long id, String contentHash, DraftCheck check, DraftStatus status) {
            on(() -> { DraftStore.this.updateContent(c, id, contentHash, check, status); return null; });
        }

        public void setStatus(long id, DraftStatus status) { on(() -> { DraftStore.this.setStatus(c, id, status); return null; }); }

        public void propose(long id, DraftStatus status, String note) { on(() -> { DraftStore.this.propose(c, id, status, note); return null; }); }

        public void rebase(long id, long baseRevisionId) { on(() -> { DraftStore.this.rebase(c, id, baseRevisionId); return null; }); }

        public void markPublished(long id, long revisionId) { on(() -> { DraftStore.this.markPublished(c, id, revisionId); return null; }); }

        public RuleBundle bundle(long id) { return on(() -> DraftStore.this.bundle(c, id)); }

        public Optional<byte[]> file(long id, String path) { return on(() -> DraftStore.this.file(c, id, path)); }

        public void putFile(long id, String path, byte[] content) { on(() -> { DraftStore.this.putFile(c, id, path, content); return null; }); }

        public boolean deleteFile(long id, String path) { return on(() -> DraftStore.this.deleteFile(c, id, path)); }

        public void replaceFiles(long id, RuleBundle bundle) { on(() -> { DraftStore.this.replaceFiles(c, id, bundle); return null; }); }

        public void addContributor(long id, String person) { on(() -> { DraftStore.this.addContributor(c, id, person); return null; }); }

        public List<String> contributors(long id) { return on(() -> DraftStore.this.contributors(c, id)); }

        public void insertReview(long id, String reviewer, Review.Verdict verdict, String contentHash, String reason) {
            on(() -> { DraftStore.this.insertReview(c, id, reviewer, verdict, contentHash, reason); return null; });
        }

        public List<Review> reviews(long id) { return on(() -> DraftStore.this.reviews(c, id)); }

        /** The rule-set change log, in this step's transaction. */
        public RuleChangeLog.Entry append(RuleChangeLog.Change change) { return on(() -> log.append(c, change)); }

        public Optional<RuleChangeLog.Entry> latest(long draftId, Action action) { return on(() -> log.latest(c, draftId, action)); }

        public List<RuleChangeLog.Entry> since(long draftId, long afterSequence, Action... actions) {
            return on(() -> log.since(c, draftId, afterSequence, actions));
        }

        /** The change log's head, locked until the transaction ends (a publication's step takes it again: a no-op). */
        public void lockChangeLog() { on(() -> Head.lock(c, Head.RULE_CHANGES)); }

        /** The rule store's revisions and activations, as this step's transaction sees them. */
        public Optional<RuleStore.Active> active() { return on(() -> rules.active(c)); }

        public RuleBundle revisionBundle(long revisionId) { return on(() -> rules.bundle(c, revisionId)); }

        public Optional<Long> activeRevisionBesides(long draftId) { return on(() -> rules.activeRevisionBesides(c, draftId)); }

        public Optional<Long> latestRevisionOfDraft(long draftId) { return on(() -> rules.latestRevisionOfDraft(c, draftId)); }
    }

    // ---- the drafts approved and not yet published (RuleCandidates) ----

    /** The newest approved drafts, at most {@code max}. */
    public List<Candidate> approved(int max) {
        return rules.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash FROM ruleset_draft WHERE status = 'APPROVED' "
                    + "ORDER BY updated_at DESC LIMIT " + max); ResultSet rs = ps.executeQuery()) {
                List<Candidate> out = new ArrayList<>();
                while (rs.next()) out.add(new Candidate(rs.getLong(1), rs.getString(2)));
                return out;
            }
        });
    }

    /** The rule files of a draft as a zip, only while it is approved with this content. */
    public Optional<byte[]> approvedRulesZip(long draftId, String contentHash) {
        return rules.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_draft WHERE id = ? AND status = 'APPROVED' AND content_hash = ?")) {
                ps.setLong(1, draftId);
                ps.setString(2, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<byte[]>empty();
                }
            }
            Map<String, byte[]> files = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT path, content FROM ruleset_draft_file WHERE draft_id = ? AND path LIKE ?")) {
                ps.setLong(1, draftId);
                ps.setString(2, RuleBundle.RULES + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) files.put(rs.getString(1), rs.getBytes(2));
                }
            }
            return Optional.of(RuleBundle.of(files).rulesZip());
        });
    }

    // ---- the statements, in the caller's connection ----

    /** A new OPEN draft; its note (a push's) is its proposal note until it is proposed with one of its own. */
    public long insert(Connection c, String title, String note, long baseRevisionId, String author, String contentHash, DraftCheck check)
            throws SQLException {
        OffsetDateTime now = now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_draft (title, base_revision_id, status, author, created_at, "
                + "updated_at, content_hash, check_passed, check_result, proposal_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"id"})) {
            ps.setString(1, title);
            ps.setLong(2, baseRevisionId);
            ps.setString(3, DraftStatus.OPEN.name());
            ps.setString(4, author);
            ps.setObject(5, now);
            ps.setObject(6, now);
            ps.setString(7, contentHash);
            ps.setBoolean(8, check.passed());
            ps.setString(9, check.toJson());
            ps.setString(10, note);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public Optional<Draft> find(Connection c, long id) throws SQLException {
        return one(c, DRAFT + " WHERE id = ?", id);
    }

    /** The draft's row, locked until the transaction ends: changes to one draft happen one after another. */
    public Optional<Draft> lock(Connection c, long id) throws SQLException {
        return one(c, DRAFT + " WHERE id = ? FOR UPDATE", id);
    }

    /** The newest drafts first, of one status when given; before an id to page back. */
    public List<Draft> list(Connection c, DraftStatus status, Long before, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder(DRAFT + " WHERE 1 = 1");
        if (status != null) sql.append(" AND status = ?");
        if (before != null) sql.append(" AND id < ?");
        sql.append(" ORDER BY id DESC LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (status != null) ps.setString(i++, status.name());
            if (before != null) ps.setLong(i++, before);
            ps.setInt(i, limit);
            return drafts(ps);
        }
    }

    /** After a change of content: the new hash and check, the status it leads to. */
    public void updateContent(Connection c, long id, String contentHash, DraftCheck check, DraftStatus status) throws SQLException {
        update(c, "UPDATE ruleset_draft SET content_hash = ?, check_passed = ?, check_result = ?, status = ?, updated_at = ? WHERE id = ?",
                contentHash, check.passed(), check.toJson(), status.name(), now(), id);
    }

    public void setStatus(Connection c, long id, DraftStatus status) throws SQLException {
        update(c, "UPDATE ruleset_draft SET status = ?, updated_at = ? WHERE id = ?", status.name(), now(), id);
    }

    public void propose(Connection c, long id, DraftStatus status, String note) throws SQLException {
        update(c, "UPDATE ruleset_draft SET status = ?, proposal_note = ?, updated_at = ? WHERE id = ?", status.name(), note, now(), id);
    }

    public void rebase(Connection c, long id, long baseRevisionId) throws SQLException {
        update(c, "UPDATE ruleset_draft SET base_revision_id = ? WHERE id = ?", baseRevisionId, id);
    }

    /** PUBLISHED, naming the revision the publication stored for this draft in the same transaction. */
    public void markPublished(Connection c, long id, long revisionId) throws SQLException {
        update(c, "UPDATE ruleset_draft SET status = ?, updated_at = ?, published_revision_id = ? WHERE id = ?",
                DraftStatus.PUBLISHED.name(), now(), revisionId, id);
    }

    // ---- files ----

    public RuleBundle bundle(Connection c, long id) throws SQLException {
        Map<String, byte[]> files = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, content FROM ruleset_draft_file WHERE draft_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) files.put(rs.getString(1), rs.getBytes(2));
            }
        }
        return RuleBundle.of(files);
    }

    public Optional<byte[]> file(Connection c, long id, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM ruleset_draft_file WHERE draft_id = ? AND path = ?")) {
            ps.setLong(1, id);
            ps.setString(2, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    public void putFile(Connection c, long id, String path, byte[] content) throws SQLException {
        if (update(c, "UPDATE ruleset_draft_file SET content = ? WHERE draft_id = ? AND path = ?", content, id, path) > 0) return;
        update(c, "INSERT INTO ruleset_draft_file (draft_id, path, content) VALUES (?, ?, ?)", id, path, content);
    }

    public boolean deleteFile(Connection c, long id, String path) throws SQLException {
        return update(c, "DELETE FROM ruleset_draft_file WHERE draft_id = ? AND path = ?", id, path) > 0;
    }

    /** The draft's files become exactly the bundle's. */
    public void replaceFiles(Connection c, long id, RuleBundle bundle) throws SQLException {
        update(c, "DELETE FROM ruleset_draft_file WHERE draft_id = ?", id);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_draft_file (draft_id, path, content) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
                ps.setLong(1, id);
                ps.setString(2, f.getKey());
                ps.setBytes(3, f.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // ---- contributors and reviews ----

    public void addContributor(Connection c, long id, String person) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_draft_contributor WHERE draft_id = ? AND person = ?")) {
            ps.setLong(1, id);
            ps.setString(2, person);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return;
            }
        }
        update(c, "INSERT INTO ruleset_draft_contributor (draft_id, person) VALUES (?, ?)", id, person);
    }

    public List<String> contributors(Connection c, long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT person FROM ruleset_draft_contributor WHERE draft_id = ? ORDER BY person")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    public void insertReview(Connection c, long id, String reviewer, Review.Verdict verdict, String contentHash, String reason)
            throws SQLException {
        update(c, "INSERT INTO ruleset_draft_review (draft_id, reviewer, verdict, content_hash, reason, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, reviewer, verdict.name(), contentHash, reason, now());
    }

    /** Every review of the draft, oldest first. */
    public List<Review> reviews(Connection c, long id) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, reviewer, verdict, content_hash, reason, reviewed_at "
                + "FROM ruleset_draft_review WHERE draft_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Review(rs.getLong(1), rs.getString(2), Review.Verdict.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    /** Runs one statement with its parameters in order; the number of rows it changed. */
    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Now.instant(), ZoneOffset.UTC);
    }

    private static Optional<Draft> one(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<Draft> found = drafts(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Draft> drafts(PreparedStatement ps) throws SQLException {
        List<Draft> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Draft(rs.getLong(1), rs.getString(2), rs.getLong(3), DraftStatus.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getObject(12, Long.class)));
            }
        }
        return out;
    }
}
