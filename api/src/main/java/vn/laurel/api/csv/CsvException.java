package vn.laurel.api.csv;

/** A file that is not valid CSV, with the line where reading failed. */
public class CsvException extends RuntimeException {
    private final int line;

    public CsvException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int getLine() { return line; }
}
