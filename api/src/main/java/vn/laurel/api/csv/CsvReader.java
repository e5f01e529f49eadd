package vn.laurel.api.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A streaming RFC 4180 reader: comma separated, fields quoted with double quotes (which may hold
 * commas, quotes doubled, and line breaks), a header line first. Reads one record at a time, so a
 * file of any size is read in constant memory. A leading byte-order mark is skipped.
 */
public final class CsvReader implements Iterator<CsvReader.Row>, AutoCloseable {
    /** One record, with the line it started on (the header is line 1). */
    public record Row(int line, Map<String, Integer> columns, List<String> values) {
        /** The value of a column, or null when empty or absent. */
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= values.size()) return null;
            String v = values.get(i).strip();
            return v.isEmpty() ? null : v;
        }
    }

    private final Reader in;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private int line = 1;
    private int peeked = -2;
    private Row next;

    public CsvReader(Reader in) throws IOException {
        this.in = in;
        int first = read();
        if (first != '\uFEFF') peeked = first;
        List<String> h = record();
        if (h == null) throw new CsvException(1, "the file is empty: a header line is expected");
        header = List.copyOf(h);
        for (int i = 0; i < header.size(); i++) columns.put(header.get(i).strip(), i);
        advance();
    }

    public List<String> header() { return header; }

    @Override
    public boolean hasNext() { return next != null; }

    @Override
    public Row next() {
        if (next == null) throw new NoSuchElementException();
        Row row = next;
        advance();
        return row;
    }

    private void advance() {
        try {
            int start = line;
            List<String> values;
            do {
                start = line;
                values = record();
            } while (values != null && values.size() == 1 && values.get(0).isEmpty()); // blank lines
            next = values == null ? null : new Row(start, columns, values);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvException(line, "is not valid UTF-8: save the file as UTF-8");
        } catch (IOException e) {
            throw new CsvException(line, "cannot read: " + e.getMessage());
        }
    }

    private List<String> record() throws IOException {
        int c = read();
        if (c == -1) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, afterQuote = false;
        int quoteLine = line;
        while (true) {
            if (quoted) {
                if (c == -1) throw new CsvException(quoteLine, "a quoted field is not closed before the end of the file");
                if (c == '"') {
                    int d = read();
                    if (d == '"') field.append('"');
                    else { quoted = false; afterQuote = true; c = d; continue; }
                } else {
                    if (c == '\n') line++;
                    field.append((char) c);
                }
            } else if (c == ',' ) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == -1) {
                if (c == '\n') line++;
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                // part of a CRLF line end
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
                quoteLine = line;
            } else if (afterQuote) {
                throw new CsvException(line, "unexpected character after a closing quote");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }

    @Override
    public void close() throws IOException { in.close(); }
}
