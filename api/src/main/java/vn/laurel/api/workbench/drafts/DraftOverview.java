package vn.laurel.api.workbench.drafts;

import vn.laurel.api.i18n.Messages;
import vn.laurel.api.pages.AuditViews;
import vn.laurel.api.rules.drafts.DraftCheck;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.workbench.FailureTexts;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.catalogue.AwardDefinition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A draft as its overview page shows it: its check said problem by problem with a link to the line,
 * the files it changes, its reviews, and which of propose, approve, reject, publish and discard the
 * reader may do now (or why not). The service decides in the end; this only spares a reader buttons
 * that can only be refused.
 */
record DraftOverview(DraftView d, String statusText, boolean passed, List<ProblemRow> problems, List<FailureRow> failures,
                     int errorCount, int failingScenarios, String checkSummary, String checkedAt, List<FileRow> files,
                     List<ReviewRow> reviews, Actions actions, String createdAt, String updatedAt) {

    record ProblemRow(String location, String severity, String message, String editorUrl) {}

    record FailureRow(String file, String message, String editorUrl) {}

    record FileRow(String path, String change, String changeText, String editorUrl) {}

    record ReviewRow(String kind, String kindText, String by, String at, String text) {}

    /**
     * @param why       the sentence saying why the reader has no action here (read-only, waiting for someone else), or null
     * @param proposeWhy why proposing is unavailable while the draft is open, or null
     */
    record Actions(boolean edit, boolean propose, String proposeWhy, boolean review, boolean publish, boolean discard,
                   boolean history, String why) {
        boolean any() {
            return propose || review || publish || discard;
        }
    }

    /** {@code awards}: the awards in service, whose names say a failing scenario's award (a draft rarely renames one). */
    static DraftOverview of(DraftView d, String user, boolean canEdit, boolean admin, Messages messages, String lang,
                            Map<String, AwardDefinition> awards) {
        DraftCheck check = d.check();
        List<ProblemRow> problems = new ArrayList<>();
        int errors = 0;
        for (DraftCheck.Problem p : check.problems()) {
            if ("ERROR".equals(p.severity())) errors++;
            boolean file = p.file() != null && (p.file().startsWith("rules/") || p.file().startsWith("scenarios/"));
            problems.add(new ProblemRow(p.location(), p.severity(), p.message(),
                    file ? editorUrl(d.id(), p.file()) + (p.line() > 0 ? "#L" + p.line() : "") : null));
        }
        List<FailureRow> failures = new ArrayList<>();
        for (FieldError f : check.failures()) {
            boolean scenario = f.field().startsWith("scenarios/");
            failures.add(new FailureRow(f.field(), FailureTexts.sentence(f.message(), awards, messages, lang), scenario ? "/workbench/drafts/" + d.id() + "/scenarios/edit?file="
                    + URLEncoder.encode(f.field(), StandardCharsets.UTF_8) : null));
        }
        int failing = Math.max(check.scenarioFailures(), (int) check.failures().stream().map(FieldError::field).distinct().count());
        String summary = Refusals.format(messages.text(lang, "wbdrafts.check.counts"), lang, errors, failing, check.scenarios());
        List<FileRow> files = new ArrayList<>();
        add(files, d, d.changes().added(), "added", messages, lang);
        add(files, d, d.changes().changed(), "changed", messages, lang);
        add(files, d, d.changes().removed(), "removed", messages, lang);
        List<ReviewRow> reviews = new ArrayList<>();
        d.approvals().forEach(a -> reviews.add(new ReviewRow("approval", messages.text(lang, "wbdrafts.review.approval"), a.by(),
                AuditViews.time(a.at(), lang), a.note())));
        d.rejections().forEach(r -> reviews.add(new ReviewRow("rejection", messages.text(lang, "wbdrafts.review.rejection"), r.by(),
                AuditViews.time(r.at(), lang), r.reason())));
        return new DraftOverview(d, messages.text(lang, "wbdrafts.status." + d.status().name()), check.passed(), problems, failures,
                errors, failing, summary, check.checkedAt() == null ? "" : AuditViews.time(check.checkedAt(), lang), files, reviews,
                actions(d, user, canEdit, admin, errors, failing, messages, lang),
                AuditViews.time(d.createdAt(), lang), AuditViews.time(d.updatedAt(), lang));
    }

    private static Actions actions(DraftView d, String user, boolean canEdit, boolean admin, int errors, int failing,
                                   Messages messages, String lang) {
        DraftStatus s = d.status();
        boolean changedIt = d.author().equals(user) || d.contributors().contains(user);
        if (s == DraftStatus.PUBLISHED) return new Actions(canEdit, false, null, false, false, false, true, text(messages, lang, "wbdrafts.why.published"));
        if (s == DraftStatus.DISCARDED) return new Actions(canEdit, false, null, false, false, false, false, text(messages, lang, "wbdrafts.why.discarded"));
        if (!canEdit) return new Actions(false, false, null, false, false, false, false, text(messages, lang, "wbdrafts.why.readOnly"));
        boolean discard = d.author().equals(user) || admin;
        boolean open = s.openForChanges();
        boolean passed = d.check().passed();
        String proposeWhy = open && !passed ? Refusals.format(messages.text(lang, "wbdrafts.why.checkFails"), lang, errors, failing) : null;
        boolean reviewing = s == DraftStatus.PROPOSED;
        String why = null;
        if (reviewing && changedIt) why = text(messages, lang, "wbdrafts.why.waiting");
        else if (s == DraftStatus.APPROVED && !passed) why = text(messages, lang, "wbdrafts.why.publishCheck");
        return new Actions(true, open && passed, proposeWhy, reviewing && !changedIt, s == DraftStatus.APPROVED, discard, false, why);
    }

    private static String text(Messages messages, String lang, String key) {
        return messages.text(lang, key);
    }

    private static void add(List<FileRow> rows, DraftView d, List<String> paths, String change, Messages messages, String lang) {
        for (String p : paths) {
            rows.add(new FileRow(p, change, messages.text(lang, "wbdrafts.change." + change), "removed".equals(change) ? null : editorUrl(d.id(), p)));
        }
    }

    /** The editor's address of a draft file: each segment of the path encoded, its slashes kept. */
    static String editorUrl(long draft, String path) {
        return "/workbench/drafts/" + draft + "/files/" + Arrays.stream(path.split("/", -1))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")).collect(Collectors.joining("/"));
    }
}
