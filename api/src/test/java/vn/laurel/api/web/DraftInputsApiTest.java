package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a caller may send the draft endpoints that is wrong: every refusal a 4xx problem naming the
 * field (the path, the body, the id…), never a 5xx, and nothing changed by it.
 */
@MicronautTest(transactional = false)
class DraftInputsApiTest extends DraftsApi {
    static final String SHA_ZERO = "sha256:" + "0".repeat(64);
    long draft;

    @Override
    protected String database() { return "laurel_draft_inputs"; }

    @BeforeAll
    void aDraft() {
        draft = create(POLICY, "inputs");
    }

    record Case(String what, int status, String field, MutableHttpRequest<?> request) {}

    MutableHttpRequest<?> json(MutableHttpRequest<?> r) { return r.contentType(MediaType.APPLICATION_JSON); }

    MutableHttpRequest<?> putText(String path, byte[] body) {
        return HttpRequest.PUT(DRAFTS + "/" + draft + "/files/" + path, body).contentType(MediaType.TEXT_PLAIN);
    }

    MutableHttpRequest<?> zip(byte[] zip) {
        return HttpRequest.POST(DRAFTS + "?title=zip", zip).contentType("application/zip");
    }

    List<Case> cases() {
        String d = DRAFTS + "/" + draft;
        byte[] big = new byte[1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        byte[] latin1 = "name: Nguyễn\n".getBytes(StandardCharsets.ISO_8859_1);
        latin1[7] = (byte) 0xC3;
        latin1[8] = (byte) 0x28;
        return List.of(
                new Case("a path outside rules/ and scenarios/", 400, "path", putText("other/x.drl", "x".getBytes())),
                new Case("a rule file that is not DRL or YAML", 400, "path", putText("rules/x.txt", "x".getBytes())),
                new Case("a hidden file", 400, "path", putText("rules/.x.drl", "x".getBytes())),
                new Case("a space in a path", 400, "path", putText("rules/a%20b.drl", "x".getBytes())),
                new Case("a path climbing out", 400, "path", putText("rules/..%2F..%2Fetc.yaml", "x".getBytes())),
                new Case("a file over 1 MB", 413, "body", putText("rules/big.drl", big)),
                new Case("a body that is not UTF-8", 400, "body", putText(EXCELLENT, latin1)),
                new Case("a bad path read", 400, "path", HttpRequest.GET(d + "/files/rules/x.exe")),
                new Case("a file the draft does not have", 404, "path", HttpRequest.GET(d + "/files/rules/none.drl")),
                new Case("deleting a file the draft does not have", 404, "path", HttpRequest.DELETE(d + "/files/rules/none.drl")),
                new Case("an id that is not a number", 400, "id", HttpRequest.GET(DRAFTS + "/abc")),
                new Case("an id of zero", 400, "id", HttpRequest.GET(DRAFTS + "/0/files")),
                new Case("an id too large", 400, "id", HttpRequest.GET(DRAFTS + "/99999999999999999999999")),
                new Case("no such draft", 404, "id", HttpRequest.GET(DRAFTS + "/999999")),
                new Case("no such draft to change", 404, "id", HttpRequest.PUT(DRAFTS + "/999999/files/rules/x.drl", "x").contentType(MediaType.TEXT_PLAIN)),
                new Case("from that is no revision", 400, "from", json(HttpRequest.POST(DRAFTS, "{\"from\":\"latest\"}"))),
                new Case("from a revision that does not exist", 404, "from", json(HttpRequest.POST(DRAFTS, "{\"from\":999999}"))),
                new Case("from a version never stored", 404, "from", json(HttpRequest.POST(DRAFTS, "{\"from\":\"" + SHA_ZERO + "\"}"))),
                new Case("from a fraction", 400, "from", json(HttpRequest.POST(DRAFTS, "{\"from\":1.5}"))),
                new Case("an unknown field", 400, "titel", json(HttpRequest.POST(DRAFTS, "{\"titel\":\"x\"}"))),
                new Case("a title too long", 400, "title", json(HttpRequest.POST(DRAFTS, "{\"title\":\"" + "x".repeat(301) + "\"}"))),
                new Case("a title that is not text", 400, "title", json(HttpRequest.POST(DRAFTS, "{\"title\":[1]}"))),
                new Case("a body that is not an object", 400, "body", json(HttpRequest.POST(DRAFTS, "[1]"))),
                new Case("a body that is not JSON", 400, "body", json(HttpRequest.POST(DRAFTS, "{"))),
                new Case("an empty zip body", 400, "body", zip(new byte[0])),
                new Case("a body that is no zip", 400, "body", zip("hello".getBytes())),
                new Case("a zip entry climbing out", 400, "../evil.drl", zip(Zips.of("../evil.drl", "x"))),
                new Case("a zip entry outside rules/ and scenarios/", 400, "evil.sh", zip(Zips.of("evil.sh", "x"))),
                new Case("a zip entry over 1 MB", 413, "rules/big.drl", zip(Zips.of("rules/big.drl", "a".repeat(1024 * 1024 + 1)))),
                new Case("a zip from a revision that does not exist", 404, "from", HttpRequest.POST(DRAFTS + "?from=999999", Zips.of("rules/a.drl", "x")).contentType("application/zip")),
                new Case("a status that is none", 400, "status", HttpRequest.GET(DRAFTS + "?status=NOPE")),
                new Case("a limit of zero", 400, "limit", HttpRequest.GET(DRAFTS + "?limit=0")),
                new Case("a limit too large", 400, "limit", HttpRequest.GET(DRAFTS + "?limit=1000000")),
                new Case("before that is not a number", 400, "before", HttpRequest.GET(DRAFTS + "?before=x")),
                new Case("a diff against nothing known", 400, "against", HttpRequest.GET(d + "/diff?against=yesterday")),
                new Case("a proposal without a note", 400, "note", json(HttpRequest.POST(d + "/propose", "{}"))),
                new Case("a note that is not text", 400, "note", json(HttpRequest.POST(d + "/propose", "{\"note\":5}"))),
                new Case("a note too long", 400, "note", json(HttpRequest.POST(d + "/propose", "{\"note\":\"" + "x".repeat(4001) + "\"}"))),
                new Case("a proposal that is not JSON", 400, "body", json(HttpRequest.POST(d + "/propose", "note"))),
                new Case("approving what was not proposed", 409, "status", json(HttpRequest.POST(d + "/approve",
                        "{\"contentHash\":\"" + SHA_ZERO + "\"}"))),
                new Case("an approval not naming the content read", 400, "contentHash", json(HttpRequest.POST(d + "/approve", "{}"))),
                new Case("an approval naming the content read with a number", 400, "contentHash", json(HttpRequest.POST(d + "/approve",
                        "{\"contentHash\":5}"))),
                // Control characters: PostgreSQL refuses a NUL in text, and none belongs in a title, note or rule file.
                new Case("a title with a NUL", 400, "title", json(HttpRequest.POST(DRAFTS, "{\"title\":\"a\\u0000b\"}"))),
                new Case("a zip's title with a control character", 400, "title", HttpRequest.POST(DRAFTS + "?title=a%01b",
                        Zips.of("rules/a.drl", "x")).contentType("application/zip")),
                new Case("a zip's note with a NUL", 400, "note", HttpRequest.POST(DRAFTS + "?note=a%00b",
                        Zips.of("rules/a.drl", "x")).contentType("application/zip")),
                new Case("a proposal note with a NUL", 400, "note", json(HttpRequest.POST(d + "/propose", "{\"note\":\"why\\u0000\"}"))),
                new Case("an approval note with an escape", 400, "note", json(HttpRequest.POST(d + "/approve",
                        "{\"contentHash\":\"" + SHA_ZERO + "\",\"note\":\"ok\\u001b[31m\"}"))),
                new Case("a rejection reason with a NUL", 400, "reason", json(HttpRequest.POST(d + "/reject", "{\"reason\":\"no\\u0000\"}"))),
                new Case("a file with a NUL", 400, "body", putText(EXCELLENT, "name: \"x\u0000\"\n".getBytes(StandardCharsets.UTF_8))),
                new Case("a file with a form feed", 400, "body", putText("rules/x.drl", "rule \"x\"\f\n".getBytes(StandardCharsets.UTF_8))),
                new Case("a zip entry with a NUL", 400, "rules/a.drl", zip(Zips.of("rules/a.drl", "rule\u0000"))),
                new Case("publishing what was not approved", 409, "status", json(HttpRequest.POST(d + "/publish", ""))),
                new Case("a publication with fields", 400, "now", json(HttpRequest.POST(d + "/publish", "{\"now\":true}"))),
                new Case("a preview of a draft that is no number", 400, "draft", json(HttpRequest.POST("/api/v1/ruleset/preview", "{\"draft\":\"x\",\"lastDecisions\":1}"))),
                new Case("a preview of no such draft", 404, "draft", json(HttpRequest.POST("/api/v1/ruleset/preview", "{\"draft\":999999,\"lastDecisions\":1}"))),
                new Case("a preview of a draft and a version", 400, "draft", json(HttpRequest.POST("/api/v1/ruleset/preview",
                        "{\"draft\":1,\"version\":\"" + SHA_ZERO + "\",\"lastDecisions\":1}"))));
    }

    @TestFactory
    Stream<DynamicTest> each_bad_input_is_a_problem_naming_its_field() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.what(), () -> {
            MutableHttpRequest<?> r = c.request();
            if (!r.getHeaders().contains("Authorization")) r.basicAuth(ADMIN, ADMIN);
            Http.Answer a = Http.call(client(), r);
            assertThat(a.status()).as(c.what() + ": " + a.body()).isEqualTo(c.status());
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().get("errors").findValuesAsText("field")).as(c.what() + ": " + a.body()).contains(c.field());
        }));
    }

    @Test
    void nothing_a_refused_input_sent_changed_the_draft() {
        assertThat(view(draft).get("status").asText()).isEqualTo("OPEN");
        assertThat(view(draft).get("changes").toString()).isEqualTo("{\"added\":[],\"changed\":[],\"removed\":[]}");
        assertThat(changes(draft)).containsExactly("DRAFT_CREATED by policy");
    }

    @Test
    void auditors_read_drafts_but_do_not_change_them_and_clerks_do_neither() {
        assertThat(call("auditor", HttpRequest.GET(DRAFTS + "/" + draft)).status()).isEqualTo(200);
        assertThat(client().exchange(as("auditor", HttpRequest.GET(DRAFTS + "/" + draft + "/files/" + EXCELLENT)), String.class).code())
                .isEqualTo(200);
        assertThat(put("auditor", draft, EXCELLENT, "x").status()).isEqualTo(403);
        assertThat(call("clerk", HttpRequest.GET(DRAFTS + "/" + draft)).status()).isEqualTo(403);
    }

    @Test
    void a_file_is_answered_as_utf8_text() {
        var response = client().exchange(as(POLICY, HttpRequest.GET(DRAFTS + "/" + draft + "/files/" + EXCELLENT)), String.class);
        assertThat(response.getContentType().orElseThrow().toString().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(response.body()).contains("Nguyễn Văn An");
    }
}
