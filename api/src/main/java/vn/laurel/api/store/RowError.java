package vn.laurel.api.store;

/** A bad value in a file or a request: the file, the row (the header is row 1), the field and why. */
public record RowError(String file, long row, String field, String message) {
    @Override
    public String toString() { return file + ": row " + row + ", " + field + ": " + message; }
}
