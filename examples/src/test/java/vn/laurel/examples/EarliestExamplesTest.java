package vn.laurel.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.projection.Assumptions;
import vn.laurel.engine.projection.Earliest;
import vn.laurel.engine.projection.EarliestAnswer;
import vn.laurel.engine.projection.EarliestYears;
import vn.laurel.engine.ruleset.RuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under examples/earliest: a case document with its assumptions ({@code assume:}) and the earliest
 * year expected per award ({@code expectEarliest:} a year, NEVER, {@code {never: [criteria]}} or
 * {@code {never: NOT_MODELLED}}), run against rules/. One test per file, named by its sentence.
 */
class EarliestExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TestFactory
    Stream<DynamicTest> every_earliest_year_example_gets_the_years_it_expects() throws IOException {
        RuleSet rules = RepositoryRules.get();
        List<Path> files;
        try (Stream<Path> walk = Files.list(ScenarioSuiteTest.root().resolve("examples/earliest"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("earliest-year examples found").isNotEmpty();
        return files.stream().map(f -> {
            ObjectNode tree = read(f);
            String name = tree.path("name").asText(f.getFileName().toString());
            return DynamicTest.dynamicTest(name + " [" + f.getFileName() + "]", () -> check(rules, tree));
        });
    }

    private static ObjectNode read(Path f) {
        try {
            return (ObjectNode) YAML.readTree(Files.readString(f));
        } catch (IOException e) {
            throw new IllegalStateException(f + ": " + e.getMessage(), e);
        }
    }

    private static void check(RuleSet rules, ObjectNode tree) throws IOException {
        JsonNode expected = tree.remove("expectEarliest");
        JsonNode assume = tree.remove("assume");
        assertThat(expected).as("expectEarliest").isNotNull();
        CaseDocument doc = CaseReader.read(new ObjectMapper().writeValueAsString(tree));
        Earliest answer = EarliestYears.find(rules, doc, assumptions(assume));
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            EarliestAnswer a = answer.answer(e.getKey());
            String got = describe(a);
            String want = expectation(e.getValue(), a);
            if (!want.equals(got)) wrong.add(e.getKey() + ": expected " + want + ", got " + got + " — " + a.headline().en());
        }
        assertThat(wrong).isEmpty();
    }

    private static Assumptions assumptions(JsonNode assume) {
        if (assume == null) return Assumptions.NONE;
        return new Assumptions(assume.hasNonNull("rating") ? Rating.valueOf(assume.get("rating").asText()) : null,
                assume.hasNonNull("initiativesPerYear") ? assume.get("initiativesPerYear").asInt() : null,
                assume.hasNonNull("attested") ? assume.get("attested").asBoolean() : null,
                assume.hasNonNull("horizon") ? assume.get("horizon").asInt() : null)
                .withRulesContinue(assume.hasNonNull("rulesContinue") ? assume.get("rulesContinue").asBoolean() : null);
    }

    /** The answer in the form of the expectation it is compared with. */
    private static String describe(EarliestAnswer a) {
        if (a.earliestYear() != null) return String.valueOf(a.earliestYear());
        if (a.never().reason() == EarliestAnswer.Never.Reason.NOT_MODELLED) return "NEVER NOT_MODELLED";
        return "NEVER " + new TreeSet<>(a.never().criteria().stream().map(EarliestAnswer.Unmet::criterion).toList());
    }

    /** The expectation; a bare NEVER accepts any reason. */
    private static String expectation(JsonNode v, EarliestAnswer a) {
        if (v.isInt()) return String.valueOf(v.asInt());
        if (v.isTextual() && v.asText().equals("NEVER")) return a.earliestYear() == null ? describe(a) : "NEVER";
        JsonNode never = v.get("never");
        if (never != null && never.isTextual() && never.asText().equals("NOT_MODELLED")) return "NEVER NOT_MODELLED";
        if (never != null && never.isArray()) {
            Set<String> criteria = new TreeSet<>();
            never.forEach(c -> criteria.add(c.asText()));
            return "NEVER " + criteria;
        }
        throw new IllegalArgumentException("expectEarliest: " + v + " is not a year, NEVER, {never: [criteria]} or {never: NOT_MODELLED}");
    }
}
