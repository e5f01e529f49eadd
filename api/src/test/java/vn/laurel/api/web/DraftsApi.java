package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;
import vn.laurel.api.rules.changes.RuleChangeLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the draft tests share: the draft endpoints called as a given demo account. {@code policy}
 * writes the drafts, {@code admin} (what {@code TestCredentials} signs as by default) reviews them.
 */
abstract class DraftsApi extends PostgresTest {
    static final String DRAFTS = "/api/v1/ruleset/drafts";
    static final String POLICY = "policy", ADMIN = "admin";
    static final String LABORER_DRL = "rules/awards/advanced-laborer.drl";
    /** The Advanced Laborer's absence rule, one rule for every regime (its file holds the award's rules of every regime). */
    static final String LABORER_ABSENCE = "ADVANCED_LABORER: not absent too long";
    static final String EXCELLENT = "scenarios/advanced-laborer/excellent-rating-is-eligible.yaml";
    static final String OLD_SENTENCE = "Working days absent in {year}";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    RuleChangeLog changeLog;

    BlockingHttpClient client() { return http.toBlocking(); }

    static <T extends MutableHttpRequest<?>> T as(String who, T request) {
        request.basicAuth(who, who);
        return request;
    }

    Http.Answer call(String who, MutableHttpRequest<?> request) {
        return Http.call(client(), as(who, request));
    }

    Http.Answer postJson(String who, String uri, String json) {
        return call(who, HttpRequest.POST(uri, json).contentType(MediaType.APPLICATION_JSON));
    }

    /** A new draft of the rules in service, opened by {@code who}; its id. */
    long create(String who, String title) {
        Http.Answer a = postJson(who, DRAFTS, "{\"title\":\"" + title + "\"}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        assertThat(a.body().get("check").get("passed").asBoolean()).as(a.body().get("check").toString()).isTrue();
        return a.body().get("id").asLong();
    }

    String file(long draft, String path) {
        return client().retrieve(as(POLICY, HttpRequest.GET(DRAFTS + "/" + draft + "/files/" + path)), String.class);
    }

    Http.Answer put(String who, long draft, String path, String content) {
        return call(who, HttpRequest.PUT(DRAFTS + "/" + draft + "/files/" + path, content).contentType(MediaType.TEXT_PLAIN));
    }

    /**
     * Saves the file with one text replaced in one rule only — the first occurrence after the line
     * {@code rule "<rule>"} (a rule file holds an award's rules for every regime); the draft as answered.
     */
    JsonNode replaceInRule(String who, long draft, String path, String rule, String from, String to) {
        String text = file(draft, path);
        int at = text.indexOf("rule \"" + rule + "\"");
        assertThat(at).as(rule).isNotNegative();
        int hit = text.indexOf(from, at);
        assertThat(hit).as(from).isNotNegative();
        Http.Answer a = put(who, draft, path, text.substring(0, hit) + to + text.substring(hit + from.length()));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    /** Saves the file with one text replaced; the draft as answered. */
    JsonNode replace(String who, long draft, String path, String from, String to) {
        String text = file(draft, path);
        assertThat(text).contains(from);
        Http.Answer a = put(who, draft, path, text.replace(from, to));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.body();
    }

    Http.Answer propose(String who, long draft, String note) {
        return postJson(who, DRAFTS + "/" + draft + "/propose", "{\"note\":\"" + note + "\"}");
    }

    /** An approval of the draft as it is now (its contentHash read first, as a reviewer's client does). */
    Http.Answer approve(String who, long draft) {
        return approve(who, draft, view(draft).get("contentHash").asText());
    }

    Http.Answer approve(String who, long draft, String contentHash) {
        return postJson(who, DRAFTS + "/" + draft + "/approve", "{\"contentHash\":\"" + contentHash + "\",\"note\":\"looks right\"}");
    }

    Http.Answer publish(String who, long draft) {
        return postJson(who, DRAFTS + "/" + draft + "/publish", "");
    }

    JsonNode view(long draft) {
        Http.Answer a = call(ADMIN, HttpRequest.GET(DRAFTS + "/" + draft));
        assertThat(a.status()).isEqualTo(200);
        return a.body();
    }

    /** The draft's lines of the rule-set change log, oldest first, as "ACTION by actor". */
    List<String> changes(long draft) {
        List<String> out = new ArrayList<>();
        for (RuleChangeLog.Entry e : changeLog.list(draft, null, 1000)) out.add(e.action() + " by " + e.actor());
        java.util.Collections.reverse(out);
        return out;
    }

    static String read(String path) {
        try {
            return Files.readString(ThrowawayPostgres.repoRoot().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
