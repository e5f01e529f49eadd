package vn.laurel.api.demo;

/** A bad value in a CSV file, located by file, row and column. */
public class CsvRowException extends RuntimeException {
    public CsvRowException(String file, int row, String column, String message) {
        super(file + ": row " + row + ", column " + column + ": " + message);
    }
}
