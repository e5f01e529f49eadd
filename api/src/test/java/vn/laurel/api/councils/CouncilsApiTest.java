package vn.laurel.api.councils;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The councils' API against PostgreSQL with the demo department and its council (9 members): the agenda
 * lists the candidates needing review with the criteria waiting for the council; a written vote of an
 * absent member counts and an absent member without one cannot vote; a ballot below the threshold is
 * FAILED and writes nothing; a passed ballot's attestation is in the answer's evidence with the session
 * and ballot as its source. Its own database: the ballots write facts.
 */
@MicronautTest(transactional = false)
class CouncilsApiTest extends PostgresTest {
    static final String COUNCIL = "HDTDKT-SKHCN-DEMO";

    @Inject
    EmbeddedServer server;

    CouncilHttp http;
    JsonNode council;

    @Override
    protected String database() {
        return "councils_api";
    }

    @BeforeAll
    void setUp() {
        http = new CouncilHttp(server.getPort());
        council = http.get("board", "/api/v1/councils/" + COUNCIL).body();
    }

    /** A session of the demo council on 2025 held on 2026-01-12: members 1–7 present, 8 in writing, 9 absent. */
    long session() {
        JsonNode m = council.get("members");
        List<Long> present = new ArrayList<>();
        for (int i = 0; i < 7; i++) present.add(m.get(i).get("id").asLong());
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions", "{\"council\":\"" + COUNCIL + "\",\"year\":2025,"
                + "\"heldOn\":\"2026-01-12\",\"present\":" + present + ",\"inWriting\":[" + m.get(7).get("id").asLong() + "]}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body().get("id").asLong();
    }

    long member(int number) {
        return council.get("members").get(number - 1).get("id").asLong();
    }

    /** Votes of members 1..8 (the voting ones): the first {@code inFavour} FOR, the rest AGAINST. */
    String votes(int inFavour) {
        StringBuilder s = new StringBuilder("[");
        for (int n = 1; n <= 8; n++) {
            if (n > 1) s.append(',');
            s.append("{\"member\":").append(member(n)).append(",\"vote\":\"").append(n <= inFavour ? "FOR" : "AGAINST").append("\"}");
        }
        return s.append(']').toString();
    }

    String ballot(String subject, String award, String votes) {
        return "{\"ballots\":[" + one(subject, award, votes) + "]}";
    }

    static String one(String subject, String award, String votes) {
        return "{\"subject\":\"" + subject + "\",\"award\":\"" + award + "\",\"votes\":" + votes + "}";
    }

    @Test
    void theDemoCouncilHasNineMembersAndASessionOn2025() {
        assertThat(council.get("members")).hasSize(9);
        assertThat(council.get("unit").asText()).isEqualTo("HN-SKHCN-DEMO");
        JsonNode sessions = http.get("auditor", "/api/v1/councils/sessions?year=2025&council=" + COUNCIL).body().get("items");
        assertThat(sessions.size()).isGreaterThanOrEqualTo(1);
        JsonNode demo = http.get("auditor", "/api/v1/councils/sessions/" + sessions.get(sessions.size() - 1).get("id").asLong()).body();
        assertThat(demo.get("ballots").size()).isGreaterThanOrEqualTo(2);
        assertThat(demo.get("ballots").findValuesAsText("result")).contains("PASSED", "FAILED");
    }

    @Test
    void theAgendaListsTheCandidatesNeedingReviewWithTheCriteriaWaiting() {
        long s = session();
        JsonNode agenda = http.get("auditor", "/api/v1/councils/sessions/" + s + "/agenda").body();
        // (P-0006 and P-0017 are voted on by other tests of this class; P-0019 is left alone.)
        JsonNode p6 = item(agenda, "P-0019", "ADVANCED_LABORER");
        assertThat(p6).as("P-0019 needs review for ADVANCED_LABORER").isNotNull();
        assertThat(p6.get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(p6.get("waiting").findValuesAsText("criterion")).containsExactly("EMULATION_PARTICIPATION");
        assertThat(p6.get("ballotRequired").asBoolean()).isFalse();
        // A pending matter needs review too, but no vote settles it: it is listed apart.
        JsonNode p7 = item(agenda, "P-0007", "ADVANCED_LABORER");
        assertThat(p7.get("waiting")).isEmpty();
        assertThat(p7.get("otherOpen").findValuesAsText("criterion")).contains("NO_PENDING_MATTER");
        // An eligible candidate of an award that needs no ballot is not on the agenda; one that needs it is.
        assertThat(item(agenda, "P-0001", "ADVANCED_LABORER")).isNull();
        JsonNode soldier = first(agenda, "GRASSROOTS_EMULATION_SOLDIER", "ELIGIBLE");
        assertThat(soldier).isNotNull();
        assertThat(soldier.get("ballotRequired").asBoolean()).isTrue();
        assertThat(soldier.get("threshold").get("text").asText()).isEqualTo("≥ 80%");
        assertThat(soldier.get("threshold").get("reference").asText()).contains("152/2025");
        for (String id : List.of("P-0020", "P-0021", "P-0025")) assertThat(item(agenda, id, "ADVANCED_LABORER")).as(id).isNotNull();
    }

    @Test
    void aWrittenVoteOfAnAbsentMemberCounts() {
        long s = session();
        JsonNode soldier = first(http.get("board", "/api/v1/councils/sessions/" + s + "/agenda").body(), "GRASSROOTS_EMULATION_SOLDIER", "ELIGIBLE");
        String subject = soldier.get("subject").asText();
        // Member 9 is absent without a written vote: the vote cannot count, and nothing is written.
        CouncilHttp.Answer refused = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots",
                ballot(subject, "GRASSROOTS_EMULATION_SOLDIER", "[{\"member\":" + member(9) + ",\"vote\":\"FOR\"}]"), "en");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("ballots[0].votes[0].member");
        assertThat(refused.body().get("detail").asText()).contains("absent");
        // 7 present in favour and member 8 in writing: 8 of 9 = 88.9 % ≥ 80 %.
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", ballot(subject, "GRASSROOTS_EMULATION_SOLDIER", votes(8)));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        JsonNode b = a.body().get("ballots").get(0);
        assertThat(b.get("inFavour").asInt()).isEqualTo(8);
        assertThat(b.get("members").asInt()).isEqualTo(9);
        assertThat(b.get("result").asText()).isEqualTo("PASSED");
        assertThat(b.get("threshold").get("parameter").asText()).isEqualTo("council.vote_share.GRASSROOTS_EMULATION_SOLDIER");
        JsonNode written = null;
        for (JsonNode v : b.get("votes")) if (v.get("member").asLong() == member(8)) written = v;
        assertThat(written.get("inWriting").asBoolean()).isTrue();
        // The same ballot again at the same session is a conflict.
        assertThat(http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", ballot(subject, "GRASSROOTS_EMULATION_SOLDIER", votes(8))).status())
                .isEqualTo(409);
        // The proposal lists read it through BallotLookup.
        assertThat(http.get("board", "/api/v1/councils/sessions/" + s).body().get("ballots").size()).isEqualTo(1);
    }

    @Test
    void withoutTheWrittenVoteSevenOfNineIsBelowEightyPercent() {
        long s = session();
        JsonNode soldier = last(http.get("board", "/api/v1/councils/sessions/" + s + "/agenda").body(), "GRASSROOTS_EMULATION_SOLDIER", "ELIGIBLE");
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots",
                ballot(soldier.get("subject").asText(), "GRASSROOTS_EMULATION_SOLDIER", votes(7)));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.body().get("ballots").get(0).get("result").asText()).isEqualTo("FAILED");
        assertThat(a.body().get("ballots").get(0).get("share").decimalValue()).isEqualByComparingTo("0.7778");
    }

    @Test
    void aBallotBelowTheThresholdFailsAndWritesNoAttestation() {
        long s = session();
        int before = http.get("admin", "/api/v1/subjects/P-0017/facts/attestations?size=200").body().get("total").asInt();
        // ADVANCED_LABORER has no threshold of its own: the default, more than half of all 9 members. 4 of 9 is not.
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", ballot("P-0017", "ADVANCED_LABORER", votes(4)));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        JsonNode b = a.body().get("ballots").get(0);
        assertThat(b.get("result").asText()).isEqualTo("FAILED");
        assertThat(b.get("threshold").get("text").asText()).isEqualTo("> 50%");
        assertThat(b.get("attested")).isEmpty();
        assertThat(http.get("admin", "/api/v1/subjects/P-0017/facts/attestations?size=200").body().get("total").asInt()).isEqualTo(before);
        JsonNode answer = http.get("admin", "/api/v1/subjects/P-0017/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void aPassedBallotAttestsTheWaitingCriteriaWithTheSessionAsProvenance() {
        long s = session();
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", ballot("P-0006", "ADVANCED_LABORER", votes(6)));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        JsonNode b = a.body().get("ballots").get(0);
        assertThat(b.get("result").asText()).isEqualTo("PASSED");
        assertThat(b.get("attested").get(0).asText()).isEqualTo("EMULATION_PARTICIPATION");
        long ballotId = b.get("id").asLong();
        JsonNode answer = http.get("admin", "/api/v1/subjects/P-0006/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
        String source = "council " + COUNCIL + ", session " + s + " held 2026-01-12, ballot " + ballotId;
        assertThat(answer.get("facts").findValuesAsText("source")).contains(source);
        JsonNode criterion = null;
        for (JsonNode c : answer.get("results").get(0).get("criteria")) if (c.get("criterion").asText().equals("EMULATION_PARTICIPATION")) criterion = c;
        assertThat(criterion.get("status").asText()).isEqualTo("MET");
        assertThat(criterion.get("evidence").findValuesAsText("source")).contains(source);
    }

    @Test
    void aCandidateNotOnTheAgendaIsRefusedNamingTheFieldAndNothingIsWritten() {
        long s = session();
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots",
                "{\"ballots\":[" + one("P-0018", "ADVANCED_LABORER", votes(8)) + "," + one("P-0001", "ADVANCED_LABORER", votes(8)) + "]}");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("ballots[1].subject");
        assertThat(a.body().get("detail").asText()).contains("không có trong chương trình");
        assertThat(http.get("board", "/api/v1/councils/sessions/" + s).body().get("ballots")).isEmpty();
        JsonNode answer = http.get("admin", "/api/v1/subjects/P-0018/eligibility?year=2025&awards=ADVANCED_LABORER").body();
        assertThat(answer.get("results").get(0).get("outcome").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void writesNeedTheBoardAndBadInputIsAProblemNamingTheField() {
        assertThat(http.post("auditor", "/api/v1/councils/sessions", "{}").status()).isEqualTo(403);
        assertThat(http.get("client", "/api/v1/councils").status()).isEqualTo(403);
        CouncilHttp.Answer bad = http.post("board", "/api/v1/councils/sessions", "{\"council\":\"" + COUNCIL + "\",\"year\":2025,\"heldOn\":\"2026-13-01\"}", "en");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("heldOn");
        CouncilHttp.Answer unknown = http.post("board", "/api/v1/councils", "{\"code\":\"X\",\"nam\":\"y\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("nam");
        CouncilHttp.Answer created = http.post("board", "/api/v1/councils", "{\"code\":\"HD-TEST\",\"name\":\"Hội đồng thử\",\"unit\":\"HN-SKHCN-DEMO-VP\","
                + "\"members\":[{\"name\":\"Nguyễn Văn A\",\"position\":\"Chủ tịch\",\"from\":\"2025-01-01\"}]}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/v1/councils/HD-TEST");
        assertThat(http.post("board", "/api/v1/councils", "{\"code\":\"HD-TEST\",\"name\":\"again\",\"unit\":\"HN-SKHCN-DEMO-VP\"}").status()).isEqualTo(409);
        assertThat(http.get("board", "/api/v1/councils/NO-SUCH").status()).isEqualTo(404);
        assertThat(http.get("board", "/api/v1/councils/sessions/999999").status()).isEqualTo(404);
    }

    @Test
    void anEmptyBallotAndASessionWithNobodyPresentAreRefusedNamingTheField() {
        long s = session();
        String subject = "P-0018";
        for (String body : List.of(ballot(subject, "ADVANCED_LABORER", "[]"),
                "{\"ballots\":[{\"subject\":\"" + subject + "\",\"award\":\"ADVANCED_LABORER\"}]}")) {
            CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", body, "en");
            assertThat(a.status()).as(body).isEqualTo(422);
            assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("ballots[0].votes");
            assertThat(a.body().get("detail").asText()).contains("at least one vote");
        }
        assertThat(http.get("board", "/api/v1/councils/sessions/" + s).body().get("ballots")).isEmpty();
        int before = http.get("board", "/api/v1/councils/sessions?year=2025").body().get("items").size();
        for (String present : List.of("\"present\":[],", "")) {
            CouncilHttp.Answer nobody = http.post("board", "/api/v1/councils/sessions", "{\"council\":\"" + COUNCIL + "\",\"year\":2025,"
                    + "\"heldOn\":\"2026-01-12\"," + present + "\"inWriting\":[]}");
            assertThat(nobody.status()).isEqualTo(422);
            assertThat(nobody.body().get("errors").get(0).get("field").asText()).isEqualTo("present");
            assertThat(nobody.body().get("detail").asText()).contains("có mặt");
        }
        assertThat(http.get("board", "/api/v1/councils/sessions?year=2025").body().get("items").size()).isEqualTo(before);
    }

    @Test
    void theAgendaIsCompleteUnlessFilteredByAwardUnitOrWhat() {
        long s = session();
        String at = "/api/v1/councils/sessions/" + s + "/agenda";
        JsonNode all = http.get("board", at).body();
        assertThat(all.get("total").asInt()).isEqualTo(all.get("items").size());
        JsonNode vote = http.get("board", at + "?what=vote").body();
        assertThat(vote.get("items").size()).isPositive().isLessThan(all.get("items").size());
        vote.get("items").forEach(it -> assertThat(it.get("waiting")).isNotEmpty());
        JsonNode ballot = http.get("board", at + "?what=ballot&award=GRASSROOTS_EMULATION_SOLDIER").body();
        assertThat(ballot.get("items").size()).isPositive();
        ballot.get("items").forEach(it -> {
            assertThat(it.get("ballotRequired").asBoolean()).isTrue();
            assertThat(it.get("award").asText()).isEqualTo("GRASSROOTS_EMULATION_SOLDIER");
        });
        String unit = item(all, "P-0019", "ADVANCED_LABORER").get("unit").asText();
        http.get("board", at + "?unit=" + unit).body().get("items").forEach(it -> assertThat(it.get("unit").asText()).isEqualTo(unit));
        CouncilHttp.Answer bad = http.get("board", at + "?what=nope");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("what");
    }

    @Test
    void aRequestHoldsAtMostOneHundredBallots() {
        long s = session();
        StringBuilder many = new StringBuilder("{\"ballots\":[");
        for (int i = 0; i <= CouncilInput.MAX_BALLOTS; i++) many.append(i == 0 ? "" : ",").append(one("P-0018", "ADVANCED_LABORER", "[]"));
        CouncilHttp.Answer a = http.post("board", "/api/v1/councils/sessions/" + s + "/ballots", many.append("]}").toString(), "en");
        assertThat(CouncilInput.MAX_BALLOTS).isEqualTo(100);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("errors").get(0).get("field").asText()).isEqualTo("ballots");
        assertThat(a.body().get("detail").asText()).contains("100");
        assertThat(http.get("board", "/api/v1/councils/sessions/" + s).body().get("ballots")).isEmpty();
    }

    @Test
    void aFailedBallotOnAnAwardReadingTheVoteCanBeVotedAgainAndAPassedOneSupersedesIt() {
        long first = session();
        JsonNode agenda = http.get("board", "/api/v1/councils/sessions/" + first + "/agenda").body();
        JsonNode candidate = null;
        for (JsonNode it : agenda.get("items")) if (it.get("award").asText().equals("HANOI_OUTSTANDING_CITIZEN")) candidate = it;
        assertThat(candidate).as("a candidate for HANOI_OUTSTANDING_CITIZEN on the agenda").isNotNull();
        String subject = candidate.get("subject").asText();
        // 5 of 9 is below 90 %: FAILED, and COUNCIL_VOTE_PASSED=false is written, so the candidate is no longer eligible.
        CouncilHttp.Answer failed = http.post("board", "/api/v1/councils/sessions/" + first + "/ballots",
                ballot(subject, "HANOI_OUTSTANDING_CITIZEN", votes(5)));
        assertThat(failed.status()).as(failed.body().toString()).isEqualTo(201);
        JsonNode f = failed.body().get("ballots").get(0);
        assertThat(f.get("result").asText()).isEqualTo("FAILED");
        assertThat(f.get("council").asText()).isEqualTo(COUNCIL);
        assertThat(f.get("attested").get(0).asText()).isEqualTo("COUNCIL_VOTE_PASSED");
        assertThat(status(subject, "COUNCIL_VOTE_PASSED")).isEqualTo("NOT_MET");

        // A later session of the council, everyone voting (member 9 in writing): the candidate is still on its agenda,
        // with the earlier ballot and the council that cast it, and may be voted on again.
        JsonNode m = council.get("members");
        List<Long> present = new ArrayList<>();
        for (int i = 0; i < 8; i++) present.add(m.get(i).get("id").asLong());
        CouncilHttp.Answer later = http.post("board", "/api/v1/councils/sessions", "{\"council\":\"" + COUNCIL + "\",\"year\":2025,"
                + "\"heldOn\":\"2026-01-20\",\"present\":" + present + ",\"inWriting\":[" + member(9) + "]}");
        assertThat(later.status()).as(later.body().toString()).isEqualTo(201);
        long second = later.body().get("id").asLong();
        JsonNode again = item(http.get("board", "/api/v1/councils/sessions/" + second + "/agenda").body(), subject, "HANOI_OUTSTANDING_CITIZEN");
        assertThat(again).as("still on the later agenda").isNotNull();
        assertThat(again.get("earlierBallot").get("result").asText()).isEqualTo("FAILED");
        assertThat(again.get("earlierBallot").get("council").asText()).isEqualTo(COUNCIL);
        assertThat(again.get("earlierBallot").get("session").asLong()).isEqualTo(first);
        StringBuilder all = new StringBuilder("[");
        for (int n = 1; n <= 9; n++) all.append(n == 1 ? "" : ",").append("{\"member\":").append(member(n)).append(",\"vote\":\"FOR\"}");
        CouncilHttp.Answer passed = http.post("board", "/api/v1/councils/sessions/" + second + "/ballots",
                ballot(subject, "HANOI_OUTSTANDING_CITIZEN", all.append("]").toString()));
        assertThat(passed.status()).as(passed.body().toString()).isEqualTo(201);
        JsonNode p = passed.body().get("ballots").get(0);
        assertThat(p.get("result").asText()).isEqualTo("PASSED");
        // The passed ballot's COUNCIL_VOTE_PASSED=true supersedes the failed one's false.
        assertThat(status(subject, "COUNCIL_VOTE_PASSED")).isEqualTo("MET");
        JsonNode answer = http.get("admin", "/api/v1/subjects/" + subject + "/eligibility?year=2025&awards=HANOI_OUTSTANDING_CITIZEN").body();
        assertThat(answer.get("facts").findValuesAsText("source"))
                .contains("council " + COUNCIL + ", session " + second + " held 2026-01-20, ballot " + p.get("id").asLong());
    }

    /** The status of one criterion of the subject's HANOI_OUTSTANDING_CITIZEN answer for 2025. */
    String status(String subject, String criterion) {
        JsonNode answer = http.get("admin", "/api/v1/subjects/" + subject + "/eligibility?year=2025&awards=HANOI_OUTSTANDING_CITIZEN").body();
        for (JsonNode c : answer.get("results").get(0).get("criteria")) {
            if (c.get("criterion").asText().equals(criterion)) return c.get("status").asText();
        }
        return null;
    }

    static JsonNode item(JsonNode agenda, String subject, String award) {
        for (JsonNode it : agenda.get("items")) {
            if (it.get("subject").asText().equals(subject) && it.get("award").asText().equals(award)) return it;
        }
        return null;
    }

    static JsonNode first(JsonNode agenda, String award, String outcome) {
        for (JsonNode it : agenda.get("items")) {
            if (it.get("award").asText().equals(award) && it.get("outcome").asText().equals(outcome)) return it;
        }
        return null;
    }

    static JsonNode last(JsonNode agenda, String award, String outcome) {
        JsonNode found = null;
        for (JsonNode it : agenda.get("items")) {
            if (it.get("award").asText().equals(award) && it.get("outcome").asText().equals(outcome)) found = it;
        }
        return found;
    }
}
