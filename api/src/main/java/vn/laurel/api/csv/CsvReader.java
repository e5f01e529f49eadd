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
 * file of any size is read in constant memory. A leading byte-order mark is skipped. A field longer
 * than the limit, or a record of more fields than any file has columns, stops the reading there:
 * otherwise one endless field or line would be held whole in memory.
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

    /** More than any kind of file has columns, by far; a line of commas would otherwise be a list as long as the file. */
    static final int MAX_FIELDS = 1000;

    private final Reader in;
    private final int maxField;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private int line = 1;
    private int peeked = -2;
    private Row next;

    public CsvReader(Reader in) throws IOException {
        this(in, Integer.MAX_VALUE);
    }

    /** A reader that refuses, at the first character over the limit, a field longer than {@code maxField} characters. */
    public CsvReader(Reader in, int maxField) throws IOException {
        this.in = in;
        this.maxField = maxField;
        int first = read();
        if (first != '\uFEFF') peeked = first;
        List<String> h = record(null);
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
                values = record(header);
            } while (values != null && values.size() == 1 && values.get(0).isEmpty()); // blank lines
            next = values == null ? null : new Row(start, columns, values);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CsvException(line, "is not valid UTF-8: save the file as UTF-8");
        } catch (IOException e) {
            throw new CsvException(line, "cannot read: " + e.getMessage());
        }
    }

    private List<String> record(List<String> names) throws IOException {
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
                    if (d == '"') append(field, '"', fields.size(), names);
                    else { quoted = false; afterQuote = true; c = d; continue; }
                } else {
                    if (c == '\n') line++;
                    append(field, (char) c, fields.size(), names);
                }
            } else if (c == ',' ) {
                if (fields.size() == MAX_FIELDS) throw new CsvException(line, "has more than " + MAX_FIELDS + " fields");
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
                append(field, (char) c, fields.size(), names);
            }
            c = read();
        }
    }

    private void append(StringBuilder field, char c, int index, List<String> names) {
        if (field.length() == maxField) {
            String column = names == null ? "column " + (index + 1) + " of the header"
                    : index < names.size() ? names.get(index).strip() : "column " + (index + 1);
            throw new FieldTooLongException(line, column, maxField);
        }
        field.append(c);
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
