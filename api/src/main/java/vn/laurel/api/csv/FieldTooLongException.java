package vn.laurel.api.csv;

/** A field longer than the reader's limit: reading stopped at its first character over the limit. */
public class FieldTooLongException extends CsvException {
    private final String column;

    public FieldTooLongException(int line, String column, int limit) {
        super(line, "is longer than " + limit + " characters, the limit for one field");
        this.column = column;
    }

    /** The column's name from the header, or its position when the header itself is at fault. */
    public String column() { return column; }
}
