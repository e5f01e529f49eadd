package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Education;
import vn.laurel.engine.model.InitiativeKind;
import vn.laurel.engine.model.InitiativeFact;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Subject;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade-union Creative Labour Certificate's threshold by group, written with {@link Check#ifTrue}
 * and {@link History#educationIs} instead of if/else: the same check for every group, every benefit.
 */
class CreativeLabourBranchesTest {
    private static final int YEAR = 2025;
    private static final long MANAGER = 200_000_000L, COLLEGE = 80_000_000L, COLLEGE_TOTAL = 120_000_000L, UNIVERSITY = 150_000_000L;
    private static final int COLLEGE_YEARS = 3;

    /** common/creative-labor-certificate.drl as it was, in Java. */
    static Check old(History h, int year) {
        Object manager = h.isManager().value();
        Object education = h.education().value();
        Check check;
        if (manager == null) {
            check = Check.allOf(h.isManager().isFalse()
                .as("có phải cán bộ quản lý: chưa ghi nhận, không chọn được mức", "manager status not recorded: no threshold can be chosen"));
        } else if (Boolean.TRUE.equals(manager)) {
            Measure improvement = h.attestation("MANAGEMENT_IMPROVEMENT_RECOGNISED", year);
            check = Check.anyOf(
                h.largestInitiativeBenefit(year, year).atLeast(MANAGER)
                    .as("cán bộ quản lý: giải pháp lớn nhất trong năm (đồng)", "manager: largest single solution in the year (VND)"),
                improvement.attestedAchievement()
                    .as("cải tiến tổ chức quản lý được cấp tỉnh, bộ công nhận (xác nhận)", "management improvement recognised at provincial or ministerial level (attested)"));
        } else if (education == null) {
            check = Check.allOf(h.education().isTrue()
                .as("trình độ đào tạo: chưa ghi nhận, không chọn được mức", "education not recorded: no threshold can be chosen"));
        } else if (education == Education.COLLEGE_OR_BELOW) {
            int years = COLLEGE_YEARS;
            check = Check.anyOf(
                h.largestInitiativeBenefit(year, year).atLeast(COLLEGE)
                    .as("cao đẳng trở xuống, không quản lý: giải pháp lớn nhất trong năm (đồng)", "college or below, not a manager: largest single solution in the year (VND)"),
                Check.allOf(
                    h.consecutiveYearsWithInitiatives(InitiativeLevel.GRASSROOTS, year).atLeast(years)
                        .as("số năm liên tục có giải pháp", "consecutive years with a solution"),
                    h.totalInitiativeBenefit(year - years + 1, year).atLeast(COLLEGE_TOTAL)
                        .as("tổng giá trị làm lợi các năm đó (đồng)", "total benefit over those years (VND)")
                ).as("cao đẳng trở xuống: các năm liên tục", "college or below: consecutive years"));
        } else {
            check = h.largestInitiativeBenefit(year, year).atLeast(UNIVERSITY)
                .as("đại học trở lên, không quản lý: giải pháp lớn nhất trong năm (đồng)", "university or higher, not a manager: largest single solution in the year (VND)");
        }
        return check;
    }

    /** The same action as one expression, as rules/awards/creative-labor-certificate.drl writes it. */
    static Check now(History h, int year) {
        return Check.ifTrue(h.isManager(),
            Check.anyOf(
                h.largestInitiativeBenefit(year, year).atLeast(MANAGER)
                    .as("cán bộ quản lý: giải pháp lớn nhất trong năm (đồng)", "manager: largest single solution in the year (VND)"),
                h.attestation("MANAGEMENT_IMPROVEMENT_RECOGNISED", year).attestedAchievement()
                    .as("cải tiến tổ chức quản lý được cấp tỉnh, bộ công nhận (xác nhận)", "management improvement recognised at provincial or ministerial level (attested)")),
            Check.ifTrue(h.educationIs(Education.COLLEGE_OR_BELOW),
                Check.anyOf(
                    h.largestInitiativeBenefit(year, year).atLeast(COLLEGE)
                        .as("cao đẳng trở xuống, không quản lý: giải pháp lớn nhất trong năm (đồng)", "college or below, not a manager: largest single solution in the year (VND)"),
                    Check.allOf(
                        h.consecutiveYearsWithInitiatives(InitiativeLevel.GRASSROOTS, year).atLeast(COLLEGE_YEARS)
                            .as("số năm liên tục có giải pháp", "consecutive years with a solution"),
                        h.totalInitiativeBenefit(year - COLLEGE_YEARS + 1, year).atLeast(COLLEGE_TOTAL)
                            .as("tổng giá trị làm lợi các năm đó (đồng)", "total benefit over those years (VND)")
                    ).as("cao đẳng trở xuống: các năm liên tục", "college or below: consecutive years")),
                h.largestInitiativeBenefit(year, year).atLeast(UNIVERSITY)
                    .as("đại học trở lên, không quản lý: giải pháp lớn nhất trong năm (đồng)", "university or higher, not a manager: largest single solution in the year (VND)"),
                "trình độ đào tạo: chưa ghi nhận, không chọn được mức", "education not recorded: no threshold can be chosen"),
            "có phải cán bộ quản lý: chưa ghi nhận, không chọn được mức", "manager status not recorded: no threshold can be chosen");
    }

    private static List<History> people() {
        List<History> out = new ArrayList<>();
        long[][] benefits = {{}, {COLLEGE}, {COLLEGE - 1}, {50_000_000L, 40_000_000L, 40_000_000L}, {UNIVERSITY}, {MANAGER}, {60_000_000L, 70_000_000L}};
        int n = 0;
        for (Boolean manager : new Boolean[] {null, true, false}) {
            for (Education education : new Education[] {null, Education.COLLEGE_OR_BELOW, Education.UNIVERSITY, Education.POSTGRADUATE}) {
                for (long[] b : benefits) {
                    for (Boolean attested : new Boolean[] {null, true, false}) {
                        Facts f = Facts.person("P" + n++);
                        if (attested != null) f.attested("MANAGEMENT_IMPROVEMENT_RECOGNISED", YEAR, attested);
                        Subject s = f.subject();
                        List<InitiativeFact> initiatives = new ArrayList<>();
                        for (int i = 0; i < b.length; i++) {
                            initiatives.add(new InitiativeFact(YEAR - i, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE, b[i], null, "i" + i, "test"));
                        }
                        s = BranchHelpersTest.withInitiatives(BranchHelpersTest.withManagerAndEducation(s, manager, education), initiatives);
                        out.add(new History(s));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void every_known_group_gets_the_same_check_as_the_branches_gave() {
        int compared = 0;
        for (History h : people()) {
            if (h.getSubject().manager() == null) continue;
            assertThat(now(h, YEAR)).as(h.getSubject().manager() + " " + h.getSubject().education() + " " + h.getSubject().initiatives())
                    .isEqualTo(old(h, YEAR));
            compared++;
        }
        assertThat(compared).isEqualTo(2 * 4 * 7 * 3);
    }

    /**
     * With the manager status unknown the branches asked isManager().isFalse(), the helper asks
     * isManager().isTrue() (the one rule for every unknown fact): the same review, the same words,
     * the same value and evidence; only the requirement shown reads "yes" where it read "no".
     */
    @Test
    void an_unknown_manager_status_needs_review_as_before_with_the_requirement_read_as_yes() {
        for (History h : people()) {
            if (h.getSubject().manager() != null) continue;
            Check old = old(h, YEAR), now = now(h, YEAR);
            assertThat(now.status()).isEqualTo(Status.NEEDS_REVIEW).isEqualTo(old.status());
            assertThat(now.actual()).isEqualTo(old.actual());
            assertThat(now.evidence()).isEqualTo(old.evidence());
            assertThat(now.branches()).hasSize(1);
            assertThat(now.branches().get(0).label()).isEqualTo(old.branches().get(0).label());
            assertThat(now.branches().get(0).required()).isEqualTo(new Requirement(Requirement.Operator.EQUALS, true));
            assertThat(old.branches().get(0).required()).isEqualTo(new Requirement(Requirement.Operator.EQUALS, false));
        }
    }
}
