package vn.laurel.api.workbench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check's English failure sentences, as ScenarioCheck writes them, said in each page's language. */
class FailureTextsTest {
    private static final Messages MESSAGES = new Messages();
    private static Map<String, AwardDefinition> awards;

    /** As the trial saw it on a draft whose min_service_months was raised (the shape ScenarioCheck.failures makes). */
    private static final String REAL = "\"Worked the whole year\": ADVANCED_LABORER expected ELIGIBLE, got NOT_ELIGIBLE because "
            + "[MIN_SERVICE_MONTHS] because MIN_SERVICE_MONTHS NOT_MET: Months of service 10 are fewer than the 12 required";

    @BeforeAll
    static void rules() {
        awards = RuleSetLoader.load(ThrowawayPostgres.repoRoot().resolve("rules")).awards();
    }

    @Test
    void vietnamese() {
        assertEquals("Kịch bản «Worked the whole year»: Lao động tiên tiến — mong đợi «Đủ điều kiện», nhưng kết quả là "
                + "«Chưa đủ điều kiện» vì tiêu chí MIN_SERVICE_MONTHS.", FailureTexts.sentence(REAL, awards, MESSAGES, "vi"));
    }

    @Test
    void english() {
        assertEquals("Scenario \"Worked the whole year\": Advanced Laborer — expected \"Eligible\", but the result is "
                + "\"Not eligible\" because of criterion MIN_SERVICE_MONTHS.", FailureTexts.sentence(REAL, awards, MESSAGES, "en"));
    }

    @Test
    void expectedReasonsAndUnnamed() {
        String named = "\"x\": ADVANCED_LABORER expected NOT_ELIGIBLE because [A, B], got ELIGIBLE";
        assertEquals("Kịch bản «x»: Lao động tiên tiến — mong đợi «Chưa đủ điều kiện» vì tiêu chí A, B, nhưng kết quả là «Đủ điều kiện».",
                FailureTexts.sentence(named, awards, MESSAGES, "vi"));
        String unnamed = "\"x\": ADVANCED_LABORER expected NOT_ELIGIBLE (its deciding criteria are not named: add because: [...]), "
                + "got NOT_ELIGIBLE because [MIN_SERVICE_MONTHS]";
        assertEquals("Kịch bản «x»: Lao động tiên tiến — mong đợi «Chưa đủ điều kiện» (chưa ghi tiêu chí quyết định: thêm because: [...]), "
                + "nhưng kết quả là «Chưa đủ điều kiện» vì tiêu chí MIN_SERVICE_MONTHS.", FailureTexts.sentence(unnamed, awards, MESSAGES, "vi"));
    }

    @Test
    void anotherShapeIsKept() {
        String error = "cannot evaluate: person.serviceMonths: not a number";
        assertEquals(error, FailureTexts.sentence(error, awards, MESSAGES, "vi"));
        // An award the rules do not know keeps its code.
        assertEquals("Kịch bản «y»: NO_SUCH — mong đợi «Đủ điều kiện», nhưng kết quả là «Cần xem xét».",
                FailureTexts.sentence("\"y\": NO_SUCH expected ELIGIBLE, got NEEDS_REVIEW", awards, MESSAGES, "vi"));
    }
}
