package vn.laurel.api.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSV reader of imports: RFC 4180 records with the line each starts on, and every refusal with
 * the line (and, for a field too long, the column) that the import's error names.
 */
class CsvReaderTest {
    static List<CsvReader.Row> rows(String text) throws IOException {
        return rows(new StringReader(text), Integer.MAX_VALUE);
    }

    static List<CsvReader.Row> rows(Reader in, int maxField) throws IOException {
        try (CsvReader csv = new CsvReader(in, maxField)) {
            List<CsvReader.Row> rows = new ArrayList<>();
            while (csv.hasNext()) rows.add(csv.next());
            return rows;
        }
    }

    @Test
    void reads_the_header_and_each_record_with_the_line_it_starts_on() throws IOException {
        String text = "subject, year ,rating\nP-1,2025,GOOD\n\"P-2\",\"20\"\"25\",\"a, b\nc\"\nP-3,2024,EXCELLENT";
        try (CsvReader csv = new CsvReader(new StringReader(text))) {
            assertThat(csv.header()).containsExactly("subject", " year ", "rating");
            List<CsvReader.Row> rows = new ArrayList<>();
            csv.forEachRemaining(rows::add);
            assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2, 3, 5);
            assertThat(rows.get(1).values()).containsExactly("P-2", "20\"25", "a, b\nc");
            assertThat(rows.get(2).get("year")).as("a header name is matched stripped").isEqualTo("2024");
        }
    }

    @Test
    void a_value_is_stripped_and_an_empty_or_absent_one_is_null() throws IOException {
        CsvReader.Row row = rows("a,b,c\n  x  ,   \n").get(0);
        assertThat(row.get("a")).isEqualTo("x");
        assertThat(row.get("b")).isNull();
        assertThat(row.get("c")).as("beyond the record's fields").isNull();
        assertThat(row.get("nope")).isNull();
        assertThat(row.values()).containsExactly("  x  ", "   ");
    }

    @Test
    void crlf_line_ends_a_byte_order_mark_blank_lines_and_a_missing_last_line_end_are_read() throws IOException {
        List<CsvReader.Row> rows = rows("\uFEFFa,b\r\n1,2\r\n\r\n\n3,4\r\n5,");
        assertThat(rows).extracting(CsvReader.Row::line).containsExactly(2, 5, 6);
        assertThat(rows).extracting(CsvReader.Row::values).containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5", ""));
        try (CsvReader csv = new CsvReader(new StringReader("\uFEFFsubject,year\n"))) {
            assertThat(csv.header()).containsExactly("subject", "year");
            assertThat(csv.hasNext()).isFalse();
        }
    }

    @Test
    void an_empty_file_or_one_of_only_a_byte_order_mark_has_no_header() {
        for (String text : List.of("", "\uFEFF")) {
            assertThatThrownBy(() -> new CsvReader(new StringReader(text)))
                    .isInstanceOf(CsvException.class)
                    .hasMessage("line 1: the file is empty: a header line is expected")
                    .extracting(e -> ((CsvException) e).getLine()).isEqualTo(1);
        }
    }

    @Test
    void a_quote_not_closed_is_refused_at_the_line_where_it_opened() {
        assertThatThrownBy(() -> rows("a,b\n1,2\n3,\"four\nfive\n"))
                .isInstanceOf(CsvException.class)
                .hasMessage("line 3: a quoted field is not closed before the end of the file");
    }

    @Test
    void a_character_after_a_closing_quote_is_refused_at_its_line() {
        assertThatThrownBy(() -> rows("a,b\n1,2\n\"x\ny\"z,3\n"))
                .isInstanceOf(CsvException.class)
                .hasMessage("line 4: unexpected character after a closing quote");
    }

    @Test
    void a_field_longer_than_the_limit_is_refused_naming_its_line_and_column() throws IOException {
        assertThat(rows(new StringReader("a,b\n1,12345\n"), 5)).hasSize(1);
        assertThatThrownBy(() -> rows(new StringReader("subject,rating\nP-1,GOOD\nP-2,12345678\n"), 7))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("rating");
                    assertThat(e).hasMessage("line 3: is longer than 7 characters, the limit for one field");
                });
        assertThatThrownBy(() -> rows(new StringReader("a, b \n1,\"12\"\"345\"\n"), 5))
                .as("a doubled quote counts once; the column is named as the header names it, stripped")
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> assertThat(e.column()).isEqualTo("b"));
        assertThatThrownBy(() -> rows(new StringReader("a,b\n1,2,123456\n"), 5))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> assertThat(e.column()).isEqualTo("column 3"));
        assertThatThrownBy(() -> rows(new StringReader("a,bbbbbb\n"), 5))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo("column 2 of the header");
                });
    }

    @Test
    void an_endless_field_is_refused_while_it_streams_in_not_held_whole() {
        assertThatThrownBy(() -> rows(endless("subject,rating\nP-1,", 'G'), 100))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> {
                    assertThat(e.getLine()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("rating");
                });
        assertThatThrownBy(() -> rows(endless("subject,rating\nP-1,\"", 'G'), 100))
                .as("quoted")
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> assertThat(e.column()).isEqualTo("rating"));
        assertThatThrownBy(() -> rows(endless("", 'H'), 100))
                .isInstanceOfSatisfying(FieldTooLongException.class, e -> assertThat(e.column()).isEqualTo("column 1 of the header"));
    }

    @Test
    void a_record_of_more_fields_than_any_file_has_columns_is_refused() throws IOException {
        assertThat(rows("a\n" + ",".repeat(CsvReader.MAX_FIELDS - 1) + "\n").get(0).values()).hasSize(CsvReader.MAX_FIELDS);
        assertThatThrownBy(() -> rows("a\n" + ",".repeat(CsvReader.MAX_FIELDS) + "\n"))
                .isInstanceOf(CsvException.class)
                .hasMessage("line 2: has more than 1000 fields");
        assertThatThrownBy(() -> rows(endless("a\nx", ','), 100))
                .as("a line of commas without end")
                .isInstanceOf(CsvException.class)
                .hasMessage("line 2: has more than 1000 fields");
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_naming_the_line() {
        byte[] bytes = "a,b\n1,2\n3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        assertThatThrownBy(() -> rows(new InputStreamReader(new ByteArrayInputStream(bytes), decoder), 100))
                .isInstanceOf(CsvException.class)
                .hasMessageEndingWith("is not valid UTF-8: save the file as UTF-8");
    }

    /** A text, then one character for ever. */
    static Reader endless(String start, char repeated) {
        return new Reader() {
            int at;

            @Override
            public int read(char[] buf, int off, int len) {
                for (int i = 0; i < len; i++, at++) buf[off + i] = at < start.length() ? start.charAt(at) : repeated;
                return len;
            }

            @Override
            public void close() {}
        };
    }
}
