package vn.laurel.api.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The reader that feeds the CSV parser: it skips a leading byte-order mark and, under a limit,
 * stops a record at a number of characters no record of fields within the limits reaches, keeping
 * that record's text for {@link CsvReader} to say which limit it broke. It hands the parser one
 * character per read, so that the parser's buffer never runs ahead of the record being read and the
 * text kept starts where the record starts.
 */
final class RecordBudget extends Reader {
    static final long UNLIMITED = Long.MAX_VALUE;

    /** The record in flight is over the budget. */
    static final class Exceeded extends IOException {
        Exceeded() { super("a record over the budget", null); }
    }

    private final Reader in;
    private final long limit;
    private final StringBuilder record = new StringBuilder();
    private boolean started;

    RecordBudget(Reader in, long limit) {
        this.in = limit == UNLIMITED ? in : new BufferedReader(in);
        this.limit = limit;
    }

    long limit() { return limit; }

    /** The text of the record in flight, as read so far. */
    String record() { return record.toString(); }

    /** The parser is about to read a new record. */
    void nextRecord() {
        if (limit == UNLIMITED) return;
        // After a record ending in a lone CR the parser has looked at the next character (was it LF?): it starts the next record.
        int n = record.length();
        boolean lookedAhead = n >= 2 && record.charAt(n - 2) == '\r' && record.charAt(n - 1) != '\n';
        record.delete(0, lookedAhead ? n - 1 : n);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!started) {
            started = true;
            int c = in.read();
            if (c != '\uFEFF') return c == -1 ? -1 : deliver(buf, off, (char) c);
        }
        if (limit == UNLIMITED) return in.read(buf, off, len);
        int c = in.read();
        return c == -1 ? -1 : deliver(buf, off, (char) c);
    }

    private int deliver(char[] buf, int off, char c) throws Exceeded {
        if (limit != UNLIMITED) {
            if (record.length() >= limit) throw new Exceeded();
            record.append(c);
        }
        buf[off] = c;
        return 1;
    }

    @Override
    public void close() throws IOException { in.close(); }
}
