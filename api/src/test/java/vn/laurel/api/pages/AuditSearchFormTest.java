package vn.laurel.api.pages;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision search form: dates as officials write them, the period's last day included, each bad field named. */
class AuditSearchFormTest {
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    static AuditSearchForm.Parsed parse(String... pairs) {
        Map<String, String> q = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) q.put(pairs[i], pairs[i + 1]);
        return AuditSearchForm.parse(q::get, VN);
    }

    @Test
    void an_empty_form_lists_the_newest_decisions_fifty_at_a_time() {
        AuditSearchForm.Parsed p = parse();
        assertThat(p.valid()).isTrue();
        assertThat(p.filtered()).isFalse();
        assertThat(p.search().offset()).isZero();
        assertThat(p.search().size()).isEqualTo(50);
        assertThat(p.search().subject()).isNull();
        assertThat(p.search().from()).isNull();
    }

    @Test
    void dates_are_read_in_vietnamese_or_iso_and_the_last_day_is_included() {
        AuditSearchForm.Parsed p = parse("from", "01/01/2026", "to", "2026-01-31");
        assertThat(p.valid()).isTrue();
        assertThat(p.search().from()).isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
        assertThat(p.search().to()).isEqualTo(Instant.parse("2026-01-31T17:00:00Z"));
        assertThat(AuditSearchForm.date("5/1/2026")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(parse("from", "15/01/2026", "to", "15/01/2026").valid()).isTrue();
    }

    @Test
    void an_impossible_date_or_a_period_backwards_names_its_field() {
        assertThat(parse("from", "31/02/2025").errors()).containsExactly(Map.entry("from", "audit.error.date"));
        assertThat(parse("to", "2025-13-01").errors()).containsExactly(Map.entry("to", "audit.error.date"));
        assertThat(parse("from", "01/01/1800").errors()).containsKey("from");
        assertThat(parse("from", "tomorrow").errors()).containsKey("from");
        assertThat(parse("from", "02/01/2026", "to", "01/01/2026").errors()).containsExactly(Map.entry("to", "audit.error.period"));
    }

    @Test
    void texts_too_long_or_with_control_characters_and_unknown_outcomes_are_refused() {
        assertThat(parse("subject", "P".repeat(201)).errors()).containsExactly(Map.entry("subject", "audit.error.tooLong"));
        assertThat(parse("subject", "P-0001\u0000").errors()).containsExactly(Map.entry("subject", "audit.error.text"));
        assertThat(parse("subject", "P-\ud800").errors()).containsExactly(Map.entry("subject", "audit.error.text"));
        assertThat(parse("rulesetVersion", "x".repeat(201)).errors()).containsKey("rulesetVersion");
        assertThat(parse("outcome", "MAYBE").errors()).containsExactly(Map.entry("outcome", "audit.error.outcome"));
        assertThat(parse("award", "' OR 1=1 --").errors()).containsExactly(Map.entry("award", "audit.error.award"));
        assertThat(parse("page", "-1").errors()).containsKey("page");
        assertThat(parse("size", "501").errors()).containsKey("size");
        assertThat(parse("page", "99999999999").errors()).containsKey("page");
    }

    @Test
    void a_valid_search_keeps_its_criteria_and_pages_on() {
        AuditSearchForm.Parsed p = parse("subject", " P-0001 ", "award", "ADVANCED_LABORER", "outcome", "ELIGIBLE", "page", "2", "size", "10");
        assertThat(p.valid()).isTrue();
        assertThat(p.filtered()).isTrue();
        assertThat(p.search().subject()).isEqualTo("P-0001");
        assertThat(p.search().award()).isEqualTo("ADVANCED_LABORER");
        assertThat(p.search().outcome()).isEqualTo("ELIGIBLE");
        assertThat(p.search().offset()).isEqualTo(20);
        assertThat(p.search().size()).isEqualTo(10);
        assertThat(AuditPages.pageUrl(p.values(), 3)).isEqualTo("/audit?subject=P-0001&award=ADVANCED_LABORER&outcome=ELIGIBLE&size=10&page=3");
    }

    @Test
    void a_vietnamese_subject_id_typed_decomposed_is_searched_composed() {
        String decomposed = java.text.Normalizer.normalize("ĐV-HOÀ", java.text.Normalizer.Form.NFD);
        assertThat(parse("subject", decomposed).search().subject()).isEqualTo("ĐV-HOÀ");
    }

    @Test
    void versions_are_shortened_to_twelve_digits() {
        assertThat(AuditViews.shortVersion("sha256:0123456789abcdef0123")).isEqualTo("0123456789ab");
        assertThat(AuditViews.shortVersion("v1")).isEqualTo("v1");
        assertThat(AuditPages.key("12")).isEqualTo(12L);
        assertThat(AuditPages.key("0")).isNull();
        assertThat(AuditPages.key("١٢")).isNull();
        assertThat(AuditPages.key("9".repeat(19))).isNull();
    }
}
