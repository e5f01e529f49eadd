package vn.laurel.engine.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rule set of a few lines in the awards/ layout, for tests that need one rule file and its
 * surroundings: three regimes (2013, 2022, 2026), two person awards, one attestation, a switch and a number.
 */
final class SmallRuleSet {
    private SmallRuleSet() {}

    static final String HEADER = """
            package laurel.awards;
            import vn.laurel.engine.evaluation.Evaluation;
            import vn.laurel.engine.model.Rating;
            """;

    /** The metadata of a criterion rule, after its name line; {@code regimes} null to leave @regimes out. */
    static String meta(String award, String criterion, String regimes) {
        return (regimes == null ? "" : "    @regimes(\"" + regimes + "\")\n")
                + "    @award(\"" + award + "\") @criterion(\"" + criterion + "\") @legalBasis(\"a\") @legalBasisVi(\"b\")\n"
                + "    @confidence(\"VERIFIED\") @en(\"{actual} / {required}\") @vi(\"{actual} / {required}\")\n";
    }

    /** A whole criterion rule whose action is {@code action} (without the final line break). */
    static String rule(String name, String award, String criterion, String regimes, String action) {
        return "rule \"" + name + "\"\n" + meta(award, criterion, regimes)
                + "when\n    $e : Evaluation( person, $year : year, $h : history )\nthen\n    " + action + "\nend\n";
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("awards"));
        Files.createDirectories(dir.resolve("parameters"));
        Files.writeString(dir.resolve("regimes.yaml"), """
                regimes:
                  - code: LAW_2013
                    from: 2014-06-01
                    to: 2023-12-31
                    legalBasis: { vi: Luật 2013, en: Law 2013 }
                  - code: LAW_2022
                    from: 2024-01-01
                    to: 2026-09-30
                    legalBasis: { vi: Luật 2022, en: Law 2022 }
                  - code: LAW_2026_PROVISIONAL
                    from: 2026-10-01
                    provisional: true
                    legalBasis: { vi: Luật 2026, en: Law 2026 }
                """);
        Files.writeString(dir.resolve("awards.yaml"), """
                awards:
                  - code: ADVANCED_LABORER
                    category: EMULATION_TITLE
                    subjectKinds: [PERSON]
                    name: { vi: Lao động tiên tiến, en: Advanced Laborer }
                  - code: ADVANCED_SOLDIER
                    category: EMULATION_TITLE
                    subjectKinds: [PERSON]
                    name: { vi: Chiến sĩ tiên tiến, en: Advanced Soldier }
                """);
        Files.writeString(dir.resolve("attestations.yaml"), """
                attestations:
                  EMULATION_PARTICIPATION: { vi: Tham gia phong trào, en: Takes part in emulation }
                """);
        Files.writeString(dir.resolve("parameters/test.yaml"), """
                test.exclude_new_hires:
                  description: { vi: công tắc, en: a switch }
                  unit: switch
                  confidence: VERIFIED
                  values:
                    - from: 2014-01-01
                      value: false
                    - from: 2024-01-01
                      value: true
                test.min_service_months:
                  description: { vi: số tháng, en: months }
                  unit: months
                  confidence: VERIFIED
                  values:
                    - from: 2014-01-01
                      value: 10
                """);
        return dir;
    }

    /** A case of one person for the year before {@code asOf}, rated GOOD, hired {@code hiredOn}. */
    static String person(String asOf, int year, String hiredOn, String... awards) {
        return "asOf: " + asOf + "\nyear: " + year + "\nawards: [" + String.join(", ", awards) + "]\n"
                + "subject:\n  id: P-1\n  kind: PERSON\n  hiredOn: " + hiredOn + "\n"
                + "  ratings: [ { year: " + year + ", rating: GOOD } ]\n";
    }
}
