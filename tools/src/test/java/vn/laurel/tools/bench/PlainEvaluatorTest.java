package vn.laurel.tools.bench;

import org.junit.jupiter.api.Test;
import vn.laurel.tools.RepoPaths;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.CaseDocument;
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
 * The hand-written evaluator is a fair compute limit only if it decides what the engine decides:
 * every person scenario of the repository appraised under the 2022 law, for the four awards.
 */
class PlainEvaluatorTest {
    @Test
    void decides_every_2022_person_scenario_as_the_engine_does() throws IOException {
        RuleSet rules = RuleSetLoader.load(RepoPaths.rules());
        Evaluator engine = new Evaluator(() -> rules, false);
        PlainEvaluator plain = new PlainEvaluator(rules.parameters());
        List<String> differences = new ArrayList<>();
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        int compared = 0;
        try (Stream<Path> files = Files.walk(RepoPaths.root().resolve("examples/scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                CaseDocument doc = CaseReader.read(Files.readString(f));
                if (doc.subject().kind() != SubjectKind.PERSON || !rules.regimeOn(doc.asOf()).map(r -> r.code()).orElse("").equals("LAW_2022")) continue;
                CaseDocument asked = new CaseDocument(doc.name(), doc.asOf(), doc.year(), PlainEvaluator.AWARDS, doc.organisation(),
                        doc.subject(), List.of(), Map.of());
                EvaluationResult expected = engine.evaluate(asked);
                Map<String, Outcome> actual = plain.evaluate(doc.subject(), doc.year(), doc.asOf(), doc.organisation());
                for (String award : PlainEvaluator.AWARDS) {
                    Outcome e = expected.result(award).outcome();
                    seen.merge(e, 1, Integer::sum);
                    if (e != actual.get(award)) differences.add(f.getFileName() + " " + award + ": engine " + e + ", plain " + actual.get(award));
                }
                compared++;
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).as("scenarios compared").isGreaterThan(50);
        assertThat(seen.keySet()).as("outcomes met").contains(Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE, Outcome.NEEDS_REVIEW);
    }
}
