package vn.laurel.api.rules.drafts;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleBundle;

import java.util.List;

/**
 * What a draft accepts from a person: titles, notes and reasons of bounded length, file contents that
 * are text, and a whole draft no larger than the zip it could be uploaded as. Every refusal is a 4xx
 * naming the field, never a database error (PostgreSQL refuses a NUL in text with a 500).
 */
public final class DraftInputs {
    static final int MAX_TITLE = 300;
    static final int MAX_NOTE = 4000;
    /** The same limits as a zip upload's (RuleArchive): a draft saved file by file grows no larger. */
    static final int MAX_FILES = 10_000;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    private DraftInputs() {}

    static String title(String title, String fallback) {
        if (title == null || title.isBlank()) return fallback;
        String name = title.strip();
        if (name.length() > MAX_TITLE) throw ProblemException.badField("title", "may have at most " + MAX_TITLE + " characters");
        requireNoControl("title", name);
        return name;
    }

    static String requiredText(String field, String text) {
        if (text == null || text.isBlank()) throw ProblemException.badField(field, "is required");
        return optionalText(field, text);
    }

    static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) return null;
        if (text.length() > MAX_NOTE) throw ProblemException.badField(field, "may have at most " + MAX_NOTE + " characters");
        requireNoControl(field, text);
        return text.strip();
    }

    /** A file's content: no control character but tab, line feed and carriage return (UTF-8 is checked by the caller). */
    public static void requireText(String field, byte[] content) {
        int line = 1;
        for (byte b : content) {
            if (b == '\n') line++;
            else if (b >= 0 && b < 0x20 && b != '\t' && b != '\r') {
                throw ProblemException.badField(field, "holds a control character (" + String.format("U+%04X", b) + ") on line " + line
                        + ": a rule or scenario file is text");
            }
        }
    }

    static void requireNoControl(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                throw ProblemException.badField(field, "holds a control character (" + String.format("U+%04X", (int) ch) + ") at position "
                        + (i + 1));
            }
        }
    }

    /** The draft's files after a change: as many and as large as an uploaded zip may hold, or 413 naming the field. */
    static void requireSize(RuleBundle files, String field) {
        if (files.files().size() > MAX_FILES) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, field + ": a draft holds at most " + MAX_FILES + " files",
                    List.of(new FieldError(field, "the draft would hold " + files.files().size() + " files, more than " + MAX_FILES)));
        }
        long total = files.files().values().stream().mapToLong(b -> b.length).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, field + ": a draft's files total at most "
                    + MAX_TOTAL_BYTES / (1024 * 1024) + " MB", List.of(new FieldError(field, "the draft's files would total " + total
                    + " bytes, more than " + MAX_TOTAL_BYTES)));
        }
    }
}
