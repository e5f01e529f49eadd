package vn.laurel.api.rules.drafts;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.CompiledRuleSets;
import vn.laurel.api.rules.RuleApprovals;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.rules.changes.RuleChangeLog.Action;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * Drafts of the rules and their review: opened from a stored revision (or uploaded whole), changed
 * file by file with a check at every save, proposed, approved by someone who did not change them,
 * and published. Every step writes its line in the rule-set change log in its own transaction.
 * Checks (compiling, running every scenario: seconds) run outside any transaction and any lock; the
 * short transaction that keeps their result first verifies the draft is still what was checked.
 */
@Singleton
public class DraftService {
    private static final Logger LOG = LoggerFactory.getLogger(DraftService.class);

    /** What a publication did: the revision now in service, and whether the draft was first carried onto it. */
    public record Publication(RuleStore.Revision revision, String previousVersion, boolean changed, boolean rebased, DraftView draft) {}

    /** A check and, when the rules compiled, the compiled rules (publishing needs them). */
    private record Checked(DraftCheck check, RuleSet compiled) {}

    /** A draft's row and files read together, before a change is checked. */
    private record Snapshot(Draft draft, RuleBundle files) {}

    private final RuleStore store;
    private final DraftStore drafts;
    private final RuleSetService rules;
    private final CompiledRuleSets compiledRules;
    private final RuleSetHolder holder;
    private final DraftApprovals approvals;
    private final RuleApprovals required;
    private final Map<Long, RuleBundle> revisions = lru(8);
    private final Map<String, DraftCheck> checks = lru(16);

    public DraftService(RuleStore store, DraftStore drafts, RuleSetService rules, CompiledRuleSets compiledRules,
                        RuleSetHolder holder, DraftApprovals approvals, RuleApprovals required) {
        this.store = store;
        this.drafts = drafts;
        this.rules = rules;
        this.compiledRules = compiledRules;
        this.holder = holder;
        this.approvals = approvals;
        this.required = required;
    }

    public int approvalsRequired() {
        return required.required();
    }

    // ---- opening ----

    /** A draft of a stored revision: null for the revision in service, a revision id, or a version (its newest revision). */
    public DraftView create(String title, Object from, String by) {
        RuleStore.Revision base = baseRevision(from);
        return createFromBundle(drafts.read(tx -> revisionFiles(tx, base.id())), base.id(), by,
                DraftInputs.title(title, "From revision " + base.id()), null);
    }

    /** A draft holding the bundle's files, its changes read against the base revision (a reload, or a push of a directory). */
    public DraftView createFromBundle(RuleBundle bundle, long baseRevisionId, String by, String title) {
        return createFromBundle(bundle, baseRevisionId, by, title, null);
    }

    /**
     * A reload's draft: the service has just checked these very files (its result is kept as the
     * draft's check rather than running every scenario a second time).
     */
    public DraftView createChecked(RuleBundle bundle, long baseRevisionId, String by, String title,
                                   RuleSetService.CheckResult alreadyChecked) {
        synchronized (checks) {
            checks.put(bundle.contentHash(), DraftCheck.of(alreadyChecked, bundle));
        }
        return createFromBundle(bundle, baseRevisionId, by, title, (String) null);
    }

    /** As above, with the note a push gives (shown as the draft's note until it is proposed with its own). */
    public DraftView createFromBundle(RuleBundle bundle, long baseRevisionId, String by, String title, String note) {
        if (store.revision(baseRevisionId).isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "from: no rule-set revision " + baseRevisionId,
                    List.of(new FieldError("from", "no rule-set revision " + baseRevisionId)));
        }
        String name = DraftInputs.title(title, "Uploaded rule set");
        String text = DraftInputs.optionalText("note", note);
        bundle.files().forEach(DraftInputs::requireText);
        DraftInputs.requireSize(bundle, "body");
        DraftCheck check = check(bundle, null);
        long id = drafts.writing(tx -> {
            long created = tx.insert(name, text, baseRevisionId, by, bundle.contentHash(), check);
            tx.replaceFiles(created, bundle);
            tx.addContributor(created, by);
            tx.append(new RuleChangeLog.Change(Action.DRAFT_CREATED, by, created, baseRevisionId, bundle.rulesVersion(),
                    bundle.contentHash(), text == null ? name : name + ": " + text));
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
        return drafts.read(tx -> tx.list(status, before, limit)).stream().map(DraftView.Summary::of).toList();
    }

    public DraftView view(long id) {
        return drafts.read(tx -> view(tx, existing(tx, id)));
    }

    public List<DraftView.FileEntry> files(long id) {
        return drafts.read(tx -> {
            Draft d = existing(tx, id);
            RuleBundle files = tx.bundle(id), base = revisionFiles(tx, d.baseRevisionId());
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

    /** Every file of the draft (rules/…, scenarios/…) as it stands. */
    public RuleBundle bundle(long id) {
        return drafts.read(tx -> {
            existing(tx, id);
            return tx.bundle(id);
        });
    }

    public byte[] file(long id, String path) {
        return drafts.read(tx -> {
            existing(tx, id);
            return tx.file(id, path).orElseThrow(() -> noFile(id, path));
        });
    }

    /** Against its base, or against the revision in service ({@code againstActive}). */
    public DraftDiff.View diff(long id, boolean againstActive) {
        return drafts.read(tx -> {
            Draft d = existing(tx, id);
            long against = againstActive ? activeRevision(tx).id() : d.baseRevisionId();
            return new DraftDiff.View(id, againstActive ? "active" : "base", against,
                    DraftDiff.between(revisionFiles(tx, against), tx.bundle(id)));
        });
    }

    /** The draft's rules compiled, for a preview of whom they would change: through the service's cache of recent versions. */
    public RuleSet compiled(long id) {
        RuleBundle files = drafts.read(tx -> {
            if (tx.find(id).isEmpty()) {
                throw new ProblemException(HttpStatus.NOT_FOUND, "draft: no draft " + id, List.of(new FieldError("draft", "no draft " + id)));
            }
            return tx.bundle(id);
        });
        compiledRules.touch(holder.current().version()); // a preview does not push the rules in service out of the cache
        try {
            return compiledRules.compile(files.rulesVersion(), files::rulesZip); // its problems answer 422, file by file
        } catch (StackOverflowError e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Draft " + id + " cannot be previewed: a file nests too "
                    + "deeply to be compiled. Its check names the file.", List.of(new FieldError("draft", "does not compile")));
        }
    }

    // ---- changing files ----

    public DraftView save(long id, String path, byte[] content, String by) {
        return save(id, path, content, by, null);
    }

    /**
     * A save made to the file as its author read it: {@code expectedSha256} is {@link #fileVersion} of
     * the file they opened (its SHA-256, lower-case hex, or {@value #ABSENT} when they meant to create it).
     * When the file is no longer that, someone saved it meanwhile and this save would undo their change:
     * 409 with a field error on "base", nothing written. The comparison is made on the snapshot the save
     * is written from; {@link #write} refuses when the draft changed after that snapshot, so a save
     * between the comparison and the write is refused too. Null: no precondition (the old behaviour).
     */
    public DraftView save(long id, String path, byte[] content, String by, String expectedSha256) {
        Snapshot s = snapshot(id);
        if (expectedSha256 != null) {
            String now = fileVersion(s.files().files().get(path));
            if (!now.equalsIgnoreCase(expectedSha256.strip())) throw new StaleFile(id, path, now);
        }
        // Saving what is there already changes nothing, and withdraws no approval.
        if (Arrays.equals(s.files().files().get(path), content)) return view(id);
        RuleBundle next = s.files().with(path, content);
        DraftInputs.requireSize(next, "body");
        write(s, next, check(next, path), by, Action.FILE_SAVED, path, tx -> tx.putFile(id, path, content));
        return view(id);
    }

    /** The token a file missing from a draft has in place of its SHA-256. */
    public static final String ABSENT = "absent";

    /** A file's version as a save's precondition names it: its SHA-256 in lower-case hex, {@value #ABSENT} for none. */
    public static String fileVersion(byte[] content) {
        if (content == null) return ABSENT;
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A save refused because the file is no longer the one its author opened (409; REST answers it 412 for If-Match). */
    public static final class StaleFile extends ProblemException {
        private final String current;

        StaleFile(long id, String path, String current) {
            super(HttpStatus.CONFLICT, "Draft " + id + ": " + path + " changed since you opened it (it is now " + current
                    + "): nothing was saved. Reload it and apply your change again.",
                    List.of(new FieldError("base", "the file changed since you opened it: reload it and apply your change again")));
            this.current = current;
        }

        /** The file's version now ({@link #fileVersion}). */
        public String current() { return current; }
    }

    public DraftView delete(long id, String path, String by) {
        Snapshot s = snapshot(id);
        if (!s.files().files().containsKey(path)) throw noFile(id, path);
        RuleBundle next = s.files().without(path);
        write(s, next, check(next, null), by, Action.FILE_DELETED, path, tx -> tx.deleteFile(id, path));
        return view(id);
    }

    private Snapshot snapshot(long id) {
        return drafts.read(tx -> {
            Draft d = existing(tx, id);
            if (!d.status().editable()) throw conflict(d, "changed");
            return new Snapshot(d, tx.bundle(id));
        });
    }

    private interface FileWrite {
        void write(DraftStore.Tx tx);
    }

    /**
     * Keeps a change checked outside the transaction: under the draft's lock, only if its files are
     * still those the change was made to — otherwise someone saved meanwhile and this change, made to
     * files no longer there, is refused rather than undoing theirs.
     */
    private void write(Snapshot s, RuleBundle next, DraftCheck check, String by, Action action, String path, FileWrite files) {
        String startedFrom = s.files().contentHash();
        drafts.writing(tx -> {
            Draft d = lockEditable(tx, s.draft().id());
            if (!d.contentHash().equals(startedFrom)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " changed meanwhile (its content was " + startedFrom
                        + " when this change began, it is now " + d.contentHash() + "): nothing was saved. Read it again and save again.",
                        List.of(new FieldError("path", "draft " + d.id() + " changed meanwhile")));
            }
            files.write(tx);
            changed(tx, d, next, check, by, action, path);
            return null;
        });
    }

    /** Approvals count only for the content their reviewers saw: any change sends the draft back to OPEN. */
    private void changed(DraftStore.Tx tx, Draft d, RuleBundle next, DraftCheck check, String by, Action action, String path) {
        boolean withdrawn = d.status() == DraftStatus.PROPOSED || d.status() == DraftStatus.APPROVED;
        tx.updateContent(d.id(), next.contentHash(), check, DraftStatus.OPEN);
        tx.addContributor(d.id(), by);
        tx.append(new RuleChangeLog.Change(action, by, d.id(), null, next.rulesVersion(), next.contentHash(),
                withdrawn ? path + " (the draft was " + d.status() + ": back to OPEN, its approvals no longer count)" : path));
    }

    // ---- review ----

    public DraftView propose(long id, String note, String by) {
        String text = DraftInputs.requiredText("note", note);
        drafts.writing(tx -> {
            Draft d = lock(tx, id);
            if (d.status() != DraftStatus.OPEN && d.status() != DraftStatus.REJECTED) throw conflict(d, "proposed");
            DraftCheck check = DraftCheck.fromJson(d.checkResult());
            if (!d.checkPassed()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Draft " + id + " cannot be proposed: its check does not pass ("
                        + check.problems().size() + " rule problem(s), " + check.scenarioFailures() + " of " + check.scenarios()
                        + " scenario(s) failing" + (check.failures().isEmpty() ? "" : ", " + check.failures().size() + " failure(s)")
                        + "). Correct the files named and propose again.", check.errors());
            }
            tx.propose(id, approvalsRequired() == 0 ? DraftStatus.APPROVED : DraftStatus.PROPOSED, text);
            tx.append(new RuleChangeLog.Change(Action.PROPOSED, by, id, null, check.rulesVersion(), d.contentHash(), text));
            return null;
        });
        return view(id);
    }

    /**
     * An approval of the draft as the reviewer read it: {@code contentHash} is the one the draft view
     * showed them. Content changed since (and proposed again) is not what they approved: 409.
     */
    public DraftView approve(long id, String contentHash, String note, String by) {
        String text = DraftInputs.optionalText("note", note);
        if (contentHash == null || contentHash.isBlank()) {
            throw ProblemException.badField("contentHash", "is required: the contentHash of the draft as you reviewed it "
                    + "(GET /api/v1/ruleset/drafts/" + id + ")");
        }
        String seen = contentHash.strip();
        drafts.writing(tx -> {
            Draft d = lock(tx, id);
            requireReviewer(tx, d, by, "approve");
            List<RuleChangeLog.Entry> counted = approvals.counting(tx, d);
            // An APPROVED draft short of approvals (the setting was raised since) may take more.
            boolean short_ = d.status() == DraftStatus.APPROVED && counted.size() < approvalsRequired();
            if (d.status() != DraftStatus.PROPOSED && !short_) throw conflict(d, "approved");
            requireSeen(d, seen, "approve");
            if (counted.stream().anyMatch(e -> e.actor().equals(by))) {
                throw new ProblemException(HttpStatus.CONFLICT, by + " has already approved draft " + id + " as it is now.", List.of());
            }
            tx.insertReview(id, by, Review.Verdict.APPROVE, d.contentHash(), text);
            tx.append(new RuleChangeLog.Change(Action.APPROVED, by, id, null, null, d.contentHash(), text));
            if (approvals.counting(tx, d).size() >= approvalsRequired()) tx.setStatus(id, DraftStatus.APPROVED);
            return null;
        });
        return view(id);
    }

    /** A rejection; {@code contentHash} optional: when given, it must still be the draft's. */
    public DraftView reject(long id, String contentHash, String reason, String by) {
        String text = DraftInputs.requiredText("reason", reason);
        drafts.writing(tx -> {
            Draft d = lock(tx, id);
            requireReviewer(tx, d, by, "reject");
            if (d.status() != DraftStatus.PROPOSED && d.status() != DraftStatus.APPROVED) throw conflict(d, "rejected");
            if (contentHash != null && !contentHash.isBlank()) requireSeen(d, contentHash.strip(), "reject");
            tx.insertReview(id, by, Review.Verdict.REJECT, d.contentHash(), text);
            tx.setStatus(id, DraftStatus.REJECTED);
            tx.append(new RuleChangeLog.Change(Action.REJECTED, by, id, null, null, d.contentHash(), text));
            return null;
        });
        return view(id);
    }

    /** The author or an administrator gives a draft up; it stays readable. */
    public DraftView discard(long id, String by, boolean admin) {
        drafts.writing(tx -> {
            Draft d = lock(tx, id);
            if (!admin && !d.author().equals(by)) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "Only the author of draft " + id + " (" + d.author()
                        + ") or an administrator may discard it.", List.of());
            }
            if (!d.status().editable()) throw conflict(d, "discarded");
            tx.setStatus(id, DraftStatus.DISCARDED);
            tx.append(new RuleChangeLog.Change(Action.DISCARDED, by, id, null, null, d.contentHash(), null));
            return null;
        });
        return view(id);
    }

    // ---- publishing ----

    public Publication publish(long id, String by) {
        record Start(Draft d, RuleStore.Revision active, RuleBundle files, RuleBundle base, RuleBundle now) {}
        Start s = drafts.read(tx -> {
            Draft d = existing(tx, id);
            if (d.status() != DraftStatus.APPROVED) throw conflict(d, "published");
            requireApprovals(tx, d);
            RuleStore.Revision active = activeRevision(tx);
            boolean stale = active.id() != d.baseRevisionId();
            return new Start(d, active, tx.bundle(id), stale ? revisionFiles(tx, d.baseRevisionId()) : null,
                    stale ? revisionFiles(tx, active.id()) : null);
        });
        Draft d = s.d();
        RuleStore.Revision active = s.active();
        RuleBundle target = s.files();
        boolean rebased = s.now() != null;
        if (rebased) {
            List<String> conflicts = Rebase.conflicts(s.base(), s.files(), s.now());
            if (!conflicts.isEmpty()) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + id + " cannot be published: since its base (revision "
                        + d.baseRevisionId() + ") revision " + active.id() + " was put in service, which also changed "
                        + String.join(", ", conflicts) + ". Open a draft from revision " + active.id() + " and make the change there.",
                        conflicts.stream().map(p -> new FieldError(p, "changed by this draft and by revision " + active.id())).toList());
            }
            target = Rebase.apply(s.base(), s.files(), s.now());
        }
        Checked checked = run(target, null);
        DraftCheck check = checked.check();
        if (rebased) rebase(d, target, active, check, by);
        if (!check.passed() || checked.compiled() == null) {
            if (!rebased) reopen(d, check, by);
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Draft " + id + " cannot be published: "
                    + (rebased ? "carried onto revision " + active.id() + " it" : "it") + " no longer passes its check. It is OPEN "
                    + "again: correct the files named and propose it again.", check.errors());
        }
        String expected = target.contentHash();
        String note = d.proposalNote() == null || d.proposalNote().isBlank() ? d.title() : d.proposalNote();
        RuleSetService.Published published = rules.publish(target, checked.compiled(), active.id(), by, note, id, Action.PUBLISHED, drafts.alongside(tx -> {
            // Checked again inside the publication: two publications at once, or a change while this one
            // ran, must not put into service files other than the ones approved, or skip a revision.
            tx.lockChangeLog();
            Draft now = lock(tx, id);
            if (now.status() != DraftStatus.APPROVED || !now.contentHash().equals(expected)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + id + " changed while it was being published ("
                        + now.status() + "); nothing was published.", List.of());
            }
            requireApprovals(tx, now);
            Long inService = tx.activeRevisionBesides(id).orElse(null);
            if (!Objects.equals(inService, active.id())) {
                throw new ProblemException(HttpStatus.CONFLICT, "The rules in service changed while draft " + id
                        + " was being published; nothing was published. Publish it again.", List.of());
            }
            tx.markPublished(id, tx.latestRevisionOfDraft(id).orElseThrow(() ->
                    new IllegalStateException("the publication of draft " + id + " stored no revision")));
            return null;
        }));
        return new Publication(published.revision(), published.previousVersion(), published.changed(), rebased, view(id));
    }

    /**
     * The status says APPROVED; the approvals are counted again, against the setting as it is now: a
     * draft approved by one person when two are now required is not published.
     */
    private void requireApprovals(DraftStore.Tx tx, Draft d) {
        int counted = approvals.counting(tx, d).size(), needed = approvalsRequired();
        if (counted < needed) {
            throw new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " has " + counted + " approval(s) of the content approved; "
                    + needed + " are required now (laurel.rules.approvals-required). Another person with the POLICY or ADMIN role must "
                    + "approve it before it is published.", List.of(new FieldError("approvals", counted + " of " + needed + " required")));
        }
    }

    /**
     * The draft's changes carried onto the revision in service, in a transaction of its own before
     * the publication: the draft stays APPROVED (its changes are those reviewed), and if publishing
     * then fails it can simply be published again from its new base.
     */
    private void rebase(Draft d, RuleBundle target, RuleStore.Revision active, DraftCheck check, String by) {
        drafts.writing(tx -> {
            Draft now = lock(tx, d.id());
            if (!sameContent(now, d)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " changed while it was being published ("
                        + now.status() + "); nothing was published.", List.of());
            }
            tx.replaceFiles(d.id(), target);
            tx.rebase(d.id(), active.id());
            tx.updateContent(d.id(), target.contentHash(), check, check.passed() ? DraftStatus.APPROVED : DraftStatus.OPEN);
            tx.append(new RuleChangeLog.Change(Action.REBASED, by, d.id(), active.id(), target.rulesVersion(), target.contentHash(),
                    "from revision " + d.baseRevisionId() + " onto revision " + active.id()
                            + (check.passed() ? "" : "; its check no longer passes: back to OPEN")));
            return null;
        });
    }

    /** An approved draft whose check fails when published goes back to OPEN, and the log says so. */
    private void reopen(Draft d, DraftCheck check, String by) {
        drafts.writing(tx -> {
            if (!sameContent(lock(tx, d.id()), d)) return null; // changed meanwhile: that change logged its own step
            tx.updateContent(d.id(), d.contentHash(), check, DraftStatus.OPEN);
            tx.append(new RuleChangeLog.Change(Action.REOPENED, by, d.id(), null, check.rulesVersion(), d.contentHash(),
                    "its check no longer passes on publication: back to OPEN, to be corrected and proposed again"));
            return null;
        });
    }

    private static boolean sameContent(Draft now, Draft before) {
        return now.status() == before.status() && now.contentHash().equals(before.contentHash())
                && now.baseRevisionId() == before.baseRevisionId();
    }

    // ---- helpers ----

    private DraftView view(DraftStore.Tx tx, Draft d) {
        List<Review> reviews = tx.reviews(d.id());
        List<DraftView.Approval> counted = approvals.counting(tx, d).stream()
                .map(e -> new DraftView.Approval(e.actor(), e.changedAt(), e.detail())).toList();
        List<DraftView.Rejection> rejections = reviews.stream().filter(r -> r.verdict() == Review.Verdict.REJECT)
                .map(r -> new DraftView.Rejection(r.reviewer(), r.reviewedAt(), r.reason())).toList();
        Long active = tx.active().map(a -> a.revision() == null ? null : a.revision().id()).orElse(null);
        RuleBundle files = tx.bundle(d.id());
        DraftCheck check = DraftCheck.fromJson(d.checkResult());
        return new DraftView(d.id(), d.title(), d.status(), d.baseRevisionId(), Objects.equals(active, d.baseRevisionId()), active,
                d.author(), tx.contributors(d.id()), d.createdAt(), d.updatedAt(), d.contentHash(), files.rulesVersion(),
                d.proposalNote(), counted, approvalsRequired(), rejections, check,
                FileChanges.between(revisionFiles(tx, d.baseRevisionId()), files), d.publishedRevisionId());
    }

    /** The reviewer read the draft as it is: otherwise they would review content they have not seen. */
    private static void requireSeen(Draft d, String seen, String verb) {
        if (d.contentHash().equals(seen)) return;
        throw new ProblemException(HttpStatus.CONFLICT, "Draft " + d.id() + " changed since you read it: you reviewed " + seen
                + ", its content is now " + d.contentHash() + ". Read it again (its files and diff) before you " + verb + " it.",
                List.of(new FieldError("contentHash", "the draft's content is now " + d.contentHash() + ", not " + seen)));
    }

    /** Four eyes: nobody who changed a draft reviews it. */
    private void requireReviewer(DraftStore.Tx tx, Draft d, String by, String verb) {
        if (d.author().equals(by) || tx.contributors(d.id()).contains(by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, by + " may not " + verb + " draft " + d.id() + ": "
                    + (d.author().equals(by) ? "its author" : "they changed it") + " cannot review it; another person with the POLICY "
                    + "or ADMIN role must.", List.of(new FieldError("reviewer", by + " " + (d.author().equals(by) ? "wrote" : "changed")
                    + " this draft")));
        }
    }

    /** The check kept on a draft, by content (the same files check the same); {@code saved} names the file a failure blames. */
    private DraftCheck check(RuleBundle bundle, String saved) {
        String key = bundle.contentHash();
        synchronized (checks) {
            DraftCheck cached = checks.get(key);
            if (cached != null) return cached;
        }
        DraftCheck check = run(bundle, saved).check();
        synchronized (checks) {
            checks.put(key, check); // a failure too: saving the same files again does not run what failed again
        }
        return check;
    }

    /**
     * Compiles and runs the scenarios. Whatever a file holds, a save is kept and answered: anything
     * thrown, an Error included (a DRL nested thousands deep overflows the parser's stack), makes a
     * check that does not pass and says why.
     */
    private Checked run(RuleBundle bundle, String saved) {
        try {
            compiledRules.touch(holder.current().version()); // a draft's compile does not push the rules in service out of the cache
            RuleSetService.CheckResult result = rules.check(bundle);
            return new Checked(DraftCheck.of(result, bundle), result.compiled());
        } catch (StackOverflowError e) {
            LOG.warn("The check of a draft's files overflowed the stack ({})", bundle.contentHash());
            return new Checked(DraftCheck.failed(bundle, saved, "the file nests too deeply (parentheses, brackets or blocks inside one "
                    + "another thousands deep) for the rules to be read: flatten it"), null);
        } catch (Throwable e) {
            LOG.warn("The check of a draft's files failed to run", e);
            return new Checked(DraftCheck.failed(bundle, saved, "the check could not run: " + e), null);
        }
    }

    /** A stored revision's files, read on the caller's connection (never a second one from the pool while it is held). */
    private RuleBundle revisionFiles(DraftStore.Tx tx, long revisionId) {
        synchronized (revisions) {
            RuleBundle cached = revisions.get(revisionId);
            if (cached != null) return cached;
        }
        RuleBundle bundle = tx.revisionBundle(revisionId); // a revision never changes: kept once read
        synchronized (revisions) {
            revisions.put(revisionId, bundle);
        }
        return bundle;
    }

    private RuleStore.Revision activeRevision(DraftStore.Tx tx) {
        return tx.active().map(RuleStore.Active::revision).orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "The rules in service have no stored revision yet.", List.of()));
    }

    private Draft existing(DraftStore.Tx tx, long id) {
        return tx.find(id).orElseThrow(() -> notFound(id));
    }

    private Draft lock(DraftStore.Tx tx, long id) {
        return tx.lock(id).orElseThrow(() -> notFound(id));
    }

    private Draft lockEditable(DraftStore.Tx tx, long id) {
        Draft d = lock(tx, id);
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

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }
}
