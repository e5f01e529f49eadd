package vn.laurel.api.workbench.drafts;

import vn.laurel.api.workbench.PageStatus;
import io.micronaut.http.HttpStatus;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * A refusal of DraftService or RuleSetService said in the page's language: the common ones (own
 * draft, changed since read, check failing, wrong status, already approved, too few approvals, not
 * the author, a required or too long field) by a text of the bundle, any other by the service's own
 * sentence. The status is the service's.
 */
final class Refusals {
    /** What the page shows: the status to answer, the sentence, the field it names (or null). */
    record Refusal(HttpStatus status, String text, String field) {}

    private Refusals() {}

    static Refusal of(ProblemException e, Messages messages, String lang) {
        HttpStatus status = PageStatus.of(e);
        String field = field(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        String key = null;
        Object[] args = {};
        if ("reviewer".equals(field)) key = "wbdrafts.refused.ownDraft";
        else if ("contentHash".equals(field) && status == HttpStatus.CONFLICT) key = "wbdrafts.refused.stale";
        else if ("status".equals(field)) {
            key = "wbdrafts.refused.status";
            args = new Object[]{messages.text(lang, "wbdrafts.status." + detailStatus(e))};
        } else if ("approvals".equals(field)) key = "wbdrafts.refused.approvals";
        else if (detail.contains("has already approved")) key = "wbdrafts.refused.already";
        else if (detail.contains("or an administrator may discard")) key = "wbdrafts.refused.discard";
        else if (detail.contains("cannot be proposed: its check does not pass")) key = "wbdrafts.refused.check";
        else if (detail.contains("cannot be published") && detail.contains("no longer passes its check")) key = "wbdrafts.refused.publishCheck";
        else if (detail.contains("changed while")) key = "wbdrafts.refused.meanwhile";
        else if (status == HttpStatus.BAD_REQUEST && field != null && detail.endsWith("is required")) {
            key = "wbdrafts.error.required";
            args = new Object[]{messages.text(lang, "wbdrafts.name." + field)};
        } else if (status == HttpStatus.BAD_REQUEST && field != null && detail.contains("at most")) {
            key = "wbdrafts.error.tooLong";
            args = new Object[]{messages.text(lang, "wbdrafts.name." + field)};
        }
        if (key == null) return new Refusal(status, messages.text(lang, "wbdrafts.refused.service") + " " + detail, field);
        return new Refusal(status, format(messages.text(lang, key), lang, args), field);
    }

    static String format(String pattern, String lang, Object... args) {
        return new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
    }

    private static String field(ProblemException e) {
        if (e.problem().errors() == null) return null;
        for (Object o : e.problem().errors()) {
            if (o instanceof FieldError f) return f.field();
        }
        return null;
    }

    /** The status a "Draft 3 is PUBLISHED: it cannot be …" refusal names (its error's message). */
    private static String detailStatus(ProblemException e) {
        for (Object o : e.problem().errors()) {
            if (o instanceof FieldError f && "status".equals(f.field())) return f.message();
        }
        return "";
    }
}
