package vn.laurel.api.store;

import vn.laurel.engine.caseformat.FieldError;

import java.util.List;

/**
 * A fact write the store refused, and nothing was written: why, in a sentence naming the fact, and
 * the fields at fault by their JSON names. The store says what went wrong; the web layer decides
 * what status that is (problem.ProblemHandlers), so the store knows nothing of HTTP.
 */
public class FactRefusedException extends RuntimeException {
    /** Why a write was refused. */
    public enum Reason {
        /** A value that does not parse or breaks a rule of its kind, or a field the kind does not have. */
        INVALID,
        /** Well formed, but a code the rules in service do not know. */
        UNKNOWN_CODE,
        /**
         * Well formed and known, but not to be recorded as things stand: an event of the organisation tree dated after
         * today (it would change the tree before it happens).
         */
        REFUSED,
        /** No such fact, or no such subject. */
        NOT_FOUND,
        /** The fact was superseded already, or the database's constraints refused the write. */
        CONFLICT
    }

    private final Reason reason;
    private final List<FieldError> errors;

    public FactRefusedException(Reason reason, String detail, List<FieldError> errors) {
        super(detail);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    /** A single field at fault; the detail reads "field: message". */
    static FactRefusedException badField(String field, String message) {
        return new FactRefusedException(Reason.INVALID, field + ": " + message, List.of(new FieldError(field, message)));
    }

    static FactRefusedException notFound(String detail) {
        return new FactRefusedException(Reason.NOT_FOUND, detail, List.of());
    }

    public Reason reason() { return reason; }

    public List<FieldError> errors() { return errors; }
}
