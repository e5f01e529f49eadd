package vn.laurel.api.tools.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSetException;

import java.util.List;
import java.util.Map;

/** {@code ./laurel rules} against a running service, through its API ({@code /api/v1/ruleset/…}). */
public final class HttpRules implements RuleSource {
    static final String RULESET = "/api/v1/ruleset";
    /** How many revisions one page of {@code GET /revisions} asks for, and how many pages a search by version reads at most. */
    static final int PAGE = 100, MAX_PAGES = 100;

    private final LaurelHttp http;

    public HttpRules(LaurelHttp http) {
        this.http = http;
    }

    @Override
    public Pulled pull(Long revision, String version) {
        if (revision != null) return revision(revision, null);
        if (version != null) {
            Long found = newestRevisionOf(version);
            if (found != null) return revision(found, version);
            return rulesOnly(version, "no revision of " + version + " is stored with its scenarios: "
                    + "only its rule files were written (scenarios/ is empty)");
        }
        LaurelHttp.Reply r = http.get(RULESET);
        if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("GET " + RULESET, r));
        Replies.Active active = Replies.active(r.json());
        if (active.version() == null) throw CommandFailure.failed("GET " + RULESET + " named no version: is " + http.baseUrl() + " a Laurel service?");
        if (active.revisionId() != null) return revision(active.revisionId(), active.version());
        return rulesOnly(active.version(), "the service names no revision for the rules in service: "
                + "only their rule files were written (scenarios/ is empty)");
    }

    private Pulled revision(long id, String expectedVersion) {
        String path = RULESET + "/revisions/" + id + "/files";
        LaurelHttp.Reply r = http.get(path);
        if (r.status() == 404) throw CommandFailure.failed("the service has no revision " + id + " (GET " + path + ": 404)");
        if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("GET " + path, r));
        RuleBundle bundle = bundle(() -> RuleBundle.fromZip(r.body()), path);
        if (expectedVersion != null && !expectedVersion.equals(bundle.rulesVersion())) {
            throw CommandFailure.failed("the files of revision " + id + " hash to " + bundle.rulesVersion() + ", not " + expectedVersion
                    + ": nothing was written");
        }
        return new Pulled(bundle, id, bundle.rulesVersion(), null);
    }

    private Pulled rulesOnly(String version, String note) {
        String path = RULESET + "/versions/" + version + "/files";
        LaurelHttp.Reply r = http.get(path);
        if (r.status() == 404) throw CommandFailure.failed("the service has no rule-set version " + version);
        if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("GET " + path, r));
        RuleBundle bundle = bundle(() -> RuleBundle.fromZips(r.body(), null), path);
        if (!version.equals(bundle.rulesVersion())) {
            throw CommandFailure.failed("the stored files of " + version + " hash to " + bundle.rulesVersion() + ": nothing was written");
        }
        return new Pulled(bundle, null, version, note);
    }

    /** The newest revision of a version, paging back through {@code GET /revisions}; null when none (or no such endpoint). */
    private Long newestRevisionOf(String version) {
        Long before = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = LaurelHttp.path(RULESET + "/revisions", LaurelHttp.query("before", before, "limit", PAGE));
            LaurelHttp.Reply r = http.get(path);
            if (r.status() == 404) return null;
            if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("GET " + path, r));
            List<Replies.RevisionRef> revisions = Replies.revisions(r.json());
            for (Replies.RevisionRef rev : revisions) {
                if (version.equals(rev.version())) return rev.id();
            }
            if (revisions.isEmpty()) return null;
            long oldest = revisions.stream().mapToLong(Replies.RevisionRef::id).min().getAsLong();
            if (before != null && oldest >= before) return null; // the service ignored "before": do not loop
            before = oldest;
        }
        return null;
    }

    @Override
    public Pushed push(RuleBundle bundle, Long baseRevision, String title, String note) {
        String path = LaurelHttp.path(RULESET + "/drafts", LaurelHttp.query("title", title, "note", note, "from", baseRevision));
        LaurelHttp.Reply r = http.post(path, "application/zip", bundle.toZip(), LaurelHttp.SLOW);
        if (r.status() == 422 || r.status() == 413) throw CommandFailure.problems(LaurelHttp.describe("the service refused the files", r));
        if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("POST " + RULESET + "/drafts", r));
        Replies.Draft draft = Replies.draft(r.json());
        if (draft.id() == null) throw CommandFailure.failed("POST " + RULESET + "/drafts answered " + r.status() + " without a draft id");
        String diffPath = RULESET + "/drafts/" + draft.id() + "/diff";
        LaurelHttp.Reply d = http.get(diffPath);
        if (!d.ok()) return new Pushed(draft, null, LaurelHttp.describe("no diff: GET " + diffPath, d));
        return new Pushed(draft, Replies.diff(d.json()), null);
    }

    @Override
    public Replies.Draft propose(long draftId, String note) {
        String path = RULESET + "/drafts/" + draftId + "/propose";
        byte[] body;
        try {
            body = new ObjectMapper().writeValueAsBytes(Map.of("note", note));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        LaurelHttp.Reply r = http.post(path, "application/json", body, LaurelHttp.SLOW);
        if (r.status() == 422) throw CommandFailure.problems(LaurelHttp.describe("not proposed", r));
        if (!r.ok()) throw CommandFailure.failed(LaurelHttp.describe("POST " + path, r));
        return Replies.draft(r.json());
    }

    private static RuleBundle bundle(java.util.function.Supplier<RuleBundle> read, String path) {
        try {
            return read.get();
        } catch (RuleSetException e) {
            throw CommandFailure.failed("GET " + path + " sent files that cannot be written: " + CommandFailure.oneLine(e));
        }
    }
}
