package vn.laurel.engine.caseformat;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Issue 21: the new kinds of subject and their facts, each problem named at its path. */
class CaseValidatorTest {
    private static List<String> errors(String yaml) {
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> CaseReader.read(yaml));
        assertThat(e).as("the document is refused").isNotNull();
        return e.getErrors().stream().map(FieldError::toString).toList();
    }

    private static String doc(String subject) {
        return "asOf: 2026-01-20\nyear: 2025\nsubject:\n" + subject.indent(2);
    }

    @Test
    void an_enterprise_and_a_household_read_with_their_facts() {
        CaseDocument enterprise = CaseReader.read(doc("""
                id: E-1
                kind: ENTERPRISE
                establishedOn: 2012-04-02
                campaignResults:
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: BUSINESSES_AND_INSTITUTES, indicator: REVIEW_SCORE, value: 92.5 }
                memberAggregates: [ { year: 2025, members: 40 } ]
                """) + "members:\n  - { id: P-1, kind: PERSON }\n");
        assertThat(enterprise.subject().kind().isCollective()).isTrue();
        assertThat(enterprise.subject().campaignResults().get(0).value()).isEqualByComparingTo(new BigDecimal("92.5"));
        assertThat(enterprise.members()).hasSize(1);

        CaseDocument household = CaseReader.read(doc("""
                id: H-1
                kind: HOUSEHOLD
                establishedOn: 1990-01-01
                contributions:
                  - { year: 2025, kind: LAND, valueVnd: 350000000, description: "Hiến 120 m2 đất mở đường" }
                """));
        ContributionFact c = household.subject().contributions().get(0);
        assertThat(c.kind()).isEqualTo(ContributionKind.LAND);
        assertThat(c.valueVnd()).isEqualTo(350_000_000L);
    }

    @Test
    void the_fields_of_one_kind_are_refused_on_the_others_at_their_paths() {
        assertThat(errors(doc("""
                id: E-1
                kind: ENTERPRISE
                hiredOn: 2010-01-01
                manager: true
                education: UNIVERSITY
                unionMember: true
                contractSince: 2009-01-01
                contributions: [ { year: 2025, kind: WORK } ]
                """))).containsExactlyInAnyOrder(
                "subject.hiredOn: is for PERSON subjects", "subject.manager: is for PERSON subjects",
                "subject.education: is for PERSON subjects", "subject.unionMember: is for PERSON subjects",
                "subject.contractSince: is for PERSON subjects",
                "subject.contributions: is for HOUSEHOLD and PERSON subjects");
        assertThat(errors(doc("""
                id: H-1
                kind: HOUSEHOLD
                memberAggregates: [ { year: 2025, members: 4 } ]
                clusterRankings: [ { year: 2025, cluster: C, rank: 1 } ]
                events: [ { on: 2025-07-01, event: RENAMED, name: X } ]
                """))).containsExactlyInAnyOrder(
                "subject.memberAggregates: is for COLLECTIVE and ENTERPRISE subjects",
                "subject.clusterRankings: is for COLLECTIVE and ENTERPRISE subjects",
                "subject.events: is for COLLECTIVE subjects (units of the organisation tree)");
        assertThat(errors(doc("""
                id: P-1
                kind: PERSON
                establishedOn: 2010-01-01
                """))).containsExactly("subject.establishedOn: is for COLLECTIVE, ENTERPRISE and HOUSEHOLD subjects");
        assertThat(errors(doc("""
                id: E-1
                kind: ENTERPRISE
                predecessors: [ { relation: MERGED_INTO, on: 2025-07-01, unit: { id: E-0, kind: COLLECTIVE } } ]
                """))).containsExactly("subject.predecessors: is for COLLECTIVE subjects (units of the organisation tree)");
    }

    @Test
    void members_belong_to_a_collective_or_an_enterprise_only() {
        assertThat(errors(doc("id: H-1\nkind: HOUSEHOLD\n") + "members:\n  - { id: P-1, kind: PERSON }\n"))
                .containsExactly("members: only a COLLECTIVE or ENTERPRISE subject has members");
    }

    @Test
    void contributions_campaign_results_and_events_name_their_missing_parts() {
        assertThat(errors(doc("""
                id: H-1
                kind: HOUSEHOLD
                contributions: [ { year: 1900, valueVnd: -5 } ]
                campaignResults: [ { year: 2025 } ]
                """))).containsExactlyInAnyOrder(
                "subject.contributions[0].year: must be between 1945 and 2100",
                "subject.contributions[0].kind: is required: WORK, LAND or ASSETS",
                "subject.contributions[0].valueVnd: is negative",
                "subject.campaignResults[0].campaign: is required", "subject.campaignResults[0].group: is required",
                "subject.campaignResults[0].indicator: is required",
                "subject.campaignResults[0].value: is required (1 and 0 for yes and no)");
        assertThat(errors(doc("""
                id: U-1
                kind: COLLECTIVE
                events: [ { name: X } ]
                """))).containsExactlyInAnyOrder("subject.events[0].on: is required (YYYY-MM-DD)",
                "subject.events[0].event: is required");
    }

    @Test
    void a_predecessor_needs_a_relation_a_day_a_collective_unit_and_no_negative_members() {
        assertThat(errors(doc("""
                id: U-1
                kind: COLLECTIVE
                predecessors:
                  - { relation: MOVED, on: 2025-07-01, unit: { id: U-0, kind: COLLECTIVE } }
                  - { relation: MERGED_INTO, members: -1, unit: { id: U-2, kind: ENTERPRISE } }
                  - { relation: SPLIT_FROM, on: 1899-12-31, unit: { id: U-3, kind: COLLECTIVE } }
                  - { on: 2025-07-01 }
                """))).containsExactlyInAnyOrder(
                "subject.predecessors[0].relation: a predecessor is MERGED_INTO, SPLIT_FROM or RENAMED, not MOVED",
                "subject.predecessors[1].on: is required (YYYY-MM-DD)",
                "subject.predecessors[1].members: must be 0 or more",
                "subject.predecessors[1].unit.kind: a predecessor is a COLLECTIVE, not ENTERPRISE",
                "subject.predecessors[2].on: must be between 1900-01-01 and 2100-12-31",
                "subject.predecessors[3].relation: is required: MERGED_INTO, SPLIT_FROM or RENAMED",
                "subject.predecessors[3].unit: is required: the predecessor with its facts");
    }

    @Test
    void a_collective_with_person_fields_is_still_read_as_before_issue_21() {
        // What-ifs kept as decisions before issue 21 may carry them: a replay must read them again.
        assertThat(CaseReader.read(doc("""
                id: U-1
                kind: COLLECTIVE
                hiredOn: 2010-01-01
                manager: true
                education: UNIVERSITY
                unionMember: true
                """)).subject().kind()).isEqualTo(SubjectKind.COLLECTIVE);
    }

    @Test
    void a_predecessors_own_facts_are_checked_at_their_path() {
        assertThat(errors(doc("""
                id: U-1
                kind: COLLECTIVE
                predecessors:
                  - { relation: RENAMED, on: 2024-01-01,
                      unit: { id: U-0, kind: COLLECTIVE, contractSince: 2010-01-01, ratings: [ { year: 2023 } ] } }
                """))).containsExactlyInAnyOrder(
                "subject.predecessors[0].unit.contractSince: is for PERSON subjects",
                "subject.predecessors[0].unit.ratings[0].rating: is required");
    }

    @Test
    void a_unit_cannot_be_its_own_predecessor_however_far_back() {
        assertThat(errors(doc("""
                id: U-1
                kind: COLLECTIVE
                predecessors:
                  - { relation: RENAMED, on: 2024-01-01, unit: { id: U-1, kind: COLLECTIVE } }
                """))).containsExactly(
                "subject.predecessors[0].unit.id: \"U-1\" cannot be its own predecessor (the predecessors form a cycle)");
        assertThat(errors(doc("""
                id: U-1
                kind: COLLECTIVE
                predecessors:
                  - { relation: RENAMED, on: 2024-01-01, unit: { id: U-2, kind: COLLECTIVE,
                      predecessors: [ { relation: MERGED_INTO, on: 2020-01-01, unit: { id: U-1, kind: COLLECTIVE } } ] } }
                """))).containsExactly("subject.predecessors[0].unit.predecessors[0].unit.id: \"U-1\" cannot be its own"
                + " predecessor (the predecessors form a cycle)");
    }

    @Test
    void predecessors_nest_at_most_five_levels_deep() {
        assertThat(CaseReader.read(doc(nested(5))).subject().predecessors()).hasSize(1);
        List<String> six = errors(doc(nested(6)));
        assertThat(six).hasSize(1);
        assertThat(six.get(0)).startsWith("subject" + ".predecessors[0].unit".repeat(5) + ".predecessors[0]: ")
                .endsWith("predecessors nest at most 5 levels deep");
    }

    /** A unit U-0 with a chain of {@code levels} predecessors, each renamed from the next. */
    private static String nested(int levels) {
        String unit = "{ id: U-" + levels + ", kind: COLLECTIVE }";
        for (int i = levels - 1; i >= 1; i--) {
            unit = "{ id: U-" + i + ", kind: COLLECTIVE, predecessors: [ { relation: RENAMED, on: 2020-01-01, unit: " + unit + " } ] }";
        }
        return "id: U-0\nkind: COLLECTIVE\npredecessors: [ { relation: RENAMED, on: 2020-01-01, unit: " + unit + " } ]\n";
    }

    @Test
    void the_new_commendation_kind_reads() {
        CaseDocument d = CaseReader.read(doc("""
                id: P-1
                kind: PERSON
                commendations: [ { year: 2025, code: MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT, kind: THEMATIC_MOVEMENT } ]
                """));
        assertThat(d.subject().commendations().get(0).kind()).isEqualTo(CommendationKind.THEMATIC_MOVEMENT);
        assertThat(d.subject().commendations().get(0).kind().countsAsPriorMerit()).isFalse();
        assertThat(LocalDate.of(2026, 1, 20)).isEqualTo(d.asOf());
    }

    @Test
    void a_campaign_value_beyond_the_stores_range_or_scale_is_refused_before_anything_writes_it_out() {
        // 1e999999999 written in full is a billion characters: the answer's facts and evidence would run out of memory.
        assertThat(errors(doc("""
                id: P-1
                kind: PERSON
                campaignResults:
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: REVIEW_SCORE, value: 1e999999999 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: A, value: -1e999999999 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: B, value: 1e-999999999 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: C, value: 1000000000000.5 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: D, value: 92.12345 }
                """))).containsExactlyInAnyOrder(
                "subject.campaignResults[0].value: must be between -1000000000000 and 1000000000000",
                "subject.campaignResults[1].value: must be between -1000000000000 and 1000000000000",
                "subject.campaignResults[2].value: has more than 4 decimal places",
                "subject.campaignResults[3].value: must be between -1000000000000 and 1000000000000",
                "subject.campaignResults[4].value: has more than 4 decimal places");
        // The bounds themselves, and trailing zeros past the fourth place, are fine.
        CaseDocument ok = CaseReader.read(doc("""
                id: P-1
                kind: PERSON
                campaignResults:
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: A, value: 1000000000000 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: B, value: -1e12 }
                  - { campaign: INNOVATION_DX_2025_2030, year: 2025, group: INDIVIDUALS, indicator: C, value: 92.12340000 }
                """));
        assertThat(ok.subject().campaignResults()).hasSize(3);
        assertThat(ok.subject().campaignResults().get(1).summary()).endsWith("=-1000000000000");
    }

    @Test
    void a_campaign_results_summary_never_writes_an_unchecked_value_out_in_full() {
        CampaignResultFact huge = new CampaignResultFact("C", 2025, "G", "I", new BigDecimal("1e999999999"), null, null);
        CampaignResultFact tiny = new CampaignResultFact("C", 2025, "G", "I", new BigDecimal("1e-999999999"), null, null);
        assertThat(huge.summary()).isEqualTo("2025 C G I=1E+999999999");
        assertThat(tiny.summary()).isEqualTo("2025 C G I=1E-999999999");
        assertThat(new CampaignResultFact("C", 2025, "G", "I", new BigDecimal("92.5"), null, null).summary()).isEqualTo("2025 C G I=92.5");
    }

    @Test
    void a_unit_continues_at_most_one_predecessor_on_one_day_and_lists_each_once() {
        // Either would make the history depend on the order of the list (the last listed rating of a year would win).
        assertThat(errors(doc("""
                id: U-NEW
                kind: COLLECTIVE
                predecessors:
                  - { relation: MERGED_INTO, on: 2025-07-01, continues: true, unit: { id: U-W1, kind: COLLECTIVE } }
                  - { relation: MERGED_INTO, on: 2025-07-01, continues: true, unit: { id: U-W2, kind: COLLECTIVE } }
                  - { relation: MERGED_INTO, on: 2025-07-01, continues: false, unit: { id: U-W1, kind: COLLECTIVE } }
                """))).containsExactlyInAnyOrder(
                "subject.predecessors[1].continues: predecessors[0] already continues on 2025-07-01: a unit continues at most one predecessor on one day",
                "subject.predecessors[2].unit.id: \"U-W1\" is already listed at predecessors[0]: a predecessor is listed once");
        // One continued per day, on different days, is fine; so is the check inside a predecessor, at its path.
        assertThat(CaseReader.read(doc("""
                id: U-NEW
                kind: COLLECTIVE
                predecessors:
                  - { relation: MERGED_INTO, on: 2025-07-01, continues: true, unit: { id: U-W1, kind: COLLECTIVE } }
                  - { relation: MERGED_INTO, on: 2025-07-01, continues: false, unit: { id: U-W2, kind: COLLECTIVE } }
                  - { relation: SPLIT_FROM, on: 2020-01-01, continues: true, unit: { id: U-OLD, kind: COLLECTIVE } }
                """)).subject().predecessors()).hasSize(3);
        assertThat(errors(doc("""
                id: U-NEW
                kind: COLLECTIVE
                predecessors:
                  - { relation: RENAMED, on: 2025-07-01, unit: { id: U-A, kind: COLLECTIVE, predecessors: [
                      { relation: MERGED_INTO, on: 2020-01-01, continues: true, unit: { id: U-X, kind: COLLECTIVE } },
                      { relation: MERGED_INTO, on: 2020-01-01, continues: true, unit: { id: U-Y, kind: COLLECTIVE } } ] } }
                """))).containsExactly("subject.predecessors[0].unit.predecessors[1].continues: predecessors[0] already"
                + " continues on 2020-01-01: a unit continues at most one predecessor on one day");
    }
}
