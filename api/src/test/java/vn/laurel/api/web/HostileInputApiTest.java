package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests across the endpoints — broken JSON, YAML and CSV, wrong types, huge
 * numbers, impossible dates, unknown codes, injection strings in every coded text field, Vietnamese
 * in its decomposed form: each is answered 4xx as a problem document, none 5xx, and no table but the
 * log of refused imports has a row more or less afterwards.
 */
@MicronautTest(transactional = false)
class HostileInputApiTest extends PostgresTest {
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "1; DROP TABLE decision; --", "<script>alert(1)</script>", "../../../../etc/passwd",
            "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "=HYPERLINK(\"http://x\")", "A".repeat(5000),
            "\u0000", "%00%0d%0a", "\u202Etxt.exe", Normalizer.normalize("LAO_ĐỘNG_TIÊN_TIẾN", Normalizer.Form.NFD));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    protected String database() { return "laurel_hostile"; }

    BlockingHttpClient client() { return http.toBlocking(); }

    static String q(String v) { return URLEncoder.encode(v, StandardCharsets.UTF_8); }

    static MutableHttpRequest<?> json(MutableHttpRequest<?> r) { return r.contentType(MediaType.APPLICATION_JSON); }

    static MutableHttpRequest<?> postJson(String uri, String body) { return json(HttpRequest.POST(uri, body)); }

    static MutableHttpRequest<?> csv(String file, String body) {
        return HttpRequest.POST("/api/v1/imports?file=" + q(file), body).contentType("text/csv");
    }

    Map<String, MutableHttpRequest<?>> requests() {
        Map<String, MutableHttpRequest<?>> r = new LinkedHashMap<>();
        String eligibility = "/api/v1/subjects/P-0001/eligibility?";
        for (String year : List.of("twenty", "99999999999999999999", "-1", "0", "2025.5", "1e3", "", "2025;DROP TABLE subject", "٢٠٢٥", "3000")) {
            r.put("eligibility year=" + year, HttpRequest.GET(eligibility + "year=" + q(year)));
        }
        for (String asOf : List.of("2025-02-30", "+999999999-12-31", "2025-13-01", "yesterday", "0000-00-00", "-0001-01-01", "2024-12-31")) {
            r.put("eligibility asOf=" + asOf, HttpRequest.GET(eligibility + "year=2025&asOf=" + q(asOf)));
        }
        r.put("eligibility awards=NOPE", HttpRequest.GET(eligibility + "year=2025&awards=NOPE"));
        r.put("eligibility lang=xx", HttpRequest.GET(eligibility + "year=2025&awards=ADVANCED_LABORER&lang=" + q("xx'--")));
        for (String inj : INJECTIONS) {
            String label = inj.length() > 30 ? inj.substring(0, 30) + "…" : inj;
            r.put("eligibility awards=" + label, HttpRequest.GET(eligibility + "year=2025&awards=" + q(inj)));
            r.put("eligibility of subject " + label, HttpRequest.GET("/api/v1/subjects/" + q(inj) + "/eligibility?year=2025"));
            r.put("subject " + label, HttpRequest.GET("/api/v1/subjects/" + q(inj)));
            r.put("candidates unit=" + label, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=" + q(inj)));
            r.put("candidates of award " + label, HttpRequest.GET("/api/v1/awards/" + q(inj) + "/candidates?year=2025&unit=HN-SKHCN-DEMO"));
            r.put("candidates outcome=" + label, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&outcome=" + q(inj)));
            r.put("candidates sort=" + label, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&sort=" + q(inj)));
            r.put("facts of kind " + label, HttpRequest.GET("/api/v1/subjects/P-0001/facts/" + q(inj)));
            r.put("fact " + label, HttpRequest.GET("/api/v1/facts/ratings/" + q(inj)));
            r.put("rating code " + label, postJson("/api/v1/subjects/P-0120/facts/ratings",
                    "{\"year\":2019,\"rating\":" + jsonString(inj) + "}"));
            // Codes of the rule set inside facts: refused (422), never stored to count for nothing.
            r.put("title code " + label, postJson("/api/v1/subjects/P-0120/facts/titles", "{\"year\":2019,\"code\":" + jsonString(inj) + "}"));
            r.put("attestation criterion " + label, postJson("/api/v1/subjects/P-0120/facts/attestations",
                    "{\"year\":2019,\"criterion\":" + jsonString(inj) + ",\"value\":true}"));
            r.put("what-if commendation code " + label, postJson("/api/v1/evaluations", "{\"asOf\":\"2026-01-15\",\"year\":2025,"
                    + "\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\",\"commendations\":[{\"year\":2020,\"code\":" + jsonString(inj) + "}]}}"));
            r.put("fact for subject " + label, postJson("/api/v1/subjects/" + q(inj) + "/facts/absences", "{\"year\":2019,\"days\":3}"));
            r.put("import of subject " + label, csv("ratings.csv", "subject,year,rating\n" + csvCell(inj) + ",2019,GOOD\n"));
            r.put("import file name " + label, csv(inj, "subject,year,rating\nP-0120,2019,GOOD\n"));
            r.put("decision " + label, HttpRequest.GET("/api/v1/decisions/" + q(inj)));
            r.put("decisions outcome=" + label, HttpRequest.GET("/api/v1/decisions?outcome=" + q(inj)));
            r.put("rollback to version " + label, postJson("/api/v1/ruleset/rollback", "{\"version\":" + jsonString(inj) + "}"));
            r.put("rule files of version " + label, HttpRequest.GET("/api/v1/ruleset/versions/" + q(inj) + "/files"));
            r.put("rollback to revision " + label, postJson("/api/v1/ruleset/rollback", "{\"revision\":" + jsonString(inj) + "}"));
            r.put("revision " + label, HttpRequest.GET("/api/v1/ruleset/revisions/" + q(inj)));
            r.put("revision files " + label, HttpRequest.GET("/api/v1/ruleset/revisions/" + q(inj) + "/files"));
            r.put("changes of draft " + label, HttpRequest.GET("/api/v1/ruleset/changes?draft=" + q(inj)));
            r.put("preview directory " + label, postJson("/api/v1/ruleset/preview", "{\"directory\":" + jsonString(inj) + ",\"lastDecisions\":1}"));
        }
        // Pages and sizes
        for (String v : List.of("-1", "0", "100001", "99999999999999999999", "ten")) {
            r.put("candidates size=" + v, HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&size=" + q(v)));
            r.put("facts size=" + v, HttpRequest.GET("/api/v1/subjects/P-0001/facts/ratings?size=" + q(v)));
        }
        r.put("candidates page=-1", HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN-SKHCN-DEMO&page=-1"));
        r.put("history limit=-5", HttpRequest.GET("/api/v1/ruleset/history?limit=-5"));
        for (String v : List.of("-1", "0", "99999999999999999999", "ten", "1.5")) {
            r.put("revisions limit=" + v, HttpRequest.GET("/api/v1/ruleset/revisions?limit=" + q(v)));
            r.put("revisions before=" + v, HttpRequest.GET("/api/v1/ruleset/revisions?before=" + q(v)));
            r.put("changes limit=" + v, HttpRequest.GET("/api/v1/ruleset/changes?limit=" + q(v)));
            r.put("changes before=" + v, HttpRequest.GET("/api/v1/ruleset/changes?before=" + q(v)));
        }
        r.put("decisions from=garbage", HttpRequest.GET("/api/v1/decisions?from=" + q("2025-99-99")));
        // Broken and wrongly typed JSON bodies
        String absences = "/api/v1/subjects/P-0120/facts/absences";
        for (String body : List.of("{\"year\":", "[1,2", "{\"year\":2019,\"days\":3,}", "null", "\"a string\"", "[]", "42",
                "{\"year\":\"twenty\",\"days\":3}", "{\"year\":2019,\"days\":\"many\"}", "{\"year\":1e400,\"days\":3}",
                "{\"year\":2019,\"days\":99999999999999999999}", "{\"year\":2019,\"days\":-1}", "{\"year\":2019,\"days\":367}",
                "{\"year\":1800,\"days\":3}", "{\"year\":2019,\"days\":3.5}", "{\"year\":[2019],\"days\":3}", "{\"year\":{\"$gt\":0},\"days\":3}",
                "{\"year\":2019}", "{\"year\":2019,\"dayz\":3}", "{\"year\":2019,\"days\":3} {\"year\":2020,\"days\":3}", "[".repeat(100_000), "{\"year\":2019,\"days\":3,\"subject\":\"P-0001\"}\u0000")) {
            r.put("absence body " + (body.length() > 40 ? body.substring(0, 40) + "…" : body), postJson(absences, body));
        }
        r.put("absence as text/plain", HttpRequest.POST(absences, "year=2019").contentType(MediaType.TEXT_PLAIN));
        r.put("correct fact id abc", json(HttpRequest.PUT("/api/v1/facts/ratings/abc", "{\"rating\":\"GOOD\"}")));
        r.put("correct fact id huge", json(HttpRequest.PUT("/api/v1/facts/ratings/99999999999999999999", "{\"rating\":\"GOOD\"}")));
        r.put("correct fact with a bad date", json(HttpRequest.PUT("/api/v1/facts/titles/1", "{\"revokedOn\":\"2025-02-30\",\"revoked\":true}")));
        r.put("retract fact id -1", HttpRequest.DELETE("/api/v1/facts/ratings/-1"));
        r.put("retract fact never there", HttpRequest.DELETE("/api/v1/facts/ratings/987654321"));
        r.put("title decided before achieved", postJson("/api/v1/subjects/P-0120/facts/titles",
                "{\"year\":2020,\"code\":\"ADVANCED_LABORER\",\"decided_on\":\"2019-01-01\"}"));
        r.put("membership to before from", postJson("/api/v1/subjects/P-0120/facts/memberships",
                "{\"unit\":\"HN-SKHCN-DEMO\",\"from\":\"2020-01-01\",\"to\":\"2019-01-01\"}"));
        // Broken CSV
        Map<String, String> csvs = new LinkedHashMap<>();
        csvs.put("unbalanced quote", "subject,year,rating\n\"P-0120,2019,GOOD\n");
        csvs.put("wrong header", "who,when,what\nP-0120,2019,GOOD\n");
        csvs.put("missing column", "subject,year\nP-0120,2019\n");
        csvs.put("extra cell", "subject,year,rating\nP-0120,2019,GOOD,EXTRA\n");
        csvs.put("bad year", "subject,year,rating\nP-0120,20x9,GOOD\n");
        csvs.put("year out of range", "subject,year,rating\nP-0120,1066,GOOD\n");
        csvs.put("unknown rating", "subject,year,rating\nP-0120,2019,SUPERB\n");
        csvs.put("decomposed rating code", "subject,year,rating\nP-0120,2019," + Normalizer.normalize("GOOĐ", Normalizer.Form.NFD) + "\n");
        csvs.put("binary", "\u0000\u0001\u0002\uFFFD\uFFFE");
        csvs.put("empty", "");
        csvs.put("only a BOM", "\uFEFF");
        csvs.put("header only then garbage", "subject,year,rating\n,,,\n");
        csvs.put("duplicate rows", "subject,year,rating\nP-0120,2019,GOOD\nP-0120,2019,EXCELLENT\n");
        csvs.put("one good row one bad", "subject,year,rating\nP-0120,2019,GOOD\nP-0120,2020,BAD\n");
        csvs.forEach((name, body) -> r.put("import csv " + name, csv("ratings.csv", body)));
        r.put("import of an unknown file kind", csv("salaries.csv", "subject,amount\nP-0120,1\n"));
        r.put("import without a file name", HttpRequest.POST("/api/v1/imports", "subject,year,rating\n").contentType("text/csv"));
        r.put("import zip that is not a zip", HttpRequest.POST("/api/v1/imports", "PK\u0003\u0004garbage").contentType("application/zip"));
        r.put("import json cases broken", HttpRequest.POST("/api/v1/imports", "{\"subject\":").contentType(MediaType.APPLICATION_JSON));
        // What-if case documents
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("broken yaml", "subject: [unclosed\n");
        cases.put("yaml alias bomb", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n");
        cases.put("yaml java tag", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        cases.put("empty", "");
        cases.put("wrong types", "year: twenty\nasOf: soon\nsubject: 7\n");
        cases.put("unknown award", "year: 2025\nawards: [NOPE]\nsubject: {id: X, kind: PERSON}\n");
        cases.put("date out of range", "year: 2025\nasOf: 2025-02-30\nsubject: {id: X, kind: PERSON}\n");
        cases.forEach((name, body) -> r.put("what-if " + name, HttpRequest.POST("/api/v1/evaluations", body).contentType("application/x-yaml")));
        r.put("what-if broken json", postJson("/api/v1/evaluations", "{\"year\":2025,"));
        // Decisions, replay, rules
        r.put("decision id huge", HttpRequest.GET("/api/v1/decisions/99999999999999999999"));
        r.put("decision id negative", HttpRequest.GET("/api/v1/decisions/-3"));
        r.put("replay of no decision", HttpRequest.POST("/api/v1/decisions/987654/replay", ""));
        r.put("replay with=garbage", HttpRequest.POST("/api/v1/decisions/1/replay?with=" + q("yesterday's"), ""));
        r.put("rollback body broken", postJson("/api/v1/ruleset/rollback", "{\"version\":"));
        r.put("preview zip garbage", HttpRequest.POST("/api/v1/ruleset/preview?lastDecisions=1", "not a zip").contentType("application/zip"));
        r.put("preview both unit and lastDecisions", postJson("/api/v1/ruleset/preview",
                "{\"directory\":\"" + ThrowawayPostgres.repoRoot().resolve("rules") + "\",\"unit\":\"HN-SKHCN-DEMO\",\"lastDecisions\":1}"));
        r.put("preview lastDecisions huge", postJson("/api/v1/ruleset/preview",
                "{\"directory\":\"" + ThrowawayPostgres.repoRoot().resolve("rules") + "\",\"lastDecisions\":99999999999}"));
        r.put("preview a file, not a directory", postJson("/api/v1/ruleset/preview", "{\"directory\":\"/etc/passwd\",\"lastDecisions\":1}"));
        r.put("import id abc", HttpRequest.GET("/api/v1/imports/abc"));
        r.put("wrong method", HttpRequest.DELETE("/api/v1/awards"));
        r.put("no such route", HttpRequest.GET("/api/v1/../../etc/passwd"));
        r.put("line break in a query value", HttpRequest.GET("/api/v1/awards/ADVANCED_LABORER/candidates?year=2025&unit=HN%0d%0aX-Injected:%201"));
        files(r);
        text(r);
        libraryMessages(r);
        return r;
    }

    /** Names and archives that once reached the file system as they were (500, and temporary files left behind). */
    static void files(Map<String, MutableHttpRequest<?>> r) {
        String ratings = "subject,year,rating\nP-0120,2019,GOOD\n";
        for (String name : List.of(".", "..", "/", "%2F", "x".repeat(256), "ratings.csv/", "./ratings.csv")) {
            r.put("import ?file=" + label(name) + " as given", HttpRequest.POST("/api/v1/imports?file=" + name, ratings).contentType("text/csv"));
        }
        for (String name : List.of(".", "..", "/", "%2F", "x".repeat(256), "\\", " ", "é".repeat(200), "a\u0000.csv")) {
            r.put("import ?file=" + label(name) + " encoded", csv(name, ratings));
        }
        for (String name : List.of(".", "..", "x".repeat(256), "dir/..", "../", "a\u0000.csv")) {
            r.put("import zip entry " + label(name), zip(Zips.of(name, ratings)));
        }
        byte[] two = Zips.of("ratings.csv", ratings, "absences.csv", "subject,year,days\nP-0120,2019,3\n".repeat(50));
        r.put("import zip cut short", zip(java.util.Arrays.copyOf(two, two.length / 2)));
        r.put("import zip with a damaged second file", zip(Zips.damaged(two, 2)));
        r.put("import zip with a damaged first file", zip(Zips.damaged(two, 1)));
        r.put("import zip of two files of one name", zip(Zips.of("a/ratings.csv", ratings, "b/ratings.csv", ratings)));
        r.put("import zip, only its central directory", zip(java.util.Arrays.copyOfRange(two, two.length - 120, two.length)));
    }

    /** Text no store can keep, documents nested past reason, YAML past its size. */
    static void text(Map<String, MutableHttpRequest<?>> r) {
        String person = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"subject\":{\"id\":%s,\"kind\":\"PERSON\",\"name\":%s,"
                + "\"unit\":\"HN-SKHCN-DEMO-VP\",\"hiredOn\":\"2020-01-01\"}}";
        String nul = "\"X-\\u0000-1\"", surrogate = "\"\\ud800\"", name = "\"Trần Văn Hải\"";
        r.put("what-if save=true, NUL in subject.id", postJson("/api/v1/evaluations?save=true", String.format(person, nul, name)));
        r.put("what-if save=true, lone surrogate in subject.id", postJson("/api/v1/evaluations?save=true", String.format(person, surrogate, name)));
        r.put("what-if save=true, NUL in subject.name", postJson("/api/v1/evaluations?save=true", String.format(person, "\"HOSTILE-1\"", nul)));
        r.put("what-if YAML, NUL in subject.id", HttpRequest.POST("/api/v1/evaluations?save=true",
                "year: 2025\nasOf: 2026-01-15\nsubject: {id: \"X\\0Y\", kind: PERSON}\n").contentType("application/x-yaml"));
        r.put("import json, lone surrogate in subject.name", importJson(String.format(person, "\"HOSTILE-2\"", surrogate)));
        r.put("import json, NUL in subject.id", importJson(String.format(person, nul, name)));
        r.put("import csv, lone surrogate (CESU bytes) in a name", HttpRequest.POST("/api/v1/imports?file=people.csv",
                ("id,name,unit\nHOSTILE-3,A" + new String(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, StandardCharsets.ISO_8859_1) + ",HN-SKHCN-DEMO-VP\n")
                        .getBytes(StandardCharsets.ISO_8859_1)).contentType("text/csv"));
        r.put("fact with a lone surrogate in attestedBy", postJson("/api/v1/subjects/P-0120/facts/attestations",
                "{\"year\":2019,\"criterion\":\"EMULATION_PARTICIPATION\",\"value\":true,\"attestedBy\":\"Hội đồng \\udc00\"}"));
        r.put("import json nested 100 000 deep, arrays", importJson("[".repeat(100_000)));
        r.put("import json nested 100 000 deep, closed", importJson("[".repeat(100_000) + "]".repeat(100_000)));
        r.put("import json, an array of numbers", importJson("[1,2,3]"));
        r.put("import json, a string", importJson("\"cases\""));
        r.put("import json, a document then garbage", importJson(String.format(person, "\"HOSTILE-4\"", name) + " 42"));
        r.put("import json, a document nested 100 000 deep", importJson("{\"subject\":" + "[".repeat(100_000)));
        r.put("what-if json nested 100 000 deep", postJson("/api/v1/evaluations", "{\"subject\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"));
        r.put("what-if yaml nested 10 000 deep", HttpRequest.POST("/api/v1/evaluations", "subject: " + "[".repeat(10_000)).contentType("application/x-yaml"));
        r.put("what-if yaml of 1.1 MB, one quoted string", HttpRequest.POST("/api/v1/evaluations",
                "subject: \"" + "a".repeat(1_150_000) + "\"\n").contentType("application/x-yaml"));
        r.put("what-if yaml of 1.1 MB as text/plain", HttpRequest.POST("/api/v1/evaluations",
                "year: 2025\n" + "# padding\n".repeat(115_000)).contentType(MediaType.TEXT_PLAIN));
    }

    static String label(String name) {
        return name.length() > 30 ? name.substring(0, 30) + "… (" + name.length() + ")" : name;
    }

    /** Bodies and values the framework or the JSON library refuse first: their own messages used to reach the client. */
    static void libraryMessages(Map<String, MutableHttpRequest<?>> r) {
        r.put("what-if ?save=maybe", postJson("/api/v1/evaluations?save=maybe", "{\"year\":2025}"));
        r.put("what-if json, a rating that is a number", postJson("/api/v1/evaluations",
                "{\"year\":2025,\"asOf\":\"2026-01-15\",\"subject\":{\"id\":\"X\",\"kind\":\"PERSON\",\"ratings\":[1]}}"));
        r.put("what-if json, a subject that is a list", postJson("/api/v1/evaluations", "{\"year\":2025,\"asOf\":\"2026-01-15\",\"subject\":[]}"));
        r.put("what-if json, trailing garbage", postJson("/api/v1/evaluations", "{\"year\":2025} x"));
        r.put("preview json broken", postJson("/api/v1/ruleset/preview", "{\"unit\":"));
        r.put("preview json trailing value", postJson("/api/v1/ruleset/preview", "{\"unit\":\"HN-SKHCN-DEMO\"} {}"));
        r.put("batch json broken", postJson("/api/v1/batches", "{\"year\":"));
        r.put("batch json nested 100 000 deep", postJson("/api/v1/batches", "[".repeat(100_000)));
        r.put("batch year a list", postJson("/api/v1/batches", "{\"year\":[2025]}"));
        r.put("fact json with a 2000-digit number", postJson("/api/v1/subjects/P-0120/facts/absences", "{\"year\":2019,\"days\":" + "9".repeat(2000) + "}"));
    }

    static MutableHttpRequest<?> zip(byte[] body) {
        return HttpRequest.POST("/api/v1/imports", body).contentType("application/zip");
    }

    static MutableHttpRequest<?> importJson(String body) {
        return HttpRequest.POST("/api/v1/imports", body).contentType(MediaType.APPLICATION_JSON);
    }

    /** What the suite sends; changed on purpose only, with the figures in docs/reliability.md. */
    static final int REQUESTS = 476;
    /** Java names a client should never read: a package (com.fasterxml…, org.yaml…, java.lang…) or an exception. */
    static final java.util.regex.Pattern LIBRARY = java.util.regex.Pattern.compile(
            "\\b(com|org|io|java|javax|jakarta)\\.[a-z]|Exception\\b|\\w+(Feature|Constraints)\\.[A-Za-z_]+|\\[Source:");

    record Answer(int status, String type, String body) {}

    private Map<String, Answer> answers;
    private Map<String, Long> before, after;

    /** Sends every request once, in order, with the row counts of every table before and after. */
    synchronized Map<String, Answer> answers() {
        if (answers != null) return answers;
        before = rowCounts();
        Map<String, Answer> got = new LinkedHashMap<>();
        requests().forEach((name, request) -> {
            HttpResponse<?> response;
            try {
                response = client().exchange(request, String.class);
            } catch (HttpClientResponseException e) {
                response = e.getResponse();
            }
            got.put(name, new Answer(response.code(), response.getContentType().map(Object::toString).orElse(""),
                    response.getBody(String.class).orElse("")));
        });
        after = rowCounts();
        answers = got;
        return answers;
    }

    @Test
    void every_hostile_request_is_a_4xx_problem_and_none_a_5xx() throws java.io.IOException {
        Map<String, Answer> all = answers();
        Map<String, String> wrong = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        all.forEach((name, a) -> {
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() < 400 || a.status() >= 500 || !a.type().startsWith("application/problem+json")
                    || !a.body().contains("\"status\":" + a.status())) {
                wrong.put(name, a.status() + " " + a.type() + " " + (a.body().length() > 200 ? a.body().substring(0, 200) : a.body()));
            }
        });
        java.nio.file.Path out = java.nio.file.Path.of("target", "reliability", "hostile-input.txt");
        java.nio.file.Files.createDirectories(out.getParent());
        StringBuilder report = new StringBuilder(all.size() + " requests, by status: " + statuses + "\n");
        all.forEach((name, a) -> report.append(a.status()).append('\t').append(name.replaceAll("\\p{Cntrl}", "?")).append('\t')
                .append(a.body().length() > 400 ? a.body().substring(0, 400) + "…" : a.body()).append('\n'));
        java.nio.file.Files.writeString(out, report);
        assertThat(wrong).as("requests not answered 4xx problem+json").isEmpty();
        assertThat(statuses.keySet()).as("statuses").allMatch(code -> code >= 400 && code < 500);
        assertThat(all).as("the suite's requests (update REQUESTS and docs/reliability.md when adding some)").hasSize(REQUESTS);
    }

    @Test
    void nothing_is_written() {
        answers();
        assertThat(after).as("row counts of every table").isEqualTo(before);
    }

    @Test
    void no_answer_names_a_java_class_or_package() {
        Map<String, String> leaks = new TreeMap<>();
        answers().forEach((name, a) -> {
            List<String> texts = new ArrayList<>();
            JsonNode problem;
            try {
                problem = Http.parse(a.body());
            } catch (AssertionError notJson) {
                texts.add(a.body());
                problem = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            if (problem.hasNonNull("detail")) texts.add(problem.get("detail").asText());
            problem.path("errors").forEach(e -> texts.add(e.path("message").asText()));
            texts.stream().filter(t -> LIBRARY.matcher(t).find()).findFirst()
                    .ifPresent(t -> leaks.put(name, a.status() + " " + (t.length() > 300 ? t.substring(0, 300) : t)));
        });
        assertThat(leaks).as("answers that name library classes").isEmpty();
    }

    /** Every table's row count; refused imports are logged (that is the point of the log), so not counted. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                if (t.equals("fact_import")) {
                    counts.put(t + " succeeded", Store.query(dataSource, "SELECT COUNT(*) FROM fact_import WHERE status <> 'FAILED'"));
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }

    static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
