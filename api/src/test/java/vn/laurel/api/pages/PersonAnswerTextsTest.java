package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import org.junit.jupiter.api.Test;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.store.StoredFact;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes and facts of an answer in words, the timeline, what is missing, the unit tree and shares: without a server. */
class PersonAnswerTextsTest {
    private static final Messages MESSAGES = new Messages();
    private static final RuleSet RULES = new RuleSet("v1", null, Instant.EPOCH, List.of(), List.of(),
            Map.of("ADVANCED_LABORER", new AwardDefinition("ADVANCED_LABORER", new Localized("Lao động tiên tiến", "Advanced Laborer"),
                            "EMULATION_TITLE", List.of(SubjectKind.PERSON)),
                    "LABOR_ORDER_THIRD_CLASS", new AwardDefinition("LABOR_ORDER_THIRD_CLASS",
                            new Localized("Huân chương Lao động hạng Ba", "Labour Order, Third Class"), "ORDER", List.of(SubjectKind.PERSON))),
            Map.of(), Map.of(), Map.of("EMULATION_PARTICIPATION", new Localized("Tích cực tham gia phong trào thi đua", "Active participation")));
    private final ValueTexts values = new ValueTexts(MESSAGES, () -> RULES);
    private final FactTexts facts = new FactTexts(values);
    private final AnswerViews views = new AnswerViews(MESSAGES, values, facts);

    @Test
    void values_and_requirements_are_said_in_words() {
        assertThat(values.value("EXCELLENT", "vi")).isEqualTo("hoàn thành xuất sắc nhiệm vụ");
        assertThat(values.value(null, "vi")).isEqualTo("chưa có dữ liệu");
        assertThat(values.value(null, "en")).isEqualTo("no data");
        assertThat(values.value(true, "vi")).isEqualTo("có");
        assertThat(values.value("ADVANCED_LABORER", "en")).isEqualTo("Advanced Laborer");
        assertThat(values.value(0.7358490566037735, "vi")).isEqualTo("73,6%");
        assertThat(values.value(0.5, "en")).isEqualTo("50.0%");
        assertThat(values.value(150_000_000, "vi")).isEqualTo("150.000.000");
        assertThat(values.value(2025, "vi")).isEqualTo("2025");
        assertThat(values.value(List.of(false, List.of(0, 5)), "vi")).isEqualTo("không; (0; 5)");
        assertThat(values.requirement(Map.of("operator", "AT_LEAST", "value", "GOOD"), "vi")).isEqualTo("hoàn thành tốt nhiệm vụ trở lên");
        assertThat(values.requirement(Map.of("operator", "ATTESTED", "value", true), "vi")).isEqualTo("được xác nhận");
        assertThat(values.requirement(Map.of("operator", "MORE_THAN", "value", 0.5), "vi")).isEqualTo("trên 50,0%");
        assertThat(values.requirement(Map.of("operator", "ANY_OF", "value", List.of(
                Map.of("operator", "EQUALS", "value", "EXCELLENT"),
                Map.of("operator", "ALL_OF", "value", List.of(Map.of("operator", "AT_LEAST", "value", 1), Map.of("operator", "NONE", "value", 0))))), "vi"))
                .isEqualTo("hoàn thành xuất sắc nhiệm vụ hoặc (1 trở lên và không có)");
        assertThat(values.confidence("RECALLED", "vi")).isEqualTo("chưa đối chiếu văn bản");
    }

    @Test
    void codes_inside_sentences_are_named_once() {
        assertThat(values.humanise("Thông tư 01/2024/TT-BNV (RECALLED); QĐ 86/2025/QĐ-UBND", "vi"))
                .isEqualTo("Thông tư 01/2024/TT-BNV (chưa đối chiếu văn bản); QĐ 86/2025/QĐ-UBND");
        assertThat(values.humanise("đã được tặng: không (chưa có LABOR_ORDER_THIRD_CLASS)", "vi"))
                .isEqualTo("đã được tặng: không (chưa có Huân chương Lao động hạng Ba)");
        // the English sentences say a rating's words and then its code: once is enough
        assertThat(values.humanise("rating for 2025: completed tasks well (GOOD); required: excellently completed tasks (EXCELLENT)", "en"))
                .isEqualTo("rating for 2025: completed tasks well; required: excellently completed tasks");
        assertThat(values.humanise("UNKNOWN_CODE stays", "vi")).isEqualTo("UNKNOWN_CODE stays");
    }

    @Test
    void sources_say_where_a_fact_came_from() {
        assertThat(values.source("import 1, ratings.csv row 11", "vi")).isEqualTo("lần nhập 1, tệp ratings.csv, dòng 11");
        assertThat(values.source("import 1, ratings.csv row 11", "en")).isEqualTo("import 1, ratings.csv row 11");
        assertThat(values.source("api PUT correcting rating:10 by clerk row 1", "vi")).isEqualTo("sửa rating:10 qua API bởi clerk");
        assertThat(values.source("api POST by clerk row 1", "en")).isEqualTo("entered through the API by clerk");
        assertThat(values.source(null, "vi")).isEqualTo("hồ sơ của đối tượng");
        assertThat(values.source("this evaluation", "vi")).isEqualTo("kết quả của chính lần xét này");
    }

    @Test
    void facts_are_said_with_their_year() {
        assertThat(facts.of("rating", "2025 EXCELLENT", "vi")).isEqualTo(new FactTexts.FactText(2025, "hoàn thành xuất sắc nhiệm vụ"));
        assertThat(facts.of("title", "2024 ADVANCED_LABORER (revoked)", "vi").text()).isEqualTo("Lao động tiên tiến (đã thu hồi)");
        assertThat(facts.of("commendation", "2023 LABOR_ORDER_THIRD_CLASS MERIT", "vi").text())
                .isEqualTo("Huân chương Lao động hạng Ba (khen thưởng thành tích)");
        assertThat(facts.of("initiative", "2024 SCIENCE_PROJECT MINISTERIAL_PROVINCIAL", "vi").text()).isEqualTo("Đề tài khoa học, cấp bộ, ngành, tỉnh");
        assertThat(facts.of("absence", "2022 12 days", "vi").text()).isEqualTo("12 ngày");
        assertThat(facts.of("attestation", "2025 EMULATION_PARTICIPATION=true", "vi").text()).isEqualTo("Tích cực tham gia phong trào thi đua: có");
        assertThat(facts.of("discipline", "REPRIMAND 2020-03-01 until 2021-03-01", "vi"))
                .isEqualTo(new FactTexts.FactText(2020, "Khiển trách, quyết định ngày 01/03/2020, đến 01/03/2021"));
        assertThat(facts.of("discipline", "PENDING since 2025-05-02", "en")).isEqualTo(new FactTexts.FactText(2025, "pending since 2025-05-02"));
        assertThat(facts.of("clusterRanking", "2025 HN-CUM rank 1", "vi").text()).isEqualTo("cụm HN-CUM: xếp hạng 1");
        assertThat(facts.of("subject", "PERSON hiredOn 2012-09-01", "vi").text()).isEqualTo("Cá nhân; Ngày tuyển dụng: 01/09/2012");
        assertThat(facts.of("member", "ADVANCED_LABORER 2025", "vi")).isEqualTo(new FactTexts.FactText(2025, "Lao động tiên tiến"));
        assertThat(facts.of("decision", "ADVANCED_LABORER 2025 ELIGIBLE", "vi").text()).isEqualTo("Lao động tiên tiến: Đủ điều kiện");
        assertThat(facts.of("rating", "something else", "vi")).isEqualTo(new FactTexts.FactText(null, "something else"));
    }

    @Test
    void the_timeline_groups_ten_years_by_kind_with_corrections() {
        List<Map<String, Object>> answerFacts = List.of(
                fact("subject", "P-1", null, "PERSON"),
                fact("attestation", "attestation:3", "import 1, attestations.csv row 4", "2025 EMULATION_PARTICIPATION=true"),
                fact("rating", "rating:2", "api PUT correcting rating:1 by clerk row 1", "2025 GOOD"),
                fact("rating", "rating:9", "import 1, ratings.csv row 9", "2010 GOOD"));
        StoredFact earlier = new StoredFact("ratings", 1, Map.of("rating_year", 2025, "rating", "COMPLETED"), "import 1, ratings.csv row 2",
                Instant.parse("2026-01-01T00:00:00Z"), "import", 1L, Instant.parse("2026-02-03T10:00:00Z"), 2L);
        Timeline t = Timeline.of(answerFacts, 2025, "vi", facts, values, Map.of("rating:2", List.of(earlier)));
        assertThat(t.from()).isEqualTo(2016);
        assertThat(t.years()).hasSize(10);
        assertThat(t.years().get(0).year()).isEqualTo(2025);
        assertThat(t.years().get(1).isEmpty()).isTrue();
        Timeline.Year y = t.years().get(0);
        assertThat(y.kinds()).extracting(Timeline.Kind::type).containsExactly("rating", "attestation");
        Timeline.Entry rating = y.kinds().get(0).entries().get(0);
        assertThat(rating.anchor()).isEqualTo("fact-rating-2");
        assertThat(rating.corrected()).isTrue();
        assertThat(rating.earlier()).containsExactly(new Timeline.Earlier("hoàn thành nhiệm vụ", "lần nhập 1, tệp ratings.csv, dòng 2", "03/02/2026"));
        assertThat(t.anchors()).containsExactlyInAnyOrder("fact-rating-2", "fact-attestation-3"); // 2010 is beyond ten years
        assertThat(Timeline.anchor("x:<y> z")).isEqualTo("fact-x--y--z");
    }

    @Test
    void an_award_out_of_reach_names_what_is_missing_and_evidence_links_to_the_timeline() {
        Map<String, Object> award = Map.of("award", "ADVANCED_LABORER", "name", "Lao động tiên tiến", "outcome", "NOT_ELIGIBLE",
                "criteria", List.of(
                        criterion("RATING", "NOT_MET", "Mức độ hoàn thành nhiệm vụ năm 2025: hoàn thành nhiệm vụ; yêu cầu: … — không đạt",
                                Map.of("operator", "AT_LEAST", "value", "GOOD"), List.of(Map.of("type", "rating", "factId", "rating:2",
                                        "source", "import 1, ratings.csv row 3", "summary", "2025 COMPLETED"))),
                        criterion("PARTICIPATION", "NEEDS_REVIEW", "Tích cực tham gia phong trào thi đua năm 2025 (xác nhận): chưa có dữ liệu",
                                Map.of("operator", "ATTESTED", "value", true), List.of()),
                        criterion("SHARE", "NEEDS_REVIEW", "Cá nhân trong tập thể năm 2025 — 0; yêu cầu: …",
                                Map.of("operator", "AT_LEAST", "value", 1), List.of(Map.of("type", "member", "factId", "P-7", "summary", "ADVANCED_LABORER 2025")))));
        AnswerViews.AwardView v = views.awards(List.of(award), "vi", Set.of("fact-rating-2"), 2025).get(0);
        assertThat(v.missing()).isEqualTo("Chưa đạt: Mức độ hoàn thành nhiệm vụ năm 2025. "
                + "Cần xác nhận: Tích cực tham gia phong trào thi đua năm 2025 (xác nhận). Cần xem xét: Cá nhân trong tập thể năm 2025.");
        assertThat(v.criteria().get(0).evidence()).containsExactly(new AnswerViews.EvidenceView("Mức độ hoàn thành nhiệm vụ",
                "2025 — hoàn thành nhiệm vụ", "lần nhập 1, tệp ratings.csv, dòng 3", "#fact-rating-2"));
        assertThat(v.criteria().get(2).evidence().get(0).href()).isEqualTo("/people/P-7?year=2025");
        assertThat(v.criteria().get(0).actual()).isEqualTo("chưa có dữ liệu");
        assertThat(views.awards(List.of(Map.of("award", "X", "outcome", "ELIGIBLE", "criteria", List.of())), "vi").get(0).missing()).isNull();
    }

    @Test
    void the_tree_starts_at_the_visible_roots_and_shares_are_read_from_composites() {
        Map<String, UnitDirectory.Unit> all = new LinkedHashMap<>();
        all.put("A", new UnitDirectory.Unit("A", "Sở", null));
        all.put("A-1", new UnitDirectory.Unit("A-1", "Phòng 1", "A"));
        all.put("A-1-x", new UnitDirectory.Unit("A-1-x", "Tổ x", "A-1"));
        all.put("A-2", new UnitDirectory.Unit("A-2", "Phòng 2", "A"));
        UnitViews units = new UnitViews(MESSAGES, values);
        List<UnitViews.Node> whole = units.tree(all, Optional.empty());
        assertThat(whole).extracting(UnitViews.Node::code).containsExactly("A");
        assertThat(whole.get(0).children()).extracting(UnitViews.Node::code).containsExactly("A-1", "A-2");
        List<UnitViews.Node> scoped = units.tree(all, Optional.of(Set.of("A-1", "A-1-x")));
        assertThat(scoped).extracting(UnitViews.Node::code).containsExactly("A-1");
        assertThat(scoped.get(0).children()).extracting(UnitViews.Node::code).containsExactly("A-1-x");

        Map<String, Object> award = Map.of("award", "EXCELLENT_LABOR_COLLECTIVE", "name", "Tập thể lao động xuất sắc", "outcome", "ELIGIBLE",
                "criteria", List.of(Map.of("criterion", "ALL_COMPLETED_AND_SHARE", "status", "MET", "actual", List.of(0, 0.7358),
                        "required", Map.of("operator", "ALL_OF", "value", List.of(Map.of("operator", "NONE", "value", 0),
                                Map.of("operator", "AT_LEAST", "value", 0.7))), "explanation", "Cá nhân — …")));
        List<UnitViews.Share> shares = units.shares(List.of(award), views.awards(List.of(award), "vi"), "vi");
        assertThat(shares).containsExactly(new UnitViews.Share("Tập thể lao động xuất sắc", "ALL_COMPLETED_AND_SHARE", "Cá nhân — …",
                "73,6%", "70,0% trở lên", "MET", "Đạt"));

        UnitViews.Members m = units.members(List.of("P-1", "P-2"), Map.of("P-1", "Hoa"), List.of(
                Map.of("subjectId", "P-1", "results", List.of(Map.of("award", "ADVANCED_LABORER", "outcome", "ELIGIBLE"))),
                Map.of("subjectId", "P-2", "results", List.of(Map.of("award", "ADVANCED_LABORER", "outcome", "NOT_ELIGIBLE")))), 2025, "vi");
        assertThat(m.columns()).containsExactly(new UnitViews.Column("ADVANCED_LABORER", "Lao động tiên tiến", 1, "50,0%"));
        assertThat(m.rows().get(0).href()).isEqualTo("/people/P-1?year=2025");
        assertThat(m.rows().get(1).name()).isEqualTo("P-2");
    }

    private static Map<String, Object> fact(String type, String id, String source, String summary) {
        Map<String, Object> f = new HashMap<>();
        f.put("type", type);
        f.put("factId", id);
        f.put("source", source);
        f.put("summary", summary);
        return f;
    }

    private static Map<String, Object> criterion(String code, String status, String explanation, Map<String, Object> required,
                                                 List<Map<String, Object>> evidence) {
        Map<String, Object> c = new HashMap<>();
        c.put("criterion", code);
        c.put("status", status);
        c.put("actual", null);
        c.put("required", required);
        c.put("confidence", "VERIFIED");
        c.put("explanation", explanation);
        c.put("evidence", evidence);
        return c;
    }
}
