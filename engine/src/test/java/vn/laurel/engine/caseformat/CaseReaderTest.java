package vn.laurel.engine.caseformat;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseReaderTest {
    static final String VALID = """
            {"asOf":"2026-01-15","year":2025,"subject":{"id":"P-1","kind":"PERSON","name":"Nguyễn Thị Hoa",
             "ratings":[{"year":2025,"rating":"GOOD"}]}}
            """;

    static FieldError error(String text) {
        return catchThrowableOfType(CaseFormatException.class, () -> CaseReader.read(text)).getErrors().get(0);
    }

    @Test
    void json_and_yaml_read_to_the_same_document() {
        CaseDocument json = CaseReader.read(VALID);
        CaseDocument yaml = CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                subject: { id: P-1, kind: PERSON, name: Nguyễn Thị Hoa, ratings: [ { year: 2025, rating: GOOD } ] }
                """);
        assertThat(yaml).isEqualTo(json);
        assertThat(json.subject().ratings().get(0).rating()).isEqualTo(Rating.GOOD);
    }

    @Test
    void a_misspelt_field_is_refused_and_named() {
        FieldError e = error(VALID.replace("\"ratings\"", "\"rating\""));
        assertThat(e.field()).isEqualTo("subject.rating");
        assertThat(e.message()).contains("unknown field");
    }

    @Test
    void an_unknown_code_is_named_with_the_allowed_ones() {
        FieldError e = error(VALID.replace("\"GOOD\"", "\"SUPERB\""));
        assertThat(e.field()).isEqualTo("subject.ratings[0].rating");
        assertThat(e.message()).contains("SUPERB", "EXCELLENT", "NOT_RATED");
    }

    @Test
    void an_impossible_date_is_named() {
        assertThat(error(VALID.replace("2026-01-15", "2026-02-30")).field()).isEqualTo("asOf");
    }

    @Test
    void a_year_after_the_appraisal_date_is_refused() {
        FieldError e = error(VALID.replace("\"year\":2025,", "\"year\":2027,"));
        assertThat(e.field()).isEqualTo("year");
    }

    @Test
    void out_of_range_and_duplicate_values_are_each_named() {
        CaseFormatException e = catchThrowableOfType(CaseFormatException.class, () -> CaseReader.read("""
                asOf: 2026-01-15
                year: 2025
                subject:
                  id: P-1
                  kind: PERSON
                  ratings: [ { year: 2025, rating: GOOD }, { year: 2025, rating: EXCELLENT } ]
                  absences: [ { year: 2025, days: -3 } ]
                  titles: [ { year: 99999, code: ADVANCED_LABORER } ]
                """));
        assertThat(e.getErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "subject.ratings[1].year", "subject.absences[0].days", "subject.titles[0].year");
    }

    @Test
    void a_missing_subject_or_broken_json_is_refused() {
        assertThat(error("{\"asOf\":\"2026-01-15\",\"year\":2025}").field()).isEqualTo("subject");
        assertThat(error("{\"asOf\": ").message()).isNotBlank();
        assertThat(error("").field()).isEqualTo("$");
    }

    @Test
    void a_decision_dated_before_the_achievement_year_is_impossible() {
        FieldError e = error(VALID.replace("\"ratings\"",
                "\"titles\":[{\"year\":2024,\"code\":\"ADVANCED_LABORER\",\"decidedOn\":\"2023-12-01\"}],\"ratings\""));
        assertThat(e.field()).isEqualTo("subject.titles[0].decidedOn");
    }

    @Test
    void text_no_store_can_keep_is_refused_naming_its_field() {
        FieldError nul = error(VALID.replace("\"P-1\"", "\"P-\\u0000-1\""));
        assertThat(nul.field()).isEqualTo("subject.id");
        assertThat(nul.message()).contains("control characters");
        FieldError half = error(VALID.replace("Nguyễn Thị Hoa", "Nguyễn \\ud800 Hoa"));
        assertThat(half.field()).isEqualTo("subject.name");
        assertThat(half.message()).contains("surrogate");
        assertThat(CaseReader.read(VALID.replace("Nguyễn Thị Hoa", "Nguyễn 𠀀 Hoa")).subject().name()).as("a whole pair is a character").contains("𠀀");
    }

    @Test
    void yaml_past_the_code_point_limit_is_refused_before_it_is_read_whole() {
        String huge = "asOf: 2026-01-15\nyear: 2025\nsubject: {id: P-1, kind: PERSON, name: \"" + "x".repeat(5000) + "\"}\n";
        FieldError e = catchThrowableOfType(CaseFormatException.class, () -> CaseReader.read(huge, 4000)).getErrors().get(0);
        assertThat(e.message()).contains("not valid YAML", "exceeds the limit");
        assertThat(CaseReader.read(huge.replace("x".repeat(5000), "x"), 4000)).as("a document under the limit").isNotNull();
    }

    @Test
    void documents_nested_deeper_than_a_case_are_refused() {
        assertThat(error("{\"subject\":" + "[".repeat(5000) + "]".repeat(5000) + "}").message()).doesNotContain("StreamReadConstraints");
        assertThat(error("subject: " + "[".repeat(200) + "]".repeat(200)).field()).startsWith("subject");
    }

    static final String SCENARIO = """
            asOf: 2026-01-15
            year: 2025
            subject: { id: P-1, kind: PERSON, ratings: [ { year: 2025, rating: COMPLETED } ] }
            expect:
            """;

    @Test
    void an_expectation_is_an_outcome_or_an_outcome_with_its_deciding_criteria() {
        CaseDocument doc = CaseReader.read(SCENARIO + "  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }\n"
                + "  ADVANCED_SOLDIER: ELIGIBLE\n");
        assertThat(doc.expect().get("ADVANCED_LABORER").outcome()).isEqualTo("NOT_ELIGIBLE");
        assertThat(doc.expect().get("ADVANCED_LABORER").because()).containsExactly("RATING_GOOD_OR_BETTER");
        assertThat(doc.expect().get("ADVANCED_SOLDIER").because()).isEmpty();
        assertThat(doc.expect().keySet()).containsExactly("ADVANCED_LABORER", "ADVANCED_SOLDIER");
    }

    @Test
    void deciding_criteria_belong_to_refusals_and_reviews_only() {
        FieldError e = error(SCENARIO + "  ADVANCED_LABORER: { outcome: ELIGIBLE, because: [RATING_GOOD_OR_BETTER] }\n");
        assertThat(e.field()).isEqualTo("expect.ADVANCED_LABORER.because");
    }

    @Test
    void an_unknown_outcome_or_a_misspelt_key_of_an_expectation_is_named() {
        assertThat(error(SCENARIO + "  ADVANCED_LABORER: NOT_ELIGBLE\n").field()).isEqualTo("expect.ADVANCED_LABORER");
        assertThat(error(SCENARIO + "  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, becuase: [X] }\n").message()).contains("becuase");
        assertThat(error(SCENARIO + "  ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [\"\"] }\n").field())
                .isEqualTo("expect.ADVANCED_LABORER.because[0]");
    }
}
