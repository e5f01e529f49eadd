package vn.laurel.api.imports;

import vn.laurel.api.store.RowError;

import java.time.Instant;
import java.util.List;

/**
 * What an import did: every row read, what was inserted, superseded (a changed value replaced the
 * current one, which is kept) or unchanged; or, when it failed, every bad row (the first 1000) and
 * nothing written.
 */
public record ImportReport(long id, Status status, List<String> files, long rowsRead, long inserted, long superseded,
                           long unchanged, long decisionsFlagged, long errorCount, List<RowError> errors,
                           Instant startedAt, Instant finishedAt) {
    public enum Status { RUNNING, SUCCEEDED, FAILED }
}
