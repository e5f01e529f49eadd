package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.catalogue.Campaign;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The what-if form without a browser: a case document to the form and back, and the form's checks; for a
 * person, an enterprise (its founding day, titles for collectives, campaign results) and a household (its
 * contributions), each kind with its own fields only.
 */
class WhatIfFormTest {
    private static final RuleSet RULES = new RuleSet("test", Path.of("rules"), Instant.EPOCH, List.of(), List.of(), awards(), Map.of(), Map.of(),
            attestations(), campaigns());
    private static final Messages MESSAGES = new Messages();

    private static Map<String, AwardDefinition> awards() {
        Map<String, AwardDefinition> m = new LinkedHashMap<>();
        m.put("ADVANCED_LABORER", new AwardDefinition("ADVANCED_LABORER", new Localized("Lao động tiên tiến", "Advanced Laborer"),
                "EMULATION_TITLE", List.of(SubjectKind.PERSON)));
        m.put("GRASSROOTS_EMULATION_SOLDIER", new AwardDefinition("GRASSROOTS_EMULATION_SOLDIER",
                new Localized("Chiến sĩ thi đua cơ sở", "Grassroots Emulation Soldier"), "EMULATION_TITLE", List.of(SubjectKind.PERSON)));
        m.put("ADVANCED_LABOR_COLLECTIVE", new AwardDefinition("ADVANCED_LABOR_COLLECTIVE",
                new Localized("Tập thể lao động tiên tiến", "Advanced Labour Collective"), "EMULATION_TITLE",
                List.of(SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE)));
        m.put("UNIT_CERTIFICATE_OF_MERIT", new AwardDefinition("UNIT_CERTIFICATE_OF_MERIT", new Localized("Giấy khen", "Certificate of Merit"),
                "COMMENDATION", List.of(SubjectKind.PERSON, SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE, SubjectKind.HOUSEHOLD)));
        m.put("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", new AwardDefinition("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT",
                new Localized("Bằng khen của bộ, ban, ngành, tỉnh", "Ministry/Province Certificate of Merit"), "COMMENDATION",
                List.of(SubjectKind.PERSON, SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE)));
        m.put("PRIME_MINISTER_CERTIFICATE_OF_MERIT", new AwardDefinition("PRIME_MINISTER_CERTIFICATE_OF_MERIT",
                new Localized("Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit"), "COMMENDATION",
                List.of(SubjectKind.PERSON, SubjectKind.COLLECTIVE, SubjectKind.ENTERPRISE, SubjectKind.HOUSEHOLD)));
        return m;
    }

    private static Map<String, Campaign> campaigns() {
        Campaign.Indicator score = new Campaign.Indicator("REVIEW_SCORE", new Localized("Điểm đánh giá của phong trào", "Campaign review score"),
                "campaign_innovation_dx.x.min_review_score", Campaign.Operator.AT_LEAST);
        Campaign dx = new Campaign("INNOVATION_DX_2025_2030", new Localized("Phong trào đổi mới sáng tạo", "Innovation campaign"), "190/KH-UBND",
                2025, 2030, List.of(), List.of(
                        new Campaign.Group("BUSINESSES_AND_INSTITUTES", new Localized("Doanh nghiệp, viện nghiên cứu", "Businesses and research institutes"),
                                List.of(SubjectKind.ENTERPRISE), List.of(score)),
                        new Campaign.Group("INDIVIDUALS", new Localized("Cá nhân", "Individuals"), List.of(SubjectKind.PERSON), List.of(score))),
                List.of(), "UNCONFIRMED", "test", "campaigns/innovation-dx-2025-2030.yaml");
        return Map.of(dx.code(), dx);
    }

    private static Map<String, Localized> attestations() {
        Map<String, Localized> m = new LinkedHashMap<>();
        m.put("EMULATION_PARTICIPATION", new Localized("Tích cực tham gia phong trào thi đua", "Active participation"));
        m.put("INTERNAL_UNITY", new Localized("Nội bộ đoàn kết", "Internal unity"));
        m.put("OUTSTANDING_IN_MOVEMENT", new Localized("Có thành tích xuất sắc trong phong trào thi đua", "Outstanding in a movement"));
        return m;
    }

    private static WhatIfChoices vi() {
        return new WhatIfChoices(RULES, MESSAGES, "vi");
    }

    private static WhatIfChoices en() {
        return new WhatIfChoices(RULES, MESSAGES, "en");
    }

    private static Subject household() {
        return new Subject("HGD-0001", SubjectKind.HOUSEHOLD, "Hộ ông Nguyễn Văn Bình", "HN-UBND-DEMO-PMH", null, null, null, null, null,
                List.of(), List.of(),
                List.of(new CommendationFact(2023, "UNIT_CERTIFICATE_OF_MERIT", CommendationKind.MERIT, "12/QĐ-UBND", LocalDate.of(2024, 1, 5),
                        false, "commendation:9", "x")),
                List.of(), List.of(), List.of(),
                List.of(new AttestationFact(2024, "OUTSTANDING_IN_MOVEMENT", true, "UBND phường", LocalDate.of(2024, 12, 20), "attestation:9", "x")),
                List.of(), List.of(), null, null, null,
                List.of(new ContributionFact(2025, ContributionKind.LAND, 350_000_000L, "Hiến 120 m2 đất mở rộng ngõ", "contribution:1", "x"),
                        new ContributionFact(2024, ContributionKind.WORK, null, "Góp 30 ngày công", "contribution:2", "x")),
                List.of(), List.of(), List.of());
    }

    private static Subject enterprise() {
        return new Subject("DN-0001", SubjectKind.ENTERPRISE, "Công ty Cổ phần Công nghệ Minh Hoà", "HN-UBND-DEMO-PMH", null, null, null, null, null,
                List.of(new RatingFact(2025, Rating.EXCELLENT, "rating:7", "x")),
                List.of(new TitleFact(2024, "ADVANCED_LABOR_COLLECTIVE", "3/QĐ-UBND", LocalDate.of(2025, 1, 10), false, "title:7", "x")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null, LocalDate.of(2012, 3, 15),
                List.of(),
                List.of(new CampaignResultFact("INNOVATION_DX_2025_2030", 2025, "BUSINESSES_AND_INSTITUTES", "REVIEW_SCORE", new BigDecimal("76.5"),
                        "campaignResult:1", "x")),
                List.of(), List.of());
    }

    private static CaseDocument storedCase(Subject s) {
        return new CaseDocument(null, LocalDate.of(2026, 1, 15), 2025, List.of(), new Organisation("HN", null), s, List.of(), Map.of());
    }

    private static Subject hoa() {
        return new Subject("P-0001", SubjectKind.PERSON, "Nguyễn Thị Hoa", "HN-SKHCN-DEMO-TDC", LocalDate.of(2012, 9, 1), false,
                Education.POSTGRADUATE, true, false,
                List.of(new RatingFact(2025, Rating.EXCELLENT, "rating:1", "x"), new RatingFact(2010, Rating.GOOD, "rating:2", "x")),
                List.of(new TitleFact(2024, "ADVANCED_LABORER", "8/QĐ-SKHCN", LocalDate.of(2025, 1, 14), false, "title:1", "x"),
                        new TitleFact(2019, "GRASSROOTS_EMULATION_SOLDIER", "1/QĐ", LocalDate.of(2020, 1, 2), true, "title:2", "x")),
                List.of(new CommendationFact(2019, "UNIT_CERTIFICATE_OF_MERIT", CommendationKind.AD_HOC, "47/QĐ-SKHCN",
                        LocalDate.of(2020, 2, 7), false, "commendation:1", "x")),
                List.of(new InitiativeFact(2023, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE, 20_000_000L,
                        "Số hoá quy trình lưu trữ hồ sơ điện tử", "initiative:1", "x")),
                List.of(new DisciplineFact(DisciplineForm.REPRIMAND, null, LocalDate.of(2025, 3, 10), LocalDate.of(2026, 3, 10), null, "discipline:1", "x"),
                        new DisciplineFact(null, DisciplineStatus.PENDING, null, null, LocalDate.of(2025, 11, 2), "discipline:2", "x")),
                List.of(new AbsenceFact(2024, 5, "absence:1", "x"), new AbsenceFact(2024, 7, "absence:2", "x")),
                List.of(new AttestationFact(2025, "EMULATION_PARTICIPATION", false, "Hội đồng", LocalDate.of(2025, 12, 1), "attestation:1", "x"),
                        new AttestationFact(2025, "EMULATION_PARTICIPATION", true, "Hội đồng TĐKT Sở", LocalDate.of(2025, 12, 22), "attestation:2", "x"),
                        new AttestationFact(2024, "INTERNAL_UNITY", false, null, null, "attestation:3", "x")),
                List.of(), List.of(), null);
    }

    private static CaseDocument stored() {
        return new CaseDocument(null, LocalDate.of(2026, 1, 15), 2025, List.of(), new Organisation("HN-SKHCN-DEMO", "SCIENCE"), hoa(), List.of(), Map.of());
    }

    @Test
    void a_stored_case_goes_to_the_form_and_back_to_a_case_the_api_reads_with_the_same_facts() {
        WhatIfForm form = WhatIfForm.of(stored());
        // ten years at least, and the older year that has a fact
        assertThat(form.years).extracting(y -> y.year).containsExactly(2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2010);
        CaseDocument back = CaseReader.readJson(Json.write(form.toCase(hoa(), new Organisation("HN-SKHCN-DEMO", "SCIENCE")).document()));

        Subject s = back.subject();
        assertThat(back.year()).isEqualTo(2025);
        assertThat(back.asOf()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(back.organisation()).isEqualTo(new Organisation("HN-SKHCN-DEMO", "SCIENCE"));
        assertThat(s.id()).isEqualTo("P-0001");
        assertThat(s.name()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(s.hiredOn()).isEqualTo(LocalDate.of(2012, 9, 1));
        assertThat(s.education()).isEqualTo(Education.POSTGRADUATE);
        assertThat(s.manager()).isFalse();
        assertThat(s.unionMember()).isTrue();
        assertThat(s.ratings()).extracting(RatingFact::year, RatingFact::rating)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2025, Rating.EXCELLENT), org.assertj.core.groups.Tuple.tuple(2010, Rating.GOOD));
        assertThat(s.titles()).extracting(TitleFact::year, TitleFact::code, TitleFact::decisionNo, TitleFact::decidedOn, TitleFact::isValid)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(2024, "ADVANCED_LABORER", "8/QĐ-SKHCN", LocalDate.of(2025, 1, 14), true),
                        org.assertj.core.groups.Tuple.tuple(2019, "GRASSROOTS_EMULATION_SOLDIER", "1/QĐ", LocalDate.of(2020, 1, 2), false));
        assertThat(s.commendations()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CommendationKind.AD_HOC);
            assertThat(c.decisionNo()).isEqualTo("47/QĐ-SKHCN");
        });
        assertThat(s.initiatives()).singleElement().satisfies(i -> {
            assertThat(i.benefitVnd()).isEqualTo(20_000_000L);
            assertThat(i.title()).isEqualTo("Số hoá quy trình lưu trữ hồ sơ điện tử");
        });
        assertThat(s.disciplines()).hasSize(2).anySatisfy(d -> assertThat(d.isPending()).isTrue())
                .anySatisfy(d -> assertThat(d.form()).isEqualTo(DisciplineForm.REPRIMAND));
        // absences of a year summed, the latest attestation kept: what the engine decides on
        assertThat(s.absences()).singleElement().satisfies(a -> assertThat(a.days()).isEqualTo(12));
        assertThat(s.attestations()).extracting(AttestationFact::year, AttestationFact::criterion, AttestationFact::value, AttestationFact::attestedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(2025, "EMULATION_PARTICIPATION", true, "Hội đồng TĐKT Sở"),
                        org.assertj.core.groups.Tuple.tuple(2024, "INTERNAL_UNITY", false, null));
    }

    @Test
    void a_posted_form_is_read_into_the_case_it_shows() {
        WhatIfForm f = WhatIfForm.parse(body(
                "subject", "P-0001", "year", "2025", "asOf", "15/01/2026", "hiredOn", "1/9/2012", "years", "2025",
                "rating-2025", "COMPLETED", "att-2025-EMULATION_PARTICIPATION", "true", "comRows", "1",
                "com-0-code", "UNIT_CERTIFICATE_OF_MERIT", "com-0-year", "2024"), vi());
        assertThat(f.errors).isEmpty();
        assertThat(f.asOf).isEqualTo("2026-01-15");
        CaseDocument doc = CaseReader.readJson(Json.write(f.toCase(hoa(), null).document()));
        assertThat(doc.subject().ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(Rating.COMPLETED));
        assertThat(doc.subject().hiredOn()).isEqualTo(LocalDate.of(2012, 9, 1));
        assertThat(doc.subject().commendations()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(CommendationKind.MERIT));
        assertThat(doc.subject().titles()).isEmpty();
    }

    @Test
    void a_person_keeps_campaign_results_and_contributions_in_the_form_and_the_case() {
        WhatIfForm f = WhatIfForm.parse(body(
                "subject", "P-0001", "year", "2025", "asOf", "15/01/2026", "hiredOn", "1/9/2012", "years", "2025",
                "rating-2025", "GOOD", "crRows", "1",
                "cr-0-campaign", "INNOVATION_DX_2025_2030", "cr-0-year", "2025", "cr-0-group", "INDIVIDUALS",
                "cr-0-indicator", "REVIEW_SCORE", "cr-0-value", "88",
                "conRows", "1", "con-0-year", "2025", "con-0-kind", "WORK"), vi());
        assertThat(f.errors).isEmpty();
        CaseDocument doc = CaseReader.readJson(Json.write(f.toCase(hoa(), null).document()));
        assertThat(doc.subject().campaignResults()).singleElement().satisfies(r -> assertThat(r.group()).isEqualTo("INDIVIDUALS"));
        assertThat(doc.subject().contributions()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ContributionKind.WORK));
        WhatIfFormView.View view = WhatIfFormView.of(f, vi());
        assertThat(view.campaignResultsShown()).isTrue();
        assertThat(view.contributionsShown()).isTrue();
    }

    @Test
    void every_mistake_is_named_in_the_pages_language_and_kept_as_typed() {
        WhatIfForm f = WhatIfForm.parse(body(
                "subject", "P-0001", "year", "2031", "asOf", "2026-02-30", "years", "2025",
                "rating-2025", "SUPER", "absence-2025", "-3", "att-2025-EMULATION_PARTICIPATION", "perhaps",
                "iniRows", "1", "ini-0-level", "GRASSROOTS", "ini-0-year", "2025", "ini-0-title", "x".repeat(501)), vi());
        assertThat(f.errors).containsEntry("rating-2025", "Năm 2025 · Mức độ hoàn thành nhiệm vụ: „SUPER“ không có trong danh sách")
                .containsEntry("absence-2025", "Năm 2025 · Số ngày nghỉ không tính là làm việc: phải là một số nguyên từ 0 đến 366")
                .containsEntry("att-2025-EMULATION_PARTICIPATION", "Năm 2025 · Tích cực tham gia phong trào thi đua: „perhaps“ không có trong danh sách")
                .containsEntry("ini-0-title", "Sáng kiến, đề tài khoa học 1 · Tên sáng kiến, đề tài: quá dài (tối đa 500 ký tự)")
                .containsKey("asOf");
        assertThat(f.years.get(0).rating).isEqualTo("SUPER");
        assertThat(f.initiatives.get(0).title()).hasSize(500);
        WhatIfFormView.View view = WhatIfFormView.of(f, vi());
        WhatIfFormView.Select rating = view.years().get(0).rating();
        assertThat(rating.error()).contains("SUPER");
        assertThat(rating.options()).filteredOn(WhatIfFormView.Option::selected).singleElement()
                .satisfies(o -> assertThat(o.value()).isEqualTo("SUPER"));
        assertThat(view.errors()).extracting(WhatIfFormView.ErrorLink::target).contains("rating-2025", "asOf");
    }

    @Test
    void an_evaluation_year_after_the_appraisal_date_and_too_many_rows_are_refused() {
        WhatIfForm f = WhatIfForm.parse(body("subject", "P-0001", "year", "2027", "asOf", "2026-01-15", "comRows", "51"), vi());
        assertThat(f.errors.get("year")).isEqualTo("Năm xét: năm xét 2027 ở sau ngày xét 15/01/2026");
        assertThat(f.errors.get("commendations")).isEqualTo("Hình thức khen thưởng đã nhận: quá nhiều dòng (tối đa 50)");
        assertThat(f.commendations).hasSize(WhatIfForm.MAX_COMMENDATIONS);
    }

    @Test
    void adding_a_year_adds_the_one_before_the_earliest() {
        WhatIfForm f = WhatIfForm.of(stored());
        f.add("year");
        assertThat(f.years.get(f.years.size() - 1).year).isEqualTo(2009);
        f.add("initiative");
        assertThat(f.initiatives).hasSize(2);
        f.add("nonsense");
        assertThat(f.initiatives).hasSize(2);
    }

    @Test
    void a_body_beyond_the_limits_is_refused_before_it_is_read() {
        assertThatThrownBy(() -> WhatIfFormBody.parse("a=" + "x".repeat(WhatIfFormBody.MAX_BYTES)))
                .isInstanceOf(WhatIfFormBody.TooLarge.class);
        assertThatThrownBy(() -> WhatIfFormBody.parse("a=1&".repeat(WhatIfFormBody.MAX_FIELDS + 1)))
                .isInstanceOf(WhatIfFormBody.TooLarge.class);
        WhatIfFormBody b = WhatIfFormBody.parse("title-2025=A&title-2025=B&broken=%zz&name=Nguy%E1%BB%85n+Th%E1%BB%8B");
        assertThat(b.all("title-2025")).containsExactly("A", "B");
        assertThat(b.first("broken")).isEqualTo("%zz");
        assertThat(b.first("name")).isEqualTo("Nguyễn Thị");
    }

    @Test
    void a_households_record_goes_to_its_form_with_its_own_fields_and_back_to_a_case_the_api_reads() {
        WhatIfForm form = WhatIfForm.of(storedCase(household()));
        assertThat(form.kind).isEqualTo(SubjectKind.HOUSEHOLD);
        assertThat(form.contributions).containsExactly(
                new WhatIfForm.ContributionRow("2025", "LAND", "350000000", "Hiến 120 m2 đất mở rộng ngõ"),
                new WhatIfForm.ContributionRow("2024", "WORK", "", "Góp 30 ngày công"));

        WhatIfFormView.View view = WhatIfFormView.of(form, vi());
        assertThat(view.household()).isTrue();
        assertThat(view.person()).isFalse();
        assertThat(view.enterprise()).isFalse();
        // no rating, titles or absence in a household's year; its attestations and commendations as a person's
        WhatIfFormView.YearView y2024 = view.years().stream().filter(y -> y.year() == 2024).findFirst().orElseThrow();
        assertThat(y2024.rating()).isNull();
        assertThat(y2024.absence()).isNull();
        assertThat(y2024.hasTitles()).isFalse();
        assertThat(y2024.titles()).isEmpty();
        assertThat(y2024.attestations()).filteredOn(a -> a.id().equals("att-2024-OUTSTANDING_IN_MOVEMENT")).singleElement()
                .satisfies(a -> assertThat(a.options()).filteredOn(WhatIfFormView.Option::selected).extracting(WhatIfFormView.Option::value)
                        .containsExactly("true"));
        // the commendations a household may receive, and no other
        assertThat(view.commendations().get(0).code().options()).extracting(WhatIfFormView.Option::value)
                .containsExactly("", "UNIT_CERTIFICATE_OF_MERIT", "PRIME_MINISTER_CERTIFICATE_OF_MERIT");
        WhatIfFormView.ContributionView land = view.contributions().get(0);
        assertThat(land.kind().label()).isEqualTo("Hình thức đóng góp");
        assertThat(land.kind().options()).extracting(WhatIfFormView.Option::label).containsExactly("(bỏ dòng này)", "Công sức", "Đất đai", "Tài sản");
        assertThat(land.valueVnd().label()).isEqualTo("Giá trị (đồng)");
        assertThat(land.valueVnd().value()).isEqualTo("350000000");
        assertThat(view.campaignResults()).isEmpty();

        CaseDocument back = CaseReader.readJson(Json.write(form.toCase(household(), new Organisation("HN", null)).document()));
        Subject s = back.subject();
        assertThat(s.kind()).isEqualTo(SubjectKind.HOUSEHOLD);
        assertThat(s.hiredOn()).isNull();
        assertThat(s.manager()).isNull();
        assertThat(s.contributions()).extracting(ContributionFact::year, ContributionFact::kind, ContributionFact::valueVnd, ContributionFact::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2025, ContributionKind.LAND, 350_000_000L, "Hiến 120 m2 đất mở rộng ngõ"),
                        org.assertj.core.groups.Tuple.tuple(2024, ContributionKind.WORK, null, "Góp 30 ngày công"));
        assertThat(s.attestations()).singleElement().satisfies(a -> assertThat(a.criterion()).isEqualTo("OUTSTANDING_IN_MOVEMENT"));
        assertThat(s.commendations()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo("UNIT_CERTIFICATE_OF_MERIT"));
        assertThat(FactCodes.check(RULES, back)).isEmpty();
    }

    @Test
    void a_posted_household_form_is_read_for_its_kind_and_its_mistakes_named_in_the_pages_language() {
        String[] fields = {
                "subject", "HGD-0001", "year", "2025", "asOf", "15/01/2026", "years", "2025", "years", "2024",
                // a person's fields posted for a household: not the household's, neither read nor sent
                "hiredOn", "not a date", "rating-2025", "SUPER", "absence-2025", "9999", "title-2025", "ADVANCED_LABORER",
                "att-2025-OUTSTANDING_IN_MOVEMENT", "true",
                "conRows", "4",
                "con-0-year", "2025", "con-0-kind", "LAND", "con-0-valueVnd", "350000000", "con-0-description", "Hiến đất",
                "con-1-year", "", "con-1-kind", "GOLD", "con-1-valueVnd", "-5",
                "con-2-year", "2024", "con-2-kind", "ASSETS", "con-2-description", "x".repeat(501),
                "con-3-kind", "", "con-3-year", "abc"}; // a removed row: nothing checked
        WhatIfForm f = WhatIfForm.parse(body(fields), vi(), SubjectKind.HOUSEHOLD);
        assertThat(f.errors).containsOnlyKeys("con-1-year", "con-1-kind", "con-1-valueVnd", "con-2-description");
        assertThat(f.errors).containsEntry("con-1-kind", "Đóng góp công sức, đất đai, tài sản 2 · Hình thức đóng góp: „GOLD“ không có trong danh sách")
                .containsEntry("con-1-valueVnd", "Đóng góp công sức, đất đai, tài sản 2 · Giá trị (đồng): phải là một số nguyên từ 0 đến 1000000000000000")
                .containsEntry("con-1-year", "Đóng góp công sức, đất đai, tài sản 2 · Năm: cần điền")
                .containsEntry("con-2-description", "Đóng góp công sức, đất đai, tài sản 3 · Nội dung đóng góp: quá dài (tối đa 500 ký tự)");
        assertThat(f.contributions.get(1).kind()).isEqualTo("GOLD"); // kept as typed, to be corrected
        WhatIfFormView.View view = WhatIfFormView.of(f, vi());
        assertThat(view.contributions().get(1).kind().error()).contains("GOLD");
        assertThat(view.errors()).extracting(WhatIfFormView.ErrorLink::target).contains("con-1-kind", "con-2-description");

        WhatIfForm en = WhatIfForm.parse(body(fields), en(), SubjectKind.HOUSEHOLD);
        assertThat(en.errors.get("con-1-kind")).isEqualTo("Contributions of work, land or assets 2 · Kind of contribution: \"GOLD\" is not in the list");
        // a row's year is required once it has a kind
        WhatIfForm noYear = WhatIfForm.parse(body("subject", "HGD-0001", "year", "2025", "asOf", "2026-01-15", "conRows", "1",
                "con-0-kind", "WORK"), en(), SubjectKind.HOUSEHOLD);
        assertThat(noYear.errors).containsEntry("con-0-year", "Contributions of work, land or assets 1 · Year: is required");

        WhatIfForm ok = WhatIfForm.parse(body(without(fields, "con-1-year", "con-1-kind", "con-1-valueVnd", "con-2-description")), vi(), SubjectKind.HOUSEHOLD);
        assertThat(ok.errors).isEmpty();
        CaseDocument doc = CaseReader.readJson(Json.write(ok.toCase(household(), null).document()));
        assertThat(doc.subject().hiredOn()).isNull();
        assertThat(doc.subject().ratings()).isEmpty();
        assertThat(doc.subject().absences()).isEmpty();
        assertThat(doc.subject().titles()).isEmpty();
        assertThat(doc.subject().contributions()).extracting(ContributionFact::kind).containsExactly(ContributionKind.LAND, ContributionKind.ASSETS);
        assertThat(doc.subject().attestations()).singleElement().satisfies(a -> assertThat(a.value()).isTrue());
        // one more contribution row on request
        ok.add("contribution");
        assertThat(ok.contributions).hasSize(5).last().isEqualTo(WhatIfForm.ContributionRow.blank());
    }

    @Test
    void an_enterprises_record_goes_to_its_form_with_its_founding_day_titles_for_collectives_and_campaign_results() {
        WhatIfForm form = WhatIfForm.of(storedCase(enterprise()));
        assertThat(form.kind).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(form.establishedOn).isEqualTo("2012-03-15");
        assertThat(form.campaignResults).containsExactly(
                new WhatIfForm.CampaignRow("2025", "INNOVATION_DX_2025_2030", "BUSINESSES_AND_INSTITUTES", "REVIEW_SCORE", "76.5"));

        WhatIfFormView.View view = WhatIfFormView.of(form, vi());
        assertThat(view.enterprise()).isTrue();
        assertThat(view.establishedOn().value()).isEqualTo("15/03/2012");
        assertThat(view.establishedOn().label()).isEqualTo("Ngày thành lập");
        WhatIfFormView.YearView y2025 = view.years().get(0);
        assertThat(y2025.rating()).isNotNull();
        assertThat(y2025.absence()).isNull();
        // the titles of collectives, not a person's
        assertThat(y2025.titles()).extracting(WhatIfFormView.Box::value).containsExactly("ADVANCED_LABOR_COLLECTIVE");
        assertThat(view.years().get(1).titles()).filteredOn(WhatIfFormView.Box::checked).extracting(WhatIfFormView.Box::value)
                .containsExactly("ADVANCED_LABOR_COLLECTIVE");
        WhatIfFormView.CampaignView cr = view.campaignResults().get(0);
        assertThat(cr.campaign().options()).extracting(WhatIfFormView.Option::value).containsExactly("", "INNOVATION_DX_2025_2030");
        // only the groups that admit an enterprise, and their indicators
        assertThat(cr.group().options()).extracting(WhatIfFormView.Option::label).containsExactly("(không có)", "Doanh nghiệp, viện nghiên cứu");
        assertThat(cr.indicator().options()).filteredOn(WhatIfFormView.Option::selected).extracting(WhatIfFormView.Option::label)
                .containsExactly("Điểm đánh giá của phong trào");
        assertThat(cr.value().value()).isEqualTo("76.5");
        assertThat(view.contributions()).isEmpty();

        CaseDocument back = CaseReader.readJson(Json.write(form.toCase(enterprise(), new Organisation("HN", null)).document()));
        Subject s = back.subject();
        assertThat(s.kind()).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(s.establishedOn()).isEqualTo(LocalDate.of(2012, 3, 15));
        assertThat(s.education()).isNull();
        assertThat(s.contributions()).isEmpty();
        assertThat(s.ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(Rating.EXCELLENT));
        assertThat(s.titles()).singleElement().satisfies(t -> assertThat(t.code()).isEqualTo("ADVANCED_LABOR_COLLECTIVE"));
        assertThat(s.campaignResults()).singleElement().satisfies(r -> {
            assertThat(r.campaign()).isEqualTo("INNOVATION_DX_2025_2030");
            assertThat(r.group()).isEqualTo("BUSINESSES_AND_INSTITUTES");
            assertThat(r.indicator()).isEqualTo("REVIEW_SCORE");
            assertThat(r.value()).isEqualByComparingTo("76.5");
        });
        assertThat(FactCodes.check(RULES, back)).isEmpty();
    }

    @Test
    void a_posted_enterprise_form_checks_each_campaign_result_against_the_rule_sets_campaigns_in_the_pages_language() {
        String[] fields = {
                "subject", "DN-0001", "year", "2025", "asOf", "2026-01-15", "establishedOn", "15/03/2012", "years", "2025",
                "rating-2025", "GOOD", "title-2025", "ADVANCED_LABORER", "education", "NONSENSE", "manager", "perhaps",
                "crRows", "7",
                "cr-0-campaign", "INNOVATION_DX_2025_2030", "cr-0-year", "2025", "cr-0-group", "BUSINESSES_AND_INSTITUTES",
                "cr-0-indicator", "REVIEW_SCORE", "cr-0-value", "76,5",
                "cr-1-campaign", "UNKNOWN_CAMPAIGN", "cr-1-year", "2025", "cr-1-group", "BUSINESSES_AND_INSTITUTES", "cr-1-indicator", "REVIEW_SCORE", "cr-1-value", "1",
                "cr-2-campaign", "INNOVATION_DX_2025_2030", "cr-2-year", "2025", "cr-2-group", "INDIVIDUALS", "cr-2-indicator", "REVIEW_SCORE", "cr-2-value", "1",
                "cr-3-campaign", "INNOVATION_DX_2025_2030", "cr-3-year", "2025", "cr-3-group", "BUSINESSES_AND_INSTITUTES", "cr-3-indicator", "PROFIT", "cr-3-value", "1",
                "cr-4-campaign", "INNOVATION_DX_2025_2030", "cr-4-year", "2024", "cr-4-group", "BUSINESSES_AND_INSTITUTES", "cr-4-indicator", "REVIEW_SCORE", "cr-4-value", "1",
                "cr-5-campaign", "INNOVATION_DX_2025_2030", "cr-5-year", "2026", "cr-5-group", "BUSINESSES_AND_INSTITUTES", "cr-5-indicator", "REVIEW_SCORE", "cr-5-value", "chín hai",
                "cr-6-campaign", "INNOVATION_DX_2025_2030", "cr-6-year", "2026", "cr-6-group", "BUSINESSES_AND_INSTITUTES", "cr-6-indicator", "REVIEW_SCORE", "cr-6-value", "",
                "establishedOn", "ignored: the first value counts"};
        WhatIfForm f = WhatIfForm.parse(body(fields), vi(), SubjectKind.ENTERPRISE);
        assertThat(f.errors).containsOnlyKeys("title-2025", "cr-1-campaign", "cr-2-group", "cr-3-indicator", "cr-4-year", "cr-5-value", "cr-6-value");
        assertThat(f.errors)
                .containsEntry("title-2025", "Năm 2025 · Danh hiệu thi đua đã được tặng: „ADVANCED_LABORER“ không có trong danh sách")
                .containsEntry("cr-1-campaign", "Kết quả phong trào thi đua 2 · Phong trào: „UNKNOWN_CAMPAIGN“ không có trong danh sách")
                .containsEntry("cr-2-group", "Kết quả phong trào thi đua 3 · Nhóm đối tượng: „INDIVIDUALS“ không phải nhóm đối tượng của „Phong trào đổi mới sáng tạo“ dành cho loại đối tượng này")
                .containsEntry("cr-3-indicator", "Kết quả phong trào thi đua 4 · Chỉ tiêu: „PROFIT“ không phải chỉ tiêu của nhóm „Doanh nghiệp, viện nghiên cứu“")
                .containsEntry("cr-4-year", "Kết quả phong trào thi đua 5 · Năm: phong trào diễn ra từ năm 2025 đến năm 2030")
                .containsEntry("cr-5-value", "Kết quả phong trào thi đua 6 · Giá trị: phải là một số, ví dụ 92 hoặc 76,5 (giá trị tuyệt đối không quá 1 000 000 000 000)")
                .containsEntry("cr-6-value", "Kết quả phong trào thi đua 7 · Giá trị: cần điền");
        assertThat(f.campaignResults.get(0).value()).isEqualTo("76.5"); // a decimal comma read as a point
        assertThat(WhatIfFormView.of(f, vi()).campaignResults().get(2).group().error()).contains("INDIVIDUALS");

        WhatIfForm en = WhatIfForm.parse(body(fields), en(), SubjectKind.ENTERPRISE);
        assertThat(en.errors.get("cr-2-group"))
                .isEqualTo("Results in emulation campaigns 3 · Participant group: \"INDIVIDUALS\" is not a participant group of \"Innovation campaign\" for this kind of subject");
        assertThat(en.errors.get("cr-4-year")).isEqualTo("Results in emulation campaigns 5 · Year: the campaign runs from 2025 to 2030");

        WhatIfForm ok = WhatIfForm.parse(body("subject", "DN-0001", "year", "2025", "asOf", "2026-01-15", "establishedOn", "2025-07-01",
                "years", "2025", "rating-2025", "GOOD", "title-2025", "ADVANCED_LABOR_COLLECTIVE", "education", "NONSENSE", "crRows", "2",
                "cr-0-campaign", "INNOVATION_DX_2025_2030", "cr-0-year", "2026", "cr-0-group", "BUSINESSES_AND_INSTITUTES",
                "cr-0-indicator", "REVIEW_SCORE", "cr-0-value", "92", "cr-1-campaign", "", "cr-1-value", "junk"), vi(), SubjectKind.ENTERPRISE);
        assertThat(ok.errors).isEmpty(); // a person's field (education) is no enterprise's: not read
        CaseDocument doc = CaseReader.readJson(Json.write(ok.toCase(enterprise(), null).document()));
        assertThat(doc.subject().establishedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(doc.subject().education()).isNull();
        assertThat(doc.subject().titles()).singleElement().satisfies(t -> assertThat(t.code()).isEqualTo("ADVANCED_LABOR_COLLECTIVE"));
        assertThat(doc.subject().campaignResults()).singleElement().satisfies(r -> {
            assertThat(r.year()).isEqualTo(2026);
            assertThat(r.value()).isEqualByComparingTo(new BigDecimal(92));
        });
        assertThat(FactCodes.check(RULES, doc)).isEmpty();
        ok.add("campaignResult");
        assertThat(ok.campaignResults).hasSize(3);

        WhatIfForm badDay = WhatIfForm.parse(body("subject", "DN-0001", "year", "2025", "asOf", "2026-01-15", "establishedOn", "31/02/2012"),
                en(), SubjectKind.ENTERPRISE);
        assertThat(badDay.errors.get("establishedOn")).startsWith("Founded on: must be a valid date");
    }

    @Test
    void the_error_summary_links_the_new_tables() {
        assertThat(WhatIfFormView.target("conRows")).isEqualTo("contributions");
        assertThat(WhatIfFormView.target("crRows")).isEqualTo("campaignResults");
        assertThat(WhatIfFormView.target("cr-2-group")).isEqualTo("cr-2-group");
        WhatIfForm f = WhatIfForm.parse(body("subject", "HGD-0001", "year", "2025", "asOf", "2026-01-15", "conRows", "51"), vi(), SubjectKind.HOUSEHOLD);
        assertThat(f.errors.get("contributions")).isEqualTo("Đóng góp công sức, đất đai, tài sản: quá nhiều dòng (tối đa 50)");
        assertThat(f.contributions).hasSize(WhatIfForm.MAX_CONTRIBUTIONS);
    }

    /** The name-value pairs without those named. */
    private static String[] without(String[] fields, String... names) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (!List.of(names).contains(fields[i])) { out.add(fields[i]); out.add(fields[i + 1]); }
        }
        return out.toArray(String[]::new);
    }

    /** A form body from name, value, name, value… */
    private static WhatIfFormBody body(String... fields) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            j.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return WhatIfFormBody.parse(j.toString());
    }
}
