package vn.laurel.api.rules.drafts;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.audit.Head;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.rules.changes.RuleChangeLog.Action;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleArchive;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;

/**
 * Drafts of the rules and their review: opened from a stored revision (or uploaded whole), changed
 * file by file with a check at every save, proposed, approved by someone who did not change them,
 * and published. Every step writes its line in the rule-set change log in its own transaction.
 */
@Singleton
public class DraftService {
    private static final Logger LOG = LoggerFactory.getLogger(DraftService.class);
    static final int MAX_TITLE = 300;
    static final int MAX_NOTE = 4000;

    /** What a publication did: the revision now in service, and whether the draft was first carried onto it. */
    public record Publication(RuleStore.Revision revision, String previousVersion, boolean changed, boolean rebased, DraftView draft) {}

    private final RuleStore store;
    private final DraftStore drafts;
    private final RuleChangeLog log;
    private final RuleSetService rules;
    private final int approvalsRequired;
    private final Map<Long, RuleBundle> revisions = lru(8);
    private final Map<String, DraftCheck> checks = lru(16);
    private final Map<String, RuleSet> compiled = lru(2);

    public DraftService(RuleStore store, DraftStore drafts, RuleChangeLog log, RuleSetService rules,
                        @Value("${laurel.rules.approvals-required:1}") int approvalsRequired) {
        this.store = store;
        this.drafts = drafts;
        this.log = log;
        this.rules = rules;
        this.approvalsRequired = Math.max(0, approvalsRequired);
    }

    public int approvalsRequired() {
        return approvalsRequired;
    }

    // ---- opening ----

    /** A draft of a stored revision: null for the revision in service, a revision id, or a version (its newest revision). */
    public DraftView create(String title, Object from, String by) {
        RuleStore.Revision base = baseRevision(from);
        return createFromBundle(revisionFiles(base.id()), base.id(), by,
                title == null || title.isBlank() ? "From revision " + base.id() : title);
    }

    /** A draft holding the bundle's files, its changes read against the base revision (a reload, or a push of a directory). */
    public DraftView createFromBundle(RuleBundle bundle, long baseRevisionId, String by, String title) {
        if (store.revision(baseRevisionId).isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "from: no rule-set revision " + baseRevisionId,
                    List.of(new FieldError("from", "no rule-set revision " + baseRevisionId)));
        }
        String name = title == null || title.isBlank() ? "Uploaded rule set" : title.strip();
        if (name.length() > MAX_TITLE) throw ProblemException.badField("title", "may have at most " + MAX_TITLE + " characters");
        DraftCheck check = check(bundle);
        long id = store.inTransaction(c -> {
            long created = drafts.insert(c, name, baseRevisionId, by, bundle.contentHash(), check);
            drafts.replaceFiles(c, created, bundle);
            drafts.addContributor(c, created, by);
            log.append(c, new RuleChangeLog.Change(Action.DRAFT_CREATED, by, created, baseRevisionId, bundle.rulesVersion(),
                    bundle.contentHash(), name));
            return created;
        });
        return view(id);
    }

    /** The revision a draft starts from: null for the one in service, a revision id, or a version (its newest revision). */
    public long baseRevisionId(Object from) {
        return baseRevision(from).id();
    }

    private RuleStore.Revision baseRevision(Object from) {
        if (from == null) {
            return store.active().map(RuleStore.Active::revision).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                    "The rules in service have no stored revision yet; name one in \"from\".", List.of(new FieldError("from",
                    "the rules in service have no stored revision yet"))));
        }
        Optional<RuleStore.Revision> found = from instanceof Long id ? store.revision(id) : store.latestRevisionOf((String) from);
        return found.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "from: no rule-set revision " + from,
                List.of(new FieldError("from", "no rule-set revision " + from))));
    }

    // ---- reading ----

    public List<DraftView.Summary> list(DraftStatus status, Long before, int limit) {
        return store.read(c -> drafts.list(c, status, before, limit)).stream().map(DraftView.Summary::of).toList();
    }

    public DraftView view(long id) {
        return store.read(c -> view(c, existing(c, id)));
    }

    public List<DraftView.FileEntry> files(long id) {
        return store.read(c -> {
            Draft d = existing(c, id);
            RuleBundle files = drafts.bundle(c, id), base = revisionFiles(d.baseRevisionId());
            List<DraftView.FileEntry> out = new ArrayList<>();
            files.files().forEach((path, bytes) -> {
                byte[] before = base.files().get(path);
                out.add(new DraftView.FileEntry(path, bytes.length, before == null ? "added" : Arrays.equals(before, bytes) ? "unchanged" : "changed"));
            });
            base.files().forEach((path, bytes) -> {
                if (!files.files().containsKey(path)) out.add(new DraftView.FileEntry(path, bytes.length, "removed"));
            });
            return out;
        });
    }

    public byte[] file(long id, String path) {
        return store.read(c -> {
            existing(c, id);
            return drafts.file(c, id, path).orElseThrow(() -> noFile(id, path));
        });
    }

    /** Against its base, or against the revision in service ({@code againstActive}). */
    public DraftDiff.View diff(long id, boolean againstActive) {
        return store.read(c -> {
            Draft d = existing(c, id);
            long against = againstActive ? activeRevision(c).id() : d.baseRevisionId();
            return new DraftDiff.View(id, againstActive ? "active" : "base", against,
                    DraftDiff.between(revisionFiles(against), drafts.bundle(c, id)));
        });
    }

    /** The draft's rules compiled, for a preview of whom they would change. */
    public RuleSet compiled(long id) {
        RuleBundle files = store.read(c -> {
            if (drafts.find(c, id).isEmpty()) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "draft: no draft " + id, List.of(new FieldError("draft", "no draft " + id)));
            }
            return drafts.bundle(c, id);
        });
        String version = files.rulesVersion();
        synchronized (compiled) {
            RuleSet cached = compiled.get(version);
            if (cached != null) return cached;
        }
        RuleSet loaded = RuleArchive.load(files.rulesZip()); // its problems answer 422, file by file
        synchronized (compiled) {
            compiled.put(version, loaded);
        }
        return loaded;
    }

    // ---- changing files ----

    public DraftView save(long id, String path, byte[] content, String by) {
        store.inTransaction(c -> {
            Draft d = lockEditable(c, id);
            RuleBundle files = drafts.bundle(c, id);
            // Saving what is there already changes nothing, and withdraws no approval.
            if (Arrays.equals(files.files().get(path), content)) return null;
            RuleBundle next = files.with(path, content);
            DraftCheck check = check(next); // under the draft's lock: the check kept is always of the files kept
            drafts.putFile(c, id, path, content);
            changed(c, d, next, check, by, Action.FILE_SAVED, path);
            return null;
        });
        return view(id);
    }

    public DraftView delete(long id, String path, String by) {
        store.inTransaction(c -> {
            Draft d = lockEditable(c, id);
            RuleBundle files = drafts.bundle(c, id);
            if (!files.files().containsKey(path)) throw noFile(id, path);
            RuleBundle next = files.without(path);
            DraftCheck check = check(next);
            drafts.deleteFile(c, id, path);
            changed(c, d, next, check, by, Action.FILE_DELETED, path);
            return null;
        });
        return view(id);
    }

    /** Approvals count only for the content their reviewers saw: any change sends the draft back to OPEN. */
    private void changed(Connection c, Draft d, RuleBundle next, DraftCheck check, String by, Action action, String path) throws SQLException {
        boolean withdrawn = d.status() == DraftStatus.PROPOSED || d.status() == DraftStatus.APPROVED;
        drafts.updateContent(c, d.id(), next.contentHash(), check, DraftStatus.OPEN);
        drafts.addContributor(c, d.id(), by);
        log.append(c, new RuleChangeLog.Change(action, by, d.id(), null, next.rulesVersion(), next.contentHash(),
                withdrawn ? path + " (the draft was " + d.status() + ": back to OPEN, its approvals no longer count)" : path));
    }

    // ---- review ----

    public DraftView propose(long id, String note, String by) {
        String text = requiredText("note", note);
        store.inTransaction(c -> {
            Draft d = lock(c, id);
            if (d.status() != DraftStatus.OPEN && d.status() != DraftStatus.REJECTED) throw conflict(d, "proposed");
            DraftCheck check = DraftCheck.fromJson(d.checkResult());
            if (!d.checkPassed()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Draft " + id + " cannot be proposed: its check does not pass ("
                        + check.problems().size() + " rule problem(s), " + check.scenarioFailures() + " of " + check.scenarios()
                        + " scenario(s) failing" + (check.failures().isEmpty() ? "" : ", " + check.failures().size() + " failure(s)")
                        + "). Correct the files named and propose again.", check.errors());
            }
            drafts.propose(c, id, approvalsRequired == 0 ? DraftStatus.APPROVED : DraftStatus.PROPOSED, text);
            log.append(c, new RuleChangeLog.Change(Action.PROPOSED, by, id, null, check.rulesVersion(), d.contentHash(), text));
            return null;
        });
        return view(id);
    }

    public DraftView approve(long id, String note, String by) {
        String text = optionalText("note", note);
        store.inTransaction(c -> {
            Draft d = lock(c, id);
            requireReviewer(c, d, by, "approve");
            if (d.status() != DraftStatus.PROPOSED) throw conflict(d, "approved");
            if (countingApprovals(c, d).stream().anyMatch(r -> r.reviewer().equals(by))) {
                throw new ProblemException(HttpStatus.CONFLICT, by + " has already approved draft " + id + " as it is now.", List.of());
            }
            drafts.insertReview(c, id, by, Review.Verdict.APPROVE, d.contentHash(), text);
            log.append(c, new RuleChangeLog.Change(Action.APPROVED, by, id, null, null, d.contentHash(), text));
            long reviewers = countingApprovals(c, d).stream().map(Review::reviewer).distinct().count();
            if (reviewers >= approvalsRequired) drafts.setStatus(c, id, DraftStatus.APPROVED);
            return null;
        });
        return view(id);
    }

    public DraftView reject(long id, String reason, String by) {
        String text = requiredText("reason", reason);
        store.inTransaction(c -> {
            Draft d = lock(c, id);
            requireReviewer(c, d, by, "reject");
            if (d.status() != DraftStatus.PROPOSED && d.status() != DraftStatus.APPROVED) throw conflict(d, "rejected");
            drafts.insertReview(c, id, by, Review.Verdict.REJECT, d.contentHash(), text);
            drafts.setStatus(c, id, DraftStatus.REJECTED);
            log.append(c, new RuleChangeLog.Change(Action.REJECTED, by, id, null, null, d.contentHash(), text));
            return null;
        });
        return view(id);
    }

    /** The author or an administrator gives a draft up; it stays readable. */
    public DraftView discard(long id, String by, boolean admin) {
        store.inTransaction(c -> {
            Draft d = lock(c, id);
            if (!admin && !d.author().equals(by)) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "Only the author of draft " + id + " (" + d.author()
                        + ") or an administrator may discard it.", List.of());
            }
            if (!d.status().editable()) throw conflict(d, "discarded");
            drafts.setStatus(c, id, DraftStatus.DISCARDED);
            log.append(c, new RuleChangeLog.Change(Action.DISCARDED, by, id, null, null, d.contentHash(), null));
            return null;
        });
        return view(id);
    }

    // ---- publishing ----

    public Publication publish(long id, String by) {
        Draft d = store.read(c -> existing(c, id));
        if (d.status() != DraftStatus.APPROVED) throw conflict(d, "published");
        RuleStore.Revision active = store.read(this::activeRevision);
        RuleBundle files = store.read(c -> drafts.bundle(c, id));
        RuleBundle target = files;
        boolean rebased = active.id() != d.baseRevisionId();
        if (rebased) {
            RuleBundle base = revisionFiles(d.baseRevisionId()), now = revisionFiles(active.id());
            List<String> conflicts = Rebase.conflicts(base, files, now);
            if (!conflicts.isEmpty()) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + id + " cannot be published: since its base (revision "
                        + d.baseRevisionId() + ") revision " + active.id() + " was put in service, which also changed "
                        + String.join(", ", conflicts) + ". Open a draft from revision " + active.id() + " and make the change there.",
                        conflicts.stream().map(p -> new FieldError(p, "changed by this draft and by revision " + active.id())).toList());
            }
            target = Rebase.apply(base, files, now);
        }
        RuleSetService.CheckResult result = rules.check(target);
        DraftCheck check = DraftCheck.of(result, target);
        if (rebased) rebase(d, target, active, check, by);
        if (!result.passed()) {
            if (!rebased) store.inTransaction(c -> {
                if (sameContent(lock(c, id), d)) drafts.updateContent(c, id, d.contentHash(), check, DraftStatus.OPEN);
                return null;
            });
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Draft " + id + " cannot be published: "
                    + (rebased ? "carried onto revision " + active.id() + " it" : "it") + " no longer passes its check. It is OPEN "
                    + "again: correct the files named and propose it again.", check.errors());
        }
        String expected = target.contentHash();
        String note = d.proposalNote() == null || d.proposalNote().isBlank() ? d.title() : d.proposalNote();
        RuleSetService.Published published = rules.publish(target, result.compiled(), active.id(), by, note, id, Action.PUBLISHED, c -> {
            // Checked again inside the publication: two publications at once, or a change while this one
            // ran, must not put into service files other than the ones approved, or skip a revision.
            Head.lock(c, Head.RULE_CHANGES);
            Draft now = lock(c, id);
            if (now.status() != DraftStatus.APPROVED || !now.contentHash().equals(expected)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + id + " changed while it was being published ("
                        + now.status() + "); nothing was published.", List.of());
            }
            Long inService = drafts.activeRevisionBesides(c, id).orElse(null);
            if (!Objects.equals(inService, active.id())) {
                throw new ProblemException(HttpStatus.CONFLICT, "The rules in service changed while draft " + id
                        + " was being published; nothing was published. Publish it again.", List.of());
            }
            drafts.markPublished(c, id);
            return null;
        });
        return new Publication(published.revision(), published.previousVersion(), published.changed(), rebased, view(id));
    }

    /**
     * The draft's changes carried onto the revision in service, in a transaction of its own before
     * the publication: the draft stays APPROVED (its changes are those reviewed), and if publishing
     * then fails it can simply be published again from its new base.
     */
    private void rebase(Draft d, RuleBundle target, RuleStore.Revision active, DraftCheck check, String by) {
        store.inTransaction(c -> {
            Draft now = lock(c, d.id());
            if (!sameContent(now, d)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " changed while it was being published ("
                        + now.status() + "); nothing was published.", List.of());
            }
            drafts.replaceFiles(c, d.id(), target);
            drafts.rebase(c, d.id(), active.id());
            drafts.updateContent(c, d.id(), target.contentHash(), check, check.passed() ? DraftStatus.APPROVED : DraftStatus.OPEN);
            log.append(c, new RuleChangeLog.Change(Action.REBASED, by, d.id(), active.id(), target.rulesVersion(), target.contentHash(),
                    "from revision " + d.baseRevisionId() + " onto revision " + active.id()
                            + (check.passed() ? "" : "; its check no longer passes: back to OPEN")));
            return null;
        });
    }

    private static boolean sameContent(Draft now, Draft before) {
        return now.status() == before.status() && now.contentHash().equals(before.contentHash())
                && now.baseRevisionId() == before.baseRevisionId();
    }

    // ---- helpers ----

    private DraftView view(Connection c, Draft d) throws SQLException {
        List<Review> reviews = drafts.reviews(c, d.id());
        List<DraftView.Approval> approvals = countingApprovals(c, d).stream()
                .map(r -> new DraftView.Approval(r.reviewer(), r.reviewedAt(), r.reason())).toList();
        List<DraftView.Rejection> rejections = reviews.stream().filter(r -> r.verdict() == Review.Verdict.REJECT)
                .map(r -> new DraftView.Rejection(r.reviewer(), r.reviewedAt(), r.reason())).toList();
        Long active = store.active(c).map(a -> a.revision() == null ? null : a.revision().id()).orElse(null);
        RuleBundle files = drafts.bundle(c, d.id());
        DraftCheck check = DraftCheck.fromJson(d.checkResult());
        return new DraftView(d.id(), d.title(), d.status(), d.baseRevisionId(), Objects.equals(active, d.baseRevisionId()), active,
                d.author(), drafts.contributors(c, d.id()), d.createdAt(), d.updatedAt(), d.contentHash(), files.rulesVersion(),
                d.proposalNote(), approvals, approvalsRequired, rejections, check,
                FileChanges.between(revisionFiles(d.baseRevisionId()), files), d.publishedRevisionId());
    }

    /** Approvals of the present content given since the draft was last proposed, one per reviewer. */
    private List<Review> countingApprovals(Connection c, Draft d) throws SQLException {
        Instant since = drafts.lastProposedAt(c, d.id()).orElse(Instant.MAX);
        Map<String, Review> byReviewer = new LinkedHashMap<>();
        for (Review r : drafts.reviews(c, d.id())) {
            if (r.verdict() == Review.Verdict.APPROVE && r.contentHash().equals(d.contentHash()) && !r.reviewedAt().isBefore(since)) {
                byReviewer.putIfAbsent(r.reviewer(), r);
            }
        }
        return List.copyOf(byReviewer.values());
    }

    /** Four eyes: nobody who changed a draft reviews it. */
    private void requireReviewer(Connection c, Draft d, String by, String verb) throws SQLException {
        if (d.author().equals(by) || drafts.contributors(c, d.id()).contains(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, by + " may not " + verb + " draft " + d.id() + ": "
                    + (d.author().equals(by) ? "its author" : "they changed it") + " cannot review it; another person with the POLICY "
                    + "or ADMIN role must.", List.of(new FieldError("reviewer", by + " " + (d.author().equals(by) ? "wrote" : "changed")
                    + " this draft")));
        }
    }

    private DraftCheck check(RuleBundle bundle) {
        String key = bundle.contentHash();
        synchronized (checks) {
            DraftCheck cached = checks.get(key);
            if (cached != null) return cached;
        }
        DraftCheck check;
        try {
            check = DraftCheck.of(rules.check(bundle), bundle);
        } catch (RuntimeException e) {
            // Whatever a file holds, a save is kept and answered: the draft simply does not pass.
            LOG.warn("The check of a draft's files failed to run", e);
            return DraftCheck.failed(bundle, "the check could not run: " + e.getMessage());
        }
        synchronized (checks) {
            checks.put(key, check);
        }
        return check;
    }

    private RuleBundle revisionFiles(long revisionId) {
        synchronized (revisions) {
            RuleBundle cached = revisions.get(revisionId);
            if (cached != null) return cached;
        }
        RuleBundle bundle = store.bundle(revisionId); // a revision never changes: kept once read
        synchronized (revisions) {
            revisions.put(revisionId, bundle);
        }
        return bundle;
    }

    private RuleStore.Revision activeRevision(Connection c) throws SQLException {
        return store.active(c).map(RuleStore.Active::revision).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "The rules in service have no stored revision yet.", List.of()));
    }

    private Draft existing(Connection c, long id) throws SQLException {
        return drafts.find(c, id).orElseThrow(() -> notFound(id));
    }

    private Draft lock(Connection c, long id) throws SQLException {
        return drafts.lock(c, id).orElseThrow(() -> notFound(id));
    }

    private Draft lockEditable(Connection c, long id) throws SQLException {
        Draft d = lock(c, id);
        if (!d.status().editable()) throw conflict(d, "changed");
        return d;
    }

    private static ProblemException notFound(long id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "No draft " + id, List.of(new FieldError("id", "no draft " + id)));
    }

    private static ProblemException noFile(long id, String path) {
        return new ProblemException(HttpStatus.NOT_FOUND, "path: draft " + id + " has no file " + path,
                List.of(new FieldError("path", "draft " + id + " has no file " + path)));
    }

    private static ProblemException conflict(Draft d, String verb) {
        return new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " is " + d.status() + ": it cannot be " + verb + ".",
                List.of(new FieldError("status", d.status().name())));
    }

    private static String requiredText(String field, String text) {
        if (text == null || text.isBlank()) throw ProblemException.badField(field, "is required");
        return optionalText(field, text);
    }

    private static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) return null;
        if (text.length() > MAX_NOTE) throw ProblemException.badField(field, "may have at most " + MAX_NOTE + " characters");
        return text.strip();
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
