package vn.laurel.api.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.laurel.api.csv.CsvReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Exported files read back as a person's spreadsheet program would show them: every cell as text. */
public final class ExportFiles {
    private ExportFiles() {}

    /**
     * A workbook's first sheet: the title lines above the header, the header (the last frozen row),
     * whether the header is bold, and the rows below it.
     */
    public record Workbook(String sheetName, List<String> title, List<String> header, boolean headerBold, int frozenRows,
                           List<List<String>> rows, List<Integer> widths, boolean rankIsNumeric) {}

    public record CsvFile(boolean bom, List<String> header, List<List<String>> rows, String text) {}

    public static Workbook xlsx(byte[] bytes) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            PaneInformation pane = sheet.getPaneInformation();
            int frozen = pane == null || !pane.isFreezePane() ? 0 : pane.getHorizontalSplitPosition();
            int headerIndex = frozen - 1;
            DataFormatter format = new DataFormatter();
            List<String> title = new ArrayList<>();
            for (int r = 0; r < headerIndex; r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null) title.add(format.formatCellValue(row.getCell(0)));
            }
            Row head = sheet.getRow(headerIndex);
            List<String> header = new ArrayList<>();
            for (Cell c : head) header.add(format.formatCellValue(c));
            boolean bold = book.getFontAt(head.getCell(0).getCellStyle().getFontIndex()).getBold();
            List<List<String>> rows = new ArrayList<>();
            boolean numeric = true;
            for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    Cell c = row == null ? null : row.getCell(i);
                    cells.add(c == null ? "" : format.formatCellValue(c));
                    boolean rank = header.get(i).toLowerCase().contains("rank") || header.get(i).contains("Thứ hạng");
                    if (rank && c != null) numeric &= c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
                }
                rows.add(cells);
            }
            List<Integer> widths = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) widths.add(sheet.getColumnWidth(i) / 256);
            return new Workbook(sheet.getSheetName(), title, header, bold, frozen, rows, widths, numeric);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvFile csv(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        try (CsvReader reader = new CsvReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            while (reader.hasNext()) rows.add(new ArrayList<>(reader.next().values()));
            return new CsvFile(bom, reader.header(), rows, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of cells, for readable assertions. */
    public static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }
}
