package vn.laurel.engine.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A collective through mergers, decided under each policy of whose history counts ({@code <award>.predecessor_history}):
 * the same ward as the scenario, with the parameter set otherwise. The scenario format has no parameter override of
 * its own, so the other policies are decided here.
 */
class LineageEvaluationTest {
    static RuleSet rules;
    static final String MP = "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT";
    static final String PM = "PRIME_MINISTER_CERTIFICATE_OF_MERIT";

    @BeforeAll
    static void load() { rules = RuleSetLoader.load(RepoPaths.rules()); }

    static CaseDocument scenario(String path) throws IOException {
        return CaseReader.read(Files.readString(RepoPaths.root().resolve("examples/scenarios").resolve(path)));
    }

    static final String WARD = "ministerial-provincial-certificate-of-merit/"
            + "a-ward-formed-in-july-2025-from-three-wards-continues-the-ward-that-kept-the-seat.yaml";

    /** The repository's rules with one parameter given one national value from 2014-06-01. */
    static RuleSet with(String parameter, Object value) {
        Map<String, Parameter> parameters = new LinkedHashMap<>(rules.parameters());
        Parameter p = parameters.get(parameter);
        parameters.put(parameter, new Parameter(p.name(), p.description(), p.unit(), p.confidence(), p.file(),
                List.of(new ParameterValue(LocalDate.of(2014, 6, 1), value, "test", null, null, false, null))));
        return new RuleSet(rules.version(), rules.directory(), rules.loadedAt(), rules.files(), rules.regimes(), rules.awards(),
                parameters, rules.compiled(), rules.attestations(), rules.campaigns());
    }

    static AwardResult answer(RuleSet set, CaseDocument doc, String award) {
        return new Evaluator(() -> set).evaluate(set, doc).result(award);
    }

    static String note(AwardResult r, String lang) {
        return r.notes().stream().map(n -> n.in(lang)).filter(n -> n.contains("predecessor_history")).findFirst().orElse("");
    }

    @Test
    void the_ward_formed_from_three_wards_under_each_policy() throws IOException {
        CaseDocument ward = scenario(WARD);
        AwardResult receiving = answer(rules, ward, MP);
        assertThat(receiving.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(note(receiving, "en")).isEqualTo("The unit's history through mergers, splits and renames: history before"
                + " 2025-07-01 taken from predecessor U-HANG-BAC (Phường Hàng Bạc, 42 members), not from U-HANG-DAO"
                + " (Phường Hàng Đào, 55 members), U-HANG-BUOM (Phường Hàng Buồm, 30 members) — parameter"
                + " ministerial_provincial_certificate_of_merit.predecessor_history = RECEIVING_UNIT.");
        assertThat(note(receiving, "vi")).startsWith("Lịch sử đơn vị qua sáp nhập, chia tách, đổi tên: lịch sử trước 01/07/2025"
                + " lấy từ đơn vị tiền thân U-HANG-BAC (Phường Hàng Bạc, 42 người)");

        AwardResult largest = answer(with("ministerial_provincial_certificate_of_merit.predecessor_history", "LARGEST_PREDECESSOR"), ward, MP);
        assertThat(largest.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(note(largest, "en")).contains("taken from predecessor U-HANG-DAO (Phường Hàng Đào, 55 members)", "= LARGEST_PREDECESSOR");
        CriterionOutcome path = largest.criteria().stream().filter(c -> c.criterion().equals("COLLECTIVE_ACHIEVEMENT_PATH")).findFirst().orElseThrow();
        assertThat(path.status()).isEqualTo(Status.NOT_MET);
        assertThat(path.evidence()).extracting("summary").contains("2025 EXCELLENT");

        AwardResult none = answer(with("ministerial_provincial_certificate_of_merit.predecessor_history", "NONE"), ward, MP);
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(note(none, "en")).contains("no history before 2025-07-01 counts: neither that of U-HANG-BAC", "= NONE");
    }

    @Test
    void the_evidence_shows_the_predecessors_facts_with_their_ids_and_sources() {
        CaseDocument ward = CaseReader.read("""
                asOf: 2026-02-10
                year: 2025
                awards: [MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT]
                subject:
                  id: U-NEW
                  kind: COLLECTIVE
                  ratings: [ { year: 2025, rating: EXCELLENT } ]
                  attestations: [ { year: 2025, criterion: DEMOCRACY_AND_THRIFT, value: true } ]
                  predecessors:
                    - { relation: MERGED_INTO, on: 2025-07-01, members: 42, continues: true, id: "unit_event:7", source: "unit_events.csv row 3",
                        unit: { id: U-OLD, kind: COLLECTIVE, ratings: [ { year: 2024, rating: EXCELLENT, id: "rating:88", source: "ratings.csv row 9" } ] } }
                """);
        EvaluationResult r = new Evaluator(() -> rules).evaluate(rules, ward);
        CriterionOutcome path = r.result(MP).criteria().stream().filter(c -> c.criterion().equals("COLLECTIVE_ACHIEVEMENT_PATH")).findFirst().orElseThrow();
        assertThat(path.status()).isEqualTo(Status.MET);
        assertThat(path.evidence()).extracting("factId").contains("rating:88");
        assertThat(path.evidence()).extracting("source").contains("ratings.csv row 9");
        assertThat(r.facts()).extracting("type").contains("predecessor");
        assertThat(r.facts()).extracting("factId").contains("unit_event:7");
        assertThat(r.parameters()).extracting("name").contains("ministerial_provincial_certificate_of_merit.predecessor_history");
        assertThat(r.result(MP).parameterNames()).contains("ministerial_provincial_certificate_of_merit.predecessor_history");
    }

    @Test
    void awards_of_different_policies_are_decided_in_a_session_each_with_their_own_note() throws IOException {
        CaseDocument ward = scenario(WARD);
        CaseDocument both = new CaseDocument(ward.name(), ward.asOf(), ward.year(), List.of(MP, PM), ward.organisation(),
                ward.subject(), ward.members(), Map.of());
        EvaluationResult r = new Evaluator(() -> with("ministerial_provincial_certificate_of_merit.predecessor_history", "NONE"))
                .evaluate(both);
        assertThat(r.results()).extracting(AwardResult::award).containsExactly(MP, PM);
        assertThat(note(r.result(MP), "en")).endsWith("= NONE.");
        assertThat(note(r.result(PM), "en")).endsWith("prime_minister_certificate_of_merit.predecessor_history = RECEIVING_UNIT.");
        assertThat(r.result(MP).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        // Each session fired its own rules: both awards' criteria are in the trace.
        assertThat(r.firedRules()).extracting(FiredRule::award).contains(MP, PM);
    }

    @Test
    void a_unit_without_predecessors_reads_no_lineage_parameter_and_carries_no_note() {
        CaseDocument plain = CaseReader.read("""
                asOf: 2026-02-10
                year: 2025
                awards: [MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT]
                subject:
                  id: U-PLAIN
                  kind: COLLECTIVE
                  ratings: [ { year: 2024, rating: EXCELLENT }, { year: 2025, rating: EXCELLENT } ]
                  attestations: [ { year: 2025, criterion: DEMOCRACY_AND_THRIFT, value: true } ]
                """);
        EvaluationResult r = new Evaluator(() -> rules).evaluate(plain);
        assertThat(r.result(MP).outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(r.parameters()).extracting("name").doesNotContain("ministerial_provincial_certificate_of_merit.predecessor_history");
        assertThat(r.result(MP).notes()).isEmpty();
    }

    @Test
    void a_policy_parameter_without_a_value_leaves_the_predecessors_out_and_says_so() throws IOException {
        Map<String, Parameter> parameters = new LinkedHashMap<>(rules.parameters());
        parameters.remove("ministerial_provincial_certificate_of_merit.predecessor_history");
        RuleSet without = new RuleSet(rules.version(), rules.directory(), rules.loadedAt(), rules.files(), rules.regimes(),
                rules.awards(), parameters, rules.compiled(), rules.attestations(), rules.campaigns());
        AwardResult r = answer(without, scenario(WARD), MP);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(r.notes()).extracting(n -> n.en()).anySatisfy(n -> assertThat(n).startsWith(
                "Parameter ministerial_provincial_certificate_of_merit.predecessor_history has no value in force").contains("U-HANG-BAC"));
    }

    @Test
    void the_renamed_hospital_names_both_earlier_units() throws IOException {
        AwardResult r = answer(rules, scenario("prime-minister-certificate-of-merit/"
                + "a-hospital-renamed-twice-keeps-its-ministry-certificate-and-excellent-years.yaml"), PM);
        assertThat(r.outcome()).isEqualTo(Outcome.ELIGIBLE);
        Localized note = r.notes().stream().filter(n -> n.en().contains("renaming")).findFirst().orElseThrow();
        assertThat(note.en()).contains("U-TTYT-GIA-LAM (Trung tâm Y tế huyện Gia Lâm)", "renaming on 2024-01-01",
                "through U-TTYT-GIA-LAM: the history of U-BV-HUYEN-GIA-LAM (Bệnh viện huyện Gia Lâm)", "renaming on 2021-01-01");
        // Renamed predecessors count whatever the policy.
        assertThat(answer(with("prime_minister_certificate_of_merit.predecessor_history", "NONE"), scenario("prime-minister-certificate-of-merit/"
                + "a-hospital-renamed-twice-keeps-its-ministry-certificate-and-excellent-years.yaml"), PM).outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void the_young_construction_unit_formed_by_a_merger_is_considered_under_every_policy() throws IOException {
        CaseDocument merged = scenario("advanced-labor-collective/in-construction-a-unit-formed-by-a-merger-seven-months-before-is-considered.yaml");
        for (String policy : List.of("RECEIVING_UNIT", "LARGEST_PREDECESSOR", "NONE")) {
            AwardResult r = answer(with("advanced_labor_collective.predecessor_history", policy), merged, "ADVANCED_LABOR_COLLECTIVE");
            assertThat(r.outcome()).as(policy).isEqualTo(Outcome.ELIGIBLE);
            assertThat(r.criteria()).filteredOn(c -> c.criterion().equals("UNIT_AGE_OR_MERGER")).singleElement()
                    .satisfies(c -> assertThat(c.status()).isEqualTo(Status.MET));
        }
    }

    /** The department of the review's H4: rated EXCELLENT in 2023 and 2024; another department merged into it on {@code merger}. */
    static CaseDocument department(String asOf, int year, String merger, String aggregates) {
        return CaseReader.read("""
                asOf: %s
                year: %d
                awards: [MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT]
                subject:
                  id: U-PHONG-TC
                  kind: COLLECTIVE
                  name: Phòng Tài chính – Kế hoạch
                  ratings: [ { year: 2023, rating: EXCELLENT }, { year: 2024, rating: EXCELLENT }, { year: 2025, rating: EXCELLENT } ]
                  attestations:
                    - { year: %d, criterion: DEMOCRACY_AND_THRIFT, value: true }
                    - { year: %d, criterion: OUTSTANDING_IN_MOVEMENT, value: false }
                    - { year: %d, criterion: AD_HOC_ACHIEVEMENT, value: false }
                    - { year: %d, criterion: EXCEPTIONAL_CONTRIBUTION, value: false }
                %s  predecessors:
                    - { relation: MERGED_INTO, on: %s, members: 9, continues: false,
                        unit: { id: U-PHONG-KH, kind: COLLECTIVE, name: Phòng Kế hoạch, ratings: [ { year: 2024, rating: GOOD } ] } }
                """.formatted(asOf, year, year, year, year, year, aggregates, merger));
    }

    @Test
    void a_merger_dated_after_the_appraisal_changes_nothing_under_any_policy() {
        // The 2024 question, appraised on 2025-01-20: the merger of 2025-07-01 had not happened (it was recorded later).
        CaseDocument before = department("2025-01-20", 2024, "2025-07-01", "");
        for (String policy : List.of("RECEIVING_UNIT", "LARGEST_PREDECESSOR", "NONE")) {
            AwardResult r = answer(with("ministerial_provincial_certificate_of_merit.predecessor_history", policy), before, MP);
            assertThat(r.outcome()).as(policy).isEqualTo(Outcome.ELIGIBLE);
            assertThat(note(r, "en")).as(policy + ": no lineage note, the unit had no predecessor then").isEmpty();
            assertThat(r.criteria()).filteredOn(c -> c.criterion().equals("COLLECTIVE_ACHIEVEMENT_PATH")).singleElement()
                    .satisfies(c -> assertThat(c.evidence()).extracting("summary").contains("2023 EXCELLENT", "2024 EXCELLENT"));
        }
        // Appraised after the merger (the 2025 question), NONE keeps nothing before 2025: the event counts then.
        CaseDocument after = department("2026-01-20", 2025, "2025-07-01", "");
        AwardResult none = answer(with("ministerial_provincial_certificate_of_merit.predecessor_history", "NONE"), after, MP);
        assertThat(none.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(note(none, "en")).contains("no history before 2025-07-01 counts");
    }

    @Test
    void under_largest_predecessor_a_receiving_unit_of_unknown_size_keeps_its_own_history_and_says_so() {
        // The department received the other (9 members) but its own size the year before is not recorded
        // (stored units are measured by memberships, not member figures): no pick on partial figures.
        RuleSet largest = with("ministerial_provincial_certificate_of_merit.predecessor_history", "LARGEST_PREDECESSOR");
        AwardResult unknown = answer(largest, department("2026-01-20", 2025, "2025-07-01", ""), MP);
        assertThat(unknown.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(unknown.criteria()).filteredOn(c -> c.criterion().equals("COLLECTIVE_ACHIEVEMENT_PATH")).singleElement()
                .satisfies(c -> assertThat(c.evidence()).extracting("summary").contains("2024 EXCELLENT").doesNotContain("2024 GOOD"));
        assertThat(note(unknown, "en")).contains("before 2025-07-01 the sizes needed to pick the largest unit are not all recorded"
                + " (U-PHONG-KH (Phòng Kế hoạch, 9 members)): nothing is picked on partial figures; only the receiving unit's own"
                + " history counts", "= LARGEST_PREDECESSOR");
        assertThat(note(unknown, "vi")).contains("chưa ghi nhận đủ số người", "không chọn theo số liệu thiếu");
        // With its size recorded, the pick is made on the figures: the 9-member department is larger than a 5-member one.
        AwardResult smaller = answer(largest, department("2026-01-20", 2025, "2025-07-01", "  memberAggregates: [ { year: 2024, members: 5 } ]\n"), MP);
        assertThat(note(smaller, "en")).contains("taken from predecessor U-PHONG-KH");
        assertThat(smaller.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
    }
}
