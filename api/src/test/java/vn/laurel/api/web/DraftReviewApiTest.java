package vn.laurel.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.junit.jupiter.api.Test;
import vn.laurel.api.rules.CompiledRuleSets;
import vn.laurel.api.rules.RuleApprovals;
import vn.laurel.api.rules.RuleDirectories;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.drafts.DraftApprovals;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStore;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.engine.ruleset.RuleBundle;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draft's way to review on PostgreSQL: every save checked, a failing scenario stops the proposal,
 * nobody who changed a draft may approve it, a rejection says why, a change after approval
 * withdraws it, and every step is in the rule-set change log with who took it.
 */
@MicronautTest(transactional = false)
class DraftReviewApiTest extends DraftsApi {
    @Override
    protected String database() { return "laurel_draft_review"; }

    @Test
    void a_draft_is_a_copy_of_the_revision_in_service_and_says_so() {
        long id = create(POLICY, "copy");
        JsonNode d = view(id);
        assertThat(d.get("status").asText()).isEqualTo("OPEN");
        assertThat(d.get("author").asText()).isEqualTo(POLICY);
        assertThat(d.get("baseIsActive").asBoolean()).isTrue();
        assertThat(d.get("rulesVersion").asText()).isEqualTo(Http.get(client(), "/api/v1/ruleset").body().get("version").asText());
        assertThat(d.get("check").get("scenarios").asInt()).isGreaterThan(100);
        assertThat(d.get("approvalsRequired").asInt()).isEqualTo(1);
        assertThat(d.get("changes").get("changed")).isEmpty();

        JsonNode files = call(ADMIN, HttpRequest.GET(DRAFTS + "/" + id + "/files")).body().get("files");
        assertThat(files.findValuesAsText("path")).contains(LABORER_DRL, EXCELLENT, "rules/regimes.yaml");
        assertThat(files.findValuesAsText("change")).containsOnly("unchanged");
        assertThat(file(id, LABORER_DRL)).isEqualTo(read(LABORER_DRL));
        assertThat(call("auditor", HttpRequest.GET(DRAFTS + "?status=OPEN")).body().get("drafts").findValuesAsText("title")).contains("copy");
    }

    @Test
    void neither_the_author_nor_anyone_who_changed_the_draft_may_approve_it() {
        long id = create(POLICY, "four eyes");
        replace(ADMIN, id, EXCELLENT, "name: \"A rating of excellent", "name: \"An excellent rating");
        assertThat(propose(POLICY, id, "clearer name").status()).isEqualTo(200);

        Http.Answer own = approve(POLICY, id);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).isEqualTo("application/problem+json");
        assertThat(own.body().get("detail").asText()).contains("its author");
        Http.Answer contributor = approve(ADMIN, id);
        assertThat(contributor.status()).isEqualTo(403);
        assertThat(contributor.body().get("detail").asText()).contains("they changed it");
        assertThat(view(id).get("contributors").toString()).contains(POLICY, ADMIN);
        assertThat(view(id).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(view(id).get("approvals")).isEmpty();
    }

    @Test
    void an_approval_names_the_content_read_and_content_changed_since_is_not_approved() {
        long id = create(POLICY, "changed while read");
        replace(POLICY, id, EXCELLENT, "name: \"A rating of excellent", "name: \"An excellent rating");
        assertThat(propose(POLICY, id, "clearer name").status()).isEqualTo(200);
        String read = view(id).get("contentHash").asText();

        Http.Answer blind = postJson(ADMIN, DRAFTS + "/" + id + "/approve", "{\"note\":\"fine\"}");
        assertThat(blind.status()).as(blind.body().toString()).isEqualTo(400);
        assertThat(blind.body().get("errors").findValuesAsText("field")).containsExactly("contentHash");

        // While the reviewer reads, the author changes the draft and proposes it again.
        replace(POLICY, id, EXCELLENT, "name: \"An excellent rating", "name: \"A rating nobody reviewed");
        assertThat(propose(POLICY, id, "clearer name").status()).isEqualTo(200);
        String now = view(id).get("contentHash").asText();
        Http.Answer stale = approve(ADMIN, id, read);
        assertThat(stale.status()).as(stale.body().toString()).isEqualTo(409);
        assertThat(stale.contentType()).isEqualTo("application/problem+json");
        assertThat(stale.body().get("detail").asText()).contains("changed since", read, now);
        assertThat(stale.body().get("errors").findValuesAsText("field")).containsExactly("contentHash");
        assertThat(view(id).get("status").asText()).isEqualTo("PROPOSED");
        assertThat(view(id).get("approvals")).isEmpty();
        assertThat(postJson(ADMIN, DRAFTS + "/" + id + "/reject", "{\"reason\":\"x\",\"contentHash\":\"" + read + "\"}").status())
                .as("a rejection naming other content is refused too").isEqualTo(409);

        Http.Answer approved = approve(ADMIN, id, now);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
    }

    @Inject RuleStore ruleStore;
    @Inject DraftStore draftStore;
    @Inject CompiledRuleSets compiledRuleSets;
    @Inject RuleSetHolder holder;
    @Inject DraftApprovals draftApprovals;
    @Inject RuleApprovals ruleApprovals;
    @Inject RuleSetArchive archive;
    @Inject RuleDirectories directories;
    @Inject Provider<DraftService> draftServices;

    @Test
    void a_check_that_overflows_the_stack_is_a_problem_of_the_draft_not_a_server_error() {
        long id = create(POLICY, "deep");
        // A DRL nested thousands deep overflows the parser's stack (the engine may turn that into a rule
        // problem itself; the drafts must not depend on it): the check throws StackOverflowError.
        RuleSetService overflowing = new RuleSetService(holder, ruleStore, changeLog, compiledRuleSets, archive, directories,
                ruleApprovals, draftServices, true) {
            @Override
            public CheckResult check(RuleBundle bundle) {
                throw new StackOverflowError();
            }
        };
        DraftService drafts = new DraftService(ruleStore, draftStore, overflowing, compiledRuleSets, holder, draftApprovals,
                ruleApprovals);
        DraftView saved = drafts.save(id, "rules/deep.drl", "rule \"deep\" when then end\n".getBytes(), POLICY);
        assertThat(saved.check().passed()).isFalse();
        assertThat(saved.check().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/deep.drl");
            assertThat(p.message()).contains("nests too deeply");
        });
        assertThat(propose(POLICY, id, "deep").status()).isEqualTo(422);
        Http.Answer removed = call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + id + "/files/rules/deep.drl"));
        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(200);
        assertThat(removed.body().get("check").get("passed").asBoolean()).isTrue();
    }

    @Test
    void a_draft_whose_scenario_fails_cannot_be_proposed_and_names_the_scenario() {
        long id = create(POLICY, "failing scenario");
        JsonNode saved = replace(POLICY, id, EXCELLENT, "ADVANCED_LABORER: ELIGIBLE", "ADVANCED_LABORER: NOT_ELIGIBLE");
        JsonNode check = saved.get("check");
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("scenarioFailures").asInt()).isEqualTo(1);
        assertThat(check.get("failures").findValuesAsText("field")).containsExactly(EXCELLENT);

        Http.Answer refused = propose(POLICY, id, "try");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly(EXCELLENT);
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void a_rule_problem_is_kept_on_the_draft_with_its_file_line_and_column() {
        long id = create(POLICY, "broken rule");
        JsonNode check = replace(POLICY, id, LABORER_DRL, "$h : history )\nthen", "$h : )\nthen").get("check");
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("problems").findValuesAsText("file")).contains(LABORER_DRL);
        assertThat(check.get("problems").findValuesAsText("location")).anyMatch(l -> l.matches(LABORER_DRL.replace(".", "\\.") + ":[1-9][0-9]*:[0-9]+"));
        assertThat(propose(POLICY, id, "broken").body().get("errors").findValuesAsText("field")).contains(LABORER_DRL);
    }

    @Test
    void the_diff_shows_the_changed_line_a_rejection_says_why_and_a_change_after_approval_withdraws_it() {
        String inService = Http.get(client(), "/api/v1/ruleset").body().get("version").asText();
        long id = create(POLICY, "sentence");
        replaceInRule(POLICY, id, LABORER_DRL, LABORER_ABSENCE, OLD_SENTENCE, "Days of absence counted in {year}");

        JsonNode diff = call("auditor", HttpRequest.GET(DRAFTS + "/" + id + "/diff")).body();
        assertThat(diff.get("against").asText()).isEqualTo("base");
        JsonNode file = diff.get("files").get(0);
        assertThat(diff.get("files")).hasSize(1);
        assertThat(file.get("path").asText()).isEqualTo(LABORER_DRL);
        assertThat(file.get("change").asText()).isEqualTo("changed");
        assertThat(file.get("linesAdded").asInt()).isEqualTo(1);
        assertThat(file.get("linesRemoved").asInt()).isEqualTo(1);
        assertThat(file.get("hunks").get(0).get("header").asText()).startsWith("@@ -");
        List<String> lines = new ArrayList<>();
        file.get("hunks").get(0).get("lines").forEach(l -> lines.add(l.asText()));
        assertThat(lines).anyMatch(l -> l.startsWith("-") && l.contains("Working days absent in {year}"))
                .anyMatch(l -> l.startsWith("+") && l.contains("Days of absence counted in {year}"));
        assertThat(view(id).get("changes").get("changed").toString()).contains(LABORER_DRL);

        assertThat(propose(POLICY, id, " ").status()).isEqualTo(400);
        assertThat(propose(POLICY, id, "clearer sentence").body().get("status").asText()).isEqualTo("PROPOSED");
        Http.Answer noReason = postJson(ADMIN, DRAFTS + "/" + id + "/reject", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").findValuesAsText("field")).containsExactly("reason");
        Http.Answer rejected = postJson(ADMIN, DRAFTS + "/" + id + "/reject", "{\"reason\":\"say working days\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.body().get("rejections").get(0).get("by").asText()).isEqualTo(ADMIN);
        assertThat(rejected.body().get("rejections").get(0).get("reason").asText()).isEqualTo("say working days");
        assertThat(approve(ADMIN, id).status()).isEqualTo(409);

        replace(POLICY, id, LABORER_DRL, "Days of absence counted in {year}", "Working days of absence in {year}");
        assertThat(view(id).get("status").asText()).isEqualTo("OPEN");
        assertThat(propose(POLICY, id, "working days, as asked").status()).isEqualTo(200);
        Http.Answer approved = approve(ADMIN, id);
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.body().get("approvals").findValuesAsText("by")).containsExactly(ADMIN);

        JsonNode edited = replace(POLICY, id, EXCELLENT, "name: \"A rating of excellent", "name: \"An excellent rating");
        assertThat(edited.get("status").asText()).isEqualTo("OPEN");
        assertThat(edited.get("approvals")).isEmpty();
        assertThat(approve(ADMIN, id).status()).isEqualTo(409);
        assertThat(propose(POLICY, id, "again").status()).isEqualTo(200);
        assertThat(view(id).get("approvals")).as("the approval of other content no longer counts").isEmpty();

        Http.Answer preview = postJson(POLICY, "/api/v1/ruleset/preview", "{\"draft\":" + id + ",\"lastDecisions\":3}");
        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);

        assertThat(call(ADMIN, HttpRequest.DELETE(DRAFTS + "/" + id)).status()).isEqualTo(200);
        assertThat(view(id).get("status").asText()).isEqualTo("DISCARDED");
        assertThat(put(POLICY, id, EXCELLENT, "x").status()).isEqualTo(409);

        assertThat(changes(id)).containsExactly("DRAFT_CREATED by policy", "FILE_SAVED by policy", "PROPOSED by policy",
                "REJECTED by admin", "FILE_SAVED by policy", "PROPOSED by policy", "APPROVED by admin", "FILE_SAVED by policy",
                "PROPOSED by policy", "DISCARDED by admin");
        assertThat(Http.get(client(), "/api/v1/ruleset").body().get("version").asText())
                .as("nothing of a draft is in service before it is published").isEqualTo(inService);
        assertThat(changeLog.verify().intact()).isTrue();
    }

    @Test
    void only_its_author_or_an_administrator_discards_a_draft() {
        long id = create(ADMIN, "admin's");
        Http.Answer refused = call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + id));
        assertThat(refused.status()).isEqualTo(403);
        long own = create(POLICY, "own");
        assertThat(call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + own)).status()).isEqualTo(200);
        assertThat(call(POLICY, HttpRequest.DELETE(DRAFTS + "/" + own)).status()).isEqualTo(409);
    }

    @Test
    void a_directory_pushed_as_a_zip_becomes_a_draft_read_against_its_base() {
        byte[] zip = Zips.of("rules/regimes.yaml", read("rules/regimes.yaml"), "scenarios/one.yaml", read("examples/scenarios/advanced-laborer/excellent-rating-is-eligible.yaml"));
        Http.Answer a = call(POLICY, HttpRequest.POST(DRAFTS + "?title=pushed&note=from%20git", zip).contentType("application/zip"));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        assertThat(a.body().get("title").asText()).isEqualTo("pushed");
        assertThat(a.body().get("note").asText()).as("the push's --note is kept").isEqualTo("from git");
        assertThat(changeLog.list(a.body().get("id").asLong(), null, 10).get(0).detail()).contains("pushed", "from git");
        assertThat(a.body().get("changes").get("added").toString()).contains("scenarios/one.yaml");
        assertThat(a.body().get("changes").get("removed").toString()).contains(LABORER_DRL);
        assertThat(a.body().get("check").get("passed").asBoolean()).isFalse();
    }
}
