package vn.laurel.api.proposals;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proposal lists as an Excel workbook: a sheet per list (title, the header frozen, the rows in the list's order,
 * after each award its subtotal and at the end the overall total), then the cover summary by award of every
 * list. Lists are short (a unit's proposals for a year), so the whole workbook is built in memory.
 */
public final class ProposalWorkbook {
    private static final int[] WIDTHS = {6, 30, 40, 36, 10, 60, 18, 12};

    private ProposalWorkbook() {}

    @SuppressWarnings("unchecked")
    public static byte[] write(List<Map<String, Object>> lists, ProposalViews views, String lang) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = bold(book, false), heading = bold(book, true);
            List<String> header = List.of(views.text(lang, "proposals.col.no"), views.text(lang, "proposals.col.name"),
                    views.text(lang, "proposals.col.unit"), views.text(lang, "proposals.col.award"), views.text(lang, "proposals.col.year"),
                    views.text(lang, "proposals.col.facts"), views.text(lang, "proposals.col.ballot"), views.text(lang, "proposals.col.council"));
            int n = 0;
            for (Map<String, Object> l : lists) {
                n++;
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(views.text(lang, "proposals.xlsx.sheet", n)));
                int r = 0;
                r = line(sheet, r, views.text(lang, "proposals.list.heading", l.get("year")), heading);
                r = line(sheet, r, views.text(lang, "proposals.list.to", l.get("authorityName")), bold);
                r = line(sheet, r, views.text(lang, "proposals.list.from", l.get("unitName"), l.get("asOfText"), l.get("id")), null);
                r = line(sheet, r, (String) l.get("form"), null);
                r++;
                int headerRow = r;
                Row h = sheet.createRow(r++);
                for (int i = 0; i < header.size(); i++) text(h, i, header.get(i), bold);
                List<Map<String, Object>> rows = (List<Map<String, Object>>) l.get("rows");
                Map<String, Object> totals = (Map<String, Object>) l.get("totals");
                String award = null;
                for (Map<String, Object> row : rows) {
                    if (award != null && !award.equals(row.get("award"))) r = subtotal(sheet, r, totals, award, views, lang, bold);
                    award = (String) row.get("award");
                    Row x = sheet.createRow(r++);
                    x.createCell(0).setCellValue(((Number) row.get("no")).doubleValue());
                    text(x, 1, (String) row.get("name"), null);
                    text(x, 2, (String) row.get("unitName"), null);
                    text(x, 3, (String) row.get("awardName"), null);
                    x.createCell(4).setCellValue(((Number) row.get("year")).doubleValue());
                    text(x, 5, (String) row.get("facts"), null);
                    Map<String, Object> ballot = (Map<String, Object>) row.get("ballot");
                    text(x, 6, ballot == null ? "" : (String) ballot.get("text"), null);
                    // The council that voted; the decision id stays on the screen (an internal reference, not sent).
                    text(x, 7, ballot == null ? "" : (String) ballot.get("council"), null);
                }
                if (award != null) r = subtotal(sheet, r, totals, award, views, lang, bold);
                Row total = sheet.createRow(r);
                text(total, 1, views.text(lang, "proposals.total.all"), bold);
                text(total, 5, views.text(lang, "proposals.total.count", totals.get("total"), totals.get("persons"), totals.get("collectives")), bold);
                sheet.createFreezePane(0, headerRow + 1);
                for (int i = 0; i < WIDTHS.length; i++) sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }
            cover(book, lists, views, lang, bold, heading);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static int subtotal(Sheet sheet, int r, Map<String, Object> totals, String award, ProposalViews views, String lang, CellStyle bold) {
        for (Map<String, Object> a : (List<Map<String, Object>>) totals.get("awards")) {
            if (!award.equals(a.get("award"))) continue;
            Row x = sheet.createRow(r++);
            text(x, 1, views.text(lang, "proposals.total.award", a.get("awardName")), bold);
            text(x, 5, views.text(lang, "proposals.total.count", a.get("total"), a.get("persons"), a.get("collectives")), bold);
        }
        return r;
    }

    /** The cover summary: per list and award, persons, collectives and both; then each list's total. */
    @SuppressWarnings("unchecked")
    private static void cover(XSSFWorkbook book, List<Map<String, Object>> lists, ProposalViews views, String lang, CellStyle bold, CellStyle heading) {
        Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(views.text(lang, "proposals.xlsx.cover")));
        // The national heading opposite the preparing unit, as an official document opens.
        String unit = lists.isEmpty() ? "" : String.valueOf(lists.get(0).get("unitName"));
        Row n1 = sheet.createRow(0);
        text(n1, 0, unit.toUpperCase(Locale.ROOT), bold);
        text(n1, 1, views.text(lang, "proposals.print.nation"), bold);
        Row n2 = sheet.createRow(1);
        text(n2, 1, views.text(lang, "proposals.print.motto"), bold);
        Row n3 = sheet.createRow(2);
        text(n3, 1, lists.isEmpty() ? "" : String.valueOf(lists.get(0).get("placeDate")), null);
        int r = line(sheet, 4, views.text(lang, "proposals.cover.heading"), heading);
        r++;
        int headerRow = r;
        Row h = sheet.createRow(r++);
        List<String> header = List.of(views.text(lang, "proposals.cover.authority"), views.text(lang, "proposals.col.award"),
                views.text(lang, "proposals.cover.persons"), views.text(lang, "proposals.cover.collectives"), views.text(lang, "proposals.cover.total"));
        for (int i = 0; i < header.size(); i++) text(h, i, header.get(i), bold);
        for (Map<String, Object> l : lists) {
            Map<String, Object> totals = (Map<String, Object>) l.get("totals");
            for (Map<String, Object> a : (List<Map<String, Object>>) totals.get("awards")) {
                Row x = sheet.createRow(r++);
                text(x, 0, (String) l.get("authorityName"), null);
                text(x, 1, (String) a.get("awardName"), null);
                number(x, 2, a.get("persons"));
                number(x, 3, a.get("collectives"));
                number(x, 4, a.get("total"));
            }
            Row x = sheet.createRow(r++);
            text(x, 0, (String) l.get("authorityName"), bold);
            text(x, 1, views.text(lang, "proposals.total.all"), bold);
            number(x, 2, totals.get("persons"));
            number(x, 3, totals.get("collectives"));
            number(x, 4, totals.get("total"));
        }
        r++;
        Row sign = sheet.createRow(r++);
        text(sign, 0, views.text(lang, "proposals.print.preparer"), bold);
        text(sign, 1, views.text(lang, "proposals.print.head"), bold);
        Row hint = sheet.createRow(r++);
        text(hint, 0, views.text(lang, "proposals.print.signHint"), null);
        text(hint, 1, views.text(lang, "proposals.print.signSealHint"), null);
        sheet.createFreezePane(0, headerRow + 1);
        int[] widths = {50, 40, 10, 10, 10};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
    }

    private static int line(Sheet sheet, int r, String text, CellStyle style) {
        Cell c = sheet.createRow(r).createCell(0);
        c.setCellValue(text);
        if (style != null) c.setCellStyle(style);
        return r + 1;
    }

    private static void text(Row row, int i, String value, CellStyle style) {
        Cell c = row.createCell(i);
        c.setCellValue(value == null ? "" : value.length() <= 32_767 ? value : value.substring(0, 32_766) + "…");
        if (style != null) c.setCellStyle(style);
    }

    private static void number(Row row, int i, Object value) {
        row.createCell(i).setCellValue(((Number) value).doubleValue());
    }

    private static CellStyle bold(XSSFWorkbook book, boolean larger) {
        Font font = book.createFont();
        font.setBold(true);
        if (larger) font.setFontHeightInPoints((short) 13);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }
}
