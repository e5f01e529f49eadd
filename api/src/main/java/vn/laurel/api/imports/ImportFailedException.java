package vn.laurel.api.imports;

import vn.laurel.api.store.RowError;

import java.util.List;

/** An import refused because of bad rows: nothing was written. */
public class ImportFailedException extends RuntimeException {
    private final ImportReport report;

    public ImportFailedException(ImportReport report) {
        super("import " + report.id() + " refused: " + report.errorCount() + " bad row(s)");
        this.report = report;
    }

    public ImportReport report() { return report; }

    public List<RowError> errors() { return report.errors(); }
}
