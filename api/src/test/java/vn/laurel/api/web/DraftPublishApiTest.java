package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.*;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.CompiledRuleSets;
import vn.laurel.api.rules.RuleApprovals;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.drafts.DraftApprovals;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStore;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publishing approved drafts on PostgreSQL, three opened from the same revision: the first goes into
 * service; one that changed the same file differently is refused naming it; one that changed other
 * files is carried onto the new revision and published, its rules those of the first plus its own.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftPublishApiTest extends DraftsApi {
    static final String ELIGIBILITY = "/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER&lang=en";
    static final String NEW_SENTENCE = "Days of absence counted in {year}";
    static final String COPY = "scenarios/advanced-laborer/excellent-rating-copy.yaml";

    @Inject
    RuleStore ruleStore;
    @Inject
    DraftStore draftStore;
    @Inject
    RuleSetService ruleSets;
    @Inject
    CompiledRuleSets compiledRuleSets;
    @Inject
    RuleSetHolder holder;
    @Inject
    DraftApprovals draftApprovals;

    static long first, other, clash, start;
    static String startVersion;

    @Override
    protected String database() { return "laurel_draft_publish"; }

    @Test
    @Order(1)
    void three_drafts_of_one_revision_are_approved() {
        JsonNode active = Http.get(client(), "/api/v1/ruleset").body();
        startVersion = active.get("version").asText();
        first = create(POLICY, "sentence and scenario name");
        other = create(POLICY, "one more scenario");
        clash = create(POLICY, "another scenario name");
        start = view(first).get("baseRevision").asLong();

        replaceInRule(POLICY, first, LABORER_DRL, LABORER_ABSENCE, OLD_SENTENCE, NEW_SENTENCE);
        replace(POLICY, first, EXCELLENT, "name: \"A rating of excellent", "name: \"An excellent rating");
        assertThat(put(POLICY, other, COPY, read("examples/" + EXCELLENT)).status()).isEqualTo(200);
        replace(POLICY, clash, EXCELLENT, "name: \"A rating of excellent", "name: \"The excellent rating");
        assertThat(publish(POLICY, first).status()).as("not approved yet").isEqualTo(409);
        for (long id : new long[] {first, other, clash}) {
            assertThat(propose(POLICY, id, "for the test").status()).isEqualTo(200);
            Http.Answer a = approve(ADMIN, id);
            assertThat(a.body().get("status").asText()).as(a.body().toString()).isEqualTo("APPROVED");
        }
    }

    @Test
    @Order(2)
    void the_first_is_published_and_served() {
        Http.Answer a = publish(POLICY, first);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("rebased").asBoolean()).isFalse();
        assertThat(a.body().get("changed").asBoolean()).isTrue();
        assertThat(a.body().get("previousVersion").asText()).isEqualTo(startVersion);
        JsonNode revision = a.body().get("revision");
        assertThat(revision.get("parentId").asLong()).isEqualTo(start);
        assertThat(revision.get("draftId").asLong()).isEqualTo(first);
        assertThat(a.body().get("draft").get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(a.body().get("draft").get("publishedRevision").asLong()).isEqualTo(revision.get("id").asLong());

        assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText()).isEqualTo(revision.get("rulesVersion").asText());
        assertThat(Http.get(client(), ELIGIBILITY).body().toString()).contains("Days of absence counted in 2025");
        assertThat(publish(POLICY, first).status()).as("published once").isEqualTo(409);
        assertThat(put(POLICY, first, EXCELLENT, "x").status()).as("a published draft is history").isEqualTo(409);
    }

    @Test
    @Order(3)
    void a_stale_draft_that_changed_the_same_file_is_refused_naming_it() {
        Http.Answer a = publish(POLICY, clash);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(409);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body().get("errors").findValuesAsText("field")).containsExactly(EXCELLENT);
        assertThat(a.body().get("detail").asText()).contains(EXCELLENT);
        JsonNode d = view(clash);
        assertThat(d.get("status").asText()).isEqualTo("APPROVED");
        assertThat(d.get("baseIsActive").asBoolean()).isFalse();
        assertThat(d.get("baseRevision").asLong()).isEqualTo(start);
    }

    @Test
    @Order(4)
    void a_stale_draft_that_changed_other_files_is_rebased_and_published() {
        long published = view(first).get("publishedRevision").asLong();
        Http.Answer a = publish(POLICY, other);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().get("rebased").asBoolean()).isTrue();
        long revision = a.body().get("revision").get("id").asLong();
        assertThat(ruleStore.revision(revision).orElseThrow().parentId()).isEqualTo(published);

        JsonNode d = view(other);
        assertThat(d.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(d.get("baseRevision").asLong()).isEqualTo(published);
        assertThat(d.get("changes").get("added").toString()).contains(COPY);
        assertThat(d.get("changes").get("changed")).isEmpty();
        assertThat(file(other, LABORER_DRL)).contains(NEW_SENTENCE);
        assertThat(ruleStore.bundle(revision).files()).containsKeys(COPY, EXCELLENT);
        assertThat(new String(ruleStore.bundle(revision).files().get(EXCELLENT))).contains("An excellent rating");
        assertThat(Http.get(client(), ELIGIBILITY).body().toString()).contains("Days of absence counted in 2025");

        assertThat(changes(other)).containsExactly("DRAFT_CREATED by policy", "FILE_SAVED by policy", "PROPOSED by policy",
                "APPROVED by admin", "REBASED by policy", "PUBLISHED by policy");
        assertThat(changeLog.verify().intact()).isTrue();
    }

    @Test
    @Order(5)
    void the_refused_draft_can_still_be_discarded_and_the_diff_against_the_active_revision_names_the_clash() {
        JsonNode diff = call(ADMIN, HttpRequest.GET(DRAFTS + "/" + clash + "/diff?against=active")).body();
        assertThat(diff.get("against").asText()).isEqualTo("active");
        assertThat(diff.get("files").findValuesAsText("path")).contains(EXCELLENT, LABORER_DRL, COPY);
        assertThat(call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + clash)).status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void a_stale_draft_that_fails_once_carried_onto_the_new_rules_is_refused_and_open_again() {
        String params = "rules/parameters/advanced-laborer.yaml";
        long limit = create(POLICY, "an absence limit of 30 days");
        long copy = create(POLICY, "a copy of the scenarios the limit breaks");
        JsonNode check = replace(POLICY, limit, params, "value: NONE", "value: 30").get("check");
        List<String> broken = check.get("failures").findValuesAsText("field").stream().distinct().toList();
        assertThat(broken).isNotEmpty();
        // The limit's draft drops the scenarios it breaks; the other draft, made before, adds copies of them.
        for (String path : broken) {
            assertThat(call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + limit + "/files/" + path)).status()).isEqualTo(200);
            assertThat(put(POLICY, copy, path.replace(".yaml", "-copy.yaml"), file(copy, path)).status()).isEqualTo(200);
        }
        for (long id : new long[] {limit, copy}) {
            Http.Answer p = propose(POLICY, id, "for the test");
            assertThat(p.status()).as(p.body().toString()).isEqualTo(200);
            assertThat(approve(ADMIN, id).body().get("status").asText()).isEqualTo("APPROVED");
        }
        Http.Answer published = publish(POLICY, limit);
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        long revision = published.body().get("revision").get("id").asLong();

        Http.Answer refused = publish(POLICY, copy);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsText("field")).contains(broken.get(0).replace(".yaml", "-copy.yaml"));
        JsonNode d = view(copy);
        assertThat(d.get("status").asText()).isEqualTo("OPEN");
        assertThat(d.get("baseRevision").asLong()).isEqualTo(revision);
        assertThat(d.get("check").get("passed").asBoolean()).isFalse();
        assertThat(file(copy, params)).contains("value: 30");
        assertThat(changes(copy)).endsWith("APPROVED by admin", "REBASED by policy");
        assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText())
                .isEqualTo(published.body().get("revision").get("rulesVersion").asText());
    }

    @Test
    @Order(7)
    void a_draft_approved_by_fewer_people_than_are_now_required_is_not_published() {
        long id = create(POLICY, "approved when one approval sufficed");
        replace(POLICY, id, EXCELLENT, "name: \"An excellent rating", "name: \"A rating of excellent");
        assertThat(propose(POLICY, id, "for the test").status()).isEqualTo(200);
        assertThat(approve(ADMIN, id).body().get("status").asText()).isEqualTo("APPROVED");

        // The same database seen by an instance where two approvals are required now.
        DraftService strict = new DraftService(ruleStore, draftStore, ruleSets, compiledRuleSets, holder, draftApprovals,
                new RuleApprovals("2", "jdbc:postgresql://elsewhere/laurel"));
        assertThatThrownBy(() -> strict.publish(id, POLICY)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("1 approval(s)", "2 are required");
        });
        assertThat(view(id).get("status").asText()).isEqualTo("APPROVED");

        strict.approve(id, view(id).get("contentHash").asText(), "a second look", "second-reviewer");
        assertThat(strict.view(id).approvals()).hasSize(2);
        DraftService.Publication published = strict.publish(id, POLICY);
        assertThat(published.draft().status().name()).isEqualTo("PUBLISHED");
        assertThat(changes(id)).endsWith("APPROVED by admin", "APPROVED by second-reviewer", "PUBLISHED by policy");
    }

    @Test
    @Order(8)
    void an_approved_draft_failing_its_check_when_published_is_open_again_and_the_log_says_so() {
        long id = create(POLICY, "fails when published");
        replace(POLICY, id, LABORER_DRL, NEW_SENTENCE, "Working days away in {year}");
        assertThat(propose(POLICY, id, "for the test").status()).isEqualTo(200);
        assertThat(approve(ADMIN, id).body().get("status").asText()).isEqualTo("APPROVED");
        // What passed when proposed may fail when published (a newer Laurel's stricter check, a scenario's
        // date): simulated by breaking the stored rule file under the approved draft.
        ruleStore.inTransaction(c -> {
            try (var ps = c.prepareStatement("UPDATE ruleset_draft_file SET content = ? WHERE draft_id = ? AND path = ?")) {
                ps.setBytes(1, "rule \"broken\" when $h : ) then end".getBytes());
                ps.setLong(2, id);
                ps.setString(3, LABORER_DRL);
                ps.executeUpdate();
            }
            return null;
        });
        Http.Answer refused = publish(POLICY, id);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(changes(id)).endsWith("APPROVED by admin", "REOPENED by policy");
        assertThat(changeLog.verify().intact()).isTrue();
    }
}
