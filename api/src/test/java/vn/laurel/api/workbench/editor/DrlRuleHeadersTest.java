package vn.laurel.api.workbench.editor;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-metadata rewrite: only the named lines of the named rule change, and values read back as written. */
class DrlRuleHeadersTest {
    static final String FIRST = "ADVANCED_LABORER: rated good or better";
    static final String SECOND = "ADVANCED_LABORER 2013: complies with policy and law";

    static String laborer() throws Exception {
        return Files.readString(ThrowawayPostgres.repoRoot().resolve("rules/awards/advanced-laborer.drl"), StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRulesAndTheirMetadataWithTheParser() throws Exception {
        List<DrlRuleHeaders.Rule> rules = DrlRuleHeaders.rules(laborer());
        assertThat(rules).extracting(DrlRuleHeaders.Rule::name).contains(FIRST, SECOND);
        DrlRuleHeaders.Rule first = rules.get(0);
        assertThat(first.name()).isEqualTo(FIRST);
        assertThat(first.entry("award").orElseThrow().value()).isEqualTo("ADVANCED_LABORER");
        assertThat(first.entry("regimes").orElseThrow().value()).isEqualTo("LAW_2013 LAW_2022 LAW_2026_PROVISIONAL");
        assertThat(first.entry("confidence_LAW_2026_PROVISIONAL").orElseThrow().value()).isEqualTo("UNCONFIRMED");
        assertThat(first.entry("legalBasisVi").orElseThrow().value()).isEqualTo("Luật 06/2022/QH15, Điều 24, khoản 1, điểm a");
        // The comment lines above the rule and its conditions are no metadata.
        assertThat(first.meta()).allMatch(m -> !m.name().isEmpty() && m.line() > first.line());
    }

    @Test
    void roundTripChangesNothing() throws Exception {
        String text = laborer();
        DrlRuleHeaders.Rule first = DrlRuleHeaders.rule(text, FIRST).orElseThrow();
        Map<String, String> same = new java.util.HashMap<>();
        first.meta().forEach(m -> same.put(m.name(), m.value()));
        assertThat(DrlRuleHeaders.rewrite(text, FIRST, same)).isEqualTo(text);
    }

    @Test
    void aValueWithQuotesBackslashesAndVietnameseIsEscapedAndReadBack() throws Exception {
        String text = laborer();
        String vi = "Mức \"hoàn thành tốt\" năm {year}: {actual} \\ yêu cầu: {required}";
        String out = DrlRuleHeaders.rewrite(text, FIRST, Map.of("vi", vi, "confidence", "RECALLED"));
        assertThat(out).contains("    @vi(\"Mức \\\"hoàn thành tốt\\\" năm {year}: {actual} \\\\ yêu cầu: {required}\")");
        DrlRuleHeaders.Rule first = DrlRuleHeaders.rule(out, FIRST).orElseThrow();
        assertThat(first.entry("vi").orElseThrow().value()).isEqualTo(vi);
        assertThat(first.entry("confidence").orElseThrow().value()).isEqualTo("RECALLED");
        // Only those two lines differ; the second rule (which also has @vi and @confidence) is untouched.
        List<String> before = text.lines().toList(), after = out.lines().toList();
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.size(); i++) if (!before.get(i).equals(after.get(i))) changed++;
        assertThat(changed).isEqualTo(2);
        String secondBefore = text.substring(text.indexOf("rule \"" + SECOND)), secondAfter = out.substring(out.indexOf("rule \"" + SECOND));
        assertThat(secondAfter).isEqualTo(secondBefore);
    }

    @Test
    void crlfLinesKeepTheirEndings() {
        String text = "package p;\r\n\r\nrule \"a\"\r\n    @vi(\"x\")\r\n    @en(\"y\")\r\nwhen\r\nthen\r\nend\r\n";
        String out = DrlRuleHeaders.rewrite(text, "a", Map.of("vi", "z"));
        assertThat(out).isEqualTo(text.replace("@vi(\"x\")", "@vi(\"z\")"));
    }

    @Test
    void aFileThatDoesNotParseHasNoRulesToList() {
        assertThatThrownBy(() -> DrlRuleHeaders.rules("package p;\nrule \"a\" when then\n")).isInstanceOf(DrlRuleHeaders.Unparsable.class);
    }
}
