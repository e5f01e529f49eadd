package vn.laurel.api.imports;

import vn.laurel.api.store.RowError;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the rows an import has read, and stops it at the first row over the limit: a file of
 * millions of rows is refused when it reaches the limit, not after it has been staged whole.
 */
final class RowLimit {
    private final AtomicLong read;
    private final long limit;

    RowLimit(AtomicLong read, long limit) {
        this.read = read;
        this.limit = limit;
    }

    /** One more row of {@code file} at {@code row}; throws {@link Reached} once the import has read more than the limit. */
    void count(String file, long row) {
        if (read.incrementAndGet() > limit) {
            throw new Reached(new RowError(file, row, "-", "is row " + read.get() + " of the import; at most " + limit
                    + " rows may be imported at once: split the files"));
        }
    }

    long read() { return read.get(); }

    /** The import read more rows than it may; nothing is written. */
    static final class Reached extends RuntimeException {
        private final RowError error;

        Reached(RowError error) {
            super(error.toString(), null, false, false);
            this.error = error;
        }

        RowError error() { return error; }
    }
}
