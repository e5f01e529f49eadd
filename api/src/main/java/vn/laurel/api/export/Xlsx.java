package vn.laurel.api.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A table as an Excel workbook (XLSX), written with POI's streaming workbook so that a long list keeps
 * only a window of rows in memory: the title lines in bold, then the header row (bold, frozen, with a
 * filter) and the rows; each column as wide as its contents, within bounds.
 */
public final class Xlsx {
    /** Rows kept in memory while writing; the rest are flushed to a temporary file. */
    private static final int WINDOW = 200;
    private static final int MIN_WIDTH = 6, MAX_WIDTH = 80;

    private Xlsx() {}

    public static byte[] write(Table table) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
            CellStyle bold = bold(book, false);
            CellStyle heading = bold(book, true);
            int columns = table.header().size();
            int[] widths = new int[columns];
            int r = 0;
            for (String line : table.title()) {
                Cell c = sheet.createRow(r++).createCell(0);
                c.setCellValue(cell(line));
                c.setCellStyle(r == 1 ? heading : bold);
            }
            if (!table.title().isEmpty()) r++; // a blank line between the title and the table
            int headerRow = r;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < columns; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(table.header().get(i));
                c.setCellStyle(bold);
                widths[i] = Math.max(widths[i], table.header().get(i).length() + 3); // room for the filter's button
            }
            for (List<Object> cells : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < Math.min(columns, cells.size()); i++) {
                    Object v = cells.get(i);
                    if (v == null) continue;
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) c.setCellValue(n.doubleValue());
                    else c.setCellValue(cell(v.toString())); // always text: a value starting with "=" is not a formula here
                    widths[i] = Math.max(widths[i], v.toString().length());
                }
            }
            sheet.createFreezePane(0, headerRow + 1);
            if (columns > 0) sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, columns - 1));
            for (int i = 0; i < columns; i++) {
                int chars = table.widths() != null && i < table.widths().length ? table.widths()[i] : widths[i] + 2;
                sheet.setColumnWidth(i, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars)) * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        } finally {
            book.dispose(); // the temporary file of the flushed rows
            try {
                book.close();
            } catch (IOException ignored) {
                // nothing was written to a stream of ours
            }
        }
    }

    private static CellStyle bold(SXSSFWorkbook book, boolean larger) {
        Font font = book.createFont();
        font.setBold(true);
        if (larger) font.setFontHeightInPoints((short) 13);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }

    /** Excel keeps at most 32 767 characters in a cell; a longer text is cut rather than refused. */
    static String cell(String text) {
        return text.length() <= 32_767 ? text : text.substring(0, 32_766) + "…";
    }
}
