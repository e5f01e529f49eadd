package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Status;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.policy.Localized;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks that replace branches in rule actions (issue 17) give the check the branch built:
 * the "old" side of each comparison is the action as the DRL wrote it before, in Java.
 */
class CheckHelpersTest {
    private static final List<Evidence> SOME = List.of(new Evidence("title", "t1", "test", "2022 X"));

    static Measure m(Object v) { return new Measure(v, SOME, new Localized("2020–2022", "2020–2022"), null); }

    static Measure pending(Object v, Object ifConfirmed) { return new Measure(v, SOME, null, ifConfirmed); }

    @Test
    void reaches_is_at_least_when_inclusive_and_more_than_otherwise() {
        for (Measure share : List.of(m(0.5), m(0.51), m(0.49), m(null), pending(0.4, 0.5), pending(0.4, 0.6))) {
            for (Number threshold : List.of(0.5, 0, Double.NaN)) {
                // advanced-labor-collective.drl: if (share_inclusive) atLeast else moreThan
                assertThat(share.reaches(threshold, true)).isEqualTo(share.atLeast(threshold));
                assertThat(share.reaches(threshold, false)).isEqualTo(share.moreThan(threshold));
            }
        }
        assertThat(m(0.5).reaches(0.5, true).status()).isEqualTo(Status.MET);
        assertThat(m(0.5).reaches(0.5, false).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void values_in_a_name_are_written_as_string_concatenation_writes_them() {
        Check c = m(true).attestedAchievement();
        int minYears = 5;
        Check old = c.as("khoản 3: dẫn đầu phong trào do Thủ tướng phát động, thời gian từ " + minYears + " năm trở lên, khi sơ kết, tổng kết",
                "clause 3: leads a movement launched by the Prime Minister lasting at least " + minYears + " years, at its review");
        Check now = c.as("khoản 3: dẫn đầu phong trào do Thủ tướng phát động, thời gian từ {0} năm trở lên, khi sơ kết, tổng kết",
                "clause 3: leads a movement launched by the Prime Minister lasting at least {0} years, at its review", minYears);
        assertThat(now).isEqualTo(old);

        String party = "PARTY_ORGANISATION_CLEAN_AND_STRONG";
        assertThat(c.as("tổ chức đảng ({0})", "Party organisation ({0})", party))
                .isEqualTo(c.as("tổ chức đảng (" + party + ")", "Party organisation (" + party + ")"));

        assertThat(c.as("{1} và {0}, {0}", "{1} and {0}, {0}", 2.5, "x").label()).isEqualTo(new Localized("x và 2.5, 2.5", "x and 2.5, 2.5"));
        assertThat(c.as("'{0}' {2}", "{0}", (Object) null).label())
                .as("no MessageFormat rules: quotes stay, a missing value stays as written").isEqualTo(new Localized("'null' {2}", "null"));
        assertThat(c.as("a", "b", new Object[0])).isEqualTo(c.as("a", "b"));
    }

    @Test
    void or_if_adds_the_alternative_only_when_allowed() {
        for (Check national : List.of(m(1).atLeast(1), m(0).atLeast(1), m(null).atLeast(1))) {
            for (Check ministerial : List.of(m(2).atLeast(2), m(1).atLeast(2), m(null).atLeast(2))) {
                Check nat = national.as("Chiến sĩ thi đua toàn quốc", "national emulation soldier titles");
                Check alt = ministerial.as("hoặc Chiến sĩ thi đua bộ, ban, ngành, tỉnh (RECALLED)", "or ministry/province emulation soldier titles (RECALLED)");
                for (boolean allowed : new boolean[] {false, true}) {
                    // labor-order-first-class.drl (2022): soldierTitles = national; if (flag) soldierTitles = anyOf(…).as(…)
                    Check old = nat;
                    if (allowed) {
                        old = Check.anyOf(nat, alt).as("danh hiệu chiến sĩ thi đua trong thời gian đó", "emulation soldier titles in that period");
                    }
                    Check now = nat.orIf(allowed, alt, "danh hiệu chiến sĩ thi đua trong thời gian đó", "emulation soldier titles in that period");
                    assertThat(now).isEqualTo(old);
                }
            }
        }
    }

    @Test
    void if_true_chooses_a_branch_by_the_fact_and_needs_review_when_it_is_unknown() {
        Check yes = m(3).atLeast(1).as("y", "y"), no = m(0).atLeast(1).as("n", "n");
        assertThat(Check.ifTrue(m(true), yes, no, "vi", "en")).isSameAs(yes);
        assertThat(Check.ifTrue(m(false), yes, no, "vi", "en")).isSameAs(no);

        Measure unknown = new Measure(null, List.of());
        Check review = Check.ifTrue(unknown, yes, no, "trình độ đào tạo: chưa ghi nhận, không chọn được mức", "education not recorded: no threshold can be chosen");
        // creative-labor-certificate.drl: else if (education == null) check = Check.allOf($h.education().isTrue().as(…))
        assertThat(review).isEqualTo(Check.allOf(unknown.isTrue()
                .as("trình độ đào tạo: chưa ghi nhận, không chọn được mức", "education not recorded: no threshold can be chosen")));
        assertThat(review.status()).isEqualTo(Status.NEEDS_REVIEW);
        assertThat(review.branches()).singleElement().satisfies(b -> assertThat(b.label().en()).startsWith("education not recorded"));
    }
}
