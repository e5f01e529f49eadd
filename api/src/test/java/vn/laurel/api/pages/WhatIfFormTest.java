package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.ruleset.RuleSet;

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

/** The what-if form without a browser: a case document to the form and back, and the form's checks. */
class WhatIfFormTest {
    private static final RuleSet RULES = new RuleSet("test", Path.of("rules"), Instant.EPOCH, List.of(), List.of(), awards(), Map.of(), Map.of(),
            attestations());
    private static final Messages MESSAGES = new Messages();

    private static Map<String, AwardDefinition> awards() {
        Map<String, AwardDefinition> m = new LinkedHashMap<>();
        m.put("ADVANCED_LABORER", new AwardDefinition("ADVANCED_LABORER", new Localized("Lao động tiên tiến", "Advanced Laborer"),
                "EMULATION_TITLE", List.of(SubjectKind.PERSON)));
        m.put("GRASSROOTS_EMULATION_SOLDIER", new AwardDefinition("GRASSROOTS_EMULATION_SOLDIER",
                new Localized("Chiến sĩ thi đua cơ sở", "Grassroots Emulation Soldier"), "EMULATION_TITLE", List.of(SubjectKind.PERSON)));
        m.put("UNIT_CERTIFICATE_OF_MERIT", new AwardDefinition("UNIT_CERTIFICATE_OF_MERIT", new Localized("Giấy khen", "Certificate of Merit"),
                "COMMENDATION", List.of(SubjectKind.PERSON, SubjectKind.COLLECTIVE)));
        return m;
    }

    private static Map<String, Localized> attestations() {
        Map<String, Localized> m = new LinkedHashMap<>();
        m.put("EMULATION_PARTICIPATION", new Localized("Tích cực tham gia phong trào thi đua", "Active participation"));
        m.put("INTERNAL_UNITY", new Localized("Nội bộ đoàn kết", "Internal unity"));
        return m;
    }

    private static WhatIfChoices vi() {
        return new WhatIfChoices(RULES, MESSAGES, "vi");
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

    /** A form body from name, value, name, value… */
    private static WhatIfFormBody body(String... fields) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            j.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return WhatIfFormBody.parse(j.toString());
    }
}
