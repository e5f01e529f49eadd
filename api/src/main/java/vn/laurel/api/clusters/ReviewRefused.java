package vn.laurel.api.clusters;

import java.util.List;

/**
 * A cluster request refused, nothing written: its status, the sentence (a key of the clusters bundle,
 * with its values) and each field (or file row and column) at fault, so the API and the pages can say
 * it in the reader's language.
 */
public class ReviewRefused extends RuntimeException {
    public enum Kind {
        BAD_REQUEST(400), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413), INVALID(422);

        public final int status;

        Kind(int status) { this.status = status; }
    }

    /** One fault: the field (a CSV column, or a JSON path), the file row when it is a file's (header = row 1). */
    public record Fault(String field, Long row, String key, List<Object> args) {
        public Fault(String field, String key, Object... args) {
            this(field, null, key, List.of(args));
        }
    }

    private final Kind kind;
    private final String key;
    private final List<Object> args;
    private final List<Fault> faults;

    public ReviewRefused(Kind kind, String key, List<Object> args, List<Fault> faults) {
        super(key + " " + args + " " + faults, null, false, false);
        this.kind = kind;
        this.key = key;
        this.args = List.copyOf(args);
        this.faults = List.copyOf(faults);
    }

    public static ReviewRefused field(Kind kind, String field, String key, Object... args) {
        return new ReviewRefused(kind, key, List.of(args), List.of(new Fault(field, key, args)));
    }

    public static ReviewRefused notFound(String key, Object... args) {
        return new ReviewRefused(Kind.NOT_FOUND, key, List.of(args), List.of());
    }

    public Kind kind() { return kind; }

    public String key() { return key; }

    public List<Object> args() { return args; }

    public List<Fault> faults() { return faults; }
}
