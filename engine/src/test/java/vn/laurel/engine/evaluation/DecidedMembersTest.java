package vn.laurel.engine.evaluation;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch decides a unit's people first and hands their answers to the unit's evaluation. That
 * shortcut is sound only if the unit's answer is the one it gets deciding its members itself: for
 * every collective scenario with members, the whole answer must be identical, with the trace on.
 */
class DecidedMembersTest {
    @Test
    void a_collective_decided_with_its_members_answers_handed_over_gets_the_same_answer() throws IOException {
        RuleSet rules = RuleSetLoader.load(RepoPaths.rules());
        Evaluator engine = new Evaluator(() -> rules, true);
        List<String> differences = new ArrayList<>();
        int compared = 0, reusedMembers = 0;
        try (Stream<Path> files = Files.walk(RepoPaths.root().resolve("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CaseDocument doc = CaseReader.read(Files.readString(f));
                if (doc.subject().kind() != SubjectKind.COLLECTIVE || doc.members().isEmpty()) continue;
                Map<String, EvaluationResult> decided = new HashMap<>();
                for (Subject member : doc.members()) {
                    CaseDocument alone = new CaseDocument(null, doc.asOf(), doc.year(), List.of(), doc.organisation(), member, List.of(), Map.of());
                    decided.put(member.id(), engine.evaluate(rules, alone));
                }
                String itself = answer(engine.evaluate(rules, doc));
                String handedOver = answer(engine.evaluate(rules, doc, decided));
                if (!itself.equals(handedOver)) differences.add(f.getFileName().toString());
                compared++;
                reusedMembers += decided.size();
            }
        }
        assertThat(differences).as("scenarios whose answer changed").isEmpty();
        assertThat(compared).as("collective scenarios with members").isGreaterThan(10);
        assertThat(reusedMembers).isGreaterThan(30);
    }

    @Test
    void an_answer_from_another_year_is_not_reused() throws IOException {
        RuleSet rules = RuleSetLoader.load(RepoPaths.rules());
        Evaluator engine = new Evaluator(() -> rules, false);
        CaseDocument doc = firstCollectiveWithMembers();
        Subject member = doc.members().get(0);
        CaseDocument otherYear = new CaseDocument(null, doc.asOf(), doc.year() - 1, List.of(), doc.organisation(), member, List.of(), Map.of());
        Map<String, EvaluationResult> stale = Map.of(member.id(), engine.evaluate(rules, otherYear));
        assertThat(answer(engine.evaluate(rules, doc, stale))).isEqualTo(answer(engine.evaluate(rules, doc)));
    }

    /** The answer without what differs between any two runs (none of it does today; kept explicit). */
    private static String answer(EvaluationResult r) {
        return Json.write(r);
    }

    private static CaseDocument firstCollectiveWithMembers() throws IOException {
        try (Stream<Path> files = Files.walk(RepoPaths.root().resolve("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CaseDocument doc = CaseReader.read(Files.readString(f));
                if (doc.subject().kind() == SubjectKind.COLLECTIVE && doc.members().size() > 1) return doc;
            }
        }
        throw new IllegalStateException("no collective scenario with members");
    }
}
