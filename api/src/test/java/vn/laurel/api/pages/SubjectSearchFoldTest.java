package vn.laurel.api.pages;

import org.junit.jupiter.api.Test;
import vn.laurel.api.store.SubjectSearch;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectSearchFoldTest {
    @Test
    void names_fold_to_lower_case_without_diacritics() {
        assertThat(SubjectSearch.fold("Nguyễn Thị Hoa")).isEqualTo("nguyen thi hoa");
        assertThat(SubjectSearch.fold("ĐÀO Đức Thắng")).isEqualTo("dao duc thang");
        // decomposed input folds alike
        assertThat(SubjectSearch.fold(java.text.Normalizer.normalize("Phạm Quốc Huy", java.text.Normalizer.Form.NFD))).isEqualTo("pham quoc huy");
        assertThat(SubjectSearch.fold(null)).isEmpty();
    }
}
