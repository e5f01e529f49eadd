package vn.laurel.engine.unit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.evaluation.MemberResult;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A unit with its members through the one entry point: the members' own answers with the caps applied
 * among them, and the unit's answer decided on them — the same answer the unit gets as a case of its
 * own, and the same caps its members get inside it.
 */
class UnitEvaluatorTest {
    static RuleSet rules;
    static List<CaseDocument> collectives;

    @BeforeAll
    static void load() throws IOException {
        rules = RuleSetLoader.load(RepoPaths.rules());
        List<CaseDocument> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RepoPaths.root().resolve("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CaseDocument doc = CaseReader.read(Files.readString(f));
                if (doc.subject().kind() == SubjectKind.COLLECTIVE && !doc.members().isEmpty()) found.add(doc);
            }
        }
        collectives = found;
    }

    /** Each member's own case, for every award a person may receive, as a batch asks. */
    static List<CaseDocument> memberCases(CaseDocument unit) {
        return unit.members().stream().map(m -> new CaseDocument(null, unit.asOf(), unit.year(), List.of(), unit.organisation(), m,
                List.of(), Map.of())).toList();
    }

    @Test
    void the_unit_s_answer_is_the_one_it_gets_as_a_case_of_its_own_and_its_members_are_capped_alike() {
        Evaluator engine = new Evaluator(() -> rules, true);
        UnitEvaluator units = new UnitEvaluator(engine);
        List<String> differences = new ArrayList<>();
        int capped = 0;
        for (CaseDocument doc : collectives) {
            UnitAnswer answer = units.evaluate(rules, UnitCase.of(doc, memberCases(doc)));
            if (!Json.write(answer.unit()).equals(Json.write(engine.evaluate(rules, doc)))) differences.add(doc.subject().id());
            assertThat(answer.members()).hasSize(doc.members().size());
            // The awards the unit counts come out for each member as they do inside the unit's answer, caps included.
            for (MemberResult inside : answer.unit().members()) {
                EvaluationResult own = answer.members().stream().filter(m -> m.subjectId().equals(inside.subjectId())).findFirst().orElseThrow();
                for (AwardResult counted : inside.results()) {
                    AwardResult alone = own.result(counted.award());
                    assertThat(alone.outcome()).as(doc.subject().id() + " " + inside.subjectId() + " " + counted.award())
                            .isEqualTo(counted.outcome());
                    assertThat(alone.quota()).isEqualTo(counted.quota());
                    if (counted.quota() != null) capped++;
                }
            }
        }
        assertThat(differences).as("units whose answer changed").isEmpty();
        assertThat(collectives).hasSizeGreaterThan(10);
        assertThat(capped).as("members ranked by a cap, or this test proves less").isGreaterThan(0);
    }

    @Test
    void a_cap_ranks_the_members_with_the_parameters_it_read() {
        CaseDocument doc = collectives.stream().filter(this::hasCappedMember).findFirst().orElseThrow();
        UnitAnswer answer = new UnitEvaluator(new Evaluator(() -> rules, false)).evaluate(rules, UnitCase.of(doc, memberCases(doc)));
        List<AwardResult> ranked = answer.members().stream().map(m -> m.result("GRASSROOTS_EMULATION_SOLDIER"))
                .filter(r -> r.quota() != null).toList();
        assertThat(ranked).isNotEmpty();
        assertThat(ranked).extracting(r -> r.quota().rank()).doesNotHaveDuplicates();
        assertThat(ranked).allSatisfy(r -> assertThat(r.outcome()).isIn(Outcome.ELIGIBLE, Outcome.ELIGIBLE_SUBJECT_TO_QUOTA));
        assertThat(answer.quotaParameters("GRASSROOTS_EMULATION_SOLDIER")).extracting(ParameterUse::name)
                .contains("quota.GRASSROOTS_EMULATION_SOLDIER.cap_pct", "quota.ranking.national_initiative_weight",
                        "quota.ranking.ministerial_provincial_initiative_weight", "quota.ranking.grassroots_initiative_weight");
        assertThat(answer.quotaParameters("NO_SUCH_AWARD")).isEmpty();
    }

    private boolean hasCappedMember(CaseDocument doc) {
        EvaluationResult r = new Evaluator(() -> rules, false).evaluate(rules, doc);
        return r.members().stream().flatMap(m -> m.results().stream()).anyMatch(a -> a.quota() != null);
    }

    @Test
    void members_only_are_capped_together_and_no_unit_is_decided() {
        CaseDocument doc = collectives.stream().filter(this::hasCappedMember).findFirst().orElseThrow();
        UnitAnswer answer = new UnitEvaluator(new Evaluator(() -> rules, false))
                .evaluate(rules, UnitCase.together(doc.year(), doc.asOf(), doc.organisation(), memberCases(doc)));
        assertThat(answer.unit()).isNull();
        assertThat(answer.members()).extracting(EvaluationResult::subjectId)
                .containsExactlyElementsOf(doc.members().stream().map(Subject::id).toList());
        assertThat(answer.members()).anyMatch(m -> m.results().stream().anyMatch(a -> a.quota() != null));
    }

    @Test
    void every_subject_is_heard_once_and_in_parallel_the_answers_are_the_same() {
        CaseDocument doc = collectives.stream().max(Comparator.comparingInt(d -> d.members().size())).orElseThrow();
        Evaluator engine = new Evaluator(() -> rules, true);
        Queue<String> heard = new ConcurrentLinkedQueue<>();
        UnitAnswer sequential = new UnitEvaluator(engine).evaluate(rules, UnitCase.of(doc, memberCases(doc)));
        UnitAnswer parallel = new UnitEvaluator(engine).inParallel().evaluate(rules, UnitCase.of(doc, memberCases(doc)), heard::add);
        assertThat(heard).hasSize(doc.members().size() + 1).doesNotHaveDuplicates().contains(doc.subject().id());
        assertThat(Json.write(parallel.unit())).isEqualTo(Json.write(sequential.unit()));
        for (int i = 0; i < doc.members().size(); i++) {
            assertThat(Json.write(parallel.members().get(i))).isEqualTo(Json.write(sequential.members().get(i)));
        }
    }

    @Test
    void what_the_listener_throws_ends_the_evaluation() {
        CaseDocument doc = collectives.get(0);
        UnitEvaluator units = new UnitEvaluator(new Evaluator(() -> rules, false));
        assertThatThrownBy(() -> units.evaluate(rules, UnitCase.of(doc, memberCases(doc)), id -> {
            throw new IllegalStateException("past the deadline");
        })).hasMessage("past the deadline");
    }

    @Test
    void cases_of_another_year_or_date_are_not_one_unit() {
        CaseDocument doc = collectives.get(0);
        Subject member = doc.members().get(0);
        CaseDocument otherYear = new CaseDocument(null, doc.asOf(), doc.year() - 1, List.of(), doc.organisation(), member, List.of(), Map.of());
        assertThatThrownBy(() -> UnitCase.of(doc, List.of(otherYear))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(member.id());
        CaseDocument otherDate = new CaseDocument(null, doc.asOf().minusDays(1), doc.year(), List.of(), doc.organisation(), member,
                List.of(), Map.of());
        assertThatThrownBy(() -> UnitCase.of(doc, List.of(otherDate))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitCase.of(otherDate, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a unit");
    }
}
