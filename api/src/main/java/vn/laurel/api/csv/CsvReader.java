package vn.laurel.api.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import's CSV files, read by Apache Commons CSV (RFC 4180: comma separated, fields quoted with
 * double quotes, which may hold commas, doubled quotes and line breaks), a header line first, one
 * record at a time. This class adds what an import needs on top: the line each record starts on, a
 * leading byte-order mark skipped, blank lines skipped, and refusals in the import's words naming
 * the line (and the column of a field too long). A field longer than the limit, or a record of more
 * fields than any file has columns, is refused while the record streams in ({@link RecordBudget}),
 * so that one endless field or line of commas is never held whole in memory.
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

    /** RFC 4180, blank lines kept as records so that each record's line is counted here (they are skipped below). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    /** For the fields of a record cut short by its budget: its last field may be an open quote. */
    private static final CSVFormat PREFIX = FORMAT.builder().setLenientEof(true).setTrailingData(true).get();
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([^)]+)\\)");

    private final int maxField;
    private final char delimiter;
    private final RecordBudget budget;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> header;
    private Row next;

    public CsvReader(Reader in) throws IOException {
        this(in, Integer.MAX_VALUE);
    }

    /** A reader that refuses a field longer than {@code maxField} characters, naming its line and column. */
    public CsvReader(Reader in, int maxField) throws IOException {
        this(in, maxField, ',');
    }

    /** The same with another delimiter: ';' is what Excel writes where the comma is the decimal separator (Vietnamese). */
    public CsvReader(Reader in, int maxField, char delimiter) throws IOException {
        this.maxField = maxField;
        this.delimiter = delimiter;
        this.budget = new RecordBudget(in, maxField == Integer.MAX_VALUE ? RecordBudget.UNLIMITED : (long) MAX_FIELDS * (2L * maxField + 3) + 2);
        this.parser = CSVParser.builder().setReader(budget).setFormat(FORMAT.builder().setDelimiter(delimiter).get()).get();
        this.records = parser.iterator();
        Row h = read(null);
        if (h == null) throw new CsvException(1, "the file is empty: a header line is expected");
        header = List.copyOf(h.values());
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
        Row row;
        do {
            row = read(header);
        } while (row != null && row.values().size() == 1 && row.values().get(0).isEmpty()); // blank lines
        next = row;
    }

    /** The next record, checked against the limits; {@code names} null while reading the header itself. */
    private Row read(List<String> names) {
        int start = (int) parser.getCurrentLineNumber() + 1;
        budget.nextRecord();
        CSVRecord record;
        try {
            record = records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause(), start, names);
        }
        if (record == null) return null;
        List<String> values = record.toList();
        check(values, start, names);
        return new Row(start, columns, values);
    }

    private void check(List<String> values, int line, List<String> names) {
        for (int i = 0; i < values.size(); i++) {
            if (i == MAX_FIELDS) throw new CsvException(line, "has more than " + MAX_FIELDS + " fields");
            if (values.get(i).length() > maxField) {
                String column = names == null ? "column " + (i + 1) + " of the header"
                        : i < names.size() ? names.get(i).strip() : "column " + (i + 1);
                throw new FieldTooLongException(line, column, maxField);
            }
        }
    }

    /** The library's reason for stopping, in the import's words, at the line it concerns. */
    private CsvException refusal(IOException cause, int start, List<String> names) {
        int line = (int) parser.getCurrentLineNumber();
        if (cause instanceof RecordBudget.Exceeded) return overBudget(start, names);
        if (cause instanceof CharacterCodingException) return new CsvException(line, "is not valid UTF-8: save the file as UTF-8");
        String message = String.valueOf(cause.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            Matcher m = START_LINE.matcher(message);
            String digits = m.find() ? m.group(1).replaceAll("\\D", "") : "";
            return new CsvException(digits.isEmpty() ? start : Integer.parseInt(digits), "a quoted field is not closed before the end of the file");
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return new CsvException(line, "unexpected character after a closing quote");
        }
        if (cause instanceof org.apache.commons.csv.CSVException) return new CsvException(line, "is not valid CSV: " + message);
        return new CsvException(line, "cannot read: " + message);
    }

    /** The record cut short by its budget, read again by the library: which limit it broke. */
    private CsvException overBudget(int start, List<String> names) {
        try (CSVParser prefix = CSVParser.builder().setReader(new StringReader(budget.record())).setFormat(PREFIX.builder().setDelimiter(delimiter).get()).get()) {
            check(prefix.iterator().next().toList(), start, names);
        } catch (CsvException broken) {
            return broken;
        } catch (IOException | UncheckedIOException | NoSuchElementException e) {
            // nothing to name: the message below
        }
        return new CsvException(start, "is longer than " + budget.limit() + " characters, more than a record of fields within the limits");
    }

    @Override
    public void close() throws IOException { parser.close(); }
}
