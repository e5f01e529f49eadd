package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.laurel.api.ThrowawayPostgres;

import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a what-if appraised on 2011-06-15 for LABOR_ORDER_THIRD_CLASS once answered HTTP 500. Every
 * award, for every kind of subject it is given to, is asked on every appraisal date that matters from
 * 1900 to 2100 — the first and last day a case may carry, the first day of each regime and of each
 * decree, and the day before and after each of those — and each answer must be a 200 with a sensible
 * outcome: NOT_MODELLED before 2014-06-01, the right regime after, and no rule that failed.
 *
 * <p>On the embedded H2 database without the demo data: a what-if needs no stored facts, and this is
 * the service a fresh machine runs.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppraisalDatesApiTest implements TestPropertyProvider {
    /** First days of the regimes and decrees in rules/regimes.yaml (LAW_2013, Decree 91, LAW_2022, Decree 152, LAW_2026_PROVISIONAL). */
    static final List<LocalDate> BOUNDARIES = List.of(LocalDate.of(2014, 6, 1), LocalDate.of(2017, 10, 1),
            LocalDate.of(2024, 1, 1), LocalDate.of(2025, 7, 1), LocalDate.of(2026, 10, 1));
    static final LocalDate FIRST_MODELLED = LocalDate.of(2014, 6, 1);

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url", "jdbc:h2:mem:laurel-appraisal-dates;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.enabled", "false");
    }

    static List<LocalDate> dates() {
        SortedSet<LocalDate> dates = new TreeSet<>(List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2011, 6, 15),
                LocalDate.of(2100, 12, 31)));
        for (LocalDate b : BOUNDARIES) {
            dates.add(b.minusDays(1)); // the last day of what came before
            dates.add(b);
            dates.add(b.plusDays(1));
        }
        return List.copyOf(dates);
    }

    static String regimeOn(LocalDate d) {
        if (d.isBefore(FIRST_MODELLED)) return "NONE";
        if (d.isBefore(LocalDate.of(2024, 1, 1))) return "LAW_2013";
        if (d.isBefore(LocalDate.of(2026, 10, 1))) return "LAW_2022";
        return "LAW_2026_PROVISIONAL";
    }

    /** A subject with some history behind the evaluation year, so that the rules have something to count. */
    static String caseFor(String award, String kind, LocalDate asOf) {
        int year = Math.max(1900, asOf.getYear() - 1);
        StringBuilder facts = new StringBuilder();
        if (year - 6 >= 1945) {
            List<String> ratings = new ArrayList<>(), titles = new ArrayList<>();
            for (int y = year - 6; y <= year; y++) {
                ratings.add("{\"year\":" + y + ",\"rating\":\"" + (y % 2 == 0 ? "EXCELLENT" : "GOOD") + "\"}");
                if (y % 2 == 0 && kind.equals("PERSON")) titles.add("{\"year\":" + y + ",\"code\":\"GRASSROOTS_EMULATION_SOLDIER\"}");
            }
            facts.append(",\"ratings\":[").append(String.join(",", ratings)).append("]");
            if (!titles.isEmpty()) facts.append(",\"titles\":[").append(String.join(",", titles)).append("]");
            facts.append(",\"commendations\":[{\"year\":").append(year - 6)
                    .append(",\"code\":\"MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT\",\"kind\":\"MERIT\"}]");
            facts.append(",\"attestations\":[{\"year\":").append(year).append(",\"criterion\":\"EXEMPLARY_COMPLIANCE\",\"value\":true}]");
            if (kind.equals("PERSON")) {
                facts.append(",\"hiredOn\":\"").append(year - 10).append("-03-01\"");
                facts.append(",\"initiatives\":[{\"year\":").append(year).append(",\"level\":\"GRASSROOTS\",\"kind\":\"INITIATIVE\"}]");
                facts.append(",\"absences\":[{\"year\":").append(year).append(",\"days\":40}]");
            } else if (kind.equals("HOUSEHOLD")) {
                facts.append(",\"contributions\":[{\"year\":").append(year).append(",\"kind\":\"LAND\",\"valueVnd\":350000000}]");
            } else {
                facts.append(",\"memberAggregates\":[{\"year\":").append(year)
                        .append(",\"members\":10,\"advancedLaborers\":8,\"grassrootsSoldiers\":1,\"completedOrBetter\":10}]");
            }
        }
        return "{\"asOf\":\"" + asOf + "\",\"year\":" + year + ",\"awards\":[\"" + award + "\"],"
                + "\"subject\":{\"id\":\"DATES-" + kind.charAt(0) + "\",\"kind\":\"" + kind + "\"" + facts + "}}";
    }

    @Test
    void every_award_on_every_appraisal_date_from_1900_to_2100_is_answered_without_a_server_error() {
        JsonNode catalogue = Http.get(http.toBlocking(), "/api/v1/awards").body().get("awards");
        List<String[]> pairs = new ArrayList<>();
        for (JsonNode a : catalogue) {
            for (JsonNode kind : a.get("subjectKinds")) pairs.add(new String[]{a.get("code").asText(), kind.asText()});
        }
        // 20 awards: 6 for persons and collectives alike, 11 for enterprises, 2 for households (issue 21).
        assertThat(catalogue).hasSize(20);
        assertThat(pairs).hasSize(40);
        List<LocalDate> dates = dates();
        assertThat(dates).hasSize(18).startsWith(LocalDate.of(1900, 1, 1)).endsWith(LocalDate.of(2100, 12, 31));

        int requests = 0;
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (LocalDate asOf : dates) {
            for (String[] pair : pairs) {
                String award = pair[0], kind = pair[1];
                Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?lang=both", caseFor(award, kind, asOf))
                        .contentType(MediaType.APPLICATION_JSON));
                requests++;
                String what = award + " for a " + kind + " on " + asOf;
                if (a.status() != 200) {
                    problems.add(what + ": HTTP " + a.status() + " " + a.body());
                    continue;
                }
                JsonNode result = a.body().get("results").get(0);
                String outcome = result.get("outcome").asText();
                outcomes.merge(outcome, 1, Integer::sum);
                if (!a.body().get("regime").asText().equals(regimeOn(asOf))) problems.add(what + ": regime " + a.body().get("regime"));
                if (!result.get("award").asText().equals(award)) problems.add(what + ": answered for " + result.get("award"));
                if (asOf.isBefore(FIRST_MODELLED)) {
                    if (!outcome.equals("NOT_MODELLED")) problems.add(what + ": " + outcome + " before the earliest regime");
                    if (!result.toString().contains("2014-06-01")) problems.add(what + ": no sentence saying why: " + result);
                } else if (!Set.of("ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_REVIEW", "NOT_MODELLED", "ELIGIBLE_SUBJECT_TO_QUOTA").contains(outcome)) {
                    problems.add(what + ": outcome " + outcome);
                }
                // No rule of the shipped rule set may fail on any date: a failure would be NEEDS_REVIEW saying so.
                if (result.toString().contains("could not be applied")) problems.add(what + ": a rule failed: " + result);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(requests).isEqualTo(18 * 40).isEqualTo(720);
        assertThat(outcomes.get("NOT_MODELLED")).isGreaterThanOrEqualTo(3 * 40); // 1900-01-01, 2011-06-15 and 2014-05-31 at least
        assertThat(outcomes.keySet()).contains("ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_REVIEW");
    }

    @Test
    void a_file_submitted_before_decree_152_and_appraised_after_names_decree_98() {
        String body = caseFor("ADVANCED_LABORER", "PERSON", LocalDate.of(2025, 7, 2)).replace("{\"asOf\":\"2025-07-02\",",
                "{\"asOf\":\"2025-07-02\",\"submittedOn\":\"2025-06-30\",");
        Http.Answer a = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?lang=en", body).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("regimeDetails").get("decree").asText()).contains("98/2023");
        Http.Answer late = Http.call(http.toBlocking(), HttpRequest.POST("/api/v1/evaluations?lang=en",
                body.replace("2025-06-30", "2025-07-03")).contentType(MediaType.APPLICATION_JSON));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.contentType()).isEqualTo("application/problem+json");
        assertThat(late.body().get("errors").findValuesAsText("field")).containsExactly("submittedOn");
    }
}
