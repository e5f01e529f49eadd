package vn.laurel.api.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as CSV (RFC 4180 quoting, one header line, LF line ends), in UTF-8. For people the file
 * starts with a byte order mark: without it Excel reads UTF-8 as the local code page and
 * "Nguyễn Thị Hoa" comes out as mojibake.
 */
public final class Csv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {}

    public static byte[] write(Table table, boolean bom) {
        StringBuilder out = new StringBuilder();
        line(out, table.header());
        for (List<Object> row : table.rows()) line(out, row);
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        if (!bom) return text;
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            Object v = cells.get(i);
            out.append(v instanceof Number n ? n.toString() : cell(v == null ? null : v.toString()));
        }
        out.append('\n');
    }

    /**
     * A text field, quoted when needed. A leading {@code = + - @} is prefixed with an apostrophe, so a
     * spreadsheet opening the file shows the text rather than running it as a formula.
     */
    public static String cell(String v) {
        if (v == null) return "";
        String s = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
