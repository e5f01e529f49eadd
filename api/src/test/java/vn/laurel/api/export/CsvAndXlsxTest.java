package vn.laurel.api.export;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The two file formats of a table, written and read back. */
class CsvAndXlsxTest {
    static final Table TABLE = new Table("Danh sách", List.of("Danh sách xét Chiến sĩ thi đua cơ sở năm 2025", "Đơn vị: Sở (minh hoạ)"),
            List.of("Mã", "Họ và tên", "Đơn vị", "Thứ hạng trong tỷ lệ"),
            List.of(Arrays.asList("P-0001", "Nguyễn Thị Hoa", "Trung tâm Thông tin, Thống kê", 3),
                    Arrays.asList("P-0002", "=HYPERLINK(\"http://x\")", "Văn phòng \"Sở\"\nhai dòng", null)));

    @Test
    void csv_for_people_starts_with_a_bom_quotes_what_needs_it_and_defuses_formulas() {
        byte[] bytes = Csv.write(TABLE, true);
        ExportFiles.CsvFile f = ExportFiles.csv(bytes);
        assertThat(f.bom()).isTrue();
        assertThat(f.header()).containsExactly("Mã", "Họ và tên", "Đơn vị", "Thứ hạng trong tỷ lệ");
        assertThat(f.rows()).containsExactly(
                List.of("P-0001", "Nguyễn Thị Hoa", "Trung tâm Thông tin, Thống kê", "3"),
                List.of("P-0002", "'=HYPERLINK(\"http://x\")", "Văn phòng \"Sở\"\nhai dòng", ""));
        assertThat(new String(Csv.write(TABLE, false), StandardCharsets.UTF_8)).startsWith("Mã,Họ và tên,");
    }

    @Test
    void xlsx_has_the_title_a_bold_frozen_header_sized_columns_and_numbers_as_numbers() {
        ExportFiles.Workbook w = ExportFiles.xlsx(Xlsx.write(TABLE));
        assertThat(w.sheetName()).isEqualTo("Danh sách");
        assertThat(w.title()).containsExactly("Danh sách xét Chiến sĩ thi đua cơ sở năm 2025", "Đơn vị: Sở (minh hoạ)");
        assertThat(w.header()).containsExactly("Mã", "Họ và tên", "Đơn vị", "Thứ hạng trong tỷ lệ");
        assertThat(w.headerBold()).isTrue();
        assertThat(w.frozenRows()).isEqualTo(4); // two title lines, a blank line, the header
        assertThat(w.rows()).containsExactly(
                List.of("P-0001", "Nguyễn Thị Hoa", "Trung tâm Thông tin, Thống kê", "3"),
                // a spreadsheet cell written as text is never a formula
                List.of("P-0002", "=HYPERLINK(\"http://x\")", "Văn phòng \"Sở\"\nhai dòng", ""));
        assertThat(w.rankIsNumeric()).isTrue();
        assertThat(w.widths().get(1)).isGreaterThanOrEqualTo("Nguyễn Thị Hoa".length());
        assertThat(w.widths().get(0)).isLessThan(w.widths().get(2));
    }

    @Test
    void the_file_name_is_kept_exactly_and_as_safe_ascii() {
        assertThat(Downloads.disposition("ĐV-HOÀ \"x\"/../a.xlsx"))
                .isEqualTo("attachment; filename=\"_V-HO___x__.._a.xlsx\"; filename*=UTF-8''%C4%90V-HO%C3%80%20%22x%22%2F..%2Fa.xlsx");
    }
}
