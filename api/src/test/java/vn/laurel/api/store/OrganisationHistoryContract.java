package vn.laurel.api.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.laurel.api.JsonAnswer;
import vn.laurel.engine.model.*;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, the store: enterprises and households (subjects.csv), their contributions and campaign results, a
 * unit's founding day and its dated events (unit_events.csv) — imported with the same row-level errors as every
 * file, read back into the engine's model; a merger moving the merged unit's people with their hired_on kept; a
 * unit's predecessors read as known at a moment. Run on H2 and on PostgreSQL (the subclasses), each on a database
 * of its own with the demo department loaded. Every test uses units and subjects of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrganisationHistoryContract implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    FactStore facts;

    JsonAnswer call(MutableHttpRequest<?> request) {
        return JsonAnswer.of(http, request);
    }

    JsonAnswer csv(String file, String body) {
        return call(HttpRequest.POST("/api/v1/imports?file=" + file, body).contentType("text/csv"));
    }

    /** Several files as one import (a zip), in the order given; the import orders them itself. */
    JsonAnswer zip(String... nameThenBody) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameThenBody.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenBody[i]));
                z.write(nameThenBody[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return call(HttpRequest.POST("/api/v1/imports", bytes.toByteArray()).contentType("application/zip"));
    }

    JsonAnswer imported(JsonAnswer a) {
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a;
    }

    Subject subject(String id) {
        return facts.subject(id).orElseThrow();
    }

    long count(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> rows(String sql) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return SubjectRows.list(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of every table an import writes: equal before and after means nothing was written. */
    long written() {
        long n = 0;
        for (String t : List.of("org_unit", "subject", "membership", "rating", "title", "commendation", "initiative", "discipline",
                "absence", "attestation", "member_aggregate", "cluster_member", "emulation_cluster", "entity_revision", "contribution",
                "campaign_result", "unit_event")) {
            n += count("SELECT COUNT(*) FROM " + t);
        }
        return n;
    }

    // ------------------------------------------------------------------ enterprises and households

    @Test
    void enterprises_and_households_import_with_their_contributions_and_campaign_results_and_read_back() throws IOException {
        JsonAnswer first = imported(zip(
                "units.csv", "code,name,parent,sector,established_on\nT1-WARD,Phường Thử (minh hoạ),,,2025-07-01\n",
                "subjects.csv", "id,kind,name,unit,established_on\nT1-ENT,ENTERPRISE,Công ty Thử nghiệm (minh hoạ),T1-WARD,2012-03-15\n"
                        + "T1-HH,HOUSEHOLD,Hộ ông Thử (minh hoạ),T1-WARD,\n",
                "contributions.csv", "subject,year,kind,description,value_vnd\nT1-HH,2025,LAND,Hiến 120 m2 đất mở đường,350000000\n"
                        + "T1-HH,2025,WORK,,\n",
                "campaign_results.csv", "subject,campaign,year,group,indicator,value\n"
                        + "T1-ENT,INNOVATION_DX_2025_2030,2026,BUSINESSES_AND_INSTITUTES,REVIEW_SCORE,92.5\n"));
        assertThat(first.body().get("inserted").asLong()).isEqualTo(6); // a unit (its collective subject uncounted), 2 subjects, 2 + 1 facts

        Subject enterprise = subject("T1-ENT");
        assertThat(enterprise.kind()).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(enterprise.unit()).isEqualTo("T1-WARD");
        assertThat(enterprise.establishedOn()).isEqualTo(LocalDate.of(2012, 3, 15));
        assertThat(enterprise.campaignResults()).singleElement().satisfies(r -> {
            assertThat(r.campaign()).isEqualTo("INNOVATION_DX_2025_2030");
            assertThat(r.year()).isEqualTo(2026);
            assertThat(r.group()).isEqualTo("BUSINESSES_AND_INSTITUTES");
            assertThat(r.indicator()).isEqualTo("REVIEW_SCORE");
            assertThat(r.value()).isEqualByComparingTo(new BigDecimal("92.5"));
            assertThat(r.id()).startsWith("campaignResult:");
            assertThat(r.source()).matches("import \\d+, campaign_results\\.csv row 2");
        });
        Subject household = subject("T1-HH");
        assertThat(household.kind()).isEqualTo(SubjectKind.HOUSEHOLD);
        assertThat(household.establishedOn()).isNull();
        assertThat(household.contributions()).extracting(ContributionFact::kind, ContributionFact::valueVnd, ContributionFact::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ContributionKind.LAND, 350_000_000L, "Hiến 120 m2 đất mở đường"),
                        org.assertj.core.groups.Tuple.tuple(ContributionKind.WORK, null, null));
        assertThat(subject("T1-WARD").establishedOn()).isEqualTo(LocalDate.of(2025, 7, 1));

        // The facts API lists the new kinds, with their provenance.
        JsonNode record = call(HttpRequest.GET("/api/v1/subjects/T1-HH")).body();
        assertThat(record.get("kind").asText()).isEqualTo("HOUSEHOLD");
        assertThat(record.get("facts").get("contributions")).hasSize(2);
        assertThat(record.get("facts").get("contributions").get(0).get("values").get("valueVnd").asLong()).isEqualTo(350_000_000L);
        JsonNode results = call(HttpRequest.GET("/api/v1/subjects/T1-ENT/facts/campaignResults")).body();
        assertThat(results.get("items").get(0).get("values").get("value").decimalValue()).isEqualByComparingTo("92.5");
        assertThat(call(HttpRequest.GET("/api/v1/subjects/T1-ENT")).body().get("established_on").asText()).isEqualTo("2012-03-15");

        // The directory lists the new kinds, and filters by them.
        JsonNode listed = call(HttpRequest.GET("/api/v1/subjects?unit=T1-WARD&kind=ENTERPRISE")).body();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("kind").asText()).isEqualTo("ENTERPRISE");

        // The same files again change nothing.
        long before = written();
        JsonAnswer again = imported(zip(
                "units.csv", "code,name,parent,sector,established_on\nT1-WARD,Phường Thử (minh hoạ),,,2025-07-01\n",
                "subjects.csv", "id,kind,name,unit,established_on\nT1-ENT,ENTERPRISE,Công ty Thử nghiệm (minh hoạ),T1-WARD,2012-03-15\n"
                        + "T1-HH,HOUSEHOLD,Hộ ông Thử (minh hoạ),T1-WARD,\n",
                "contributions.csv", "subject,year,kind,description,value_vnd\nT1-HH,2025,LAND,Hiến 120 m2 đất mở đường,350000000\n"
                        + "T1-HH,2025,WORK,,\n",
                "campaign_results.csv", "subject,campaign,year,group,indicator,value\n"
                        + "T1-ENT,INNOVATION_DX_2025_2030,2026,BUSINESSES_AND_INSTITUTES,REVIEW_SCORE,92.50\n"));
        assertThat(again.body().get("inserted").asLong()).isZero();
        assertThat(again.body().get("superseded").asLong()).isZero();
        assertThat(written()).isEqualTo(before);

        // A corrected value supersedes; a household that became an enterprise is corrected in place, its old kind kept.
        JsonAnswer corrected = imported(zip("subjects.csv", "id,kind,name,unit,established_on\nT1-HH,ENTERPRISE,Hộ ông Thử (minh hoạ),T1-WARD,\n",
                "campaign_results.csv", "subject,campaign,year,group,indicator,value\n"
                        + "T1-ENT,INNOVATION_DX_2025_2030,2026,BUSINESSES_AND_INSTITUTES,REVIEW_SCORE,95\n"));
        assertThat(corrected.body().get("superseded").asLong()).isEqualTo(2);
        assertThat(subject("T1-ENT").campaignResults().get(0).value()).isEqualByComparingTo("95");
        assertThat(subject("T1-HH").kind()).isEqualTo(SubjectKind.ENTERPRISE);
        assertThat(call(HttpRequest.GET("/api/v1/subjects/T1-HH")).body().get("revisions").get(0).get("old_values").asText())
                .contains("kind=HOUSEHOLD");
    }

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', value = {
            "subjects.csv|id,kind,name\\nT2-X,PERSON,Ai đó|2|kind|a person in subjects.csv",
            "subjects.csv|id,kind,name,unit\\nT2-X,ENTERPRISE,Công ty,NO-SUCH-UNIT|2|unit|an unknown unit",
            "subjects.csv|id,kind,name\\nP-0001,HOUSEHOLD,Hộ|2|id|the id of a person",
            "subjects.csv|id,kind,name\\nHN-SKHCN-DEMO-VP,ENTERPRISE,Công ty|2|id|the code of a unit",
            "subjects.csv|id,kind,name,established_on\\nT2-X,ENTERPRISE,Công ty,2025-02-30|2|established_on|an impossible founding day",
            "people.csv|id,name\\nT2-ENT-P,Người\\nT2-ENT-P,Người khác|3|id|a duplicate id",
            "units.csv|code,name,established_on\\nT2-U,Đơn vị,15/07/2025|2|established_on|a founding day not in ISO form",
            "contributions.csv|subject,year,kind\\nP-0001,2025,MONEY|2|kind|an unknown contribution kind",
            "contributions.csv|subject,year,kind,value_vnd\\nP-0001,2025,LAND,-1|2|value_vnd|a negative value",
            "contributions.csv|subject,year,kind\\nHN-SKHCN-DEMO-VP,2025,LAND|2|subject|a contribution of a unit",
            "contributions.csv|subject,year,kind\\nNOBODY,2025,LAND|2|subject|an unknown subject",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,INDIVIDUALS,REVIEW_SCORE,ninety|2|value|a value that is no number",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,innovation,2026,INDIVIDUALS,REVIEW_SCORE,90|2|campaign|a campaign that is no code",
            "campaign_results.csv|subject,campaign,year,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,REVIEW_SCORE,90|1|group|no group column",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,BUSINESSES_AND_INSTITUTES,REVIEW_SCORE,90|2|group|a person in the businesses' group",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,FARMERS,REVIEW_SCORE,90|2|group|an unknown group",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,INDIVIDUALS,SCORE,90|2|indicator|an unknown indicator",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2024,INDIVIDUALS,REVIEW_SCORE,90|2|year|a year before the campaign",
            "campaign_results.csv|subject,campaign,year,group,indicator,value\\nP-0001,INNOVATION_DX_2025_2030,2026,INDIVIDUALS,REVIEW_SCORE,90.12345|2|value|five decimal places",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,NO-SUCH-UNIT|2|other|a merger into an unknown unit",
            "unit_events.csv|unit,event,on\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01|2|other|a merger into no unit",
            "unit_events.csv|unit,event,on\\nHN-SKHCN-DEMO-VP,RENAMED,2025-07-01|2|name|a rename without its name",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MOVED,2025-07-01,HN-SKHCN-DEMO-VP|2|other|a unit moved under itself",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO,MOVED,2025-07-01,HN-SKHCN-DEMO-VP|2|other|a unit moved under its own subunit",
            "unit_events.csv|unit,event,on,members\\nHN-SKHCN-DEMO-VP,DISSOLVED,2025-07-01,30|2|members|members of a dissolution",
            "unit_events.csv|unit,event,on\\nP-0001,DISSOLVED,2025-07-01|2|unit|an event of a person",
            "unit_events.csv|unit,event,on\\nHN-SKHCN-DEMO-VP,ABOLISHED,2025-07-01|2|event|an unknown event",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-TDC\\nHN-SKHCN-DEMO-TDC,MERGED_INTO,2025-08-01,HN-SKHCN-DEMO-VP|3|other|two units merged into each other",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-TDC\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-QLKH|3|on|the same event twice",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2090-01-01,HN-SKHCN-DEMO-TDC|2|on|a merger dated after today",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MOVED,2090-01-01,HN-SKHCN-DEMO-TDC|2|on|a move dated after today",
            "unit_events.csv|unit,event,on,name\\nHN-SKHCN-DEMO-VP,RENAMED,2090-01-01,Văn phòng mới|2|on|a rename dated after today",
            "unit_events.csv|unit,event,on\\nHN-SKHCN-DEMO-VP,DISSOLVED,2090-01-01|2|on|a dissolution dated after today",
            "unit_events.csv|unit,event,on,other,continues\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-TDC,true\\nHN-SKHCN-DEMO-QLKH,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-TDC,true|3|continues|two predecessors continued on one day",
            "unit_events.csv|unit,event,on,other\\nHN-SKHCN-DEMO-VP,MERGED_INTO,2025-07-01,HN-SKHCN-DEMO-TDC\\nHN-SKHCN-DEMO-TDC,SPLIT_FROM,2025-08-01,HN-SKHCN-DEMO-VP|3|other|the same predecessor linked twice",
    })
    void bad_rows_are_refused_naming_file_row_and_field_and_nothing_is_written(String file, String body, long row, String field, String what) {
        long before = written();
        JsonAnswer a = csv(file, body.replace("\\n", "\n"));
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(422);
        JsonNode error = null;
        for (JsonNode e : a.body().get("errors")) if (e.get("field").asText().equals(field)) error = e;
        assertThat(error).as(what + ": an error naming " + field + " in " + a.body()).isNotNull();
        assertThat(error.get("file").asText()).isEqualTo(file);
        assertThat(error.get("row").asLong()).as(what).isEqualTo(row);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(written()).as("nothing written after " + what).isEqualTo(before);
    }

    @Test
    void a_commendation_of_the_2026_laws_thematic_movement_kind_is_stored_and_read_back() {
        imported(csv("commendations.csv", "subject,year,code,kind\nP-0001,2026,MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT,THEMATIC_MOVEMENT\n"));
        assertThat(subject("P-0001").commendations()).filteredOn(c -> c.year() == 2026).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(CommendationKind.THEMATIC_MOVEMENT));
    }

    // ------------------------------------------------------------------ unit events and their effects

    static final String MERGER_UNITS = "code,name,parent\nT3-ORG,Tổ chức thử (minh hoạ),\nT3-A,Phòng A (minh hoạ),T3-ORG\nT3-B,Phòng B (minh hoạ),T3-ORG\n";

    @Test
    void a_merger_moves_the_merged_units_people_keeping_their_hired_on_and_their_service_continues() throws IOException {
        imported(zip("units.csv", MERGER_UNITS,
                "people.csv", "id,name,unit,hired_on\nT3-P1,Người Một (minh hoạ),T3-B,2025-05-01\nT3-P2,Người Hai (minh hoạ),T3-B,2019-01-10\n"
                        + "T3-P3,Người Ba (minh hoạ),T3-B,2018-01-01\n",
                "memberships.csv", "subject,unit,from,to\nT3-P1,T3-B,2025-05-01,\nT3-P2,T3-B,2019-01-10,\nT3-P3,T3-B,2018-01-01,2024-12-31\n",
                "ratings.csv", "subject,year,rating\nT3-P1,2025,GOOD\n",
                "attestations.csv", "subject,year,criterion,value\nT3-P1,2025,EMULATION_PARTICIPATION,true\n"));

        JsonAnswer merger = imported(csv("unit_events.csv", "unit,event,on,other,members,continues\nT3-B,MERGED_INTO,2025-09-01,T3-A,2,false\n"));
        String source = "import " + merger.body().get("id").asLong() + ", unit_events.csv row 2";

        // Memberships: B's end the day before, A's begin that day; one who had left stays where they were.
        List<Map<String, Object>> p1 = rows("SELECT unit_code, from_date, to_date, source FROM membership WHERE subject_id = 'T3-P1' "
                + "AND current_flag = TRUE ORDER BY from_date");
        assertThat(p1).extracting(r -> r.get("unit_code"), r -> r.get("from_date"), r -> r.get("to_date")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T3-B", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 31)),
                org.assertj.core.groups.Tuple.tuple("T3-A", LocalDate.of(2025, 9, 1), null));
        assertThat(p1).extracting(r -> r.get("source")).containsOnly(source);
        assertThat(count("SELECT COUNT(*) FROM membership WHERE subject_id = 'T3-P3' AND current_flag = TRUE AND unit_code = 'T3-A'")).isZero();
        // The old version stays readable, superseded by the corrected one.
        assertThat(count("SELECT COUNT(*) FROM membership WHERE subject_id = 'T3-P1' AND unit_code = 'T3-B' AND to_date IS NULL "
                + "AND superseded_by IS NOT NULL")).isEqualTo(1);

        // Their unit follows, the previous one kept; hired_on is their own and does not change.
        Subject moved = subject("T3-P1");
        assertThat(moved.unit()).isEqualTo("T3-A");
        assertThat(moved.hiredOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(subject("T3-P2").hiredOn()).isEqualTo(LocalDate.of(2019, 1, 10));
        assertThat(subject("T3-P3").unit()).isEqualTo("T3-B");
        assertThat(call(HttpRequest.GET("/api/v1/subjects/T3-P1")).body().get("revisions").get(0).get("old_values").asText()).contains("unit=T3-B");
        assertThat(facts.membersOf("T3-A", 2025)).containsExactly("T3-P1", "T3-P2");
        assertThat(facts.membersOf("T3-B", 2025)).isEmpty();
        assertThat(facts.membersOf("T3-B", 2024)).containsExactly("T3-P2", "T3-P3");

        // Service continues across the merger: eight months from hired_on, not four from the merger.
        JsonNode answer = call(HttpRequest.GET("/api/v1/subjects/T3-P1/eligibility?year=2025&awards=ADVANCED_LABORER")).body();
        JsonNode award = answer.get("results").get(0);
        JsonNode service = null;
        for (JsonNode c : award.get("criteria")) if (c.get("criterion").asText().equals("MIN_SERVICE_MONTHS")) service = c;
        assertThat(service).as(award.toString()).isNotNull();
        assertThat(service.get("status").asText()).isEqualTo("MET");
        assertThat(service.get("actual").asInt()).isEqualTo(8);
        assertThat(award.get("outcome").asText()).isEqualTo("ELIGIBLE");

        // The receiving unit has the merged one as its predecessor; the merged one has the event.
        Subject receiving = subject("T3-A");
        assertThat(receiving.predecessors()).singleElement().satisfies(p -> {
            assertThat(p.relation()).isEqualTo(UnitEventKind.MERGED_INTO);
            assertThat(p.on()).isEqualTo(LocalDate.of(2025, 9, 1));
            assertThat(p.members()).isEqualTo(2);
            assertThat(p.continues()).isFalse();
            assertThat(p.unit().id()).isEqualTo("T3-B");
            assertThat(p.unit().kind()).isEqualTo(SubjectKind.COLLECTIVE);
            assertThat(p.id()).startsWith("unitEvent:");
            assertThat(p.source()).isEqualTo(source);
        });
        assertThat(subject("T3-B").events()).extracting(UnitEventFact::event, UnitEventFact::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UnitEventKind.MERGED_INTO, "T3-A"));

        // Recorded again, the event changes nothing.
        long before = written();
        JsonAnswer again = imported(csv("unit_events.csv", "unit,event,on,other,members,continues\nT3-B,MERGED_INTO,2025-09-01,T3-A,2,false\n"));
        assertThat(again.body().get("inserted").asLong()).isZero();
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void a_move_a_rename_twice_and_a_dissolution_change_the_tree_keeping_the_old_values() throws IOException {
        imported(zip("units.csv", "code,name,parent\nT4-ORG,Tổ chức (minh hoạ),\nT4-X,Cục X (minh hoạ),T4-ORG\nT4-U,Phòng Tên Một (minh hoạ),T4-ORG\n"
                        + "T4-D,Phòng giải thể (minh hoạ),T4-ORG\n",
                "people.csv", "id,name,unit,hired_on\nT4-P,Người (minh hoạ),T4-D,2020-01-01\n",
                "memberships.csv", "subject,unit,from\nT4-P,T4-D,2020-01-01\n"));
        // Given out of order, in one file: the latest rename is the name, each change kept.
        imported(csv("unit_events.csv", "unit,event,on,other,name\nT4-U,RENAMED,2025-07-01,,Phòng Tên Ba (minh hoạ)\n"
                + "T4-U,RENAMED,2019-01-01,,Phòng Tên Hai (minh hoạ)\nT4-U,MOVED,2024-03-01,T4-X,\nT4-D,DISSOLVED,2025-06-30,,\n"));
        Map<String, Object> unit = rows("SELECT name, parent_code FROM org_unit WHERE code = 'T4-U'").get(0);
        assertThat(unit.get("name")).isEqualTo("Phòng Tên Ba (minh hoạ)");
        assertThat(unit.get("parent_code")).isEqualTo("T4-X");
        assertThat(subject("T4-U").name()).isEqualTo("Phòng Tên Ba (minh hoạ)");
        List<Map<String, Object>> revisions = rows("SELECT old_values, replaced_by FROM entity_revision WHERE entity = 'units' "
                + "AND entity_key = 'T4-U' ORDER BY id");
        assertThat(revisions).extracting(r -> (String) r.get("old_values")).anySatisfy(v -> assertThat(v).contains("name=Phòng Tên Một (minh hoạ)"))
                .anySatisfy(v -> assertThat(v).contains("parent=T4-ORG"));
        assertThat(revisions).extracting(r -> (String) r.get("replaced_by")).allSatisfy(v -> assertThat(v).contains("unit_events.csv row"));
        assertThat(subject("T4-U").events()).extracting(UnitEventFact::event, UnitEventFact::on).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UnitEventKind.RENAMED, LocalDate.of(2019, 1, 1)),
                org.assertj.core.groups.Tuple.tuple(UnitEventKind.MOVED, LocalDate.of(2024, 3, 1)),
                org.assertj.core.groups.Tuple.tuple(UnitEventKind.RENAMED, LocalDate.of(2025, 7, 1)));
        // A rename of the same code makes no predecessor: it is the same unit.
        assertThat(subject("T4-U").predecessors()).isEmpty();

        // Dissolved: its memberships end the day before; the person keeps their last unit, as people who left do.
        assertThat(rows("SELECT to_date FROM membership WHERE subject_id = 'T4-P' AND current_flag = TRUE").get(0).get("to_date"))
                .isEqualTo(LocalDate.of(2025, 6, 29));
        assertThat(subject("T4-P").unit()).isEqualTo("T4-D");

        // An older rename recorded later does not undo the newer one.
        imported(csv("unit_events.csv", "unit,event,on,name\nT4-U,RENAMED,2010-01-01,Phòng Tên Không (minh hoạ)\n"));
        assertThat(subject("T4-U").name()).isEqualTo("Phòng Tên Ba (minh hoạ)");

        // Through the facts API too: a move recorded there moves the unit.
        JsonAnswer posted = call(HttpRequest.POST("/api/v1/subjects/T4-U/facts/unitEvents",
                "{\"event\":\"MOVED\",\"on\":\"2026-01-01\",\"other\":\"T4-ORG\"}").contentType(MediaType.APPLICATION_JSON));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);
        assertThat(rows("SELECT parent_code FROM org_unit WHERE code = 'T4-U'").get(0).get("parent_code")).isEqualTo("T4-ORG");
    }

    // ------------------------------------------------------------------ predecessors

    static final String WARD_UNITS = "code,name,parent,established_on\nT5-CITY,Thành phố thử (minh hoạ),,\n"
            + "T5-NEW,Phường Mới (minh hoạ),T5-CITY,2025-07-01\nT5-W1,Phường Một (minh hoạ),T5-CITY,\nT5-W2,Phường Hai (minh hoạ),T5-CITY,\n"
            + "T5-W3,Phường Ba (minh hoạ),T5-CITY,\nT5-W0,Phường Cũ (minh hoạ),T5-CITY,\nT5-W4,Phường Bốn (minh hoạ),T5-CITY,\n";

    @Test
    void a_ward_formed_from_three_reads_its_predecessors_with_their_facts_as_known_at_a_moment() throws IOException, InterruptedException {
        imported(zip("units.csv", WARD_UNITS,
                "ratings.csv", "subject,year,rating\nT5-W1,2024,EXCELLENT\nT5-W2,2024,GOOD\nT5-W3,2024,GOOD\nT5-W0,2015,GOOD\n",
                "titles.csv", "subject,year,code\nT5-W1,2024,ADVANCED_LABOR_COLLECTIVE\n",
                "unit_events.csv", "unit,event,on,other,name,members,continues\n"
                        + "T5-W1,MERGED_INTO,2025-07-01,T5-NEW,,42,false\nT5-W2,MERGED_INTO,2025-07-01,T5-NEW,,30,false\n"
                        + "T5-W3,MERGED_INTO,2025-07-01,T5-NEW,,18,false\nT5-W0,RENAMED,2016-01-01,T5-W1,Phường Một (minh hoạ),,true\n"
                        + "T5-NEW,ESTABLISHED,2025-07-01,,,,\n"));
        Instant then = Instant.now();
        Thread.sleep(20);
        imported(zip("ratings.csv", "subject,year,rating\nT5-W1,2024,GOOD\n",
                "unit_events.csv", "unit,event,on,other,members\nT5-W4,MERGED_INTO,2025-07-01,T5-NEW,12\n"));

        Subject now = subject("T5-NEW");
        assertThat(now.establishedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(now.events()).extracting(UnitEventFact::event).containsExactly(UnitEventKind.ESTABLISHED);
        assertThat(now.predecessors()).extracting(p -> p.unit().id()).containsExactlyInAnyOrder("T5-W1", "T5-W2", "T5-W3", "T5-W4");
        Predecessor w1 = now.predecessors().stream().filter(p -> p.unit().id().equals("T5-W1")).findFirst().orElseThrow();
        assertThat(w1.members()).isEqualTo(42);
        assertThat(w1.unit().ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(Rating.GOOD));
        assertThat(w1.unit().titles()).extracting(TitleFact::code).containsExactly("ADVANCED_LABOR_COLLECTIVE");
        // Recursively: W1 is the renamed W0, with W0's facts.
        assertThat(w1.unit().predecessors()).singleElement().satisfies(p -> {
            assertThat(p.relation()).isEqualTo(UnitEventKind.RENAMED);
            assertThat(p.continues()).isTrue();
            assertThat(p.unit().id()).isEqualTo("T5-W0");
            assertThat(p.unit().ratings()).extracting(RatingFact::year).containsExactly(2015);
        });

        // As known before the correction and the fourth ward: three predecessors, W1 still EXCELLENT.
        Subject known = facts.subject("T5-NEW", then).orElseThrow();
        assertThat(known.predecessors()).extracting(p -> p.unit().id()).containsExactlyInAnyOrder("T5-W1", "T5-W2", "T5-W3");
        Predecessor w1then = known.predecessors().stream().filter(p -> p.unit().id().equals("T5-W1")).findFirst().orElseThrow();
        assertThat(w1then.unit().ratings()).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(Rating.EXCELLENT));

        // The unit's API record lists the events naming it: its founding, the four wards received.
        JsonNode unit = call(HttpRequest.GET("/api/v1/units/T5-NEW")).body();
        assertThat(unit.get("established_on").asText()).isEqualTo("2025-07-01");
        assertThat(texts(unit.get("events"), "event_kind")).containsExactlyInAnyOrder("ESTABLISHED", "MERGED_INTO", "MERGED_INTO", "MERGED_INTO", "MERGED_INTO");

        // Read in bulk (a batch, a candidates list): the same lineage.
        assertThat(facts.subjects(List.of("T5-NEW", "T5-W1")).get("T5-NEW").predecessors()).hasSize(4);
    }

    @Test
    void predecessors_are_read_five_levels_deep_and_a_split_names_the_unit_it_left() throws IOException {
        StringBuilder units = new StringBuilder("code,name\n"), events = new StringBuilder("unit,event,on,other,name\n");
        for (int i = 0; i <= 7; i++) units.append("T6-U").append(i).append(",Đơn vị ").append(i).append(" (minh hoạ)\n");
        units.append("T6-S,Đơn vị tách (minh hoạ)\n");
        for (int i = 1; i <= 7; i++) {
            events.append("T6-U").append(i).append(",RENAMED,").append(2010 + i).append("-01-01,T6-U").append(i - 1).append(",Đơn vị ")
                    .append(i - 1).append(" (minh hoạ)\n");
        }
        events.append("T6-S,SPLIT_FROM,2025-01-01,T6-U0,\n");
        imported(zip("units.csv", units.toString(), "unit_events.csv", events.toString()));
        int depth = 0;
        for (Subject s = subject("T6-U0"); !s.predecessors().isEmpty(); s = s.predecessors().get(0).unit()) depth++;
        assertThat(depth).isEqualTo(5);
        assertThat(subject("T6-S").predecessors()).singleElement().satisfies(p -> {
            assertThat(p.relation()).isEqualTo(UnitEventKind.SPLIT_FROM);
            assertThat(p.unit().id()).isEqualTo("T6-U0");
            assertThat(p.unit().predecessors()).isNotEmpty();
        });
    }

    // ------------------------------------------------------------------ what the store reads, by kind

    @Test
    void a_subject_is_read_without_the_tables_its_kind_cannot_have_and_reads_the_same() {
        List<String> statements = new ArrayList<>();
        FactStore recording = new FactStore(recording(DelegatingDataSource.unwrapDataSource(dataSource), statements));
        // A person: no unit events (nor a lineage); a unit: no contributions; an enterprise: neither.
        for (String id : List.of("P-0001", "HN-SKHCN-DEMO-VP", "HN-UBND-DEMO-PMH", "DN-0001", "HGD-0001")) {
            statements.clear();
            Subject s = recording.subject(id).orElseThrow();
            assertThat(s).as(id + " reads as before").isEqualTo(subject(id));
            String kind = s.kind().name();
            assertThat(statements).as(id).isNotEmpty()
                    .noneMatch(q -> !kind.equals("COLLECTIVE") && q.contains("FROM unit_event"))
                    .noneMatch(q -> !List.of("HOUSEHOLD", "PERSON").contains(kind) && q.contains("FROM contribution"));
        }
        // In bulk (a unit's people for a candidates list): the people's unit events are not asked for.
        statements.clear();
        Map<String, Subject> people = recording.subjects(List.of("P-0001", "P-0002", "HGD-0001"));
        assertThat(people).hasSize(3);
        assertThat(people.get("P-0002")).isEqualTo(subject("P-0002"));
        assertThat(statements).isNotEmpty().noneMatch(q -> q.contains("FROM unit_event")).anyMatch(q -> q.contains("FROM contribution"));
        // With a unit among them (and its predecessors), unit events are read for the units only.
        statements.clear();
        Map<String, Subject> mixed = recording.subjects(List.of("P-0001", "HN-UBND-DEMO-PMH"));
        assertThat(mixed.get("HN-UBND-DEMO-PMH")).isEqualTo(subject("HN-UBND-DEMO-PMH"));
        assertThat(statements).anyMatch(q -> q.contains("FROM unit_event"));
    }

    /** A data source whose connections note every statement they prepare. */
    static DataSource recording(DataSource inner, List<String> statements) {
        return (DataSource) Proxy.newProxyInstance(OrganisationHistoryContract.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = forward(method, inner, args);
                    if (!method.getName().equals("getConnection")) return result;
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(OrganisationHistoryContract.class.getClassLoader(), new Class<?>[]{Connection.class},
                            (p, m, a) -> {
                                if ((m.getName().equals("prepareStatement") || m.getName().equals("prepareCall")) && a != null
                                        && a[0] instanceof String sql) statements.add(sql);
                                return forward(m, c, a);
                            });
                });
    }

    private static Object forward(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ------------------------------------------------------------------ events of the tree: not ahead of their day, not undone by a correction

    @Test
    void tree_events_after_today_are_refused_and_recorded_ones_are_not_corrected_or_retracted() throws IOException {
        imported(zip("units.csv", "code,name,parent\nT8-ORG,Tổ chức (minh hoạ),\nT8-A,Phòng A (minh hoạ),T8-ORG\n"
                        + "T8-B,Phòng B (minh hoạ),T8-ORG\nT8-C,Phòng C (minh hoạ),T8-ORG\nT8-S,Phòng tách (minh hoạ),T8-ORG\n",
                "people.csv", "id,name,unit,hired_on\nT8-P,Người (minh hoạ),T8-B,2020-01-01\n",
                "memberships.csv", "subject,unit,from\nT8-P,T8-B,2020-01-01\n",
                "ratings.csv", "subject,year,rating\nT8-P,2024,EXCELLENT\n"));
        LocalDate later = LocalDate.now().plusMonths(1);

        // Dated after today: refused at import, naming the row and `on`; nothing written, nobody moved.
        long before = written();
        JsonAnswer future = csv("unit_events.csv", "unit,event,on,other\nT8-B,MERGED_INTO," + later + ",T8-A\n");
        assertThat(future.status()).as(future.body().toString()).isEqualTo(422);
        assertThat(future.body().get("errors").get(0).get("field").asText()).isEqualTo("on");
        assertThat(future.body().get("errors").get(0).get("row").asLong()).isEqualTo(2);
        assertThat(future.body().get("errors").get(0).get("message").asText()).contains("after today");
        assertThat(written()).isEqualTo(before);
        assertThat(subject("T8-P").unit()).isEqualTo("T8-B");
        // … and by the facts API (422, field `on`); a founding day ahead changes no tree and is taken.
        JsonAnswer posted = call(HttpRequest.POST("/api/v1/subjects/T8-C/facts/unitEvents",
                "{\"event\":\"MOVED\",\"on\":\"" + later + "\",\"other\":\"T8-A\"}").contentType(MediaType.APPLICATION_JSON));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(422);
        assertThat(posted.body().get("errors").get(0).get("field").asText()).isEqualTo("on");
        assertThat(rows("SELECT parent_code FROM org_unit WHERE code = 'T8-C'").get(0).get("parent_code")).isEqualTo("T8-ORG");
        imported(csv("unit_events.csv", "unit,event,on\nT8-S,ESTABLISHED," + later + "\n"));

        // A decision that relied on the person's membership (as a decision on a unit's people may): the merger's moving it flags it.
        long decision = call(HttpRequest.POST("/api/v1/subjects/T8-P/eligibility?year=2025&awards=ADVANCED_LABORER", "")).body()
                .get("decisionId").asLong();
        long membership = count("SELECT MIN(id) FROM membership WHERE subject_id = 'T8-P' AND current_flag = TRUE");
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO decision_fact (decision_id, fact_id) VALUES (" + decision + ", 'membership:" + membership + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JsonAnswer merged = imported(csv("unit_events.csv", "unit,event,on,other,members,continues\nT8-B,MERGED_INTO,2025-09-01,T8-A,1,true\n"));
        assertThat(subject("T8-P").unit()).isEqualTo("T8-A");
        assertThat(merged.body().get("decisionsFlagged").asLong()).isEqualTo(1);
        JsonNode flagged = call(HttpRequest.GET("/api/v1/decisions/" + decision)).body();
        assertThat(flagged.get("needsReEvaluation").asBoolean()).isTrue();
        assertThat(flagged.get("flags").get(0).get("reason").asText()).contains("membership:" + membership);

        // Recorded, the merger is not retracted or corrected (409): its effect would stay. A later event undoes it.
        long event = count("SELECT id FROM unit_event WHERE subject_id = 'T8-B' AND event_kind = 'MERGED_INTO' AND current_flag = TRUE");
        JsonAnswer retracted = call(HttpRequest.DELETE("/api/v1/facts/unitEvents/" + event));
        assertThat(retracted.status()).as(retracted.body().toString()).isEqualTo(409);
        assertThat(retracted.body().get("detail").asText()).contains("later event");
        JsonAnswer redated = call(HttpRequest.PUT("/api/v1/facts/unitEvents/" + event, "{\"on\":\"2025-10-01\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(redated.status()).as(redated.body().toString()).isEqualTo(409);
        assertThat(redated.body().get("errors").get(0).get("field").asText()).isEqualTo("on");
        JsonAnswer elsewhere = call(HttpRequest.PUT("/api/v1/facts/unitEvents/" + event, "{\"other\":\"T8-C\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM unit_event WHERE subject_id = 'T8-B' AND current_flag = TRUE")).isEqualTo(1);
        assertThat(subject("T8-P").unit()).isEqualTo("T8-A");
        // The same at import: the same event with another unit is refused on `other`.
        JsonAnswer reimported = csv("unit_events.csv", "unit,event,on,other\nT8-B,MERGED_INTO,2025-09-01,T8-C\n");
        assertThat(reimported.status()).isEqualTo(422);
        assertThat(reimported.body().get("errors").get(0).get("field").asText()).isEqualTo("other");
        assertThat(reimported.body().get("errors").get(0).get("message").asText()).contains("later event");
        // How it is read as a predecessor (members, continues) may be corrected: that changes no tree.
        JsonAnswer members = call(HttpRequest.PUT("/api/v1/facts/unitEvents/" + event, "{\"members\":2}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(members.status()).as(members.body().toString()).isEqualTo(200);
        assertThat(subject("T8-A").predecessors()).singleElement().satisfies(p -> assertThat(p.members()).isEqualTo(2));

        // A second predecessor continued on the same day is refused, naming the recorded one; so is linking T8-B again.
        JsonAnswer second = csv("unit_events.csv", "unit,event,on,other,continues\nT8-C,MERGED_INTO,2025-09-01,T8-A,true\n");
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.body().get("errors").get(0).get("field").asText()).isEqualTo("continues");
        assertThat(second.body().get("errors").get(0).get("message").asText()).contains("T8-B", "unitEvent:");
        JsonAnswer again = csv("unit_events.csv", "unit,event,on,other\nT8-A,SPLIT_FROM,2025-10-01,T8-B\n");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body().get("errors").get(0).get("field").asText()).isEqualTo("other");

        // A split changes no tree: its day may be corrected (not counted twice against itself).
        imported(csv("unit_events.csv", "unit,event,on,other\nT8-S,SPLIT_FROM,2025-02-01,T8-C\n"));
        long split = count("SELECT id FROM unit_event WHERE subject_id = 'T8-S' AND event_kind = 'SPLIT_FROM' AND current_flag = TRUE");
        JsonAnswer moved = call(HttpRequest.PUT("/api/v1/facts/unitEvents/" + split, "{\"on\":\"2025-03-01\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(subject("T8-S").predecessors()).singleElement().satisfies(p -> assertThat(p.on()).isEqualTo(LocalDate.of(2025, 3, 1)));
        assertThat(call(HttpRequest.DELETE("/api/v1/facts/unitEvents/" + count("SELECT id FROM unit_event WHERE subject_id = 'T8-S' "
                + "AND event_kind = 'SPLIT_FROM' AND current_flag = TRUE"))).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ case documents

    @Test
    void case_documents_of_enterprises_households_and_units_with_predecessors_import_like_the_files() {
        String docs = """
                [{"asOf":"2027-01-15","year":2026,"subject":{"id":"T7-ENT","kind":"ENTERPRISE","name":"Công ty JSON (minh hoạ)",
                   "establishedOn":"2010-05-05","campaignResults":[{"campaign":"INNOVATION_DX_2025_2030","year":2026,
                   "group":"BUSINESSES_AND_INSTITUTES","indicator":"REVIEW_SCORE","value":88}]}},
                 {"asOf":"2026-01-15","year":2025,"subject":{"id":"T7-HH","kind":"HOUSEHOLD","name":"Hộ JSON (minh hoạ)",
                   "contributions":[{"year":2025,"kind":"ASSETS","valueVnd":20000000,"description":"Ủng hộ xây nhà văn hoá"}]}},
                 {"asOf":"2026-01-15","year":2025,"subject":{"id":"T7-WARD","kind":"COLLECTIVE","name":"Phường JSON (minh hoạ)",
                   "establishedOn":"2025-07-01","events":[{"on":"2025-07-01","event":"ESTABLISHED"}],
                   "predecessors":[{"relation":"MERGED_INTO","on":"2025-07-01","members":40,"continues":true,
                     "unit":{"id":"T7-OLD","kind":"COLLECTIVE","name":"Phường Cũ JSON (minh hoạ)","ratings":[{"year":2024,"rating":"EXCELLENT"}]}}]}}]
                """;
        JsonAnswer a = call(HttpRequest.POST("/api/v1/imports", docs).contentType(MediaType.APPLICATION_JSON));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        assertThat(subject("T7-ENT").campaignResults()).singleElement().satisfies(r -> assertThat(r.value()).isEqualByComparingTo("88"));
        assertThat(subject("T7-ENT").establishedOn()).isEqualTo(LocalDate.of(2010, 5, 5));
        assertThat(subject("T7-HH").contributions()).singleElement().satisfies(c -> assertThat(c.kind()).isEqualTo(ContributionKind.ASSETS));
        Subject ward = subject("T7-WARD");
        assertThat(ward.establishedOn()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(ward.events()).extracting(UnitEventFact::event).containsExactly(UnitEventKind.ESTABLISHED);
        assertThat(ward.predecessors()).singleElement().satisfies(p -> {
            assertThat(p.unit().id()).isEqualTo("T7-OLD");
            assertThat(p.continues()).isTrue();
            assertThat(p.unit().ratings()).hasSize(1);
        });

        long before = written();
        JsonAnswer bad = call(HttpRequest.POST("/api/v1/imports", """
                {"asOf":"2026-01-15","year":2025,"subject":{"id":"T7-HH2","kind":"HOUSEHOLD","name":"Hộ",
                  "contributions":[{"year":2025,"kind":"LAND","valueVnd":-5}]}}
                """).contentType(MediaType.APPLICATION_JSON));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("subject.contributions[0].valueVnd");
        assertThat(written()).isEqualTo(before);
    }

    /** The rows of a query as maps (a test's own reads). */
    static Map<String, Object> first(List<Map<String, Object>> rows) {
        return rows.isEmpty() ? new LinkedHashMap<>() : rows.get(0);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
