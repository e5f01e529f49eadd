package vn.laurel.api.workbench.catalogue;

import org.junit.jupiter.api.Test;
import vn.laurel.api.ThrowawayPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** RuleText on the real rule files: every rule found by its line, its paraphrases per regime, its check. */
class WorkbenchCatalogueRuleTextTest {
    static final Path AWARDS = ThrowawayPostgres.repoRoot().resolve("rules/awards");

    static List<String> lines(String file) throws Exception {
        return Files.readAllLines(AWARDS.resolve(file));
    }

    static int lineOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(start)) return i + 1;
        throw new AssertionError("no line " + start);
    }

    @Test
    void the_regime_variant_of_the_paraphrase_is_chosen_else_the_plain_one() throws Exception {
        List<String> lines = lines("advanced-laborer.drl");
        int line = lineOf(lines, "rule \"ADVANCED_LABORER: rated good or better\"");
        RuleText rule = RuleText.at(lines, line).orElseThrow();
        assertThat(rule.line()).isEqualTo(line);
        assertThat(rule.paraphrase("vi", "LAW_2022")).isEqualTo("Hoàn thành tốt nhiệm vụ trở lên (Điều 24 khoản 1 điểm a).");
        // A continued line joins its entry.
        assertThat(rule.paraphrase("vi", "LAW_2013")).startsWith("Hoàn thành tốt nhiệm vụ được giao")
                .endsWith("thể hiện bằng mức \"hoàn thành tốt nhiệm vụ\" trở lên.");
        assertThat(rule.paraphrase("en", "LAW_2026_PROVISIONAL")).contains("unconfirmed");
        assertThat(rule.then()).isEqualTo("$e.record($h.ratingIn($year).atLeast(Rating.GOOD));");
        assertThat(rule.source()).startsWith("rule \"ADVANCED_LABORER: rated good or better\"").endsWith("end");

        int service = lineOf(lines, "rule \"ADVANCED_LABORER 2022–2026: served long enough in the year\"");
        RuleText served = RuleText.at(lines, service).orElseThrow();
        assertThat(served.paraphrase("vi", "LAW_2022")).startsWith("Người mới tuyển dụng dưới 06 tháng");
        // No variant for the regime: the plain paraphrase.
        assertThat(served.paraphrase("vi", "LAW_2013")).startsWith("Thời gian làm việc theo hợp đồng");
        assertThat(served.parameters(Set.of("advanced_laborer.min_service_months", "other")))
                .containsExactly("advanced_laborer.min_service_months");
        // A variant for a range of regimes.
        List<String> collective = lines("advanced-labor-collective.drl");
        RuleText emulation = RuleText.at(collective, lineOf(collective, "rule \"ADVANCED_LABOR_COLLECTIVE: takes part in emulation\"")).orElseThrow();
        assertThat(emulation.paraphrase("vi", "LAW_2026_PROVISIONAL")).isEqualTo("Có phong trào thi đua thường xuyên, thiết thực, hiệu quả — cần xác nhận.");
        assertThat(emulation.paraphrase("vi", "LAW_2013")).isEqualTo("Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả — cần xác nhận.");
        // A plain paraphrase alone.
        RuleText compliance = RuleText.at(lines, lineOf(lines, "rule \"ADVANCED_LABORER 2013: complies with policy and law\"")).orElseThrow();
        assertThat(compliance.paraphrase("vi", "LAW_2013")).startsWith("Chấp hành tốt chủ trương").contains("EXEMPLARY_COMPLIANCE");
        assertThat(compliance.paraphrase("en", "LAW_2013")).startsWith("Complies with the Party's line");
    }

    @Test
    void every_rule_of_every_award_file_has_a_check_and_a_vietnamese_paraphrase() throws Exception {
        int rules = 0;
        try (Stream<Path> files = Files.list(AWARDS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).startsWith("rule ")) continue;
                    RuleText r = RuleText.at(lines, i + 1).orElseThrow();
                    rules++;
                    assertThat(r.then()).as(f.getFileName() + ":" + (i + 1)).isNotBlank();
                    java.util.regex.Matcher regimes = java.util.regex.Pattern.compile("@regimes\\(\"([^\"]+)\"\\)").matcher(r.source());
                    assertThat(regimes.find()).as(f.getFileName() + ":" + (i + 1)).isTrue();
                    for (String regime : regimes.group(1).split(" ")) {
                        assertThat(r.paraphrase("vi", regime)).as(f.getFileName() + ":" + (i + 1) + " " + regime).isNotBlank();
                    }
                }
            }
        }
        assertThat(rules).isGreaterThan(50);
    }

    @Test
    void a_line_inside_a_rule_finds_that_rule_and_a_line_before_any_rule_none() throws Exception {
        List<String> lines = lines("advanced-laborer.drl");
        int line = lineOf(lines, "rule \"ADVANCED_LABORER: rated good or better\"");
        assertThat(RuleText.at(lines, line + 3).orElseThrow().line()).isEqualTo(line);
        assertThat(RuleText.at(lines, 1)).isEmpty();
    }
}
