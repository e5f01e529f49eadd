package vn.laurel.api.export;

import java.util.List;

/**
 * A table to hand over as a file: a few lines of title (what it is a list of: unit, award, year), a
 * header row and the rows. A cell is a String, a Number or null; numbers stay numbers in a spreadsheet.
 * The header and the title are already in the reader's language.
 *
 * @param sheet  the name of the spreadsheet's sheet
 * @param title  lines above the header in a spreadsheet (a CSV file has none: its first line is the header)
 * @param widths the width of each column in characters, or null to size columns from their contents
 */
public record Table(String sheet, List<String> title, List<String> header, List<List<Object>> rows, int[] widths) {
    public Table {
        title = List.copyOf(title);
        header = List.copyOf(header);
    }

    public Table(String sheet, List<String> title, List<String> header, List<List<Object>> rows) {
        this(sheet, title, header, rows, null);
    }
}
